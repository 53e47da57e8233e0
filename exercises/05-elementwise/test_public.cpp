// Public tests for 05-elementwise: the notebook's "Basic operations" (PyTorch 1.13.1 output).
#include <gtest/gtest.h>

#include <course/05_elementwise.h>
#include <tl/tl.h>

TEST(Elementwise, NotebookOperations) {
  const tl::Tensor tensor = tl::tensor({1, 2, 3});
  const course::NotebookOps r = course::notebook_ops(tensor);
  EXPECT_TRUE(r.plus_ten.equal(tl::tensor({11, 12, 13})));
  EXPECT_TRUE(r.times_ten.equal(tl::tensor({10, 20, 30})));
  EXPECT_TRUE(r.minus_ten.equal(tl::tensor({-9, -8, -7})));
  EXPECT_TRUE(r.multiply_ten.equal(tl::tensor({10, 20, 30})));
  EXPECT_TRUE(r.squared.equal(tl::tensor({1, 4, 9})));
  EXPECT_EQ(r.divided.dtype(), tl::kFloat);
  EXPECT_TRUE(r.divided.allclose(tl::tensor({0.1, 0.2, 0.3})));
  EXPECT_TRUE(tensor.equal(tl::tensor({1, 2, 3})));  // tensors don't change unless reassigned
}

TEST(Elementwise, BroadcastShape) {
  EXPECT_EQ(course::broadcast_shape({3}, {3}), tl::Sizes({3}));
  EXPECT_EQ(course::broadcast_shape({3}, {}), tl::Sizes({3}));  // tensor + 10
  EXPECT_EQ(course::broadcast_shape({2, 1, 4}, {3, 1}), tl::Sizes({2, 3, 4}));
}

TEST(Elementwise, ScalarResultType) {
  EXPECT_EQ(course::scalar_result_type(tl::kLong, 10), tl::kLong);
  EXPECT_EQ(course::scalar_result_type(tl::kLong, 2.5), tl::kFloat);
}

TEST(Elementwise, MulByHand) {
  const tl::Tensor tensor = tl::tensor({1.f, 2.f, 3.f});
  EXPECT_TRUE(course::mul_by_hand(tensor, tensor).equal(tl::tensor({1.f, 4.f, 9.f})));
}
