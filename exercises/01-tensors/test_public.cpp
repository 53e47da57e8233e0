// Public tests for 01-tensors: the notebook's own examples.
// Expected values are the notebook's PyTorch 1.13.1 outputs.
#include <gtest/gtest.h>

#include <course/01_tensors.h>
#include <tl/tl.h>

TEST(Tensors, NotebookScalarVectorMatrixTensor) {
  const course::NotebookTensors nb = course::make_notebook_tensors();
  EXPECT_EQ(nb.scalar.dim(), 0);             // scalar.ndim -> 0
  EXPECT_EQ(nb.scalar.item<int64_t>(), 7);   // scalar.item() -> 7
  EXPECT_EQ(nb.vector.dim(), 1);
  EXPECT_EQ(nb.vector.sizes(), tl::Sizes({2}));        // torch.Size([2])
  EXPECT_EQ(nb.MATRIX.dim(), 2);
  EXPECT_EQ(nb.MATRIX.sizes(), tl::Sizes({2, 2}));     // torch.Size([2, 2])
  EXPECT_EQ(nb.TENSOR.dim(), 3);
  EXPECT_EQ(nb.TENSOR.sizes(), tl::Sizes({1, 3, 3}));  // torch.Size([1, 3, 3])
  EXPECT_TRUE(nb.TENSOR.equal(tl::tensor({{{1, 2, 3}, {3, 6, 9}, {2, 4, 5}}})));
  EXPECT_EQ(nb.MATRIX.dtype(), tl::kLong);
}

TEST(Tensors, CountTheSquareBrackets) {
  EXPECT_EQ(course::ndim_from_repr("tensor(7)"), 0);
  EXPECT_EQ(course::ndim_from_repr("tensor([7, 7])"), 1);
  EXPECT_EQ(course::ndim_from_repr("tensor([[ 7,  8],\n        [ 9, 10]])"), 2);
  EXPECT_EQ(course::ndim_from_repr("tensor([[[1, 2, 3],\n         [3, 6, 9],\n         [2, 4, 5]]])"), 3);
}

TEST(Tensors, NumelFromShape) {
  EXPECT_EQ(course::numel_from_shape({1, 3, 3}), 9);
  EXPECT_EQ(course::numel_from_shape({}), 1);  // a scalar holds one number
}

TEST(Tensors, ItemByHand) {
  const tl::Scalar seven = course::item_by_hand(tl::tensor(7));
  EXPECT_TRUE(seven.is_integral());
  EXPECT_EQ(seven.to<int64_t>(), 7);
}
