#pragma once
/// @file float_to_int.h
/// @brief The float-to-integer conversion of PyTorch's x86 build, for host and device code.

#include <cstdint>
#include <type_traits>

/// @brief Marks a function callable from host and CUDA device code (plain C++ elsewhere).
#if defined(__CUDACC__)
#define TL_HOST_DEVICE __host__ __device__
#else
#define TL_HOST_DEVICE
#endif

namespace tl::detail {

// Out-of-range float -> int is UB in C++. PyTorch's x86 build truncates with
// cvttss2si/cvttsd2si: to int64 for int64, to int32 for every narrower type (then keeps the
// low bits); NaN and out-of-range values give the "integer indefinite" minimum. The CPU
// casts (tl/scalar.h) and the CUDA kernels (cuda/device_math.cuh) both convert here, so the
// two devices agree. Verified against torch 1.13.1 by tools/fixtures/gen_casts.py.
template <typename To, typename From>
TL_HOST_DEVICE inline To float_to_int(From v) {
  static_assert(std::is_floating_point_v<From> && std::is_integral_v<To>);
  const double d = static_cast<double>(v);
  if constexpr (sizeof(To) == 8) {
    return (d >= -0x1p63 && d < 0x1p63) ? static_cast<To>(v) : static_cast<To>(INT64_MIN);
  } else {
    const int32_t w = (d > -0x1p31 - 1.0 && d < 0x1p31) ? static_cast<int32_t>(v) : INT32_MIN;
    return static_cast<To>(w);
  }
}

}  // namespace tl::detail
