#pragma once
/// @file dtype.h
/// @brief Element types (`torch.float32`, `torch.int64`, ...) and PyTorch's type promotion.

#include <cstdint>
#include <iosfwd>
#include <string>

#include "tl/half.h"

namespace tl {

/// @brief The element type of a tensor. Same names as LibTorch's `c10::ScalarType`.
enum class ScalarType : int8_t { Byte, Char, Short, Int, Long, Half, Float, Double, Bool };
/// @brief LibTorch spells the same type `torch::Dtype`.
using Dtype = ScalarType;

constexpr ScalarType kByte = ScalarType::Byte;      ///< `torch.uint8`
constexpr ScalarType kUInt8 = ScalarType::Byte;     ///< `torch.uint8`
constexpr ScalarType kChar = ScalarType::Char;      ///< `torch.int8`
constexpr ScalarType kInt8 = ScalarType::Char;      ///< `torch.int8`
constexpr ScalarType kShort = ScalarType::Short;    ///< `torch.int16`
constexpr ScalarType kInt16 = ScalarType::Short;    ///< `torch.int16`
constexpr ScalarType kInt = ScalarType::Int;        ///< `torch.int32`
constexpr ScalarType kInt32 = ScalarType::Int;      ///< `torch.int32`
constexpr ScalarType kLong = ScalarType::Long;      ///< `torch.int64`
constexpr ScalarType kInt64 = ScalarType::Long;     ///< `torch.int64`
constexpr ScalarType kHalf = ScalarType::Half;      ///< `torch.float16`
constexpr ScalarType kFloat16 = ScalarType::Half;   ///< `torch.float16`
constexpr ScalarType kFloat = ScalarType::Float;    ///< `torch.float32`
constexpr ScalarType kFloat32 = ScalarType::Float;  ///< `torch.float32`
constexpr ScalarType kDouble = ScalarType::Double;  ///< `torch.float64`
constexpr ScalarType kFloat64 = ScalarType::Double; ///< `torch.float64`
constexpr ScalarType kBool = ScalarType::Bool;      ///< `torch.bool`

/// @brief Number of dtypes.
constexpr int kNumScalarTypes = 9;

/// @brief Bytes per element.
size_t element_size(ScalarType t);
/// @brief True for float16, float32, float64.
bool is_floating_point(ScalarType t);
/// @brief True for the signed and unsigned integer types (not bool).
bool is_integral(ScalarType t);
/// @brief PyTorch's name: `torch.float32`, `torch.int64`, ...
std::string dtype_name(ScalarType t);
/// @brief LibTorch's short name used in messages: `Float`, `Long`, `Half`, ...
const char* scalar_type_name(ScalarType t);
/// @brief `torch.promote_types(a, b)`: the smallest type both values fit in.
ScalarType promote_types(ScalarType a, ScalarType b);
/// @brief Prints `torch.float32` etc., like Python's `print(t.dtype)`.
std::ostream& operator<<(std::ostream& os, ScalarType t);

/// @brief Maps a C++ element type to its ScalarType.
template <typename T> struct CppTypeToScalarType;
/// @cond TL_SPECIALIZATIONS
template <> struct CppTypeToScalarType<uint8_t> { static constexpr ScalarType value = kByte; };
template <> struct CppTypeToScalarType<int8_t> { static constexpr ScalarType value = kChar; };
template <> struct CppTypeToScalarType<int16_t> { static constexpr ScalarType value = kShort; };
template <> struct CppTypeToScalarType<int32_t> { static constexpr ScalarType value = kInt; };
template <> struct CppTypeToScalarType<int64_t> { static constexpr ScalarType value = kLong; };
template <> struct CppTypeToScalarType<Half> { static constexpr ScalarType value = kHalf; };
template <> struct CppTypeToScalarType<float> { static constexpr ScalarType value = kFloat; };
template <> struct CppTypeToScalarType<double> { static constexpr ScalarType value = kDouble; };
template <> struct CppTypeToScalarType<bool> { static constexpr ScalarType value = kBool; };
/// @endcond

/// @brief Calls `fn.template operator()<T>()` with the C++ type of `t`.
/// Usage: `dispatch(dtype, [&]<typename T>() { ... });`
template <typename Fn>
decltype(auto) dispatch(ScalarType t, Fn&& fn) {
  switch (t) {
    case kByte: return fn.template operator()<uint8_t>();
    case kChar: return fn.template operator()<int8_t>();
    case kShort: return fn.template operator()<int16_t>();
    case kInt: return fn.template operator()<int32_t>();
    case kLong: return fn.template operator()<int64_t>();
    case kHalf: return fn.template operator()<Half>();
    case kFloat: return fn.template operator()<float>();
    case kDouble: return fn.template operator()<double>();
    case kBool: break;
  }
  return fn.template operator()<bool>();
}

}  // namespace tl
