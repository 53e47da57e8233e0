// Public tests for ex06-device-tensors. Expected values are the notebook's (PyTorch 1.13.1,
// torch.manual_seed(1234) then two torch.rand(2, 3)).
#include <gtest/gtest.h>

#include <course/ex06_device_tensors.h>
#include <tl/cuda.h>
#include <tl/tl.h>

TEST(DeviceTensors, NotebookNumbersOnTheCpu) {
  const course::DeviceTensors t = course::make_device_tensors(tl::kCPU);
  // tensor([[0.0290, 0.4019, 0.2598], [0.3666, 0.0583, 0.7006]])
  const tl::Tensor a = tl::tensor({{0.028979242f, 0.40189856f, 0.25984418f}, {0.36664134f, 0.058300734f, 0.70064473f}});
  // tensor([[0.0518, 0.4681, 0.6738], [0.3315, 0.7837, 0.5631]])
  const tl::Tensor b = tl::tensor({{0.05179739f, 0.46813923f, 0.67380613f}, {0.33146197f, 0.78370804f, 0.5630632f}});
  EXPECT_TRUE(t.tensor_A.equal(a)) << "got tensor_A = " << t.tensor_A;
  EXPECT_TRUE(t.tensor_B.equal(b)) << "got tensor_B = " << t.tensor_B;
}

TEST(DeviceTensors, LiveOnTheDevice) {
  const tl::Device device = tl::cuda::is_available() ? tl::Device(tl::kCUDA) : tl::Device(tl::kCPU);
  const course::DeviceTensors t = course::make_device_tensors(device);
  EXPECT_EQ(t.tensor_A.device().type(), device.type());
  EXPECT_EQ(t.tensor_B.device().type(), device.type());
  EXPECT_EQ(t.tensor_A.sizes(), tl::Sizes({2, 3}));
}
