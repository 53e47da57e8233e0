#pragma once
/// @file dtype.h
/// @brief Element types (`torch.float32`, `torch.int64`, ...) and PyTorch's type promotion.

#include <cstdint>
#include <iosfwd>
#include <string>

#include "tl/half.h"

namespace tl {

/// @brief The element type of a tensor. Same names as LibTorch's `c10::ScalarType`.
///
/// Usually written with the `k...` constants below (`tl::kFloat`, `tl::kInt64`, ...).
/// @code
/// auto x = tl::zeros({2}, tl::ScalarType::Half);   // same as tl::kHalf
/// @endcode
enum class ScalarType : int8_t {
  Byte,    ///< `torch.uint8`, C++ `uint8_t`.
  Char,    ///< `torch.int8`, C++ `int8_t`.
  Short,   ///< `torch.int16`, C++ `int16_t`.
  Int,     ///< `torch.int32`, C++ `int32_t`.
  Long,    ///< `torch.int64`, C++ `int64_t`; the default integer dtype.
  Half,    ///< `torch.float16`, C++ `tl::Half`.
  Float,   ///< `torch.float32`, C++ `float`; the default dtype.
  Double,  ///< `torch.float64`, C++ `double`.
  Bool     ///< `torch.bool`, C++ `bool`.
};
/// @brief LibTorch spells the same type `torch::Dtype`.
/// @code
/// tl::Dtype t = tl::kFloat;
/// @endcode
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

/// @brief Number of dtypes (the enumerators of `ScalarType`, whose values are 0..8).
constexpr int kNumScalarTypes = 9;

/// @brief Bytes per element (`torch.dtype.itemsize`): 1 for uint8/int8/bool, 2 for int16/float16,
/// 4 for int32/float32, 8 for int64/float64.
/// @code
/// tl::element_size(tl::kHalf);   // 2
/// @endcode
size_t element_size(ScalarType t);
/// @brief True for float16, float32, float64 (`torch.dtype.is_floating_point`).
/// @code
/// tl::is_floating_point(tl::kHalf);   // true
/// tl::is_floating_point(tl::kLong);   // false
/// @endcode
bool is_floating_point(ScalarType t);
/// @brief True for the signed and unsigned integer types (not bool), as c10's `isIntegralType(t, false)`.
/// @code
/// tl::is_integral(tl::kByte);   // true
/// tl::is_integral(tl::kBool);   // false
/// @endcode
bool is_integral(ScalarType t);
/// @brief PyTorch's name: `torch.float32`, `torch.int64`, ... (Python's `str(t.dtype)`).
/// @code
/// std::string n = tl::dtype_name(tl::kLong);   // "torch.int64"
/// @endcode
std::string dtype_name(ScalarType t);
/// @brief LibTorch's short name used in messages: `Float`, `Long`, `Half`, ... (c10's `toString`).
/// @code
/// const char* n = tl::scalar_type_name(tl::kInt64);   // "Long"
/// @endcode
const char* scalar_type_name(ScalarType t);
/// @brief `torch.promote_types(a, b)`: the smallest type both values fit in, by PyTorch's table
/// (uint8 with int8 gives int16, any integer with float16 gives float16, bool with anything gives the other).
/// @code
/// tl::promote_types(tl::kInt, tl::kFloat);   // kFloat
/// tl::promote_types(tl::kByte, tl::kChar);   // kShort
/// @endcode
ScalarType promote_types(ScalarType a, ScalarType b);
/// @brief Prints `torch.float32` etc., like Python's `print(t.dtype)`.
/// @code
/// std::cout << tl::kDouble;   // torch.float64
/// @endcode
std::ostream& operator<<(std::ostream& os, ScalarType t);

/// @brief Maps a C++ element type to its ScalarType (LibTorch's `c10::CppTypeToScalarType`): `value`
/// is `kFloat` for `float`, `kLong` for `int64_t`, `kHalf` for `tl::Half`, ...; other types do not compile.
/// @code
/// static_assert(tl::CppTypeToScalarType<double>::value == tl::kDouble);
/// @endcode
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

/// @brief Calls `fn.template operator()<T>()` with the C++ type of `t` (`uint8_t`, `int8_t`,
/// `int16_t`, `int32_t`, `int64_t`, `tl::Half`, `float`, `double`, `bool`), as ATen's
/// `AT_DISPATCH_ALL_TYPES_AND2(Half, Bool, ...)`; returns what `fn` returns. Every dtype is accepted.
/// @code
/// double first = tl::dispatch(x.dtype(), [&]<typename T>() {
///   return static_cast<double>(x.data_ptr<T>()[0]);
/// });
/// @endcode
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
