// Public tests for ex07-device-matmul. Expected values are the notebook's (PyTorch 1.13.1).
#include <gtest/gtest.h>

#include <course/ex07_device_matmul.h>
#include <tl/cuda.h>
#include <tl/tl.h>

namespace {
// The notebook's tensor_A and tensor_B (torch.manual_seed(1234), two torch.rand(2, 3)).
tl::Tensor tensor_A() {
  return tl::tensor({{0.028979242f, 0.40189856f, 0.25984418f}, {0.36664134f, 0.058300734f, 0.70064473f}});
}
tl::Tensor tensor_B() {
  return tl::tensor({{0.05179739f, 0.46813923f, 0.67380613f}, {0.33146197f, 0.78370804f, 0.5630632f}});
}
}  // namespace

TEST(DeviceMatmul, NotebookOutput) {
  const tl::Tensor c = course::device_matmul(tensor_A(), tensor_B());
  EXPECT_EQ(c.sizes(), tl::Sizes({2, 2}));
  // tensor([[0.3647, 0.4709], [0.5184, 0.5617]])
  const tl::Tensor expected = tl::tensor({{0.36473012f, 0.47088534f}, {0.51838267f, 0.56172568f}});
  EXPECT_TRUE(c.allclose(expected, 1e-5, 1e-6)) << "got " << c;
}

TEST(DeviceMatmul, StaysOnTheInputsDevice) {
  const tl::Device device = tl::cuda::is_available() ? tl::Device(tl::kCUDA) : tl::Device(tl::kCPU);
  const tl::Tensor c = course::device_matmul(tensor_A().to(device), tensor_B().to(device));
  EXPECT_EQ(c.device().type(), device.type());
  EXPECT_EQ(c.sizes(), tl::Sizes({2, 2}));
}
