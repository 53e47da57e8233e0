// Public tests for ex10-seed7-squeeze. Expected output is the notebook solution's
// (PyTorch 1.13.1: torch.manual_seed(7); print(tensor_D, tensor_D.shape); ...).
#include <gtest/gtest.h>

#include <sstream>

#include <course/ex10_seed7_squeeze.h>
#include <tl/tl.h>

TEST(Seed7Squeeze, Shapes) {
  const course::Squeezed s = course::seed7_squeeze();
  EXPECT_EQ(s.tensor_D.sizes(), tl::Sizes({1, 1, 1, 10}));
  EXPECT_EQ(s.tensor_E.sizes(), tl::Sizes({10}));
}

TEST(Seed7Squeeze, PrintsLikeTheNotebook) {
  const course::Squeezed s = course::seed7_squeeze();
  std::ostringstream out;
  course::print_with_shape(out, s.tensor_D);
  course::print_with_shape(out, s.tensor_E);
  EXPECT_EQ(out.str(),
            "tensor([[[[0.5349, 0.1988, 0.6592, 0.6569, 0.2328, 0.4251, 0.2071, 0.6297,\n"
            "           0.3653, 0.8513]]]]) torch.Size([1, 1, 1, 10])\n"
            "tensor([0.5349, 0.1988, 0.6592, 0.6569, 0.2328, 0.4251, 0.2071, 0.6297, 0.3653,\n"
            "        0.8513]) torch.Size([10])\n");
}
