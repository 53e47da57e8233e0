// Matrix products through cuBLAS: one handle per device, created on first use and kept.
#include <cublas_v2.h>

#include <algorithm>
#include <climits>
#include <deque>
#include <mutex>

#include "core/cuda_bridge.h"
#include "cuda/runtime.h"
#include "tl/error.h"

namespace tl {
namespace {

void check_cublas(cublasStatus_t status, const char* call) {
  if (status == CUBLAS_STATUS_SUCCESS) return;
  throw Error(detail::str_cat("CUDA error: ", cublasGetStatusName(status), " (", call, ", code ",
                              static_cast<int>(status), ")"));
}

// The cuBLAS handle of `device` (current when called). Handles are never destroyed: that
// would race with the runtime's own teardown at exit.
cublasHandle_t handle(int device) {
  static std::mutex mutex;
  static std::deque<cublasHandle_t> handles;  // by device; null until created
  std::lock_guard<std::mutex> lock(mutex);
  if (static_cast<int>(handles.size()) <= device) handles.resize(static_cast<size_t>(device) + 1, nullptr);
  cublasHandle_t& h = handles[static_cast<size_t>(device)];
  if (h == nullptr) {
    check_cublas(cublasCreate(&h), "cublasCreate");
    // PyTorch 1.13's defaults: no TF32 for float32, float16 may reduce in reduced precision.
    check_cublas(cublasSetMathMode(h, CUBLAS_DEFAULT_MATH), "cublasSetMathMode");
  }
  return h;
}

// PyTorch's _cublasAdjustLdLevel3 (ATen/cuda/CUDABlas.cpp): cuBLAS rejects a leading
// dimension below the rows it declares (max(1, m) for C, and so on) even where only one
// column is ever read or written, so a degenerate matrix (one column, k <= 1, m <= 1) gets
// the smallest valid one. Callers pass the strides a tensor happens to have, which for a
// size-1 dim can be anything: mv's (rows, 1) result has ldc 1 < m, for instance.
void adjust_leading_dims(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, int64_t& lda, int64_t& ldb,
                         int64_t& ldc) {
  if (n <= 1) ldc = std::max<int64_t>(m, 1);
  if (trans_a) {
    if (m <= 1) lda = std::max<int64_t>(k, 1);
  } else {
    if (k <= 1) lda = std::max<int64_t>(m, 1);
  }
  if (trans_b) {
    if (k <= 1) ldb = std::max<int64_t>(n, 1);
  } else {
    if (n <= 1) ldb = std::max<int64_t>(k, 1);
  }
}

int to_int(int64_t v, const char* what) {
  TL_CHECK(v >= 0 && v <= INT_MAX, "cuBLAS: ", what, " = ", v, " does not fit in int");
  return static_cast<int>(v);
}

}  // namespace

namespace detail {

void cuda_gemm(ScalarType dtype, Device device, bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k,
               const void* a, int64_t lda, int64_t stride_a, const void* b, int64_t ldb, int64_t stride_b, void* c,
               int64_t ldc, int64_t stride_c, int64_t batch) {
  if (m == 0 || n == 0 || batch == 0) return;
  cuda_backend::DeviceGuard guard(device);
  cublasHandle_t h = handle(cuda_backend::device_index(device));
  adjust_leading_dims(trans_a, trans_b, m, n, k, lda, ldb, ldc);
  const cublasOperation_t op_a = trans_a ? CUBLAS_OP_T : CUBLAS_OP_N;
  const cublasOperation_t op_b = trans_b ? CUBLAS_OP_T : CUBLAS_OP_N;
  const int im = to_int(m, "m"), in = to_int(n, "n"), ik = to_int(k, "k");
  const int ilda = to_int(lda, "lda"), ildb = to_int(ldb, "ldb"), ildc = to_int(ldc, "ldc");
  const int ibatch = to_int(batch, "batch");
  switch (dtype) {
    case kFloat: {
      const float one = 1, zero = 0;
      const auto* fa = static_cast<const float*>(a);
      const auto* fb = static_cast<const float*>(b);
      auto* fc = static_cast<float*>(c);
      if (batch == 1) {
        check_cublas(cublasSgemm(h, op_a, op_b, im, in, ik, &one, fa, ilda, fb, ildb, &zero, fc, ildc), "cublasSgemm");
      } else {
        check_cublas(cublasSgemmStridedBatched(h, op_a, op_b, im, in, ik, &one, fa, ilda, stride_a, fb, ildb, stride_b,
                                               &zero, fc, ildc, stride_c, ibatch),
                     "cublasSgemmStridedBatched");
      }
      return;
    }
    case kDouble: {
      const double one = 1, zero = 0;
      const auto* da = static_cast<const double*>(a);
      const auto* db = static_cast<const double*>(b);
      auto* dc = static_cast<double*>(c);
      if (batch == 1) {
        check_cublas(cublasDgemm(h, op_a, op_b, im, in, ik, &one, da, ilda, db, ildb, &zero, dc, ildc), "cublasDgemm");
      } else {
        check_cublas(cublasDgemmStridedBatched(h, op_a, op_b, im, in, ik, &one, da, ilda, stride_a, db, ildb, stride_b,
                                               &zero, dc, ildc, stride_c, ibatch),
                     "cublasDgemmStridedBatched");
      }
      return;
    }
    case kHalf: {
      // float16 storage, float32 accumulation, as PyTorch's at::cuda::blas::gemm<Half>.
      const float one = 1, zero = 0;
      if (batch == 1) {
        check_cublas(cublasGemmEx(h, op_a, op_b, im, in, ik, &one, a, CUDA_R_16F, ilda, b, CUDA_R_16F, ildb, &zero, c,
                                  CUDA_R_16F, ildc, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT_TENSOR_OP),
                     "cublasGemmEx");
      } else {
        check_cublas(cublasGemmStridedBatchedEx(h, op_a, op_b, im, in, ik, &one, a, CUDA_R_16F, ilda, stride_a, b,
                                                CUDA_R_16F, ildb, stride_b, &zero, c, CUDA_R_16F, ildc, stride_c,
                                                ibatch, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT_TENSOR_OP),
                     "cublasGemmStridedBatchedEx");
      }
      return;
    }
    default:
      throw Error(str_cat("\"addmm_cuda\" not implemented for '", scalar_type_name(dtype), "'"));
  }
}

}  // namespace detail
}  // namespace tl
