// Exercise 12-gpu. The task is in exercises/12-gpu/README.md.
#include "course/12_gpu.h"

#include <cuda_runtime.h>

#include <course/todo.h>

// Device code cannot throw, so inside a kernel TL_TODO does nothing; the host function
// that launches the kernel reaches its own TL_TODO first.
#ifdef __CUDA_ARCH__
#undef TL_TODO
#define TL_TODO(exercise_id) ((void)0)
#pragma nv_diag_suppress 940  // "missing return": this pass also reads the host functions
#endif

namespace course {

tl::Device pick_device() {
  // BEGIN SOLUTION 12-gpu
  return tl::cuda::is_available() ? tl::Device(tl::kCUDA) : tl::Device(tl::kCPU);
  // END SOLUTION
}

DeviceTrip device_round_trip(const tl::Tensor& tensor) {
  // BEGIN SOLUTION 12-gpu
  const tl::Device device = pick_device();
  tl::Tensor on_device = tensor.to(device);  // a copy on the GPU (the same tensor on the CPU)
  return {device, on_device, on_device.cpu()};
  // END SOLUTION
}

// One thread per element: thread i adds `value` to data[i].
__global__ void add_scalar_kernel(float* data, int64_t n, float value) {
  // BEGIN SOLUTION 12-gpu
  const int64_t i = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i < n) data[i] += value;
  // END SOLUTION
}

tl::Tensor add_scalar(const tl::Tensor& t, float value) {
  // BEGIN SOLUTION 12-gpu
  TL_CHECK(t.dtype() == tl::kFloat, "add_scalar: expected a float32 tensor, got ", t.dtype());
  tl::Tensor out = t.clone();  // contiguous, on t's device
  const int64_t n = out.numel();
  float* data = out.data_ptr<float>();
  if (out.is_cpu()) {
    for (int64_t i = 0; i < n; ++i) data[i] += value;
    return out;
  }
  if (n == 0) return out;  // a launch with 0 blocks is an error
  constexpr int kThreads = 256;
  const auto blocks = static_cast<unsigned>((n + kThreads - 1) / kThreads);
  add_scalar_kernel<<<blocks, kThreads>>>(data, n, value);
  const cudaError_t err = cudaGetLastError();
  TL_CHECK(err == cudaSuccess, "add_scalar_kernel failed to launch: ", cudaGetErrorString(err));
  return out;
  // END SOLUTION
}

tl::Tensor matmul_on_device(const tl::Tensor& a, const tl::Tensor& b, tl::Device device) {
  // BEGIN SOLUTION 12-gpu
  return tl::matmul(a.to(device), b.to(device)).cpu();
  // END SOLUTION
}

}  // namespace course
