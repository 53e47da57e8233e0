// Hidden suite for ex05-gpu-seed. Golden values: graders/suites/fixtures/ex05-gpu-seed.json
// (tools/fixtures/gen_course_part2.py: torch.manual_seed(0); torch.cuda.manual_seed(1234);
// torch.rand(4), PyTorch 1.13.1). Without a GPU only the CPU side can be checked; with one,
// the GPU stream is compared with tl::cuda::manual_seed's (the library's own tests check that
// stream against PyTorch's Philox numbers).
#include <gtest/gtest.h>

#include <course/ex05_gpu_seed.h>
#include <tl/cuda.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::same_tensor;
using suite::tensor_from_json;

namespace {

const nlohmann::json& fx() { return suite::fixture("ex05-gpu-seed.json"); }

tl::Tensor gpu_rand(int64_t n) { return tl::rand({n}, tl::TensorOptions().device(tl::kCUDA)); }

}  // namespace

TEST(GpuSeed, ReturnsWhetherThereIsAGpu) {
  EXPECT_EQ(course::seed_gpu(1234), tl::cuda::is_available())
      << "seed_gpu should return tl::cuda::is_available() (" << std::boolalpha << tl::cuda::is_available() << ")";
}

TEST(GpuSeed, LeavesTheCpuStreamAlone) {
  tl::manual_seed(fx()["cpu_seed"].get<uint64_t>());
  course::seed_gpu(1234);
  EXPECT_TRUE(same_tensor(tensor_from_json(fx()["cpu_after"]), tl::rand({4})))
      << "after tl::manual_seed(0) and seed_gpu(1234), tl::rand on the CPU should still give seed 0's numbers: "
         "use the GPU's own seed function, not tl::manual_seed";
}

TEST(GpuSeed, LeavesTheCpuSeedAlone) {
  tl::manual_seed(0);
  course::seed_gpu(1234);
  EXPECT_EQ(tl::initial_seed(), fx()["cpu_initial_seed"].get<uint64_t>())
      << "tl::initial_seed() changed: seed_gpu must not seed the CPU generator";
  tl::manual_seed(99);
  course::seed_gpu(7);
  EXPECT_EQ(tl::initial_seed(), 99u) << "tl::initial_seed() changed: seed_gpu must not seed the CPU generator";
}

TEST(GpuSeed, SeedsTheGpuGenerator) {
  const bool seeded = course::seed_gpu(1234);
  if (!tl::cuda::is_available()) {
    EXPECT_FALSE(seeded) << "there is no GPU here: nothing was seeded";
    return;
  }
  EXPECT_EQ(tl::detail::getDefaultCUDAGenerator().current_seed(), 1234u) << "the GPU generator's seed";
  const tl::Tensor got = gpu_rand(6);
  tl::cuda::manual_seed(1234);
  EXPECT_TRUE(same_tensor(gpu_rand(6), got)) << "tl::rand on the GPU after seed_gpu(1234)";
}

TEST(GpuSeed, ReseedingRestartsTheGpuStream) {
  const bool seeded = course::seed_gpu(42);
  if (!tl::cuda::is_available()) {
    EXPECT_FALSE(seeded);
    EXPECT_FALSE(course::seed_gpu(42)) << "seeding twice without a GPU";
    return;
  }
  const tl::Tensor first = gpu_rand(5);
  gpu_rand(100);
  course::seed_gpu(42);
  EXPECT_TRUE(same_tensor(first, gpu_rand(5))) << "seed_gpu(42) twice should give the same GPU numbers";
  course::seed_gpu(43);
  EXPECT_FALSE(first.cpu().equal(gpu_rand(5).cpu())) << "seed_gpu(43) should give other numbers than seed_gpu(42)";
}
