// CPU-only build: every CUDA entry point reports that CUDA is not available.
#include "core/cuda_bridge.h"

#include "tl/error.h"

namespace tl::detail {

namespace {
[[noreturn]] void no_cuda() { throw Error("Torch not compiled with CUDA enabled"); }
}  // namespace

void* cuda_malloc(size_t, Device) { no_cuda(); }
void cuda_free(void*, Device) {}
void cuda_memcpy(void*, Device, const void*, Device, size_t) { no_cuda(); }
void cuda_random_fill(const Tensor&, const RandomFill&, const Generator*) { no_cuda(); }
void cuda_manual_seed_all(uint64_t) {}  // no CUDA devices: nothing to seed

}  // namespace tl::detail
