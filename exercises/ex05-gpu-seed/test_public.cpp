// Public tests for ex05-gpu-seed. Expected values are PyTorch 1.13.1's:
// torch.manual_seed(42); torch.cuda.manual_seed(1234); torch.rand(3) -> tensor([0.8823, 0.9150, 0.3829]).
#include <gtest/gtest.h>

#include <course/ex05_gpu_seed.h>
#include <tl/cuda.h>
#include <tl/tl.h>

TEST(GpuSeed, SaysWhetherThereIsAGpu) { EXPECT_EQ(course::seed_gpu(1234), tl::cuda::is_available()); }

TEST(GpuSeed, LeavesTheCpuGeneratorAlone) {
  tl::manual_seed(42);
  course::seed_gpu(1234);
  const tl::Tensor x = tl::rand({3});  // still the CPU's seed-42 numbers
  EXPECT_FLOAT_EQ(x[0].item<float>(), 0.88226926f);
  EXPECT_FLOAT_EQ(x[1].item<float>(), 0.91500396f);
  EXPECT_EQ(tl::initial_seed(), 42u);
}
