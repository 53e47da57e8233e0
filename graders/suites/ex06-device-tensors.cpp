// Hidden suite for ex06-device-tensors. Golden values: graders/suites/fixtures/ex06-device-tensors.json
// (tools/fixtures/gen_course_part2.py: torch.manual_seed(seed); two torch.rand(2, 3) on the CPU,
// then rand(3), PyTorch 1.13.1). The notebook draws on the CPU and moves the tensors, so the
// numbers are the same on every device; the suite runs on a GPU when the grader has one.
#include <gtest/gtest.h>

#include <course/ex06_device_tensors.h>
#include <tl/cuda.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::same_tensor;
using suite::tensor_from_json;

namespace {

const nlohmann::json& fx() { return suite::fixture("ex06-device-tensors.json"); }

// The best device this grader has, as the notebook picks it.
tl::Device device_under_test() { return tl::cuda::is_available() ? tl::Device(tl::kCUDA) : tl::Device(tl::kCPU); }

const nlohmann::json& run_for(uint64_t seed) { return suite::run_for_seed(fx(), seed); }

::testing::AssertionResult on_device(const tl::Tensor& t, tl::Device device, const char* name) {
  if (!t.defined()) return ::testing::AssertionFailure() << name << " is an undefined tensor";
  if (t.device().type() != device.type())
    return ::testing::AssertionFailure() << name << " should be on " << device << ", got one on " << t.device();
  return ::testing::AssertionSuccess();
}

void check_run(const nlohmann::json& r, tl::Device device) {
  const uint64_t seed = r["seed"];
  const course::DeviceTensors got = course::make_device_tensors(device, seed);
  EXPECT_TRUE(on_device(got.tensor_A, device, "tensor_A"));
  EXPECT_TRUE(on_device(got.tensor_B, device, "tensor_B"));
  EXPECT_TRUE(same_tensor(tensor_from_json(r["tensor_A"]), got.tensor_A)) << "tensor_A for seed " << seed << " on " << device;
  EXPECT_TRUE(same_tensor(tensor_from_json(r["tensor_B"]), got.tensor_B))
      << "tensor_B (drawn after tensor_A) for seed " << seed << " on " << device;
}

}  // namespace

TEST(DeviceTensors, NotebookSeed1234OnTheCpu) { check_run(run_for(1234), tl::kCPU); }

TEST(DeviceTensors, NotebookSeed1234OnTheDevice) { check_run(run_for(1234), device_under_test()); }

TEST(DeviceTensors, DefaultSeedIs1234) {
  const course::DeviceTensors got = course::make_device_tensors(tl::kCPU);
  EXPECT_TRUE(same_tensor(tensor_from_json(run_for(1234)["tensor_A"]), got.tensor_A))
      << "make_device_tensors(device) should use seed 1234";
}

TEST(DeviceTensors, EverySeedOnTheCpu) {
  for (const auto& r : fx()["runs"]) check_run(r, tl::kCPU);
}

TEST(DeviceTensors, EverySeedOnTheDevice) {
  for (const auto& r : fx()["runs"]) check_run(r, device_under_test());
}

TEST(DeviceTensors, SeedsTheCpuGeneratorAndDrawsSixNumbers) {
  for (const auto& r : fx()["runs"]) {
    const uint64_t seed = r["seed"];
    tl::rand({7});  // earlier draws must not matter
    course::make_device_tensors(device_under_test(), seed);
    EXPECT_EQ(tl::initial_seed(), seed) << "make_device_tensors(device, " << seed << ") should call tl::manual_seed(" << seed << ")";
    EXPECT_TRUE(same_tensor(tensor_from_json(r["after"]), tl::rand({3})))
        << "tl::rand({3}) right after make_device_tensors(" << device_under_test() << ", " << seed
        << "): draw two rand(2, 3) on the CPU and nothing else";
  }
}

TEST(DeviceTensors, TwoSeparateTensors) {
  const course::DeviceTensors got = course::make_device_tensors(device_under_test());
  ASSERT_TRUE(got.tensor_A.defined() && got.tensor_B.defined());
  EXPECT_TRUE(suite::owns_storage(got.tensor_A, got.tensor_B, "tensor_B"));
  EXPECT_EQ(got.tensor_A.dtype(), tl::kFloat);
  EXPECT_EQ(got.tensor_B.dtype(), tl::kFloat);
}
