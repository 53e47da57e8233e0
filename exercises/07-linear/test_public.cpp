// Public tests for 07-linear: the notebook's linear layer (PyTorch 1.13.1 output, 4 decimals).
#include <gtest/gtest.h>

#include <course/07_linear.h>
#include <tl/tl.h>

namespace {
// torch.manual_seed(42); nn.Linear(2, 6)(tensor_A), as the notebook prints it.
const float kOutput[3][6] = {{2.2368f, 1.2292f, 0.4714f, 0.3864f, 0.1309f, 0.9838f},
                             {4.4919f, 2.1970f, 0.4469f, 0.5285f, 0.3401f, 2.4777f},
                             {6.7469f, 3.1648f, 0.4224f, 0.6705f, 0.5493f, 3.9716f}};
}  // namespace

TEST(Linear, NotebookCell) {
  const course::NotebookLinear nb = course::notebook_linear();
  ASSERT_EQ(nb.output.sizes(), tl::Sizes({3, 6}));  // Output shape: torch.Size([3, 6])
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 6; ++j) EXPECT_NEAR(nb.output[i][j].item<float>(), kOutput[i][j], 5e-5) << i << ", " << j;
  EXPECT_EQ(nb.weight.sizes(), tl::Sizes({6, 2}));
  EXPECT_EQ(nb.bias.sizes(), tl::Sizes({6}));
}

TEST(Linear, ForwardIsXTimesWeightTransposedPlusBias) {
  const tl::Tensor x = tl::tensor({{1., 2.}, {3., 4.}, {5., 6.}});
  const tl::Tensor w = tl::tensor({{1., 0.}, {0., 1.}, {1., 1.}});  // 3 outputs, 2 inputs
  const tl::Tensor b = tl::tensor({0.5, -0.5, 0.});
  const tl::Tensor y = course::linear_forward(x, w, b);
  EXPECT_TRUE(y.allclose(tl::tensor({{1.5, 1.5, 3.}, {3.5, 3.5, 7.}, {5.5, 5.5, 11.}})));
}

TEST(Linear, InitByHandMatchesNnLinear) {
  tl::manual_seed(42);
  const course::LinearParams p = course::linear_init_by_hand(2, 6);
  tl::manual_seed(42);
  tl::nn::Linear linear(2, 6);
  EXPECT_TRUE(p.weight.equal(linear->weight));
  EXPECT_TRUE(p.bias.equal(linear->bias));
}
