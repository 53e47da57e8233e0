// The CUDA runtime behind the bridge: device discovery, errors, the current device,
// copies between host and device, and launch helpers.
#include "cuda/runtime.h"

#include <algorithm>
#include <deque>
#include <mutex>

#include "core/cuda_bridge.h"
#include "cuda/kernels.h"
#include "tl/error.h"

namespace tl {
namespace cuda_backend {

void check(cudaError_t status, const char* call) {
  if (status == cudaSuccess) return;
  (void)cudaGetLastError();  // clear a non-sticky error so later calls do not report it again
  throw Error(detail::str_cat("CUDA error: ", cudaGetErrorString(status), " (", call, ", code ",
                              static_cast<int>(status), ")"));
}

const detail::CudaLimits& device_limits(int index) {
  static std::mutex mutex;
  static std::deque<detail::CudaLimits> limits;  // by device; filled on first use
  std::lock_guard<std::mutex> lock(mutex);
  TL_CHECK(index >= 0 && index < detail::cuda_device_count(), "CUDA error: invalid device ordinal (device ", index,
           ")");
  while (static_cast<int>(limits.size()) <= index) {
    const int d = static_cast<int>(limits.size());
    detail::CudaLimits l;
    check(cudaDeviceGetAttribute(&l.multiprocessors, cudaDevAttrMultiProcessorCount, d), "cudaDeviceGetAttribute");
    check(cudaDeviceGetAttribute(&l.max_threads_per_multiprocessor, cudaDevAttrMaxThreadsPerMultiProcessor, d),
          "cudaDeviceGetAttribute");
    limits.push_back(l);
  }
  return limits[static_cast<size_t>(index)];
}

DeviceGuard::DeviceGuard(Device device) {
  const int want = device_index(device);
  check(cudaGetDevice(&previous_), "cudaGetDevice");
  if (previous_ != want) check(cudaSetDevice(want), "cudaSetDevice");
}

DeviceGuard::~DeviceGuard() {
  int now = -1;
  if (cudaGetDevice(&now) == cudaSuccess && now != previous_) (void)cudaSetDevice(previous_);
}

int64_t numel(const Shape& shape) {
  int64_t n = 1;
  for (int d = 0; d < shape.ndim; ++d) n *= shape.sizes[d];
  return n;
}

unsigned grid_for(int64_t n, unsigned block) {
  int device = 0;
  check(cudaGetDevice(&device), "cudaGetDevice");
  const detail::CudaLimits& l = device_limits(device);
  // Enough blocks to fill every multiprocessor; a grid-stride loop covers the rest.
  const int64_t resident = static_cast<int64_t>(l.multiprocessors) * (l.max_threads_per_multiprocessor / block);
  return static_cast<unsigned>(std::max<int64_t>(1, std::min<int64_t>((n + block - 1) / block, resident)));
}

void check_launch(const char* kernel) { check(cudaGetLastError(), kernel); }

}  // namespace cuda_backend

namespace detail {

int cuda_device_count() {
  // Asked once: without a driver or GPU the runtime reports an error, which means 0 devices.
  static const int count = [] {
    int n = 0;
    if (cudaGetDeviceCount(&n) != cudaSuccess) {
      (void)cudaGetLastError();
      n = 0;
    }
    return n;
  }();
  return count;
}

CudaLimits cuda_limits(Device device) { return cuda_backend::device_limits(cuda_backend::device_index(device)); }

void cuda_synchronize(Device device) {
  TL_CHECK(cuda_device_count() > 0, "CUDA error: no CUDA-capable device is detected");
  cuda_backend::DeviceGuard guard(device);
  cuda_backend::check(cudaDeviceSynchronize(), "cudaDeviceSynchronize");
}

void cuda_memcpy(void* dst, Device dst_device, const void* src, Device src_device, size_t nbytes) {
  if (nbytes == 0) return;
  using cuda_backend::check;
  if (dst_device.is_cuda() && src_device.is_cuda() && dst_device != src_device) {
    check(cudaMemcpyPeer(dst, cuda_backend::device_index(dst_device), src, cuda_backend::device_index(src_device),
                         nbytes),
          "cudaMemcpyPeer");
    return;
  }
  const cudaMemcpyKind kind = dst_device.is_cuda() ? (src_device.is_cuda() ? cudaMemcpyDeviceToDevice
                                                                           : cudaMemcpyHostToDevice)
                                                   : (src_device.is_cuda() ? cudaMemcpyDeviceToHost
                                                                           : cudaMemcpyHostToHost);
  cuda_backend::DeviceGuard guard(dst_device.is_cuda() ? dst_device : src_device);
  check(cudaMemcpy(dst, src, nbytes, kind), "cudaMemcpy");
}

}  // namespace detail
}  // namespace tl
