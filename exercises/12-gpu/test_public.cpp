// Public tests for 12-gpu: the notebook's GPU cells. Without a GPU they run on the CPU path
// (as the notebook does) and the GPU-only tests are skipped.
#include <gtest/gtest.h>

#include <course/12_gpu.h>
#include <tl/tl.h>

TEST(Gpu, PickDevice) {
  const tl::Device device = course::pick_device();
  EXPECT_EQ(device.is_cuda(), tl::cuda::is_available());  // 'cuda' if available else 'cpu'
}

TEST(Gpu, RoundTrip) {
  const tl::Tensor tensor = tl::tensor({1, 2, 3});
  const course::DeviceTrip trip = course::device_round_trip(tensor);
  EXPECT_EQ(trip.on_device.is_cuda(), tl::cuda::is_available());
  EXPECT_TRUE(trip.back_on_cpu.is_cpu());
  EXPECT_TRUE(trip.back_on_cpu.equal(tl::tensor({1, 2, 3})));  // array([1, 2, 3])
  EXPECT_TRUE(tensor.is_cpu());
}

TEST(Gpu, AddScalarOnTheCpu) {
  EXPECT_TRUE(course::add_scalar(tl::tensor({1.f, 2.f, 3.f}), 10.f).equal(tl::tensor({11.f, 12.f, 13.f})));
}

TEST(Gpu, AddScalarKernel) {
  if (!tl::cuda::is_available()) GTEST_SKIP() << "no CUDA device";
  const tl::Tensor on_gpu = tl::tensor({1.f, 2.f, 3.f}).to(tl::kCUDA);
  const tl::Tensor out = course::add_scalar(on_gpu, 10.f);
  EXPECT_TRUE(out.is_cuda());
  EXPECT_TRUE(out.cpu().equal(tl::tensor({11.f, 12.f, 13.f})));
}

TEST(Gpu, MatmulOnTheDevice) {
  const tl::Tensor a = tl::tensor({{1.f, 2.f}, {3.f, 4.f}});
  const tl::Tensor out = course::matmul_on_device(a, a, course::pick_device());
  EXPECT_TRUE(out.is_cpu());
  EXPECT_TRUE(out.equal(tl::tensor({{7.f, 10.f}, {15.f, 22.f}})));
}
