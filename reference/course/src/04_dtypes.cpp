// Exercise 04-dtypes. The task is in exercises/04-dtypes/README.md.
#include "course/04_dtypes.h"

#include <cmath>
#include <cstring>
#include <sstream>

#include <course/todo.h>

namespace course {

uint16_t float_to_half_bits(float value) {
  // BEGIN SOLUTION 04-dtypes
  uint32_t x;
  std::memcpy(&x, &value, sizeof x);
  const uint16_t sign = static_cast<uint16_t>((x >> 16) & 0x8000u);
  const uint32_t exp = (x >> 23) & 0xFFu;
  uint32_t mant = x & 0x7FFFFFu;
  if (exp == 0xFF) return sign | (mant ? 0x7E00u : 0x7C00u);  // NaN stays (quiet) NaN, inf stays inf
  const int e = static_cast<int>(exp) - 127;                  // unbiased exponent
  if (e > 15) return sign | 0x7C00u;                          // too large even before rounding
  if (e >= -14) {
    // Normal half: keep 10 of the 23 fraction bits, round the 13 dropped ones to nearest even.
    uint32_t half = (static_cast<uint32_t>(e + 15) << 10) | (mant >> 13);
    const uint32_t rest = mant & 0x1FFFu;
    if (rest > 0x1000u || (rest == 0x1000u && (half & 1u))) ++half;  // may carry into the exponent, up to inf
    return sign | static_cast<uint16_t>(half);
  }
  if (e < -25) return sign;  // below half the smallest subnormal: rounds to zero
  // Subnormal half: value = m * 2^-24 with m < 1024; shift the full significand into place.
  mant |= 0x800000u;  // the implicit leading 1
  const int shift = -e - 1;  // 14..24 bits dropped
  uint32_t half = mant >> shift;
  const uint32_t rest = mant & ((1u << shift) - 1);
  const uint32_t halfway = 1u << (shift - 1);
  if (rest > halfway || (rest == halfway && (half & 1u))) ++half;  // may become the smallest normal
  return sign | static_cast<uint16_t>(half);
  // END SOLUTION
}

float half_bits_to_float(uint16_t bits) {
  // BEGIN SOLUTION 04-dtypes
  const uint32_t sign = static_cast<uint32_t>(bits & 0x8000u) << 16;
  const uint32_t exp = (bits >> 10) & 0x1Fu;
  const uint32_t frac = bits & 0x3FFu;
  uint32_t out;
  if (exp == 0x1F) {
    out = sign | 0x7F800000u | (frac << 13);  // inf, or NaN keeping its payload
  } else if (exp == 0) {
    const float mag = std::ldexp(static_cast<float>(frac), -24);  // subnormal (or zero): exact
    return sign ? -mag : mag;
  } else {
    out = sign | ((exp - 15 + 127) << 23) | (frac << 13);
  }
  float f;
  std::memcpy(&f, &out, sizeof f);
  return f;
  // END SOLUTION
}

tl::Tensor type_by_hand(const tl::Tensor& t, tl::ScalarType dtype) {
  // BEGIN SOLUTION 04-dtypes
  TL_CHECK(t.dtype() == tl::kFloat, "type_by_hand: expected a float32 tensor, got ", t.dtype());
  TL_CHECK(dtype == tl::kHalf || dtype == tl::kChar || dtype == tl::kFloat,
           "type_by_hand: can only convert to torch.float16, torch.int8 or torch.float32, not ", dtype);
  const tl::Tensor src = t.contiguous();  // row-major order, whatever the view
  const float* in = src.data_ptr<float>();
  const int64_t n = src.numel();
  tl::Tensor out = tl::empty(t.sizes(), dtype);
  if (dtype == tl::kHalf) {
    auto* p = out.data_ptr<tl::Half>();
    for (int64_t i = 0; i < n; ++i) p[i] = tl::Half::from_bits(float_to_half_bits(in[i]));
  } else if (dtype == tl::kChar) {
    auto* p = out.data_ptr<int8_t>();
    for (int64_t i = 0; i < n; ++i) {
      const float v = in[i];
      // Truncating to int64 is only defined in range; x86 gives a value whose low byte is 0 otherwise.
      const bool fits = std::isfinite(v) && std::fabs(v) < 9.2233720368547758e18f;
      const int64_t whole = fits ? static_cast<int64_t>(v) : 0;
      p[i] = static_cast<int8_t>(static_cast<uint8_t>(whole & 0xFF));
    }
  } else {
    std::memcpy(out.data_ptr<float>(), in, static_cast<size_t>(n) * sizeof(float));
  }
  return out;
  // END SOLUTION
}

std::string what_what_where(const tl::Tensor& t) {
  // BEGIN SOLUTION 04-dtypes
  std::ostringstream os;
  os << "Shape of tensor: " << t.sizes() << "\n"
     << "Datatype of tensor: " << t.dtype() << "\n"
     << "Device tensor is stored on: " << t.device();
  return os.str();
  // END SOLUTION
}

}  // namespace course
