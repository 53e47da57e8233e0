// Hidden suite for 06-matmul. Golden values: graders/suites/fixtures/06-matmul.json
// (tools/fixtures/gen_course.py: torch.matmul shapes, products and errors of PyTorch 1.13.1).
#include <gtest/gtest.h>

#include <functional>
#include <map>

#include <course/06_matmul.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::expect_error;
using suite::same_tensor;
using suite::tensor_from_json;
using tl::indexing::Slice;

namespace {

const nlohmann::json& fx() { return suite::fixture("06-matmul.json"); }

std::string pair_str(const nlohmann::json& c) {
  return "(" + suite::str_list(suite::shape_from_json(c["a"])) + ", " + suite::str_list(suite::shape_from_json(c["b"])) + ")";
}

using ViewFn = std::function<std::pair<tl::Tensor, tl::Tensor>(const tl::Tensor&, const tl::Tensor&)>;

// The C++ twins of gen_06()'s view functions.
std::map<std::string, ViewFn> views() {
  auto same = [](const tl::Tensor& a, const tl::Tensor& b) { return std::make_pair(a, b); };
  auto nn = std::nullopt;
  return {
      {"notebook_dot", same},
      {"notebook_transpose", [](const tl::Tensor& a, const tl::Tensor& b) { return std::make_pair(a, b.t()); }},
      {"notebook_other_way", [](const tl::Tensor& a, const tl::Tensor& b) { return std::make_pair(a.t(), b); }},
      {"float32_random", same},
      {"float64_random", same},
      {"int32", same},
      {"int16", same},
      {"int8_wraps", same},
      {"uint8", same},
      {"int64_large", same},
      {"dot_float32", same},
      {"dot_float64", same},
      {"dot_int8", same},
      {"dot_empty", same},
      {"dot_strided",
       [nn](const tl::Tensor& a, const tl::Tensor& b) { return std::make_pair(a.index({Slice(nn, nn, 2)}), b[1]); }},
      {"empty_rows", same},
      {"empty_inner", same},
      {"both_transposed", [](const tl::Tensor& a, const tl::Tensor& b) { return std::make_pair(a.t(), b.t()); }},
      {"sliced",
       [nn](const tl::Tensor& a, const tl::Tensor& b) {
         return std::make_pair(a.index({Slice(1, 5), Slice(nn, nn, 2)}), b.index({Slice(nn, nn, 2), Slice(3, 6)}));
       }},
      {"column_vector", [](const tl::Tensor& a, const tl::Tensor& b) { return std::make_pair(a, b.t()); }},
      {"one_by_one", same},
  };
}

void check_by_hand(const std::function<bool(const std::string&)>& select) {
  auto v = views();
  int n = 0;
  for (const auto& c : fx()["by_hand"]) {
    const std::string name = c["name"];
    if (!select(name)) continue;
    ++n;
    auto [a, b] = v.at(name)(tensor_from_json(c["a"]), tensor_from_json(c["b"]));
    const tl::Tensor expected = tensor_from_json(c["expected"]);
    const tl::Tensor got = course::matmul_by_hand(a, b);
    // Floating sums may add up in another order than PyTorch's BLAS: allow rounding.
    auto r = expected.is_floating_point() ? suite::close_tensor(expected, got, 1e-5, 1e-5) : same_tensor(expected, got);
    EXPECT_TRUE(r) << "matmul_by_hand(a, b) for the case '" << name << "' with\n  a = " << suite::show(a) << " (shape "
                   << a.sizes() << ", strides " << suite::str_list(a.strides()) << ")\n  b = " << suite::show(b)
                   << " (shape " << b.sizes() << ", strides " << suite::str_list(b.strides()) << ")";
  }
  ASSERT_GT(n, 0);
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

void check_errors(const std::function<bool(const std::string&)>& select) {
  int n = 0;
  for (const auto& c : fx()["errors"]) {
    const std::string name = c["name"];
    if (!select(name)) continue;
    ++n;
    const tl::Tensor a = tl::ones(suite::shape_from_json(c["a"][0]), suite::dtype_from_name(c["a"][1]));
    const tl::Tensor b = tl::ones(suite::shape_from_json(c["b"][0]), suite::dtype_from_name(c["b"][1]));
    EXPECT_TRUE(expect_error([&] { course::matmul_by_hand(a, b); }, c["message"]))
        << "matmul_by_hand of a " << a.dtype() << " tensor of shape " << a.sizes() << " and a " << b.dtype()
        << " tensor of shape " << b.sizes() << " (case " << name << ")";
  }
  ASSERT_GT(n, 0);
}

}  // namespace

// ---- inner_dims_match ------------------------------------------------------------------

TEST(InnerDimsMatch, NotebookRules) {
  EXPECT_FALSE(course::inner_dims_match({3, 2}, {3, 2})) << "(3, 2) @ (3, 2) won't work";
  EXPECT_TRUE(course::inner_dims_match({2, 3}, {3, 2})) << "(2, 3) @ (3, 2) will work";
  EXPECT_TRUE(course::inner_dims_match({3, 2}, {2, 3})) << "(3, 2) @ (2, 3) will work";
}

TEST(InnerDimsMatch, EveryFixtureShapePair) {
  for (const auto& c : fx()["shapes"]) {
    const auto a = suite::shape_from_json(c["a"]), b = suite::shape_from_json(c["b"]);
    EXPECT_EQ(c["inner"].get<bool>(), course::inner_dims_match(a, b)) << "inner_dims_match" << pair_str(c);
  }
}

TEST(InnerDimsMatch, VectorsAndZeroDim) {
  EXPECT_TRUE(course::inner_dims_match({3}, {3}));
  EXPECT_FALSE(course::inner_dims_match({3}, {4}));
  EXPECT_TRUE(course::inner_dims_match({3}, {3, 4}));
  EXPECT_FALSE(course::inner_dims_match({3, 4}, {3}));
  EXPECT_FALSE(course::inner_dims_match({}, {3}));
  EXPECT_FALSE(course::inner_dims_match({3}, {}));
}

// ---- matmul_output_shape ---------------------------------------------------------------

TEST(MatmulOutputShape, NotebookRules) {
  EXPECT_TRUE(suite::same_shape({2, 2}, course::matmul_output_shape({2, 3}, {3, 2}).value_or(tl::Sizes{-1})));
  EXPECT_TRUE(suite::same_shape({3, 3}, course::matmul_output_shape({3, 2}, {2, 3}).value_or(tl::Sizes{-1})));
  EXPECT_FALSE(course::matmul_output_shape({3, 2}, {3, 2}).has_value()) << "(3, 2) @ (3, 2) cannot be multiplied";
}

namespace {
void check_shapes(const std::function<bool(size_t, size_t, bool)>& select) {
  int n = 0;
  for (const auto& c : fx()["shapes"]) {
    const auto a = suite::shape_from_json(c["a"]), b = suite::shape_from_json(c["b"]);
    if (!select(a.size(), b.size(), c["shape"].is_null())) continue;
    ++n;
    const auto got = course::matmul_output_shape(a, b);
    if (c["shape"].is_null()) {
      EXPECT_FALSE(got.has_value()) << "matmul_output_shape" << pair_str(c) << " should be nullopt (torch.matmul fails), got "
                                    << (got ? suite::str_list(*got) : "");
    } else {
      ASSERT_TRUE(got.has_value()) << "matmul_output_shape" << pair_str(c) << " should be "
                                   << suite::str_list(suite::shape_from_json(c["shape"])) << ", got nullopt";
      EXPECT_TRUE(suite::same_shape(suite::shape_from_json(c["shape"]), *got)) << "matmul_output_shape" << pair_str(c);
    }
  }
  ASSERT_GT(n, 0);
}
}  // namespace

TEST(MatmulOutputShape, MatrixTimesMatrix) {
  check_shapes([](size_t a, size_t b, bool) { return a == 2 && b == 2; });
}

TEST(MatmulOutputShape, VectorOperands) {
  check_shapes([](size_t a, size_t b, bool) { return (a == 1 || b == 1) && a > 0 && b > 0; });
}

TEST(MatmulOutputShape, BatchedBroadcast) {
  check_shapes([](size_t a, size_t b, bool) { return a > 2 || b > 2; });
}

TEST(MatmulOutputShape, ImpossibleProducts) {
  check_shapes([](size_t, size_t, bool fails) { return fails; });
}

TEST(MatmulOutputShape, ZeroSizedDims) {
  EXPECT_TRUE(suite::same_shape({0, 2}, course::matmul_output_shape({0, 3}, {3, 2}).value_or(tl::Sizes{-1})));
  EXPECT_TRUE(suite::same_shape({2, 3}, course::matmul_output_shape({2, 0}, {0, 3}).value_or(tl::Sizes{-1})));
  EXPECT_TRUE(suite::same_shape({}, course::matmul_output_shape({0}, {0}).value_or(tl::Sizes{-1})));
}

// ---- matmul_by_hand --------------------------------------------------------------------

TEST(MatmulByHand, NotebookDotProduct) {
  check_by_hand([](const std::string& n) { return n == "notebook_dot"; });
}

TEST(MatmulByHand, NotebookTransposeFix) {
  check_by_hand([](const std::string& n) { return n == "notebook_transpose" || n == "notebook_other_way"; });
}

TEST(MatmulByHand, FloatingPoint) {
  check_by_hand([](const std::string& n) { return has(n, "float") || n == "one_by_one"; });
}

TEST(MatmulByHand, IntegerDtypes) {
  check_by_hand([](const std::string& n) { return has(n, "int") || n == "uint8"; });
}

TEST(MatmulByHand, IntegerOverflowWraps) {
  check_by_hand([](const std::string& n) { return n == "int8_wraps" || n == "dot_int8"; });
}

TEST(MatmulByHand, DotProducts) {
  check_by_hand([](const std::string& n) { return has(n, "dot_"); });
}

TEST(MatmulByHand, NonContiguousViews) {
  check_by_hand([](const std::string& n) {
    return n == "both_transposed" || n == "sliced" || n == "dot_strided" || n == "column_vector" || n == "notebook_transpose";
  });
}

TEST(MatmulByHand, EmptyOperands) {
  check_by_hand([](const std::string& n) { return n == "empty_rows" || n == "empty_inner" || n == "dot_empty"; });
}

TEST(MatmulByHand, ResultIsNewAndContiguous) {
  const tl::Tensor a = tl::tensor({{1, 2}, {3, 4}, {5, 6}}, tl::kFloat);
  const tl::Tensor b = tl::tensor({{7, 10}, {8, 11}, {9, 12}}, tl::kFloat).t();
  const tl::Tensor out = course::matmul_by_hand(a, b);
  ASSERT_TRUE(out.defined());
  EXPECT_TRUE(out.is_contiguous());
  EXPECT_TRUE(suite::owns_storage(a, out, "the product"));
  EXPECT_TRUE(suite::owns_storage(b, out, "the product"));
}

TEST(MatmulByHand, NotebookShapeError) {
  check_errors([](const std::string& n) { return n == "notebook" || n == "shape_2x3_2x3"; });
}

TEST(MatmulByHand, MatrixDtypeErrorsInPyTorchsOrder) {
  check_errors([](const std::string& n) { return !has(n, "dot") && n != "notebook" && n != "shape_2x3_2x3"; });
}

TEST(MatmulByHand, DotErrorsInPyTorchsOrder) {
  check_errors([](const std::string& n) { return has(n, "dot"); });
}

TEST(MatmulByHand, OtherDimsAreRejected) {
  EXPECT_TRUE(expect_error([] { course::matmul_by_hand(tl::ones({2, 3, 4}), tl::ones({4, 2})); }, "", suite::Match::Any));
  EXPECT_TRUE(expect_error([] { course::matmul_by_hand(tl::ones({3}), tl::ones({3, 2})); }, "", suite::Match::Any));
  EXPECT_TRUE(expect_error([] { course::matmul_by_hand(tl::ones({}), tl::ones({})); }, "", suite::Match::Any));
}

// ---- multiply_fixing_shapes ------------------------------------------------------------

TEST(MultiplyFixingShapes, NotebookTensors) {
  const auto& c = fx()["fix"][0];
  ASSERT_EQ(c["name"], "notebook");
  EXPECT_TRUE(suite::close_tensor(tensor_from_json(c["expected"]),
                                  course::multiply_fixing_shapes(tensor_from_json(c["a"]), tensor_from_json(c["b"]))));
}

TEST(MultiplyFixingShapes, EveryCase) {
  for (const auto& c : fx()["fix"]) {
    const tl::Tensor a = tensor_from_json(c["a"]), b = tensor_from_json(c["b"]);
    EXPECT_TRUE(suite::close_tensor(tensor_from_json(c["expected"]), course::multiply_fixing_shapes(a, b)))
        << "case " << c["name"] << ": a of shape " << a.sizes() << ", b of shape " << b.sizes();
  }
}

TEST(MultiplyFixingShapes, NoTransposeWhenNotNeeded) {
  const tl::Tensor a = tl::tensor({{1., 2.}, {3., 4.}});
  const tl::Tensor b = tl::tensor({{0., 1.}, {1., 0.}});
  EXPECT_TRUE(same_tensor(tl::tensor({{2.f, 1.f}, {4.f, 3.f}}), course::multiply_fixing_shapes(a, b)))
      << "square matrices already match: a @ b, not a @ b.T";
}

TEST(MultiplyFixingShapes, UnfixableShapesKeepMatmulsError) {
  const auto& c = fx()["fix_errors"][0];
  const tl::Tensor a = tensor_from_json(c["a"]), b = tensor_from_json(c["b"]);
  EXPECT_TRUE(expect_error([&] { course::multiply_fixing_shapes(a, b); }, c["message"]));
}
