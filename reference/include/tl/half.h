#pragma once
/// @file half.h
/// @brief IEEE 754 binary16 (`torch.float16`) storage type with exact conversions.

#include <cstdint>
#include <cstring>

namespace tl {

namespace detail {
inline uint32_t float_bits(float f) { uint32_t u; std::memcpy(&u, &f, 4); return u; }
inline float bits_float(uint32_t u) { float f; std::memcpy(&f, &u, 4); return f; }

/// Round-to-nearest-even float -> binary16; overflow gives inf, NaN stays NaN.
inline uint16_t float_to_half_bits(float f) {
  const uint32_t x = float_bits(f);
  const uint32_t sign = (x >> 16) & 0x8000u;
  const uint32_t abs = x & 0x7FFFFFFFu;
  if (abs >= 0x7F800000u) return static_cast<uint16_t>(sign | (abs > 0x7F800000u ? 0x7E00u : 0x7C00u));
  if (abs >= 0x477FF000u) return static_cast<uint16_t>(sign | 0x7C00u);  // rounds to >= 65520: inf
  if (abs < 0x38800000u) {  // below the smallest normal half: subnormal or zero
    // Adding 0.5f aligns the half's subnormal grid to the float's last mantissa bits,
    // so the FPU performs the round-to-nearest-even for us.
    const float shifted = bits_float(abs) + 0.5f;
    return static_cast<uint16_t>(sign | (float_bits(shifted) - 0x3F000000u));
  }
  const uint32_t odd = (abs >> 13) & 1u;
  const uint32_t rounded = abs + 0xC8000FFFu + odd;  // rebias exponent (-112 << 23) and round
  return static_cast<uint16_t>(sign | (rounded >> 13));
}

/// Exact binary16 -> float.
inline float half_bits_to_float(uint16_t h) {
  const uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
  const uint32_t exp = (h >> 10) & 0x1Fu;
  const uint32_t man = h & 0x3FFu;
  if (exp == 0x1F) return bits_float(sign | 0x7F800000u | (man << 13));
  if (exp == 0) {
    const float mag = static_cast<float>(man) * 5.9604644775390625e-8f;  // man * 2^-24
    return sign ? -mag : mag;
  }
  return bits_float(sign | ((exp + 112u) << 23) | (man << 13));
}
}  // namespace detail

/// @brief A 16-bit float (`torch.float16`, C++ type of `tl::kHalf`, as c10's `c10::Half`).
/// Arithmetic happens in float and rounds back, as PyTorch's CPU does.
///
/// Converts implicitly from and to `float`: finite values round to the nearest half (ties to
/// even), values of magnitude 65520 and above become infinity, NaN stays NaN.
/// @code
/// tl::Half h = 0.1f;            // stored as 0.0999755859375
/// float f = h;                  // exact
/// tl::Half big = 70000.0f;      // inf
/// @endcode
struct Half {
  uint16_t x = 0;  ///< Raw IEEE binary16 bits.
  /// @brief Positive zero (bits 0x0000).
  /// @code
  /// tl::Half z;   // static_cast<float>(z) == 0.0f
  /// @endcode
  Half() = default;
  /// @brief Rounds `f` to the nearest half (ties to even; overflow gives infinity, NaN stays NaN).
  /// @code
  /// tl::Half h(1.5f);   // exactly 1.5
  /// @endcode
  Half(float f) : x(detail::float_to_half_bits(f)) {}  // NOLINT(google-explicit-constructor)
  /// @brief Builds a half from raw IEEE binary16 bits (no rounding).
  /// @code
  /// tl::Half one = tl::Half::from_bits(0x3C00);   // 1.0
  /// @endcode
  static Half from_bits(uint16_t bits) { Half h; h.x = bits; return h; }
  /// @brief Exact value as float (every half is representable), implicit.
  /// @code
  /// float f = tl::Half(2.0f) + 1.0f;   // 3.0f, computed in float
  /// @endcode
  operator float() const { return detail::half_bits_to_float(x); }  // NOLINT
};

}  // namespace tl
