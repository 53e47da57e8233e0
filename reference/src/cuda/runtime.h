#pragma once
// Host-side helpers of the CUDA backend: error checks, the current device, device limits.

#include <cuda_runtime_api.h>

#include "core/cuda_bridge.h"
#include "tl/device.h"

namespace tl::cuda_backend {

/// Throws tl::Error "CUDA error: <description> (<call>, code <n>)" unless `status` is success.
void check(cudaError_t status, const char* call);

/// The limits of CUDA device `index` (multiprocessors, threads per multiprocessor),
/// queried once per device.
const detail::CudaLimits& device_limits(int index);

/// The CUDA device index of `device` (an unspecified index means device 0).
inline int device_index(Device device) { return device.has_index() ? device.index() : 0; }

/// Makes a device current for the guard's lifetime, then restores the previous one.
class DeviceGuard {
 public:
  explicit DeviceGuard(Device device);
  ~DeviceGuard();
  DeviceGuard(const DeviceGuard&) = delete;
  DeviceGuard& operator=(const DeviceGuard&) = delete;

 private:
  int previous_ = -1;
};

}  // namespace tl::cuda_backend
