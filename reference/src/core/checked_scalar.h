#pragma once
// A number stored into a tensor element must fit its dtype: c10's checked_convert, which
// PyTorch applies to fill values, `alpha`, and numbers written through indexing.

#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "tl/dtype.h"
#include "tl/error.h"
#include "tl/half.h"
#include "tl/scalar.h"

namespace tl::detail {

/// The C++ name of an element type, as c10's overflow message spells it.
constexpr const char* cpp_type_name(ScalarType t) {
  switch (t) {
    case kByte: return "uint8_t";
    case kChar: return "int8_t";
    case kShort: return "int16_t";
    case kInt: return "int";
    case kLong: return "int64_t";
    case kHalf: return "at::Half";
    case kFloat: return "float";
    case kDouble: return "double";
    case kBool: break;
  }
  return "bool";
}

/// `s.to<T>()` after c10's overflow check: throws "value cannot be converted to type int8_t
/// without overflow". Integers may wrap into uint8 from as low as -255, floats may be inf
/// or nan, bool takes anything.
template <typename T>
T checked_scalar(const Scalar& s) {
  using L = std::numeric_limits<std::conditional_t<std::is_same_v<T, Half>, float, T>>;
  const double lowest = std::is_same_v<T, Half> ? -65504.0 : static_cast<double>(L::lowest());
  const double max = std::is_same_v<T, Half> ? 65504.0 : static_cast<double>(L::max());
  bool overflow = false;
  if constexpr (!std::is_same_v<T, bool>) {
    if (s.is_floating_point()) {
      const double d = s.to_double();
      if constexpr (std::is_integral_v<T>) overflow = std::isnan(d) || d < lowest || d > max;
      else overflow = !std::isinf(d) && (d < lowest || d > max);
    } else if (s.is_integral()) {
      const int64_t i = s.to_long();
      if constexpr (std::is_unsigned_v<T>) {
        overflow = (i > 0 && static_cast<double>(i) > max) ||
                   (i < 0 && static_cast<double>(0 - static_cast<uint64_t>(i)) > max);
      } else if constexpr (std::is_integral_v<T>) {
        overflow = i < static_cast<int64_t>(L::lowest()) || i > static_cast<int64_t>(L::max());
      } else {
        overflow = static_cast<double>(i) < lowest || static_cast<double>(i) > max;
      }
    }
  }
  TL_CHECK(!overflow, "value cannot be converted to type ", cpp_type_name(CppTypeToScalarType<T>::value),
           " without overflow");
  return s.to<T>();
}

}  // namespace tl::detail
