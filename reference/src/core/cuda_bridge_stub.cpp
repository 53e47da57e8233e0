// CPU-only build: there are no CUDA devices, and every entry point that would need one
// reports that CUDA is not available (a CUDA tensor cannot be created, so the kernels
// below are never reached; they exist so that the library links).
#include "core/cuda_bridge.h"

#include "tl/error.h"

namespace tl::detail {

namespace {
[[noreturn]] void no_cuda() { throw Error("Torch not compiled with CUDA enabled"); }
}  // namespace

int cuda_device_count() { return 0; }
void cuda_synchronize(Device) { no_cuda(); }
CudaLimits cuda_limits(Device) { no_cuda(); }
void* cuda_malloc(size_t, Device) { no_cuda(); }
void cuda_free(void*, Device) {}
void cuda_memcpy(void*, Device, const void*, Device, size_t) { no_cuda(); }
void cuda_copy(const Tensor&, const Tensor&) { no_cuda(); }
void cuda_fill(const Tensor&, const Scalar&) { no_cuda(); }
void cuda_unary(CudaUnaryOp, const Tensor&, const Tensor&) { no_cuda(); }
void cuda_binary(CudaBinaryOp, ScalarType, const Tensor&, const CudaInput&, const CudaInput&, const Scalar&) {
  no_cuda();
}
void cuda_reduce(CudaReduceOp, const Tensor&, const std::vector<bool>&, const Tensor&, const Tensor&) { no_cuda(); }
void cuda_gemm(ScalarType, Device, bool, bool, int64_t, int64_t, int64_t, const void*, int64_t, int64_t, const void*,
               int64_t, int64_t, void*, int64_t, int64_t, int64_t) {
  no_cuda();
}
void cuda_random_fill(const Tensor&, const RandomFill&, const Generator*) { no_cuda(); }

}  // namespace tl::detail
