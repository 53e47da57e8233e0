// gather_even: two vector loads hold 8 (or 4) wanted elements between unwanted ones; a
// shuffle within 128-bit lanes and a permute across them line the wanted ones up.
#include "ops/even_elements.h"

#include <cstring>

#include "core/parallel.h"

#if TL_X86_KERNELS
#include <immintrin.h>
#endif

namespace tl::detail {
namespace {

template <typename T>
void gather_even_scalar(T* dst, const T* src, int64_t from, int64_t n) {
  for (int64_t k = from; k < n; ++k) dst[k] = src[2 * k];
}

#if TL_X86_KERNELS
// The last vector of a loop reads up to src[2k + 15] (4-byte elements) or src[2k + 7]
// (8-byte ones); the loops stop while that is still an element of the run.
TL_TARGET_AVX2 void gather_even_4(uint32_t* dst, const uint32_t* src, int64_t n) {
  int64_t k = 0;
  for (; k + 9 <= n; k += 8) {
    const __m256 lo = _mm256_loadu_ps(reinterpret_cast<const float*>(src + 2 * k));
    const __m256 hi = _mm256_loadu_ps(reinterpret_cast<const float*>(src + 2 * k + 8));
    // Per 128-bit lane: lo0 lo2 hi0 hi2 | lo4 lo6 hi4 hi6; then the 64-bit pairs reordered.
    const __m256 lanes = _mm256_shuffle_ps(lo, hi, _MM_SHUFFLE(2, 0, 2, 0));
    const __m256d ordered = _mm256_permute4x64_pd(_mm256_castps_pd(lanes), _MM_SHUFFLE(3, 1, 2, 0));
    _mm256_storeu_pd(reinterpret_cast<double*>(dst + k), ordered);
  }
  gather_even_scalar(dst, src, k, n);
}

TL_TARGET_AVX2 void gather_even_8(uint64_t* dst, const uint64_t* src, int64_t n) {
  int64_t k = 0;
  for (; k + 5 <= n; k += 4) {
    const __m256d lo = _mm256_loadu_pd(reinterpret_cast<const double*>(src + 2 * k));
    const __m256d hi = _mm256_loadu_pd(reinterpret_cast<const double*>(src + 2 * k + 4));
    // lo0 hi0 | lo2 hi2, then lo0 lo2 hi0 hi2.
    const __m256d pairs = _mm256_unpacklo_pd(lo, hi);
    _mm256_storeu_pd(reinterpret_cast<double*>(dst + k), _mm256_permute4x64_pd(pairs, _MM_SHUFFLE(3, 1, 2, 0)));
  }
  gather_even_scalar(dst, src, k, n);
}
#endif

}  // namespace

bool gather_even_is_fast(size_t elem_size) { return (elem_size == 4 || elem_size == 8) && cpu_has_avx2(); }

void gather_even(void* dst, const void* src, int64_t n, size_t elem_size) {
#if TL_X86_KERNELS
  if (cpu_has_avx2()) {
    if (elem_size == 4) return gather_even_4(static_cast<uint32_t*>(dst), static_cast<const uint32_t*>(src), n);
    if (elem_size == 8) return gather_even_8(static_cast<uint64_t*>(dst), static_cast<const uint64_t*>(src), n);
  }
#endif
  auto* d = static_cast<unsigned char*>(dst);
  const auto* s = static_cast<const unsigned char*>(src);
  for (int64_t k = 0; k < n; ++k) std::memcpy(d + k * elem_size, s + 2 * k * elem_size, elem_size);
}

}  // namespace tl::detail
