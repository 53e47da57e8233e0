// Hidden suite for 01-tensors. Golden values: graders/suites/fixtures/01-tensors.json
// (tools/fixtures/gen_course.py, PyTorch 1.13.1); the notebook's tensors are its literal output.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <map>

#include <course/01_tensors.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::expect_error;
using suite::same_tensor;
using tl::indexing::Slice;

namespace {
const nlohmann::json& fx() { return suite::fixture("01-tensors.json"); }
}  // namespace

// ---- make_notebook_tensors -------------------------------------------------------------

TEST(NotebookTensors, ScalarIsZeroDimInt64Seven) {
  const auto nb = course::make_notebook_tensors();
  EXPECT_TRUE(same_tensor(tl::full({}, 7, tl::kLong), nb.scalar)) << "scalar should be torch.tensor(7)";
  ASSERT_TRUE(nb.scalar.defined());
  EXPECT_EQ(nb.scalar.dim(), 0) << "a scalar has no dimensions";
}

TEST(NotebookTensors, VectorIsSevenSeven) {
  const auto nb = course::make_notebook_tensors();
  EXPECT_TRUE(same_tensor(tl::full({2}, 7, tl::kLong), nb.vector)) << "vector should be torch.tensor([7, 7])";
}

TEST(NotebookTensors, MatrixValuesAndShape) {
  const auto nb = course::make_notebook_tensors();
  tl::Tensor expected = tl::arange(7, 11).reshape({2, 2});  // [[7, 8], [9, 10]]
  EXPECT_TRUE(same_tensor(expected, nb.MATRIX)) << "MATRIX should be torch.tensor([[7, 8], [9, 10]])";
}

TEST(NotebookTensors, TensorValuesAndShape) {
  const auto nb = course::make_notebook_tensors();
  const std::vector<int64_t> values = {1, 2, 3, 3, 6, 9, 2, 4, 5};
  tl::Tensor expected = tl::from_vector(values, {1, 3, 3});
  EXPECT_TRUE(same_tensor(expected, nb.TENSOR)) << "TENSOR should be torch.tensor([[[1, 2, 3], [3, 6, 9], [2, 4, 5]]])";
}

TEST(NotebookTensors, FourSeparateTensors) {
  const auto nb = course::make_notebook_tensors();
  ASSERT_TRUE(nb.scalar.defined() && nb.vector.defined() && nb.MATRIX.defined() && nb.TENSOR.defined());
  EXPECT_FALSE(nb.vector.is_same_storage(nb.MATRIX)) << "each tensor should own its own memory";
  EXPECT_FALSE(nb.MATRIX.is_same_storage(nb.TENSOR)) << "each tensor should own its own memory";
}

// ---- ndim_from_repr --------------------------------------------------------------------

TEST(NdimFromRepr, NotebookReprs) {
  EXPECT_EQ(course::ndim_from_repr("tensor(7)"), 0);
  EXPECT_EQ(course::ndim_from_repr("tensor([7, 7])"), 1);
  EXPECT_EQ(course::ndim_from_repr("tensor([[ 7,  8],\n        [ 9, 10]])"), 2);
  EXPECT_EQ(course::ndim_from_repr("tensor([[[1, 2, 3],\n         [3, 6, 9],\n         [2, 4, 5]]])"), 3);
}

TEST(NdimFromRepr, ZeroDimReprsOfEveryKind) {
  for (const auto& c : fx()["reprs"]) {
    if (c["ndim"] != 0) continue;
    const std::string r = c["repr"];
    EXPECT_EQ(course::ndim_from_repr(r), 0) << "for the repr " << r;
  }
}

TEST(NdimFromRepr, ReprsWithDtypeSuffix) {
  for (const auto& c : fx()["reprs"]) {
    const std::string r = c["repr"];
    if (r.find("dtype=") == std::string::npos || r.find("size=(") != std::string::npos) continue;
    EXPECT_EQ(course::ndim_from_repr(r), c["ndim"].get<int64_t>()) << "for the repr\n" << r;
  }
}

TEST(NdimFromRepr, MultiLineAndSummarisedReprs) {
  for (const auto& c : fx()["reprs"]) {
    const std::string r = c["repr"];
    if (r.find('\n') == std::string::npos) continue;
    EXPECT_EQ(course::ndim_from_repr(r), c["ndim"].get<int64_t>()) << "for the repr\n" << r;
  }
}

TEST(NdimFromRepr, EmptyTensorsCountSizeEntries) {
  int checked = 0;
  for (const auto& c : fx()["reprs"]) {
    const std::string r = c["repr"];
    if (r.find("[]") == std::string::npos) continue;
    ++checked;
    EXPECT_EQ(course::ndim_from_repr(r), c["ndim"].get<int64_t>()) << "for the repr " << r;
  }
  EXPECT_GE(checked, 4);
}

TEST(NdimFromRepr, EveryFixtureRepr) {
  for (const auto& c : fx()["reprs"]) {
    const std::string r = c["repr"];
    EXPECT_EQ(course::ndim_from_repr(r), c["ndim"].get<int64_t>()) << "for the repr (" << c["name"] << ")\n" << r;
  }
}

TEST(NdimFromRepr, DeviceSuffixDoesNotCount) {
  EXPECT_EQ(course::ndim_from_repr("tensor([1, 2, 3], device='cuda:0')"), 1);
  EXPECT_EQ(course::ndim_from_repr("tensor([[1., 2.]], device='cuda:0', dtype=torch.float64)"), 2);
}

TEST(NdimFromRepr, RejectsTextThatIsNotATensor) {
  EXPECT_TRUE(expect_error([] { course::ndim_from_repr("torch.Size([2, 2])"); }, "", suite::Match::Any));
  EXPECT_TRUE(expect_error([] { course::ndim_from_repr("[[1, 2]]"); }, "", suite::Match::Any));
  EXPECT_TRUE(expect_error([] { course::ndim_from_repr(""); }, "", suite::Match::Any));
}

// ---- numel_from_shape ------------------------------------------------------------------

TEST(NumelFromShape, NotebookShapes) {
  EXPECT_EQ(course::numel_from_shape({2}), 2);
  EXPECT_EQ(course::numel_from_shape({2, 2}), 4);
  EXPECT_EQ(course::numel_from_shape({1, 3, 3}), 9);
  EXPECT_EQ(course::numel_from_shape({3, 4}), 12);
  EXPECT_EQ(course::numel_from_shape({224, 224, 3}), 150528);
}

TEST(NumelFromShape, ScalarShapeHoldsOne) { EXPECT_EQ(course::numel_from_shape({}), 1); }

TEST(NumelFromShape, AnyZeroMakesItEmpty) {
  EXPECT_EQ(course::numel_from_shape({0}), 0);
  EXPECT_EQ(course::numel_from_shape({2, 0, 3}), 0);
  EXPECT_EQ(course::numel_from_shape({5, 7, 0}), 0);
}

TEST(NumelFromShape, OnesAndLargeShapes) {
  EXPECT_EQ(course::numel_from_shape({1, 1, 1, 1, 10}), 10);
  EXPECT_EQ(course::numel_from_shape({1}), 1);
  EXPECT_EQ(course::numel_from_shape({1 << 20, 1 << 12}), int64_t(1) << 32);  // no 32-bit overflow
}

TEST(NumelFromShape, MatchesTensorsOfThoseShapes) {
  for (std::vector<int64_t> s : {std::vector<int64_t>{2, 3, 4}, {7}, {1, 7}, {6, 1, 2}}) {
    EXPECT_EQ(course::numel_from_shape(s), tl::zeros(s).numel()) << "for shape " << suite::str_list(s);
  }
}

TEST(NumelFromShape, NegativeSizeThrows) {
  EXPECT_TRUE(expect_error([] { course::numel_from_shape({2, -1}); }, "", suite::Match::Any));
  EXPECT_TRUE(expect_error([] { course::numel_from_shape({-3}); }, "", suite::Match::Any));
}

// ---- item_by_hand ----------------------------------------------------------------------

namespace {

// The C++ twins of gen_01()'s item cases.
std::map<std::string, std::function<tl::Tensor()>> item_inputs() {
  using tl::Tensor;
  return {
      {"int64_7", [] { return tl::tensor(7); }},
      {"int8_min", [] { return tl::full({1}, -128, tl::kChar); }},
      {"uint8_max", [] { return tl::full({1}, 255, tl::kByte); }},
      {"int16_min", [] { return tl::full({1}, -32768, tl::kShort); }},
      {"int32_max", [] { return tl::full({1}, 2147483647, tl::kInt); }},
      {"int64_max", [] { return tl::full({1}, std::numeric_limits<int64_t>::max(), tl::kLong); }},
      {"float16_tenth", [] { return tl::full({1}, 0.1, tl::kHalf); }},
      {"float32_tenth", [] { return tl::full({1}, 0.1, tl::kFloat); }},
      {"float64_tenth", [] { return tl::full({1}, 0.1, tl::kDouble); }},
      {"float32_nested", [] { return tl::tensor({{{2.5}}}); }},
      {"bool_true", [] { return tl::tensor({true}); }},
      {"bool_false", [] { return tl::tensor(false); }},
      {"float32_nan", [] { return tl::full({1}, std::numeric_limits<double>::quiet_NaN()); }},
      {"float32_neg_inf", [] { return tl::full({1}, -std::numeric_limits<double>::infinity()); }},
      {"view_offset", [] { return tl::arange(24).reshape({2, 3, 4}).index({1, 2, Slice(3, 4)}); }},
      {"view_select", [] { return tl::arange(24).reshape({2, 3, 4})[1][0][2]; }},
      {"transposed", [] { return tl::arange(6.).reshape({2, 3}).t()[2][1]; }},
      {"strided_slice", [] { return tl::arange(10, 20, tl::kInt).index({Slice(3, std::nullopt, 4)}).index({Slice(1, 2)}); }},
  };
}

::testing::AssertionResult scalar_matches(const nlohmann::json& c, const tl::Scalar& got) {
  const std::string kind = c["kind"];
  const tl::Scalar want = suite::scalar_from_json(c["value"]);
  if (kind == "bool") {
    if (!got.is_boolean()) return ::testing::AssertionFailure() << "expected a bool Scalar, got " << got;
    if (got.to_bool() != want.to_bool())
      return ::testing::AssertionFailure() << "expected " << want << ", got " << got;
  } else if (kind == "int") {
    if (!got.is_integral()) return ::testing::AssertionFailure() << "expected an integer Scalar, got " << got;
    if (got.to_long() != want.to_long()) return ::testing::AssertionFailure() << "expected " << want << ", got " << got;
  } else {
    if (!got.is_floating_point()) return ::testing::AssertionFailure() << "expected a floating Scalar, got " << got;
    const double w = want.to_double(), g = got.to_double();
    const bool same = (std::isnan(w) && std::isnan(g)) || w == g;
    if (!same) {
      std::ostringstream os;
      os.precision(17);
      os << "expected " << w << ", got " << g;
      return ::testing::AssertionFailure() << os.str();
    }
  }
  return ::testing::AssertionSuccess();
}

void check_items(const std::function<bool(const std::string&)>& select) {
  auto inputs = item_inputs();
  int n = 0;
  for (const auto& c : fx()["items"]) {
    const std::string name = c["name"];
    if (!select(name)) continue;
    ASSERT_TRUE(inputs.count(name)) << "suite is missing the input " << name;
    const tl::Tensor t = inputs[name]();
    ++n;
    EXPECT_TRUE(scalar_matches(c, course::item_by_hand(t))) << "item_by_hand of " << suite::show(t) << " (" << name << ")";
  }
  EXPECT_GT(n, 0);
}

bool starts_with(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

}  // namespace

TEST(ItemByHand, NotebookScalar) {
  const tl::Scalar s = course::item_by_hand(tl::tensor(7));
  EXPECT_TRUE(s.is_integral()) << "item of an int64 tensor should be an integer Scalar";
  EXPECT_EQ(s.to_long(), 7);
}

TEST(ItemByHand, SignedAndUnsignedIntegers) {
  check_items([](const std::string& n) { return starts_with(n, "int") || starts_with(n, "uint"); });
}

TEST(ItemByHand, FloatingTypesKeepTheirPrecision) {
  check_items([](const std::string& n) { return starts_with(n, "float"); });
}

TEST(ItemByHand, Booleans) {
  check_items([](const std::string& n) { return starts_with(n, "bool"); });
}

TEST(ItemByHand, ViewsReadTheRightElement) {
  check_items([](const std::string& n) {
    return n == "view_offset" || n == "view_select" || n == "transposed" || n == "strided_slice";
  });
}

TEST(ItemByHand, EveryFixtureCase) {
  check_items([](const std::string&) { return true; });
}

TEST(ItemByHand, DoesNotChangeTheTensor) {
  tl::Tensor t = tl::tensor({{3.5}});
  (void)course::item_by_hand(t);
  EXPECT_TRUE(same_tensor(tl::tensor({{3.5}}), t));
  EXPECT_EQ(course::item_by_hand(t).to_double(), 3.5);
}

TEST(ItemByHand, ManyElementsIsAnError) {
  EXPECT_TRUE(expect_error([] { course::item_by_hand(tl::ones({2, 2})); }, fx()["item_errors"]["four"]));
  EXPECT_TRUE(expect_error([] { course::item_by_hand(tl::tensor({7, 7})); }, fx()["item_errors"]["two_int"]));
}

TEST(ItemByHand, EmptyIsAnError) {
  EXPECT_TRUE(expect_error([] { course::item_by_hand(tl::ones({0})); }, fx()["item_errors"]["zero"]));
}
