#pragma once
// The narrow waist between the device-independent library and the CUDA backend.
// Built with TL_WITH_CUDA these call into src/cuda; without it they throw the error
// PyTorch gives when CUDA is missing, so CPU-only builds link and fail cleanly.

#include <cstddef>
#include <cstdint>

#include "tl/device.h"

namespace tl {
class Generator;
class Tensor;
}  // namespace tl

namespace tl::detail {

/// Allocates device memory; throws tl::Error when CUDA is unavailable.
void* cuda_malloc(size_t nbytes, Device device);
/// Frees device memory from cuda_malloc.
void cuda_free(void* p, Device device);
/// Copies `nbytes` between any combination of host and device pointers.
void cuda_memcpy(void* dst, Device dst_device, const void* src, Device src_device, size_t nbytes);

/// One in-place random fill of a CUDA tensor, handed over by src/random after the
/// device-independent argument checks (bounds, std >= 0, from < to) have passed.
struct RandomFill {
  enum class Kind {
    Uniform,  ///< uniform in [a, b)
    Normal,   ///< normal with mean a and standard deviation b
    FromTo,   ///< integers base + r % range; range 0 stands for the full 2^64
    Random,   ///< `random_()` without bounds: [0, max of the dtype]
  };
  Kind kind = Kind::Uniform;
  double a = 0;
  double b = 1;
  uint64_t range = 0;
  int64_t base = 0;
};
/// Fills `self` (a CUDA tensor) as `fill` says; a null `gen` means the device's default generator.
void cuda_random_fill(const Tensor& self, const RandomFill& fill, const Generator* gen);
/// Seeds the default generator of every CUDA device (`tl::manual_seed` calls it);
/// does nothing when there is no CUDA device.
void cuda_manual_seed_all(uint64_t seed);

}  // namespace tl::detail
