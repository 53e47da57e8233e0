#pragma once
// The narrow waist between the device-independent library and the CUDA backend.
// Built with TL_WITH_CUDA these call into src/cuda; without it (cuda_bridge_stub.cpp) there
// are no devices, and everything that would touch one throws the error PyTorch gives when
// CUDA is missing, so CPU-only builds link and fail cleanly.
//
// The front ends (copy.cpp, src/ops, src/random) do every device-independent check, type
// promotion and shape computation; the functions here only run kernels on tensors that
// all live on one CUDA device.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "tl/device.h"
#include "tl/dtype.h"
#include "tl/scalar.h"

namespace tl {
class Generator;
class Tensor;
}  // namespace tl

namespace tl::detail {

// ---- runtime ---------------------------------------------------------------------

/// Number of usable CUDA devices; 0 without a GPU or driver (never throws).
int cuda_device_count();
/// Waits for all work queued on `device` (a CUDA device).
void cuda_synchronize(Device device);
/// The limits PyTorch's launch shapes depend on.
struct CudaLimits {
  int multiprocessors = 0;
  int max_threads_per_multiprocessor = 0;
};
/// The limits of a CUDA device (throws when there is no such device).
CudaLimits cuda_limits(Device device);

// ---- memory ----------------------------------------------------------------------

/// Allocates device memory; throws tl::Error when CUDA is unavailable or out of memory.
void* cuda_malloc(size_t nbytes, Device device);
/// Frees device memory from cuda_malloc (never throws).
void cuda_free(void* p, Device device);
/// Copies `nbytes` between any combination of host and device pointers.
void cuda_memcpy(void* dst, Device dst_device, const void* src, Device src_device, size_t nbytes);

// ---- copies and fills ------------------------------------------------------------

/// Copies `src` (already expanded to `dst`'s shape, any dtype, any strides) into `dst`,
/// converting each element as `detail::cast_value` does; both on the same CUDA device.
void cuda_copy(const Tensor& dst, const Tensor& src);
/// Sets every element of the CUDA tensor `dst` to `value` converted to its dtype.
void cuda_fill(const Tensor& dst, const Scalar& value);

// ---- element-wise ops ------------------------------------------------------------

/// Unary element-wise ops; the output has the input's dtype.
enum class CudaUnaryOp : uint8_t { Neg, Abs };
/// Binary element-wise ops with PyTorch's CUDA semantics (integers wrap, half computes in
/// float, `AddScaled` is `a + alpha * b` fused).
enum class CudaBinaryOp : uint8_t {
  Add,        ///< a + b (bool: or)
  Sub,        ///< a - b
  AddScaled,  ///< a + alpha * b
  Mul,        ///< a * b (bool: and)
  Div,        ///< a / b; by a number: a * (1 / b), as PyTorch's CUDA kernel does
  Eq,         ///< a == b, a bool output
  Within,     ///< isfinite(a) && a <= b (isclose's last step), a bool output
};
/// One input of an element-wise CUDA op: a tensor broadcastable to the output, or a number.
/// A tensor must be in the compute dtype and on the output's device, or be a 0-d CPU
/// tensor, which takes part as a number (PyTorch lets a CPU scalar join a CUDA op).
struct CudaInput {
  CudaInput(const Tensor& t) : tensor(&t) {}  // NOLINT(google-explicit-constructor)
  CudaInput(const Scalar& s) : value(s) {}    // NOLINT(google-explicit-constructor)
  const Tensor* tensor = nullptr;
  Scalar value;
};
/// out = op(in); `out` has `in`'s shape and dtype.
void cuda_unary(CudaUnaryOp op, const Tensor& out, const Tensor& in);
/// out = op(a, b) computed in `compute` (out is `compute`, or bool for Eq and Within);
/// inputs broadcast to out's shape. `alpha` is used by AddScaled only.
void cuda_binary(CudaBinaryOp op, ScalarType compute, const Tensor& out, const CudaInput& a, const CudaInput& b,
                 const Scalar& alpha = 1);

// ---- reductions ------------------------------------------------------------------

/// Reductions: Sum accumulates in float (half, float), double or int64 (integers, wrapping);
/// Min and Max propagate NaN and report the first index of the extreme value.
enum class CudaReduceOp : uint8_t { Sum, Min, Max };
/// Reduces `in` over the dims where `mask` is true. `values` (in's dtype) and `indices`
/// (int64) are fresh contiguous tensors of the keepdim shape; either may be undefined (Sum
/// has no indices). An index counts positions over the reduced dims in row-major order:
/// the position along the one dim of a `dim=` reduction, the flat index of a full one.
void cuda_reduce(CudaReduceOp op, const Tensor& in, const std::vector<bool>& mask, const Tensor& values,
                 const Tensor& indices);

// ---- matrix products ---------------------------------------------------------------

/// C = op(A) * op(B) through cuBLAS, column-major like BLAS ?gemm with alpha 1 and beta 0,
/// for `batch` matrices `stride_*` elements apart (batch 1: one plain gemm). dtype is
/// float32, float64 or float16 (float16 accumulates in float32, as PyTorch). Leading
/// dimensions of degenerate operands (one column, k <= 1) are normalised as PyTorch's
/// _cublasAdjustLdLevel3 does, so any stride of a size-1 dim is accepted.
void cuda_gemm(ScalarType dtype, Device device, bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k,
               const void* a, int64_t lda, int64_t stride_a, const void* b, int64_t ldb, int64_t stride_b, void* c,
               int64_t ldc, int64_t stride_c, int64_t batch);

// ---- random numbers --------------------------------------------------------------

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
/// Fills `self` (a CUDA tensor) as `fill` says, with PyTorch 1.13's Philox scheme; a null
/// `gen` means the device's default generator.
void cuda_random_fill(const Tensor& self, const RandomFill& fill, const Generator* gen);
/// Seeds the default generator of every CUDA device (`tl::manual_seed` calls it);
/// does nothing when there is no CUDA device. Defined in src/random/cuda_generator.cpp.
void cuda_manual_seed_all(uint64_t seed);

}  // namespace tl::detail
