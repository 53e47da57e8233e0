// Hidden suite for 05-elementwise. Golden values: graders/suites/fixtures/05-elementwise.json
// (tools/fixtures/gen_course.py: operators, broadcasting and torch.result_type of PyTorch 1.13.1).
#include <gtest/gtest.h>

#include <functional>
#include <map>

#include <course/05_elementwise.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::expect_error;
using suite::same_tensor;
using suite::tensor_from_json;
using tl::indexing::Slice;

namespace {

const nlohmann::json& fx() { return suite::fixture("05-elementwise.json"); }

using ViewFn = std::function<std::pair<tl::Tensor, tl::Tensor>(const tl::Tensor&, const tl::Tensor&)>;

// The C++ twins of gen_05()'s view functions.
std::map<std::string, ViewFn> mul_views() {
  auto same = [](const tl::Tensor& a, const tl::Tensor& b) { return std::make_pair(a, b); };
  return {
      {"notebook", same},
      {"column_times_row", same},
      {"three_d", same},
      {"transposed", [](const tl::Tensor& a, const tl::Tensor& b) { return std::make_pair(a.t(), b); }},
      {"strided_rows",
       [](const tl::Tensor& a, const tl::Tensor& b) {
         return std::make_pair(a.index({Slice(std::nullopt, std::nullopt, 2)}), b.index({Slice(1, std::nullopt)}));
       }},
      {"zero_dim_left", same},
      {"zero_dim_right", same},
      {"both_zero_dim", same},
      {"empty", same},
      {"one_times_empty", same},
      {"outer", same},
      {"permuted", [](const tl::Tensor& a, const tl::Tensor& b) { return std::make_pair(a.permute({2, 0, 1}), b); }},
      {"selected_row", [](const tl::Tensor& a, const tl::Tensor& b) { return std::make_pair(a[2], b); }},
      {"both_transposed", [](const tl::Tensor& a, const tl::Tensor& b) { return std::make_pair(a.t(), b.t()); }},
      {"column_slice",
       [](const tl::Tensor& a, const tl::Tensor& b) {
         return std::make_pair(a.index({Slice(), 1}), b.index({Slice(), 0}));
       }},
      {"special_values", same},
      {"five_d", same},
  };
}

void check_mul(const std::function<bool(const std::string&)>& select) {
  auto views = mul_views();
  int n = 0;
  for (const auto& c : fx()["mul"]) {
    const std::string name = c["name"];
    if (!select(name)) continue;
    ++n;
    auto [a, b] = views.at(name)(tensor_from_json(c["a"]), tensor_from_json(c["b"]));
    EXPECT_TRUE(same_tensor(tensor_from_json(c["expected"]), course::mul_by_hand(a, b)))
        << "mul_by_hand(a, b) for the case '" << name << "' with\n  a = " << suite::show(a) << " (shape " << a.sizes()
        << ", strides " << suite::str_list(a.strides()) << ")\n  b = " << suite::show(b) << " (shape " << b.sizes()
        << ", strides " << suite::str_list(b.strides()) << ")";
  }
  ASSERT_GT(n, 0);
}

void check_ops(const nlohmann::json& expected, const course::NotebookOps& r, const std::string& what) {
  EXPECT_TRUE(same_tensor(tensor_from_json(expected["plus_ten"]), r.plus_ten)) << what << " + 10";
  EXPECT_TRUE(same_tensor(tensor_from_json(expected["times_ten"]), r.times_ten)) << what << " * 10";
  EXPECT_TRUE(same_tensor(tensor_from_json(expected["minus_ten"]), r.minus_ten)) << what << " - 10";
  EXPECT_TRUE(same_tensor(tensor_from_json(expected["multiply_ten"]), r.multiply_ten)) << "torch.multiply(" << what << ", 10)";
  EXPECT_TRUE(same_tensor(tensor_from_json(expected["squared"]), r.squared)) << what << " * " << what;
  EXPECT_TRUE(same_tensor(tensor_from_json(expected["divided"]), r.divided)) << what << " / 10";
}

}  // namespace

// ---- notebook_ops ----------------------------------------------------------------------

TEST(NotebookOps, NotebookTensor) {
  check_ops(fx()["notebook"], course::notebook_ops(tl::tensor({1, 2, 3})), "tensor([1, 2, 3])");
}

TEST(NotebookOps, TensorIsNotChanged) {
  const tl::Tensor tensor = tl::tensor({1, 2, 3});
  (void)course::notebook_ops(tensor);
  EXPECT_TRUE(same_tensor(tl::tensor({1, 2, 3}), tensor)) << "tensors don't change unless reassigned";
}

TEST(NotebookOps, ResultsAreNewTensors) {
  const tl::Tensor tensor = tl::tensor({1, 2, 3});
  const auto r = course::notebook_ops(tensor);
  EXPECT_TRUE(suite::owns_storage(tensor, r.plus_ten, "tensor + 10"));
  EXPECT_TRUE(suite::owns_storage(tensor, r.squared, "tensor * tensor"));
}

TEST(NotebookOps, OtherDtypesFollowPromotion) {
  for (const auto& [name, c] : fx()["others"].items()) {
    const tl::Tensor x = tensor_from_json(c["input"]);
    check_ops(c, course::notebook_ops(x), name + " tensor " + suite::show(x));
  }
}

// ---- broadcast_shape -------------------------------------------------------------------

TEST(BroadcastShape, NotebookNumberAgainstVector) {
  EXPECT_TRUE(suite::same_shape({3}, course::broadcast_shape({3}, {})));
  EXPECT_TRUE(suite::same_shape({3}, course::broadcast_shape({3}, {3})));
}

TEST(BroadcastShape, CompatibleShapes) {
  for (const auto& c : fx()["broadcast"]) {
    if (c.contains("error")) continue;
    const auto a = suite::shape_from_json(c["a"]), b = suite::shape_from_json(c["b"]);
    EXPECT_TRUE(suite::same_shape(suite::shape_from_json(c["shape"]), course::broadcast_shape(a, b)))
        << "broadcast_shape(" << suite::str_list(a) << ", " << suite::str_list(b) << ")";
  }
}

TEST(BroadcastShape, IsSymmetric) {
  for (const auto& c : fx()["broadcast"]) {
    if (c.contains("error")) continue;
    const auto a = suite::shape_from_json(c["a"]), b = suite::shape_from_json(c["b"]);
    EXPECT_TRUE(suite::same_shape(suite::shape_from_json(c["shape"]), course::broadcast_shape(b, a)))
        << "broadcast_shape(" << suite::str_list(b) << ", " << suite::str_list(a) << ")";
  }
}

TEST(BroadcastShape, ZeroSizedDims) {
  EXPECT_TRUE(suite::same_shape({0}, course::broadcast_shape({1}, {0})));
  EXPECT_TRUE(suite::same_shape({2, 0}, course::broadcast_shape({2, 0}, {1, 1})));
}

TEST(BroadcastShape, MismatchMessages) {
  int n = 0;
  for (const auto& c : fx()["broadcast"]) {
    if (!c.contains("error")) continue;
    ++n;
    const auto a = suite::shape_from_json(c["a"]), b = suite::shape_from_json(c["b"]);
    EXPECT_TRUE(expect_error([&] { course::broadcast_shape(a, b); }, c["error"]))
        << "broadcast_shape(" << suite::str_list(a) << ", " << suite::str_list(b) << ")";
  }
  EXPECT_GE(n, 5);
}

// ---- scalar_result_type ----------------------------------------------------------------

TEST(ScalarResultType, NotebookIntegerTensor) {
  EXPECT_EQ(tl::kLong, course::scalar_result_type(tl::kLong, 10)) << "tensor([1, 2, 3]) + 10 stays int64";
  EXPECT_EQ(tl::kFloat, course::scalar_result_type(tl::kLong, 2.5)) << "tensor([1, 2, 3]) + 2.5 is float32";
}

namespace {
void check_result_types(const std::function<bool(tl::ScalarType)>& select) {
  int n = 0;
  for (const auto& c : fx()["result_types"]) {
    const tl::ScalarType d = suite::dtype_from_name(c["dtype"]);
    if (!select(d)) continue;
    ++n;
    const tl::Scalar number = suite::scalar_from_json(c["number"]);
    EXPECT_EQ(suite::dtype_from_name(c["result"]), course::scalar_result_type(d, number))
        << "torch.result_type(<" << d << " tensor>, " << c["number"].dump() << ")";
  }
  ASSERT_GT(n, 0);
}
}  // namespace

TEST(ScalarResultType, BoolTensors) {
  check_result_types([](tl::ScalarType d) { return d == tl::kBool; });
}

TEST(ScalarResultType, IntegerTensors) {
  check_result_types([](tl::ScalarType d) { return tl::is_integral(d); });
}

TEST(ScalarResultType, FloatingTensors) {
  check_result_types([](tl::ScalarType d) { return tl::is_floating_point(d); });
}

// ---- mul_by_hand -----------------------------------------------------------------------

TEST(MulByHand, NotebookSquare) { check_mul([](const std::string& n) { return n == "notebook"; }); }

TEST(MulByHand, BroadcastColumnByRow) {
  check_mul([](const std::string& n) { return n == "column_times_row" || n == "three_d" || n == "outer"; });
}

TEST(MulByHand, NonContiguousInputs) {
  check_mul([](const std::string& n) {
    return n == "transposed" || n == "strided_rows" || n == "permuted" || n == "both_transposed" || n == "column_slice";
  });
}

TEST(MulByHand, ViewsWithAStorageOffset) {
  check_mul([](const std::string& n) { return n == "selected_row" || n == "strided_rows" || n == "column_slice"; });
}

TEST(MulByHand, ZeroDimInputs) {
  check_mul([](const std::string& n) { return n.find("zero_dim") != std::string::npos; });
}

TEST(MulByHand, EmptyInputs) {
  check_mul([](const std::string& n) { return n == "empty" || n == "one_times_empty"; });
}

TEST(MulByHand, InfNanAndSignedZero) { check_mul([](const std::string& n) { return n == "special_values"; }); }

TEST(MulByHand, FiveDims) { check_mul([](const std::string& n) { return n == "five_d"; }); }

TEST(MulByHand, ResultIsNewAndContiguous) {
  const tl::Tensor a = tl::arange(6.).reshape({2, 3}).t();
  const tl::Tensor out = course::mul_by_hand(a, tl::ones({3, 1}));
  ASSERT_TRUE(out.defined());
  EXPECT_TRUE(out.is_contiguous());
  EXPECT_TRUE(suite::owns_storage(a, out, "mul_by_hand's result"));
  EXPECT_TRUE(same_tensor(tl::arange(6.).reshape({2, 3}), a.t()) ) << "the input must not change";
}

TEST(MulByHand, ShapeMismatchMessage) {
  EXPECT_TRUE(expect_error([] { course::mul_by_hand(tl::zeros({2, 3}), tl::zeros({2, 4})); }, fx()["mul_errors"]["shape"]));
}

TEST(MulByHand, OnlyFloat32) {
  EXPECT_TRUE(expect_error([] { course::mul_by_hand(tl::ones({2}, tl::kLong), tl::ones({2})); }, "", suite::Match::Any));
  EXPECT_TRUE(expect_error([] { course::mul_by_hand(tl::ones({2}), tl::ones({2}, tl::kDouble)); }, "", suite::Match::Any));
}
