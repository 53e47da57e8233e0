// Public tests for 03-zeros-ones-range: the notebook's cells (PyTorch 1.13.1 output).
#include <gtest/gtest.h>

#include <course/03_zeros_ones_range.h>
#include <tl/tl.h>

TEST(ZerosOnesRange, NotebookTensors) {
  const course::NotebookFactories nb = course::make_notebook_factories();
  EXPECT_TRUE(nb.zeros.equal(tl::zeros({3, 4})));
  EXPECT_EQ(nb.zeros.dtype(), tl::kFloat);  // (tensor([[0., 0., 0., 0.], ...]), torch.float32)
  EXPECT_TRUE(nb.ones.equal(tl::ones({3, 4})));
  EXPECT_EQ(nb.ones.dtype(), tl::kFloat);
  EXPECT_TRUE(nb.zero_to_ten.equal(tl::tensor({0, 1, 2, 3, 4, 5, 6, 7, 8, 9})));
  EXPECT_TRUE(nb.ten_zeros.equal(tl::tensor({0, 0, 0, 0, 0, 0, 0, 0, 0, 0})));
  EXPECT_EQ(nb.ten_zeros.dtype(), tl::kLong);
}

TEST(ZerosOnesRange, ArangeLength) {
  EXPECT_EQ(course::arange_length(0, 10, 1), 10);
  EXPECT_EQ(course::arange_length(0, 10, 3), 4);  // 0, 3, 6, 9
}

TEST(ZerosOnesRange, ArangeByHand) {
  const tl::Tensor zero_to_ten = course::arange_by_hand(0, 10, 1);
  EXPECT_EQ(zero_to_ten.dtype(), tl::kLong);
  EXPECT_TRUE(zero_to_ten.equal(tl::tensor({0, 1, 2, 3, 4, 5, 6, 7, 8, 9})));
  const tl::Tensor floats = course::arange_by_hand(1.0, 8.0);  // torch.arange(1., 8.)
  EXPECT_EQ(floats.dtype(), tl::kFloat);
  EXPECT_TRUE(floats.equal(tl::tensor({1., 2., 3., 4., 5., 6., 7.})));
}

TEST(ZerosOnesRange, ZerosLike) {
  const tl::Tensor zero_to_ten = tl::arange(0, 10, 1);
  const tl::Tensor ten_zeros = course::full_like_by_hand(zero_to_ten, 0);
  EXPECT_EQ(ten_zeros.dtype(), tl::kLong);
  EXPECT_TRUE(ten_zeros.equal(tl::zeros({10}, tl::kLong)));
}
