// Public tests for 06-matmul: the notebook's examples (PyTorch 1.13.1 output).
#include <gtest/gtest.h>

#include <course/06_matmul.h>
#include <tl/tl.h>

namespace {
tl::Tensor tensor_A() { return tl::tensor({{1, 2}, {3, 4}, {5, 6}}, tl::kFloat); }
tl::Tensor tensor_B() { return tl::tensor({{7, 10}, {8, 11}, {9, 12}}, tl::kFloat); }
}  // namespace

TEST(Matmul, TheTwoRules) {
  EXPECT_FALSE(course::inner_dims_match({3, 2}, {3, 2}));  // (3, 2) @ (3, 2) won't work
  EXPECT_TRUE(course::inner_dims_match({2, 3}, {3, 2}));   // (2, 3) @ (3, 2) will work
  EXPECT_TRUE(course::inner_dims_match({3, 2}, {2, 3}));
  EXPECT_EQ(course::matmul_output_shape({2, 3}, {3, 2}), tl::Sizes({2, 2}));  // -> (2, 2)
  EXPECT_EQ(course::matmul_output_shape({3, 2}, {2, 3}), tl::Sizes({3, 3}));  // -> (3, 3)
  EXPECT_EQ(course::matmul_output_shape({3, 2}, {3, 2}), std::nullopt);
}

TEST(Matmul, ByHandDotProduct) {
  const tl::Tensor tensor = tl::tensor({1, 2, 3});
  const tl::Tensor value = course::matmul_by_hand(tensor, tensor);
  EXPECT_EQ(value.dim(), 0);
  EXPECT_EQ(value.item<int64_t>(), 14);  // tensor(14)
}

TEST(Matmul, ByHandShapeError) {
  try {
    course::matmul_by_hand(tensor_A(), tensor_B());
    FAIL() << "expected an error";
  } catch (const tl::NotImplemented&) {
    throw;
  } catch (const tl::Error& e) {
    EXPECT_STREQ(e.what(), "mat1 and mat2 shapes cannot be multiplied (3x2 and 3x2)");
  }
}

TEST(Matmul, TransposeFixesIt) {
  // tensor([[ 27.,  30.,  33.], [ 61.,  68.,  75.], [ 95., 106., 117.]])
  const tl::Tensor expected = tl::tensor({{27, 30, 33}, {61, 68, 75}, {95, 106, 117}}, tl::kFloat);
  EXPECT_TRUE(course::matmul_by_hand(tensor_A(), tensor_B().t()).equal(expected));
  EXPECT_TRUE(course::multiply_fixing_shapes(tensor_A(), tensor_B()).equal(expected));
}
