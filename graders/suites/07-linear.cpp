// Hidden suite for 07-linear. Golden values: graders/suites/fixtures/07-linear.json
// (tools/fixtures/gen_course.py: torch.nn.Linear / F.linear of PyTorch 1.13.1).
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <tuple>

#include <course/07_linear.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::expect_error;
using suite::same_tensor;
using suite::tensor_from_json;
using tl::indexing::Slice;

namespace {

const nlohmann::json& fx() { return suite::fixture("07-linear.json"); }

using Triple = std::tuple<tl::Tensor, tl::Tensor, tl::Tensor>;
using ViewFn = std::function<Triple(const tl::Tensor&, const tl::Tensor&, const tl::Tensor&)>;

// The C++ twins of gen_07()'s view functions.
std::map<std::string, ViewFn> views() {
  ViewFn same = [](const tl::Tensor& x, const tl::Tensor& w, const tl::Tensor& b) { return Triple{x, w, b}; };
  std::map<std::string, ViewFn> m;
  for (const char* n : {"notebook_values", "single_sample", "batch", "three_d_input", "four_d_input", "no_bias", "float64",
                        "empty_batch", "one_output"})
    m[n] = same;
  m["transposed_weight"] = [](const tl::Tensor& x, const tl::Tensor& w, const tl::Tensor& b) { return Triple{x, w.t(), b}; };
  m["transposed_input"] = [](const tl::Tensor& x, const tl::Tensor& w, const tl::Tensor& b) { return Triple{x.t(), w, b}; };
  m["strided_bias"] = [](const tl::Tensor& x, const tl::Tensor& w, const tl::Tensor& b) {
    return Triple{x, w, b.index({Slice(std::nullopt, std::nullopt, 2)})};
  };
  return m;
}

void check_forward(const std::function<bool(const std::string&)>& select) {
  auto v = views();
  int n = 0;
  for (const auto& c : fx()["forward"]) {
    const std::string name = c["name"];
    if (!select(name)) continue;
    ++n;
    const tl::Tensor b0 = c["bias"].is_null() ? tl::Tensor() : tensor_from_json(c["bias"]);
    auto [x, w, b] = v.at(name)(tensor_from_json(c["x"]), tensor_from_json(c["weight"]), b0);
    EXPECT_TRUE(suite::close_tensor(tensor_from_json(c["expected"]), course::linear_forward(x, w, b), 1e-5, 1e-6))
        << "linear_forward for the case '" << name << "': x of shape " << x.sizes() << ", weight of shape " << w.sizes()
        << ", bias " << (b.defined() ? "of shape " + suite::str(b.sizes()) : std::string("undefined (no bias)"));
  }
  ASSERT_GT(n, 0);
}

const nlohmann::json& init_case(uint64_t seed) {
  for (const auto& c : fx()["init"])
    if (c["seed"].get<uint64_t>() == seed) return c;
  throw std::runtime_error("no init case for this seed");
}

void check_init(const nlohmann::json& c) {
  const uint64_t seed = c["seed"];
  const int64_t fin = c["in"], fout = c["out"];
  const bool bias = c["bias"];
  tl::manual_seed(seed);
  const course::LinearParams p = course::linear_init_by_hand(fin, fout, bias);
  const std::string what = "linear_init_by_hand(" + std::to_string(fin) + ", " + std::to_string(fout) + ", " +
                           (bias ? "true" : "false") + ") after manual_seed(" + std::to_string(seed) + ")";
  EXPECT_TRUE(same_tensor(tensor_from_json(c["weight"]), p.weight)) << what << ": weight";
  if (bias) {
    EXPECT_TRUE(same_tensor(tensor_from_json(c["bias_values"]), p.bias)) << what << ": bias";
  } else {
    EXPECT_FALSE(p.bias.defined()) << what << ": without a bias, bias should be an undefined tensor";
  }
  EXPECT_TRUE(same_tensor(tensor_from_json(c["next"]), tl::rand({3})))
      << what << ": the default generator should be left exactly where nn.Linear leaves it";
}

}  // namespace

// ---- linear_forward --------------------------------------------------------------------

TEST(LinearForward, NotebookValues) { check_forward([](const std::string& n) { return n == "notebook_values"; }); }

TEST(LinearForward, SingleSampleAndBatch) {
  check_forward([](const std::string& n) { return n == "single_sample" || n == "batch" || n == "one_output"; });
}

TEST(LinearForward, LeadingDimsAreKept) {
  check_forward([](const std::string& n) { return n == "three_d_input" || n == "four_d_input"; });
}

TEST(LinearForward, WithoutBias) { check_forward([](const std::string& n) { return n == "no_bias"; }); }

TEST(LinearForward, Float64) { check_forward([](const std::string& n) { return n == "float64"; }); }

TEST(LinearForward, NonContiguousArguments) {
  check_forward([](const std::string& n) {
    return n == "transposed_weight" || n == "transposed_input" || n == "strided_bias";
  });
}

TEST(LinearForward, EmptyBatch) { check_forward([](const std::string& n) { return n == "empty_batch"; }); }

TEST(LinearForward, InputsAreUnchanged) {
  const tl::Tensor x = tl::tensor({{1., 2.}}), w = tl::tensor({{3., 4.}}), b = tl::tensor({5.});
  const tl::Tensor y = course::linear_forward(x, w, b);
  EXPECT_TRUE(same_tensor(tl::tensor({{16.f}}), y));
  EXPECT_TRUE(same_tensor(tl::tensor({{1., 2.}}), x));
  EXPECT_TRUE(same_tensor(tl::tensor({{3., 4.}}), w));
  EXPECT_TRUE(same_tensor(tl::tensor({5.}), b));
}

TEST(LinearForward, ShapeErrors) {
  for (const auto& c : fx()["forward_errors"]) {
    const tl::Tensor x = tl::ones(suite::shape_from_json(c["x"])), w = tl::ones(suite::shape_from_json(c["weight"]));
    EXPECT_TRUE(expect_error([&] { course::linear_forward(x, w, tl::Tensor()); }, c["message"]))
        << "linear_forward with x of shape " << x.sizes() << " and weight of shape " << w.sizes();
  }
}

// ---- notebook_linear -------------------------------------------------------------------

TEST(NotebookLinear, Output) {
  const auto nb = course::notebook_linear();
  EXPECT_TRUE(suite::close_tensor(tensor_from_json(fx()["notebook"]["output"]), nb.output, 1e-6, 1e-6));
}

TEST(NotebookLinear, WeightAndBiasFromSeed42) {
  tl::manual_seed(1);  // the function must seed for itself
  const auto nb = course::notebook_linear();
  EXPECT_TRUE(same_tensor(tensor_from_json(fx()["notebook"]["weight"]), nb.weight)) << "weight";
  EXPECT_TRUE(same_tensor(tensor_from_json(fx()["notebook"]["bias"]), nb.bias)) << "bias";
}

// ---- linear_init_by_hand ---------------------------------------------------------------

TEST(LinearInitByHand, NotebookLayer) { check_init(init_case(42)); }

TEST(LinearInitByHand, SmallLayers) {
  check_init(init_case(0));
  check_init(init_case(1234));
}

TEST(LinearInitByHand, WideAndTallLayers) {
  check_init(init_case(5));
  check_init(init_case(9));
}

TEST(LinearInitByHand, WithoutBias) {
  check_init(init_case(3));
  check_init(init_case(13));
}

TEST(LinearInitByHand, ZeroFeatures) {
  check_init(init_case(11));  // in_features = 0: no weight draws, bias bound 0
  check_init(init_case(12));  // out_features = 0: nothing to draw
}

TEST(LinearInitByHand, LargeSeed) { check_init(init_case((uint64_t(1) << 40) + 1)); }

TEST(LinearInitByHand, MatchesTheLibrarysLayer) {
  tl::manual_seed(77);
  const auto p = course::linear_init_by_hand(3, 4);
  tl::manual_seed(77);
  tl::nn::Linear linear(3, 4);
  EXPECT_TRUE(same_tensor(linear->weight, p.weight));
  EXPECT_TRUE(same_tensor(linear->bias, p.bias));
}
