// BLAS-style kernels: OpenBLAS for float/double when it was found at build time, built-in
// loops otherwise and for integer types.
//
// The wrappers reproduce PyTorch 1.13's cpublas::gemm, gemv and dot_impl: the same argument
// fix-ups, the same conditions for calling BLAS, and fallbacks with the same arithmetic.
#include "ops/gemm.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <type_traits>
#include <vector>

#if defined(TL_HAVE_BLAS)
#include <cblas.h>
#endif

// PyTorch's fallback loops round the product and the sum separately; keep the compiler from
// fusing them into one FMA when it targets a CPU that has FMA.
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace tl::detail {
namespace {

constexpr bool fits_int(int64_t v) { return v <= INT_MAX; }

template <typename T>
constexpr bool kIsFloat = std::is_floating_point_v<T>;

// Unsigned type for wrapping integer arithmetic (at least 32 bits: narrower types would
// promote to signed int, where overflow is undefined).
template <typename T>
using Wrap = std::conditional_t<(sizeof(T) < 4), uint32_t, std::make_unsigned_t<T>>;

// acc + a * b: two roundings for floats, modulo 2^bits for integers.
template <typename T>
T mul_add(T acc, T a, T b) {
  if constexpr (kIsFloat<T>) {
    const T p = a * b;
    return acc + p;
  } else {
    using U = Wrap<T>;
    return static_cast<T>(static_cast<U>(static_cast<U>(acc) + static_cast<U>(a) * static_cast<U>(b)));
  }
}

// c[i] += a[i] * s for i < m, the inner step of the built-in GEMM. Floats fuse each step
// into one rounding, as OpenBLAS's FMA kernels accumulate a dot product, so small products
// agree with OpenBLAS bit for bit.
template <typename T>
void axpy_generic(int64_t m, T s, const T* a, T* c) {
  if constexpr (kIsFloat<T>) {
    for (int64_t i = 0; i < m; ++i) c[i] = std::fma(a[i], s, c[i]);
  } else {
    for (int64_t i = 0; i < m; ++i) c[i] = mul_add(c[i], a[i], s);
  }
}

#if (defined(__GNUC__) || defined(__clang__)) && (defined(__x86_64__) || defined(__i386__))
// The same loop compiled for CPUs with FMA instructions (std::fma is a slow library call
// otherwise), picked at run time.
template <typename T>
__attribute__((target("fma"))) void axpy_fma(int64_t m, T s, const T* a, T* c) {
  for (int64_t i = 0; i < m; ++i) c[i] = std::fma(a[i], s, c[i]);
}

template <typename T>
void axpy(int64_t m, T s, const T* a, T* c) {
  if constexpr (kIsFloat<T>) {
    static const bool has_fma = __builtin_cpu_supports("fma");
    if (has_fma) return axpy_fma(m, s, a, c);
  }
  axpy_generic(m, s, a, c);
}
#else
template <typename T>
void axpy(int64_t m, T s, const T* a, T* c) {
  axpy_generic(m, s, a, c);
}
#endif

// Built-in GEMM, blocked so a panel of A stays in cache while every column of C passes.
// Each C element sums its k products in order, one fused step at a time.
template <typename T>
void gemm_builtin(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, const T* a, int64_t lda,
                  const T* b, int64_t ldb, T* c, int64_t ldc) {
  for (int64_t j = 0; j < n; ++j) std::fill(c + j * ldc, c + j * ldc + m, T(0));
  constexpr int64_t kBlockM = 128, kBlockK = 128;
  std::vector<T> panel(static_cast<size_t>(std::min(m, kBlockM) * std::min(k, kBlockK)));
  for (int64_t l0 = 0; l0 < k; l0 += kBlockK) {
    const int64_t kb = std::min(kBlockK, k - l0);
    for (int64_t i0 = 0; i0 < m; i0 += kBlockM) {
      const int64_t mb = std::min(kBlockM, m - i0);
      for (int64_t l = 0; l < kb; ++l) {  // panel column l = A(i0.., l0 + l)
        for (int64_t i = 0; i < mb; ++i) {
          panel[l * mb + i] = trans_a ? a[(l0 + l) + (i0 + i) * lda] : a[(i0 + i) + (l0 + l) * lda];
        }
      }
      for (int64_t j = 0; j < n; ++j) {
        for (int64_t l = 0; l < kb; ++l) {
          const T s = trans_b ? b[j + (l0 + l) * ldb] : b[(l0 + l) + j * ldb];
          axpy(mb, s, panel.data() + l * mb, c + i0 + j * ldc);
        }
      }
    }
  }
}

}  // namespace

template <typename T>
void gemm(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, const T* a, int64_t lda, const T* b,
          int64_t ldb, T* c, int64_t ldc) {
  // PyTorch's normalize_last_dims: leading dimensions of degenerate matrices are ignored by
  // the math but checked by BLAS, so make them valid.
  if (n == 1) ldc = m;
  if (trans_a) {
    if (m == 1) lda = k;
  } else if (k == 1) {
    lda = m;
  }
  if (trans_b) {
    if (k == 1) ldb = n;
  } else if (n == 1) {
    ldb = k;
  }
#if defined(TL_HAVE_BLAS)
  if constexpr (kIsFloat<T>) {
    const bool blas_ok = fits_int(m) && fits_int(n) && fits_int(k) && fits_int(lda) && fits_int(ldb) &&
                         fits_int(ldc) && lda >= std::max<int64_t>(1, trans_a ? k : m) &&
                         ldb >= std::max<int64_t>(1, trans_b ? n : k) && ldc >= std::max<int64_t>(1, m);
    if (blas_ok) {
      const auto ta = trans_a ? CblasTrans : CblasNoTrans, tb = trans_b ? CblasTrans : CblasNoTrans;
      if constexpr (std::is_same_v<T, float>) {
        cblas_sgemm(CblasColMajor, ta, tb, int(m), int(n), int(k), 1.0f, a, int(lda), b, int(ldb), 0.0f, c, int(ldc));
      } else {
        cblas_dgemm(CblasColMajor, ta, tb, int(m), int(n), int(k), 1.0, a, int(lda), b, int(ldb), 0.0, c, int(ldc));
      }
      return;
    }
  }
#endif
  gemm_builtin(trans_a, trans_b, m, n, k, a, lda, b, ldb, c, ldc);
}

template <typename T>
void gemv(bool trans, int64_t m, int64_t n, const T* a, int64_t lda, const T* x, int64_t incx, T* y, int64_t incy) {
  if (n == 1) lda = m;
#if defined(TL_HAVE_BLAS)
  if constexpr (kIsFloat<T>) {
    // BLAS takes positive increments only; an expanded vector (stride 0) uses the loops.
    if (fits_int(m) && fits_int(n) && fits_int(lda) && incx > 0 && fits_int(incx) && incy > 0 && fits_int(incy)) {
      const auto t = trans ? CblasTrans : CblasNoTrans;
      if constexpr (std::is_same_v<T, float>) {
        cblas_sgemv(CblasColMajor, t, int(m), int(n), 1.0f, a, int(lda), x, int(incx), 0.0f, y, int(incy));
      } else {
        cblas_dgemv(CblasColMajor, t, int(m), int(n), 1.0, a, int(lda), x, int(incx), 0.0, y, int(incy));
      }
      return;
    }
  }
#endif
  if (trans) {  // one dot product per column of A
    for (int64_t i = 0; i < n; ++i) {
      const T* col = a + lda * i;
      T acc = T(0);
      for (int64_t j = 0; j < m; ++j) acc = mul_add(acc, x[j * incx], col[j]);
      y[i * incy] = acc;
    }
  } else {  // y accumulates the columns of A scaled by x
    for (int64_t i = 0; i < m; ++i) y[i * incy] = T(0);
    for (int64_t j = 0; j < n; ++j) {
      const T* col = a + lda * j;
      const T z = x[j * incx];
      for (int64_t i = 0; i < m; ++i) y[i * incy] = mul_add(y[i * incy], z, col[i]);
    }
  }
}

template <typename T>
T dot(int64_t n, const T* x, int64_t incx, const T* y, int64_t incy) {
  if (n == 1) {
    incx = 1;
    incy = 1;
  }
#if defined(TL_HAVE_BLAS)
  if constexpr (kIsFloat<T>) {
    if (fits_int(n) && fits_int(incx) && fits_int(incy)) {
      if constexpr (std::is_same_v<T, float>) return cblas_sdot(int(n), x, int(incx), y, int(incy));
      else return cblas_ddot(int(n), x, int(incx), y, int(incy));
    }
  }
#endif
  T acc = T(0);
  for (int64_t i = 0; i < n; ++i) acc = mul_add(acc, x[i * incx], y[i * incy]);
  return acc;
}

#define TL_INSTANTIATE_BLAS(T)                                                                                \
  template void gemm<T>(bool, bool, int64_t, int64_t, int64_t, const T*, int64_t, const T*, int64_t, T*,      \
                        int64_t);                                                                             \
  template void gemv<T>(bool, int64_t, int64_t, const T*, int64_t, const T*, int64_t, T*, int64_t);           \
  template T dot<T>(int64_t, const T*, int64_t, const T*, int64_t);
TL_INSTANTIATE_BLAS(uint8_t)
TL_INSTANTIATE_BLAS(int8_t)
TL_INSTANTIATE_BLAS(int16_t)
TL_INSTANTIATE_BLAS(int32_t)
TL_INSTANTIATE_BLAS(int64_t)
TL_INSTANTIATE_BLAS(float)
TL_INSTANTIATE_BLAS(double)
#undef TL_INSTANTIATE_BLAS

}  // namespace tl::detail
