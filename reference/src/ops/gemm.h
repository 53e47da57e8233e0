#pragma once
// Private BLAS-style kernels behind mm, mv and dot.
//
// The arguments follow Fortran BLAS (column-major matrices, leading dimensions, increments)
// because PyTorch's CPU matmul calls BLAS that way; mirroring its calls argument for argument
// lets float32/float64 results come out of the same OpenBLAS routines bit for bit. Without
// OpenBLAS, and for integer types, built-in kernels run instead.
//
// Supported element types: uint8_t, int8_t, int16_t, int32_t, int64_t, float, double.
// Integers wrap around on overflow, like PyTorch's kernels do in practice.

#include <cstdint>

namespace tl::detail {

/// C = op(A) * op(B) for column-major C (m x n, leading dimension ldc); op transposes when
/// asked. A is m x k after op, B is k x n after op. (BLAS ?gemm with alpha 1, beta 0.)
template <typename T>
void gemm(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, const T* a, int64_t lda, const T* b,
          int64_t ldb, T* c, int64_t ldc);

/// y = op(A) * x for a column-major m x n A; y has n entries when `trans`, else m.
/// (PyTorch's gemv wrapper around BLAS ?gemv with alpha 1, beta 0.)
template <typename T>
void gemv(bool trans, int64_t m, int64_t n, const T* a, int64_t lda, const T* x, int64_t incx, T* y, int64_t incy);

/// Sum of x[i * incx] * y[i * incy] for i < n. (BLAS ?dot.)
template <typename T>
T dot(int64_t n, const T* x, int64_t incx, const T* y, int64_t incy);

}  // namespace tl::detail
