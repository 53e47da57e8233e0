// Reductions (sum, mean, min, max, argmin, argmax) against PyTorch 1.13.1, bit for bit:
// fixture reduce.json from tools/fixtures/gen_reduce.py, plus hand-written checks of the API
// forms, the notebook's aggregation cells and the view/dtype rules.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "support/fixtures.h"
#include "support/view_ops.h"
#include "tl/tl.h"

namespace {

using nlohmann::json;
using tl::testing::apply_view_chain;
using tl::testing::dtype_from_name;
using tl::testing::optional_int;
using tl::testing::tensor_from_json;
using tl::testing::tensors_identical;
using tl::testing::throws_pytorch_error;

const json& cases() {
  static const json d = tl::testing::load_fixture("reduce.json").at("cases");
  return d;
}

uint64_t splitmix64(uint64_t x) {
  uint64_t z = x + 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// The generator's hashed inputs (see gen_reduce.py), recomputed exactly.
tl::Tensor hashed(const json& spec) {
  const std::vector<int64_t> shape = spec.at("shape").get<std::vector<int64_t>>();
  const tl::ScalarType dtype = dtype_from_name(spec.at("dtype").get<std::string>());
  const uint64_t seed = spec.at("seed").get<uint64_t>();
  const std::string kind = spec.at("kind").get<std::string>();
  int64_t n = 1;
  for (int64_t s : shape) n *= s;
  const tl::ScalarType made = kind == "int" ? tl::kLong : kind == "bool" ? tl::kBool : dtype == tl::kDouble ? tl::kDouble : tl::kFloat;
  tl::Tensor t = tl::empty({n}, made);
  for (int64_t i = 0; i < n; ++i) {
    const uint64_t z = splitmix64((seed << 32) + static_cast<uint64_t>(i));
    const double scale = kind == "spread" ? static_cast<double>(int64_t(z & 15) - 8) : 0.0;
    if (kind == "int") {
      const int64_t lo = spec.at("lo").get<int64_t>(), hi = spec.at("hi").get<int64_t>();
      t.data_ptr<int64_t>()[i] = lo + static_cast<int64_t>(z % static_cast<uint64_t>(hi - lo));
    } else if (kind == "bool") {
      t.data_ptr<bool>()[i] = (z & 1) != 0;
    } else if (made == tl::kDouble) {
      t.data_ptr<double>()[i] = std::ldexp(static_cast<double>(z >> 11) * 0x1p-53 - 0.5, static_cast<int>(scale));
    } else {
      const float u = static_cast<float>(z >> 40) * 0x1p-24f - 0.5f;
      t.data_ptr<float>()[i] = std::ldexp(u, static_cast<int>(scale));
    }
  }
  return t.to(dtype).reshape(shape);
}

tl::Tensor input_of(const json& c) {
  const json& in = c.at("input");
  const tl::Tensor base = in.contains("hash") ? hashed(in.at("hash")) : tensor_from_json(in.at("tensor"));
  return apply_view_chain(base, c.at("chain"));
}

std::optional<tl::ScalarType> dtype_arg(const json& c) {
  if (c.at("dtype").is_null()) return std::nullopt;
  return dtype_from_name(c.at("dtype").get<std::string>());
}

// Runs a fixture case's op; single results come back as the first element.
std::tuple<tl::Tensor, tl::Tensor> run(const json& c, const tl::Tensor& x) {
  const std::string op = c.at("op").get<std::string>();
  const bool keepdim = c.at("keepdim").get<bool>();
  const bool all = c.at("dims").is_null();
  const std::vector<int64_t> dims = all ? std::vector<int64_t>{} : c.at("dims").get<std::vector<int64_t>>();
  if (op == "sum") return {all ? x.sum(dtype_arg(c)) : x.sum(dims, keepdim, dtype_arg(c)), {}};
  if (op == "mean") return {all ? x.mean(dtype_arg(c)) : x.mean(dims, keepdim, dtype_arg(c)), {}};
  if (op == "max") return {x.max(), {}};
  if (op == "min") return {x.min(), {}};
  if (op == "max_dim") return x.max(c.at("dim").get<int64_t>(), keepdim);
  if (op == "min_dim") return x.min(c.at("dim").get<int64_t>(), keepdim);
  if (op == "argmax") return {x.argmax(optional_int(c.at("dim")), keepdim), {}};
  if (op == "argmin") return {x.argmin(optional_int(c.at("dim")), keepdim), {}};
  throw std::runtime_error("unknown op " + op);
}

TEST(ReduceFixture, HashedInputsMatchTheGenerator) {
  // A generator value spelled out: guards the recomputation every other case relies on.
  const tl::Tensor t = hashed(json{{"shape", {3}}, {"dtype", "float32"}, {"seed", 1}, {"kind", "uniform"}});
  const uint64_t z = splitmix64(uint64_t{1} << 32);
  EXPECT_EQ(t[0].item<float>(), static_cast<float>(z >> 40) * 0x1p-24f - 0.5f);
  EXPECT_EQ(t.sizes(), (tl::Sizes{3}));
}

TEST(ReduceFixture, EveryResultMatchesPytorchBitForBit) {
  ASSERT_GE(cases().size(), 1000u);
  int checked = 0;
  for (const json& c : cases()) {
    if (c.contains("error")) continue;
    SCOPED_TRACE(c.at("name").get<std::string>());
    const auto [r, idx] = run(c, input_of(c));
    if (c.contains("values")) {
      EXPECT_TRUE(tensors_identical(tensor_from_json(c.at("values")), r));
      EXPECT_TRUE(tensors_identical(tensor_from_json(c.at("indices")), idx));
    } else {
      EXPECT_TRUE(tensors_identical(tensor_from_json(c.at("expected")), r));
    }
    ++checked;
  }
  EXPECT_GE(checked, 1000);
}

TEST(ReduceFixture, EveryErrorMatchesPytorch) {
  int checked = 0;
  for (const json& c : cases()) {
    if (!c.contains("error")) continue;
    SCOPED_TRACE(c.at("name").get<std::string>());
    const tl::Tensor x = input_of(c);
    EXPECT_TRUE(throws_pytorch_error([&] { run(c, x); }, c.at("error")));
    ++checked;
  }
  EXPECT_GE(checked, 30);
}

// ---- the notebook's aggregation cells ----------------------------------------------------------

TEST(ReduceNotebook, AggregationOfArange) {
  const tl::Tensor x = tl::arange(0, 100, 10);
  EXPECT_EQ(x.min().item<int64_t>(), 0);
  EXPECT_EQ(x.max().item<int64_t>(), 90);
  EXPECT_EQ(x.sum().item<int64_t>(), 450);
  EXPECT_EQ(x.sum().dtype(), tl::kLong);
  EXPECT_EQ(x.argmax().item<int64_t>(), 9);
  EXPECT_EQ(x.argmin().item<int64_t>(), 0);
  EXPECT_EQ(tl::max(x).item<int64_t>(), 90);
  EXPECT_EQ(tl::min(x).item<int64_t>(), 0);
  EXPECT_EQ(tl::sum(x).item<int64_t>(), 450);
  try {
    x.mean();
    ADD_FAILURE() << "mean of int64 must throw";
  } catch (const tl::Error& e) {
    EXPECT_STREQ(e.what(),
                 "mean(): could not infer output dtype. Input dtype must be either a floating point or complex "
                 "dtype. Got: Long");
  }
  const tl::Tensor f = x.to(tl::kFloat);
  EXPECT_EQ(f.mean().item<float>(), 45.0f);
  EXPECT_EQ(tl::mean(f).item<float>(), 45.0f);
  EXPECT_EQ(x.mean(tl::kFloat).item<float>(), 45.0f);
}

// ---- API forms and layout rules ------------------------------------------------------------------

TEST(Reduce, FreeFunctionsMatchMembers) {
  const tl::Tensor x = tl::arange(0., 24.).reshape({2, 3, 4});
  EXPECT_TRUE(tensors_identical(x.sum({0, 2}), tl::sum(x, {0, 2})));
  EXPECT_TRUE(tensors_identical(x.mean({-1}, true), tl::mean(x, {-1}, true)));
  EXPECT_TRUE(tensors_identical(x.argmax(1), tl::argmax(x, 1)));
  EXPECT_TRUE(tensors_identical(x.argmin(), tl::argmin(x)));
  const auto [v1, i1] = x.max(2, true);
  const auto [v2, i2] = tl::max(x, 2, true);
  EXPECT_TRUE(tensors_identical(v1, v2));
  EXPECT_TRUE(tensors_identical(i1, i2));
  const auto [v3, i3] = tl::min(x, -1);
  EXPECT_TRUE(tensors_identical(tl::zeros({2, 3}, tl::kLong), i3));
  EXPECT_EQ(v3.sizes(), (tl::Sizes{2, 3}));
}

TEST(Reduce, ShapesWithAndWithoutKeepdim) {
  const tl::Tensor x = tl::ones({2, 3, 4});
  EXPECT_EQ(x.sum({1}).sizes(), (tl::Sizes{2, 4}));
  EXPECT_EQ(x.sum({1}, true).sizes(), (tl::Sizes{2, 1, 4}));
  EXPECT_EQ(x.sum(tl::IntArrayRef{}).sizes(), (tl::Sizes{}));  // an empty list reduces every dim
  EXPECT_EQ(x.sum(tl::IntArrayRef{}, true).sizes(), (tl::Sizes{1, 1, 1}));
  EXPECT_EQ(x.argmax(std::nullopt, true).sizes(), (tl::Sizes{1, 1, 1}));
  EXPECT_EQ(x.mean({0, -1}).sizes(), (tl::Sizes{3}));
}

TEST(Reduce, ResultsAreFreshContiguousTensors) {
  tl::Tensor x = tl::ones({3, 4});
  tl::Tensor s = x.t().sum({0});
  EXPECT_TRUE(s.is_contiguous());
  EXPECT_FALSE(s.is_same_storage(x));
  s.fill_(7);
  EXPECT_EQ(x.sum().item<float>(), 12.0f);
}

TEST(Reduce, IntegerAndBoolSumsAreInt64) {
  EXPECT_EQ(tl::ones({5}, tl::kInt8).sum().dtype(), tl::kLong);
  EXPECT_EQ(tl::ones({5}, tl::kBool).sum().item<int64_t>(), 5);
  EXPECT_EQ(tl::ones({5}, tl::kUInt8).sum({0}).dtype(), tl::kLong);
  EXPECT_EQ(tl::ones({5}, tl::kHalf).sum().dtype(), tl::kHalf);
  EXPECT_EQ(tl::ones({5}, tl::kInt32).sum(tl::kInt32).dtype(), tl::kInt32);
}

}  // namespace
