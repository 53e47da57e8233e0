// Public tests for 09-reshape: the notebook's cells (PyTorch 1.13.1 output).
#include <gtest/gtest.h>

#include <course/09_reshape.h>
#include <tl/tl.h>

TEST(Reshape, NotebookCells) {
  tl::Tensor x = tl::arange(1., 8.);  // tensor([1., 2., 3., 4., 5., 6., 7.])
  const course::Reshapes r = course::reshape_stack_squeeze(x);
  const tl::Tensor changed = tl::tensor({5., 2., 3., 4., 5., 6., 7.});
  EXPECT_TRUE(x.equal(changed));  // changing z changes x
  EXPECT_EQ(r.x_reshaped.sizes(), tl::Sizes({1, 7}));
  EXPECT_TRUE(r.z.equal(changed.reshape({1, 7})));
  EXPECT_TRUE(r.x_stacked.equal(tl::stack({changed, changed, changed, changed})));
  EXPECT_EQ(r.x_squeezed.sizes(), tl::Sizes({7}));
  EXPECT_EQ(r.x_unsqueezed.sizes(), tl::Sizes({1, 7}));
  EXPECT_TRUE(r.z.is_same_storage(x));  // a view shares x's memory
}

TEST(Reshape, Permute) {
  const tl::Tensor x_original = tl::rand({224, 224, 3});
  const tl::Tensor x_permuted = course::permute_to_chw(x_original);
  EXPECT_EQ(x_permuted.sizes(), tl::Sizes({3, 224, 224}));  // New shape: torch.Size([3, 224, 224])
  EXPECT_TRUE(x_permuted.is_same_storage(x_original));
}

TEST(Reshape, InferShape) {
  EXPECT_EQ(course::infer_shape({1, -1}, 7), tl::Sizes({1, 7}));
  EXPECT_EQ(course::infer_shape({1, 7}, 7), tl::Sizes({1, 7}));
}

TEST(Reshape, StackByHand) {
  const tl::Tensor x = tl::tensor({5., 2., 3.});
  EXPECT_TRUE(course::stack_by_hand({x, x, x, x}, 0).equal(tl::stack({x, x, x, x}, 0)));
  EXPECT_TRUE(course::stack_by_hand({x, x}, 1).equal(tl::tensor({{5., 5.}, {2., 2.}, {3., 3.}})));
}
