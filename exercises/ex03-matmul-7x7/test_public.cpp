// Public tests for ex03-matmul-7x7. Expected values are PyTorch 1.13.1's (the notebook's
// exercise 4 output: torch.manual_seed(0), rand(7, 7), rand(1, 7), matmul with the transpose).
#include <gtest/gtest.h>

#include <course/ex03_matmul_7x7.h>
#include <tl/tl.h>

TEST(MatmulWithRow, ShapeIsSevenByOne) {
  const tl::Tensor out = course::matmul_with_row(tl::rand({7, 7}), tl::rand({1, 7}));
  EXPECT_EQ(out.sizes(), tl::Sizes({7, 1}));  // torch.Size([7, 1])
  EXPECT_EQ(out.dtype(), tl::kFloat);
}

TEST(MatmulWithRow, NotebookNumbers) {
  tl::manual_seed(0);
  const tl::Tensor tensor = tl::rand({7, 7});
  const tl::Tensor row = tl::rand({1, 7});
  const tl::Tensor out = course::matmul_with_row(tensor, row);
  // tensor([[1.8542], [1.9611], [2.2884], [3.0481], [1.7067], [2.5290], [1.7989]])
  const tl::Tensor expected =
      tl::tensor({{1.8542310f}, {1.9610552f}, {2.2883904f}, {3.0481482f}, {1.7067398f}, {2.5290198f}, {1.7989311f}});
  EXPECT_TRUE(out.allclose(expected, 1e-5, 1e-6)) << "got " << out;
}

TEST(MatmulWithRow, SmallIntegers) {
  // [[1, 2], [3, 4]] @ [[10, 100]].T = [[210], [430]]
  const tl::Tensor out = course::matmul_with_row(tl::tensor({{1, 2}, {3, 4}}), tl::tensor({{10, 100}}));
  EXPECT_TRUE(out.equal(tl::tensor({{210}, {430}}))) << "got " << out;
}
