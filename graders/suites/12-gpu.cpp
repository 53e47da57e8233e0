// Hidden suite for 12-gpu. Golden values: graders/suites/fixtures/12-gpu.json
// (tools/fixtures/gen_course.py: PyTorch 1.13.1 on the CPU; a GPU must give the same
// float32 sums). Tests named *OnGpu skip without a CUDA device; the rest run everywhere.
#include <gtest/gtest.h>

#include <course/12_gpu.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::expect_error;
using suite::same_tensor;
using suite::tensor_from_json;
using tl::indexing::Slice;

namespace {

const nlohmann::json& fx() { return suite::fixture("12-gpu.json"); }

tl::Tensor add_input(const nlohmann::json& c) {
  const tl::Tensor base = tensor_from_json(c["input"]);
  const std::string name = c["name"];
  if (name == "transposed") return base.t();
  if (name == "strided") return base.index({Slice(1, std::nullopt, 3)});
  return base;
}

#define REQUIRE_GPU() \
  if (!tl::cuda::is_available()) GTEST_SKIP() << "needs a CUDA device"

}  // namespace

// ---- pick_device -----------------------------------------------------------------------

TEST(PickDevice, CudaIfAvailableElseCpu) {
  const tl::Device d = course::pick_device();
  EXPECT_EQ(tl::cuda::is_available() ? tl::kCUDA : tl::kCPU, d.type())
      << "pick_device() returned " << d << " but tl::cuda::is_available() is " << tl::cuda::is_available();
}

// ---- device_round_trip -----------------------------------------------------------------

TEST(DeviceRoundTrip, NotebookTensor) {
  const tl::Tensor tensor = tl::tensor({1, 2, 3});
  const auto trip = course::device_round_trip(tensor);
  EXPECT_EQ(tl::cuda::is_available() ? tl::kCUDA : tl::kCPU, trip.device.type());
  ASSERT_TRUE(trip.on_device.defined() && trip.back_on_cpu.defined());
  EXPECT_EQ(trip.device.type(), trip.on_device.device().type()) << "on_device should live on the picked device";
  EXPECT_TRUE(trip.back_on_cpu.is_cpu());
  EXPECT_TRUE(same_tensor(tl::tensor({1, 2, 3}), trip.back_on_cpu));
  EXPECT_TRUE(tensor.is_cpu()) << "the original stays on the CPU";
}

TEST(DeviceRoundTrip, KeepsDtypeShapeAndValues) {
  for (const tl::Tensor& t : {tl::arange(6.).reshape({2, 3}), tl::tensor({true, false}), tl::full({}, 2.5, tl::kHalf),
                              tl::arange(12, tl::kInt8).reshape({3, 4}).t()}) {
    const auto trip = course::device_round_trip(t);
    EXPECT_TRUE(same_tensor(t.contiguous(), trip.back_on_cpu)) << "round trip of " << suite::show(t);
  }
}

TEST(DeviceRoundTripOnGpu, CopiesToTheGpu) {
  REQUIRE_GPU();
  const tl::Tensor tensor = tl::tensor({1, 2, 3});
  const auto trip = course::device_round_trip(tensor);
  EXPECT_TRUE(trip.on_device.is_cuda());
  EXPECT_TRUE(same_tensor(tl::tensor({1, 2, 3}), trip.on_device.cpu()));
  EXPECT_TRUE(trip.back_on_cpu.is_cpu());
}

// ---- add_scalar ------------------------------------------------------------------------

TEST(AddScalar, NotebookTensorOnTheCpu) {
  EXPECT_TRUE(same_tensor(tl::tensor({11.f, 12.f, 13.f}), course::add_scalar(tl::tensor({1.f, 2.f, 3.f}), 10.f)));
}

TEST(AddScalar, EveryLayoutOnTheCpu) {
  for (const auto& c : fx()["adds"]) {
    const tl::Tensor in = add_input(c);
    const float value = static_cast<float>(c["value"].get<double>());
    EXPECT_TRUE(same_tensor(tensor_from_json(c["expected"]), course::add_scalar(in, value)))
        << "add_scalar for the case '" << c["name"] << "'";
  }
}

TEST(AddScalar, NewContiguousTensorInputUnchanged) {
  const tl::Tensor in = tl::arange(6.f).reshape({2, 3}).t();
  const tl::Tensor out = course::add_scalar(in, 1.f);
  ASSERT_TRUE(out.defined());
  EXPECT_TRUE(out.is_contiguous());
  EXPECT_TRUE(suite::owns_storage(in, out, "add_scalar's result"));
  EXPECT_TRUE(same_tensor(tl::arange(6.f).reshape({2, 3}), in.t())) << "the input must not change";
}

TEST(AddScalar, OnlyFloat32) {
  EXPECT_TRUE(expect_error([] { course::add_scalar(tl::ones({2}, tl::kLong), 1.f); }, "", suite::Match::Any));
  EXPECT_TRUE(expect_error([] { course::add_scalar(tl::ones({2}, tl::kDouble), 1.f); }, "", suite::Match::Any));
}

TEST(AddScalarOnGpu, KernelComputesEveryElement) {
  REQUIRE_GPU();
  for (const auto& c : fx()["adds"]) {
    const tl::Tensor in = add_input(c).to(tl::kCUDA);
    const float value = static_cast<float>(c["value"].get<double>());
    const tl::Tensor out = course::add_scalar(in, value);
    ASSERT_TRUE(out.defined());
    EXPECT_TRUE(out.is_cuda()) << "the result should stay on the GPU";
    EXPECT_TRUE(same_tensor(tensor_from_json(c["expected"]), out.cpu())) << "add_scalar on the GPU, case '" << c["name"] << "'";
  }
}

TEST(AddScalarOnGpu, ManyBlocks) {
  REQUIRE_GPU();
  const int64_t n = (int64_t(1) << 20) + 3;  // not a multiple of the block size
  const tl::Tensor in = tl::zeros({n}, tl::TensorOptions(tl::kFloat).device(tl::kCUDA));
  const tl::Tensor out = course::add_scalar(in, 2.f).cpu();
  EXPECT_TRUE(same_tensor(tl::full({n}, 2.0f), out));
  EXPECT_TRUE(same_tensor(tl::zeros({n}), in.cpu())) << "the input must not change";
}

// ---- matmul_on_device ------------------------------------------------------------------

TEST(MatmulOnDevice, OnTheCpu) {
  const auto& m = fx()["matmul"];
  const tl::Tensor out = course::matmul_on_device(tensor_from_json(m["a"]), tensor_from_json(m["b"]), tl::Device(tl::kCPU));
  EXPECT_TRUE(suite::close_tensor(tensor_from_json(m["expected"]), out));
  ASSERT_TRUE(out.defined());
  EXPECT_TRUE(out.is_cpu());
}

TEST(MatmulOnDevice, OnThePickedDevice) {
  const auto& m = fx()["matmul"];
  const tl::Tensor out = course::matmul_on_device(tensor_from_json(m["a"]), tensor_from_json(m["b"]), course::pick_device());
  EXPECT_TRUE(suite::close_tensor(tensor_from_json(m["expected"]), out));
  ASSERT_TRUE(out.defined());
  EXPECT_TRUE(out.is_cpu()) << "the result comes back to the CPU";
}

TEST(MatmulOnDevice, ShapeErrorPassesThrough) {
  EXPECT_TRUE(expect_error([] { course::matmul_on_device(tl::ones({3, 2}), tl::ones({3, 2}), tl::Device(tl::kCPU)); },
                           fx()["matmul_error"]));
}

TEST(MatmulOnDeviceOnGpu, CuBlasResult) {
  REQUIRE_GPU();
  const auto& m = fx()["matmul"];
  const tl::Tensor out = course::matmul_on_device(tensor_from_json(m["a"]), tensor_from_json(m["b"]), tl::Device(tl::kCUDA));
  EXPECT_TRUE(suite::close_tensor(tensor_from_json(m["expected"]), out, 1e-5, 1e-5));
  EXPECT_TRUE(out.is_cpu());
}
