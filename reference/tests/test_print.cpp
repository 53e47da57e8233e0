// Printing: tensors, sizes, dtypes and Scalars against PyTorch 1.13.1's repr
// (fixture repr.json from tools/fixtures/gen_repr.py), plus the print options.
#include <gtest/gtest.h>

#include <chrono>
#include <iomanip>
#include <limits>
#include <sstream>
#include <string>

#include "support/fixtures.h"
#include "tl/tl.h"

namespace {

using nlohmann::json;
using tl::testing::to_string;

const json& data() {
  static const json d = tl::testing::load_fixture("repr.json");
  return d;
}

// Restores the default options even when a check fails half-way.
struct OptionsGuard {
  OptionsGuard() = default;
  explicit OptionsGuard(const tl::PrintOptions& o) { tl::set_printoptions(o); }
  ~OptionsGuard() { tl::set_printoptions(tl::PrintOptions{}); }
};

// The same options as the generator's torch.set_printoptions(**options).
tl::PrintOptions options_from_json(const json& j) {
  tl::PrintOptions o = j.contains("profile") ? tl::PrintOptions::profile(j["profile"].get<std::string>())
                                             : tl::PrintOptions{};
  if (j.contains("precision")) o.precision = j["precision"].get<int>();
  if (j.contains("threshold")) {
    const json& t = j["threshold"];
    o.threshold = t.is_string() ? std::numeric_limits<double>::infinity() : t.get<double>();
  }
  if (j.contains("edgeitems")) o.edgeitems = j["edgeitems"].get<int>();
  if (j.contains("linewidth")) o.linewidth = j["linewidth"].get<int>();
  if (j.contains("sci_mode")) o.sci_mode = j["sci_mode"].get<bool>();
  return o;
}

// Applies the generator's view ops, so the printed tensor is non-contiguous as in Python.
tl::Tensor apply_view(tl::Tensor t, const json& view) {
  for (const json& v : view) {
    const std::string op = v["op"].get<std::string>();
    if (op == "t") {
      t = t.t();
    } else if (op == "transpose") {
      t = t.transpose(v["dim0"].get<int64_t>(), v["dim1"].get<int64_t>());
    } else if (op == "permute") {
      t = t.permute(v["dims"].get<std::vector<int64_t>>());
    } else if (op == "slice") {
      t = t.slice(v["dim"].get<int64_t>(), v["start"].get<int64_t>(), v["end"].get<int64_t>(),
                  v["step"].get<int64_t>());
    } else if (op == "select") {
      t = t.select(v["dim"].get<int64_t>(), v["index"].get<int64_t>());
    } else if (op == "expand") {
      t = t.expand(v["sizes"].get<std::vector<int64_t>>());
    } else {
      ADD_FAILURE() << "unknown view op " << op;
    }
  }
  return t;
}

TEST(PrintFixture, EveryTensorMatchesPytorchRepr) {
  const json& cases = data().at("tensors");
  ASSERT_GE(cases.size(), 150u);
  for (const json& c : cases) {
    SCOPED_TRACE(c["name"].get<std::string>());
    tl::Tensor t = tl::testing::tensor_from_json(c["tensor"]);
    if (c.contains("view")) {
      t = apply_view(t, c["view"]);
      if (t.numel() > 1 && t.dim() > 0) {
        EXPECT_FALSE(t.is_contiguous());
      }
    }
    OptionsGuard guard(c.contains("options") ? options_from_json(c["options"]) : tl::PrintOptions{});
    if (c.contains("error")) {
      try {
        (void)tl::repr(t);
        ADD_FAILURE() << "expected error " << c["error"];
      } catch (const tl::Error& e) {
        EXPECT_EQ(std::string(e.what()), c["error"].get<std::string>());
      }
      continue;
    }
    const std::string expected = c["repr"].get<std::string>();
    EXPECT_EQ(tl::repr(t), expected);
    EXPECT_EQ(to_string(t), expected);  // operator<< prints the same text
  }
}

TEST(PrintFixture, DeviceSuffixFollowsPytorchRules) {
  for (const json& c : data().at("cuda")) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const tl::Tensor t = tl::testing::tensor_from_json(c["tensor"]);
    EXPECT_EQ(tl::detail::repr_on_device(t, tl::Device("cuda:0")), c["repr"].get<std::string>());
  }
}

TEST(PrintFixture, SizesPrintAsTorchSize) {
  for (const json& c : data().at("sizes")) {
    const tl::Sizes s(c["shape"].get<std::vector<int64_t>>());
    EXPECT_EQ(to_string(s), c["repr"].get<std::string>());
    EXPECT_EQ(to_string(tl::zeros(s).sizes()), c["repr"].get<std::string>());
  }
}

TEST(PrintFixture, DtypesPrintAsTorchNames) {
  for (const json& c : data().at("dtypes")) {
    const tl::ScalarType dt = tl::testing::dtype_from_name(c["dtype"].get<std::string>());
    EXPECT_EQ(to_string(dt), c["repr"].get<std::string>());
  }
}

TEST(PrintFixture, ScalarsPrintAsPythonNumbers) {
  for (const json& c : data().at("scalars")) {
    SCOPED_TRACE(c.dump());
    const std::string kind = c["kind"].get<std::string>();
    tl::Scalar s;
    if (kind == "int") s = tl::Scalar(c["value"].get<int64_t>());
    else if (kind == "bool") s = tl::Scalar(c["value"].get<bool>());
    else s = tl::testing::scalar_from_json(c["value"]).to_double();  // "7.0" stays a float
    EXPECT_EQ(to_string(s), c["repr"].get<std::string>());
  }
}

// ---- hand-written cases from the notebook ------------------------------------------

TEST(Print, NotebookScalarAndMatrix) {
  EXPECT_EQ(to_string(tl::tensor(7)), "tensor(7)");
  EXPECT_EQ(to_string(tl::tensor({{7, 8}, {9, 10}})), "tensor([[ 7,  8],\n        [ 9, 10]])");
  EXPECT_EQ(to_string(tl::tensor({3.0, 6.0, 9.0}, tl::kHalf)), "tensor([3., 6., 9.], dtype=torch.float16)");
  EXPECT_EQ(to_string(tl::tensor({true, false})), "tensor([ True, False])");
  EXPECT_EQ(to_string(tl::tensor(0.8823f)), "tensor(0.8823)");
}

TEST(Print, EmptyTensors) {
  EXPECT_EQ(to_string(tl::empty({0})), "tensor([])");
  EXPECT_EQ(to_string(tl::empty({0, 3})), "tensor([], size=(0, 3))");
  EXPECT_EQ(to_string(tl::empty({0}, tl::kLong)), "tensor([], dtype=torch.int64)");
  EXPECT_EQ(to_string(tl::empty({2, 0}, tl::kBool)), "tensor([], size=(2, 0), dtype=torch.bool)");
}

TEST(Print, UndefinedTensorDoesNotThrow) { EXPECT_EQ(to_string(tl::Tensor()), "[ Tensor (undefined) ]"); }

TEST(Print, ScalarBasics) {
  EXPECT_EQ(to_string(tl::Scalar(7)), "7");
  EXPECT_EQ(to_string(tl::Scalar(3.5)), "3.5");
  EXPECT_EQ(to_string(tl::Scalar(7.0)), "7.0");
  EXPECT_EQ(to_string(tl::Scalar(1e16)), "1e+16");
  EXPECT_EQ(to_string(tl::Scalar(true)), "True");
  EXPECT_EQ(to_string(tl::Scalar(std::numeric_limits<double>::quiet_NaN())), "nan");
  EXPECT_EQ(to_string(tl::Scalar(-std::numeric_limits<double>::infinity())), "-inf");
  // Stream state (hex, precision) must not leak into the Python-style text.
  std::ostringstream os;
  os << std::hex << std::setprecision(2) << tl::Scalar(255) << ' ' << tl::Scalar(0.125);
  EXPECT_EQ(os.str(), "255 0.125");
}

// ---- print options -------------------------------------------------------------------

TEST(PrintOptions, DefaultsArePytorchs) {
  const tl::PrintOptions o = tl::get_printoptions();
  EXPECT_EQ(o.precision, 4);
  EXPECT_EQ(o.threshold, 1000);
  EXPECT_EQ(o.edgeitems, 3);
  EXPECT_EQ(o.linewidth, 80);
  EXPECT_FALSE(o.sci_mode.has_value());
}

TEST(PrintOptions, ChangeAppliesAndRestores) {
  const tl::Tensor x = tl::tensor({1.12345, 2.5});
  {
    tl::PrintOptions o;
    o.precision = 2;
    OptionsGuard guard(o);
    EXPECT_EQ(tl::get_printoptions().precision, 2);
    EXPECT_EQ(to_string(x), "tensor([1.12, 2.50])");
  }
  EXPECT_EQ(tl::get_printoptions().precision, 4);
  EXPECT_EQ(to_string(x), "tensor([1.1235, 2.5000])");
  {
    tl::PrintOptions o;
    o.threshold = 5;
    OptionsGuard guard(o);
    EXPECT_EQ(to_string(tl::arange(10)), "tensor([0, 1, 2,  ..., 7, 8, 9])");
  }
  EXPECT_EQ(to_string(tl::arange(10)), "tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])");
}

TEST(PrintOptions, ProfilesAndValidation) {
  EXPECT_EQ(tl::PrintOptions::profile("short").precision, 2);
  EXPECT_EQ(tl::PrintOptions::profile("short").edgeitems, 2);
  EXPECT_EQ(tl::PrintOptions::profile("full").threshold, std::numeric_limits<double>::infinity());
  EXPECT_EQ(tl::PrintOptions::profile("default").threshold, 1000);
  EXPECT_THROW(tl::PrintOptions::profile("long"), tl::Error);
  tl::PrintOptions bad;
  bad.precision = -1;
  EXPECT_THROW(tl::set_printoptions(bad), tl::Error);
  bad = {};
  bad.edgeitems = -2;
  EXPECT_THROW(tl::set_printoptions(bad), tl::Error);
  EXPECT_EQ(tl::get_printoptions().precision, 4);  // a rejected call changes nothing
}

TEST(Print, LargeTensorsPrintQuickly) {
  // Summarising must touch only the shown elements, and 1000 elements must print in linear time.
  const tl::Tensor big = tl::zeros({4000, 4000});
  const tl::Tensor thousand = tl::arange(1000).to(tl::kFloat);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i) {  // lengths of PyTorch's reprs of the same tensors
    EXPECT_EQ(tl::repr(big).size(), 253u);
    EXPECT_EQ(tl::repr(thousand).size(), 6672u);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
}

}  // namespace
