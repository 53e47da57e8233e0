#pragma once
// The narrow waist between the device-independent library and the CUDA backend.
// Built with TL_WITH_CUDA these call into src/cuda; without it they throw the error
// PyTorch gives when CUDA is missing, so CPU-only builds link and fail cleanly.

#include <cstddef>

#include "tl/device.h"

namespace tl::detail {

/// Allocates device memory; throws tl::Error when CUDA is unavailable.
void* cuda_malloc(size_t nbytes, Device device);
/// Frees device memory from cuda_malloc.
void cuda_free(void* p, Device device);
/// Copies `nbytes` between any combination of host and device pointers.
void cuda_memcpy(void* dst, Device dst_device, const void* src, Device src_device, size_t nbytes);

}  // namespace tl::detail
