#pragma once
// One lane of the AVX2 `log` and `sincos` that PyTorch's float32 normal kernel runs on x86
// (ATen's avx_mathfun.h: Cephes-style polynomials in single precision). They are not
// correctly rounded, so std::log / std::sin / std::cos in float give different last bits;
// replaying the same operations, with the multiply-adds GCC fused in PyTorch's build
// (found by comparing against PyTorch 1.13.1's output), gives identical bits.
//
// Written for the arguments the normal kernel passes: log of (0, 1] and sincos of [0, 2π).

#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/parallel.h"
#if TL_X86_KERNELS
#include <immintrin.h>
#endif

namespace tl::detail::avx2 {

inline uint32_t bits_of(float f) { uint32_t u; std::memcpy(&u, &f, 4); return u; }
inline float float_of(uint32_t u) { float f; std::memcpy(&f, &u, 4); return f; }
// PyTorch's constants are double literals stored into float arrays; round the same way.
constexpr float f32(double v) { return static_cast<float>(v); }

/// Natural log of a positive normal float (Cephes logf: split off the exponent, fit a
/// degree-9 polynomial to log(1 + x) on [sqrt(1/2) - 1, sqrt(2) - 1]).
inline float log(float x) {
  constexpr float kCoeffs[9] = {f32(7.0376836292E-2), f32(-1.1514610310E-1), f32(1.1676998740E-1),
                                f32(-1.2420140846E-1), f32(1.4249322787E-1), f32(-1.6668057665E-1),
                                f32(2.0000714765E-1), f32(-2.4999993993E-1), f32(3.3333331174E-1)};
  constexpr float kLn2Low = f32(-2.12194440e-4);  // ln 2 = kLn2High + kLn2Low
  constexpr float kLn2High = f32(0.693359375);
  const uint32_t u = bits_of(x);
  // x = m * 2^e with m in [0.5, 1).
  float e = static_cast<float>(static_cast<int32_t>(u >> 23) - 0x7f) + 1.0f;
  float m = float_of((u & ~0x7f800000u) | bits_of(0.5f));
  // Move m into [sqrt(1/2), sqrt(2)) and take m - 1 (the vector code adds a masked m).
  const bool small = m < f32(0.707106781186547524);
  const float extra = small ? m : 0.0f;
  m = m - 1.0f;
  e = e - (small ? 1.0f : 0.0f);
  m = m + extra;
  const float z = m * m;
  float y = kCoeffs[0];
  for (int k = 1; k < 9; ++k) y = std::fma(y, m, kCoeffs[k]);
  y = y * m;
  y = std::fma(y, z, e * kLn2Low);
  y = std::fma(-z, 0.5f, y);
  m = m + y;
  return std::fma(e, kLn2High, m);
}

/// sin and cos of one float (Cephes sinf/cosf: reduce by multiples of π/4 in three parts,
/// then evaluate both the sine and the cosine polynomial and pick per octant).
inline void sincos(float x, float* sin_out, float* cos_out) {
  constexpr float kFourOverPi = f32(1.27323954473516);
  constexpr float kPiOver4[3] = {f32(-0.78515625), f32(-2.4187564849853515625e-4), f32(-3.77489497744594108e-8)};
  constexpr float kCos[3] = {f32(2.443315711809948E-005), f32(-1.388731625493765E-003), f32(4.166664568298827E-002)};
  constexpr float kSin[3] = {f32(-1.9515295891E-4), f32(8.3321608736E-3), f32(-1.6666654611E-1)};
  uint32_t sin_sign = bits_of(x) & 0x80000000u;
  x = float_of(bits_of(x) & 0x7fffffffu);
  // Octant j, rounded up to even; the reduced argument is x - j * π/4.
  int32_t j = static_cast<int32_t>(x * kFourOverPi);
  j = (j + 1) & ~1;
  const float y = static_cast<float>(j);
  sin_sign ^= static_cast<uint32_t>(j & 4) << 29;
  const uint32_t cos_sign = static_cast<uint32_t>(~(j - 2) & 4) << 29;
  const bool sine_poly_for_sin = (j & 2) == 0;
  for (float part : kPiOver4) x = std::fma(y, part, x);
  const float z = x * x;
  float c = kCos[0];
  c = std::fma(c, z, kCos[1]);
  c = std::fma(c, z, kCos[2]);
  c = c * z;
  c = std::fma(c, z, -(z * 0.5f));
  c = c + 1.0f;
  float s = kSin[0];
  s = std::fma(s, z, kSin[1]);
  s = std::fma(s, z, kSin[2]);
  s = s * z;
  s = std::fma(s, x, x);
  // The vector code selects with masks and subtractions; do the same arithmetic, since
  // `v - v` and `0 + v` are not always no-ops for signed zeros.
  const float sin_from_s = sine_poly_for_sin ? s : 0.0f;
  const float sin_from_c = sine_poly_for_sin ? 0.0f : c;
  const float sin_value = sin_from_c + sin_from_s;
  const float cos_value = (c - sin_from_c) + (s - sin_from_s);
  *sin_out = float_of(bits_of(sin_value) ^ sin_sign);
  *cos_out = float_of(bits_of(cos_value) ^ cos_sign);
}


#if TL_X86_KERNELS
// The same two functions on 8 lanes, operation for operation (the scalar versions above
// are the specification; tools and tests compare the two through the normal kernel).

/// `log` of 8 floats in (0, 1].
TL_TARGET_AVX2 inline __m256 log8(__m256 x) {
  const __m256 one = _mm256_set1_ps(1.0f);
  const __m256i u = _mm256_castps_si256(x);
  __m256 e = _mm256_cvtepi32_ps(_mm256_sub_epi32(_mm256_srli_epi32(u, 23), _mm256_set1_epi32(0x7f)));
  e = _mm256_add_ps(e, one);
  __m256 m = _mm256_castsi256_ps(_mm256_or_si256(_mm256_and_si256(u, _mm256_set1_epi32(~0x7f800000)),
                                                 _mm256_castps_si256(_mm256_set1_ps(0.5f))));
  const __m256 small = _mm256_cmp_ps(m, _mm256_set1_ps(f32(0.707106781186547524)), _CMP_LT_OS);
  const __m256 extra = _mm256_and_ps(m, small);
  m = _mm256_sub_ps(m, one);
  e = _mm256_sub_ps(e, _mm256_and_ps(one, small));
  m = _mm256_add_ps(m, extra);
  const __m256 z = _mm256_mul_ps(m, m);
  __m256 y = _mm256_set1_ps(f32(7.0376836292E-2));
  for (float c : {f32(-1.1514610310E-1), f32(1.1676998740E-1), f32(-1.2420140846E-1), f32(1.4249322787E-1),
                  f32(-1.6668057665E-1), f32(2.0000714765E-1), f32(-2.4999993993E-1), f32(3.3333331174E-1)}) {
    y = _mm256_fmadd_ps(y, m, _mm256_set1_ps(c));
  }
  y = _mm256_mul_ps(y, m);
  y = _mm256_fmadd_ps(y, z, _mm256_mul_ps(e, _mm256_set1_ps(f32(-2.12194440e-4))));
  y = _mm256_fmadd_ps(_mm256_xor_ps(z, _mm256_set1_ps(-0.0f)), _mm256_set1_ps(0.5f), y);  // -z
  m = _mm256_add_ps(m, y);
  return _mm256_fmadd_ps(e, _mm256_set1_ps(f32(0.693359375)), m);
}

/// sin and cos of 8 floats.
TL_TARGET_AVX2 inline void sincos8(__m256 x, __m256* sin_out, __m256* cos_out) {
  const __m256i sign_bit = _mm256_set1_epi32(static_cast<int>(0x80000000u));
  __m256i sin_sign = _mm256_and_si256(_mm256_castps_si256(x), sign_bit);
  x = _mm256_castsi256_ps(_mm256_andnot_si256(sign_bit, _mm256_castps_si256(x)));
  __m256i j = _mm256_cvttps_epi32(_mm256_mul_ps(x, _mm256_set1_ps(f32(1.27323954473516))));
  j = _mm256_and_si256(_mm256_add_epi32(j, _mm256_set1_epi32(1)), _mm256_set1_epi32(~1));
  const __m256 y = _mm256_cvtepi32_ps(j);
  const __m256i four = _mm256_set1_epi32(4), two = _mm256_set1_epi32(2);
  sin_sign = _mm256_xor_si256(sin_sign, _mm256_slli_epi32(_mm256_and_si256(j, four), 29));
  const __m256i cos_sign = _mm256_slli_epi32(_mm256_andnot_si256(_mm256_sub_epi32(j, two), four), 29);
  const __m256 sine_poly_for_sin =
      _mm256_castsi256_ps(_mm256_cmpeq_epi32(_mm256_and_si256(j, two), _mm256_setzero_si256()));
  for (float part : {f32(-0.78515625), f32(-2.4187564849853515625e-4), f32(-3.77489497744594108e-8)}) {
    x = _mm256_fmadd_ps(y, _mm256_set1_ps(part), x);
  }
  const __m256 z = _mm256_mul_ps(x, x);
  __m256 c = _mm256_set1_ps(f32(2.443315711809948E-005));
  c = _mm256_fmadd_ps(c, z, _mm256_set1_ps(f32(-1.388731625493765E-003)));
  c = _mm256_fmadd_ps(c, z, _mm256_set1_ps(f32(4.166664568298827E-002)));
  c = _mm256_mul_ps(c, z);
  c = _mm256_fmadd_ps(c, z, _mm256_xor_ps(_mm256_mul_ps(z, _mm256_set1_ps(0.5f)), _mm256_set1_ps(-0.0f)));
  c = _mm256_add_ps(c, _mm256_set1_ps(1.0f));
  __m256 s = _mm256_set1_ps(f32(-1.9515295891E-4));
  s = _mm256_fmadd_ps(s, z, _mm256_set1_ps(f32(8.3321608736E-3)));
  s = _mm256_fmadd_ps(s, z, _mm256_set1_ps(f32(-1.6666654611E-1)));
  s = _mm256_mul_ps(s, z);
  s = _mm256_fmadd_ps(s, x, x);
  const __m256 sin_from_s = _mm256_and_ps(sine_poly_for_sin, s);
  const __m256 sin_from_c = _mm256_andnot_ps(sine_poly_for_sin, c);
  const __m256 sin_value = _mm256_add_ps(sin_from_c, sin_from_s);
  const __m256 cos_value = _mm256_add_ps(_mm256_sub_ps(c, sin_from_c), _mm256_sub_ps(s, sin_from_s));
  *sin_out = _mm256_castsi256_ps(_mm256_xor_si256(_mm256_castps_si256(sin_value), sin_sign));
  *cos_out = _mm256_castsi256_ps(_mm256_xor_si256(_mm256_castps_si256(cos_value), cos_sign));
}
#endif  // TL_X86_KERNELS

}  // namespace tl::detail::avx2
