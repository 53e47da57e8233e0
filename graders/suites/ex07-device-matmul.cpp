// Hidden suite for ex07-device-matmul. Golden values: graders/suites/fixtures/ex07-device-matmul.json
// (tools/fixtures/gen_course_part2.py: torch.matmul(tensor_A, tensor_B.T), PyTorch 1.13.1). The
// inputs go to the best device the grader has.
#include <gtest/gtest.h>

#include <string>

#include <course/ex07_device_matmul.h>
#include <tl/cuda.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::tensor_from_json;

namespace {

const nlohmann::json& fx() { return suite::fixture("ex07-device-matmul.json"); }

tl::Device device_under_test() { return tl::cuda::is_available() ? tl::Device(tl::kCUDA) : tl::Device(tl::kCPU); }

const nlohmann::json& find_case(const std::string& name) {
  for (const auto& c : fx()["cases"])
    if (c["name"] == name) return c;
  throw std::runtime_error("no fixture case " + name);
}

// Floating results may differ from PyTorch's in the last bits (the order of the sums).
::testing::AssertionResult matches(const tl::Tensor& expected, const tl::Tensor& got) {
  if (!expected.is_floating_point()) return suite::same_tensor(expected, got);
  return suite::close_tensor(expected, got, expected.dtype() == tl::kDouble ? 1e-12 : 1e-5, 1e-6);
}

::testing::AssertionResult run_case(const std::string& name, tl::Device device) {
  const auto& c = find_case(name);
  const tl::Tensor a = tensor_from_json(c["a"]).to(device), b = tensor_from_json(c["b"]).to(device);
  const tl::Tensor got = course::device_matmul(a, b);
  if (auto on = suite::stays_on(got, device); !on) return on << " (" << name << ")";
  auto r = matches(tensor_from_json(c["expected"]), got);
  if (!r) r << "\n  for tensor_A of shape " << a.sizes() << " and tensor_B of shape " << b.sizes() << " (" << name << ")";
  return r;
}

}  // namespace

TEST(DeviceMatmul, NotebookOnTheCpu) { EXPECT_TRUE(run_case("notebook_seed1234", tl::kCPU)); }

TEST(DeviceMatmul, NotebookOnTheDevice) { EXPECT_TRUE(run_case("notebook_seed1234", device_under_test())); }

TEST(DeviceMatmul, DifferentRowCounts) {
  EXPECT_TRUE(run_case("rectangular_3x4_5x4", tl::kCPU));
  EXPECT_TRUE(run_case("rectangular_3x4_5x4", device_under_test()));
}

TEST(DeviceMatmul, OneRowEach) { EXPECT_TRUE(run_case("one_row_each", device_under_test())); }

TEST(DeviceMatmul, Float64StaysFloat64) { EXPECT_TRUE(run_case("float64", device_under_test())); }

TEST(DeviceMatmul, Int64StaysInt64) { EXPECT_TRUE(run_case("int64", tl::kCPU)); }

TEST(DeviceMatmul, NonContiguousInputs) {
  const auto& c = find_case("rectangular_3x4_5x4");
  // Same values, transposed twice: views whose memory is laid out column by column.
  const tl::Tensor a = tensor_from_json(c["a"]).t().contiguous().t();
  const tl::Tensor b = tensor_from_json(c["b"]).t().contiguous().t();
  ASSERT_FALSE(a.is_contiguous());
  EXPECT_TRUE(matches(tensor_from_json(c["expected"]), course::device_matmul(a, b)));
}

TEST(DeviceMatmul, InputsAreNotChanged) {
  const auto& c = find_case("notebook_seed1234");
  const tl::Tensor a = tensor_from_json(c["a"]).to(device_under_test());
  const tl::Tensor b = tensor_from_json(c["b"]).to(device_under_test());
  course::device_matmul(a, b);
  EXPECT_TRUE(suite::same_tensor(tensor_from_json(c["a"]), a)) << "tensor_A was modified";
  EXPECT_TRUE(suite::same_tensor(tensor_from_json(c["b"]), b)) << "tensor_B was modified";
  EXPECT_EQ(a.device().type(), device_under_test().type()) << "tensor_A was moved";
}

TEST(DeviceMatmul, ShapeErrorComesThrough) {
  for (const auto& e : fx()["errors"]) {
    const tl::Tensor a = tl::rand(suite::shape_from_json(e["a"])).to(device_under_test());
    const tl::Tensor b = tl::rand(suite::shape_from_json(e["b"])).to(device_under_test());
    EXPECT_TRUE(suite::expect_error([&] { course::device_matmul(a, b); }, e["message"]))
        << "for tensor_A of shape " << a.sizes() << " and tensor_B of shape " << b.sizes();
  }
}
