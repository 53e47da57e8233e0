#pragma once
/// @file scalar.h
/// @brief A single number of any dtype category (`tl::Scalar`), as LibTorch's `c10::Scalar`.

#include <cstdint>
#include <iosfwd>
#include <type_traits>

#include "tl/dtype.h"
#include "tl/float_to_int.h"

namespace tl {

/// @brief A boolean, integer or floating-point number.
///
/// Python numbers in PyTorch expressions (`x + 10`) become Scalars: an integer literal
/// keeps an integer tensor integral, a floating literal promotes it to the default float.
/// Every C++ number converts to a Scalar implicitly, so `x + 10`, `x * 0.5` and `x.fill_(true)` work.
/// @code
/// tl::Scalar a = 3, b = 2.5, c = true;
/// a.is_integral();   // true
/// b.to<int>();       // 2
/// @endcode
class Scalar {
 public:
  /// @brief The category of the stored number (c10 keeps the same three for real numbers).
  enum class Tag : uint8_t {
    Bool,   ///< A bool (`True` / `False`).
    Int,    ///< An integer, stored as int64.
    Double  ///< A floating-point number, stored as double.
  };
  /// @brief The integer 0.
  /// @code
  /// tl::Scalar z;   // z.to_long() == 0, z.is_integral() == true
  /// @endcode
  Scalar() : tag_(Tag::Int), i_(0) {}
  /// @brief From a bool (implicit); `default_dtype()` is bool.
  /// @code
  /// auto mask = tl::zeros({3}, tl::kBool).fill_(true);
  /// @endcode
  Scalar(bool v) : tag_(Tag::Bool), i_(v) {}  // NOLINT
  /// @brief From any integer type (implicit), stored as int64 (`uint64_t` above INT64_MAX wraps).
  /// @code
  /// tl::Scalar s = 42;   // s.default_dtype() == tl::kLong
  /// @endcode
  template <typename T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  Scalar(T v) : tag_(Tag::Int), i_(static_cast<int64_t>(v)) {}  // NOLINT
  /// @brief From float or double (implicit), stored as double.
  /// @code
  /// tl::Scalar s = 0.5f;   // s.is_floating_point() == true
  /// @endcode
  template <typename T, std::enable_if_t<std::is_floating_point_v<T>, int> = 0>
  Scalar(T v) : tag_(Tag::Double), d_(static_cast<double>(v)) {}  // NOLINT
  /// @brief From a half (implicit), stored exactly as double.
  /// @code
  /// tl::Scalar s = tl::Half(1.5f);   // s.to_double() == 1.5
  /// @endcode
  Scalar(Half v) : tag_(Tag::Double), d_(static_cast<float>(v)) {}  // NOLINT

  /// @brief True when it holds a floating-point value (c10's `Scalar::isFloatingPoint`).
  /// @code
  /// tl::Scalar(1.0).is_floating_point();   // true
  /// @endcode
  bool is_floating_point() const { return tag_ == Tag::Double; }
  /// @brief True when it holds an integer (bool excluded), as c10's `Scalar::isIntegral(false)`.
  /// @code
  /// tl::Scalar(1).is_integral();      // true
  /// tl::Scalar(true).is_integral();   // false
  /// @endcode
  bool is_integral() const { return tag_ == Tag::Int; }
  /// @brief True when it holds a bool (c10's `Scalar::isBoolean`).
  /// @code
  /// tl::Scalar(false).is_boolean();   // true
  /// @endcode
  bool is_boolean() const { return tag_ == Tag::Bool; }
  /// @brief The category.
  /// @code
  /// bool f = tl::Scalar(2.0).tag() == tl::Scalar::Tag::Double;   // true
  /// @endcode
  Tag tag() const { return tag_; }
  /// @brief As double (c10's `Scalar::toDouble`); integers convert exactly up to 2^53.
  /// @code
  /// tl::Scalar(3).to_double();   // 3.0
  /// @endcode
  double to_double() const { return tag_ == Tag::Double ? d_ : static_cast<double>(i_); }
  /// @brief As int64 (c10's `Scalar::toLong`); floating values truncate toward zero (out of range is undefined).
  /// @code
  /// tl::Scalar(-2.7).to_long();   // -2
  /// @endcode
  int64_t to_long() const { return tag_ == Tag::Double ? static_cast<int64_t>(d_) : i_; }
  /// @brief As bool (c10's `Scalar::toBool`): non-zero is true, NaN too.
  /// @code
  /// tl::Scalar(0.0).to_bool();   // false
  /// @endcode
  bool to_bool() const { return tag_ == Tag::Double ? d_ != 0.0 : i_ != 0; }
  /// @brief Converts to `T` (any dtype's C++ type) the way PyTorch's CPU converts a number into an
  /// element of type `T`: floats truncate toward zero into integers (NaN and out-of-range values
  /// give the x86 "integer indefinite" value, then the low bits), integers wrap, non-zero is true,
  /// double rounds to half through float. Never throws.
  /// @code
  /// tl::Scalar(300).to<uint8_t>();   // 44 (wraps)
  /// tl::Scalar(2.9).to<int>();       // 2
  /// tl::Scalar(0.1).to<tl::Half>();  // the half nearest 0.1
  /// @endcode
  template <typename T> T to() const;
  /// @brief The dtype a tensor made from this value gets (`torch.tensor(number).dtype`): bool, int64 or float32.
  /// @code
  /// tl::Scalar(2.5).default_dtype();   // kFloat
  /// @endcode
  ScalarType default_dtype() const {
    return tag_ == Tag::Bool ? kBool : tag_ == Tag::Int ? kLong : kFloat;
  }

 private:
  Tag tag_;
  union { int64_t i_; double d_; };
};

namespace detail {
/// @brief Casts one element value to another element type with PyTorch's CPU semantics
/// (float to int truncates as x86 does, see tl/float_to_int.h; double to half rounds through
/// float).
template <typename To, typename From>
inline To cast_value(From v) {
  if constexpr (std::is_same_v<To, From>) {
    return v;
  } else if constexpr (std::is_same_v<To, bool>) {
    if constexpr (std::is_same_v<From, Half>) return static_cast<float>(v) != 0.0f;
    else return v != From(0);
  } else if constexpr (std::is_same_v<From, Half>) {
    return cast_value<To>(static_cast<float>(v));
  } else if constexpr (std::is_same_v<To, Half>) {
    return Half(static_cast<float>(v));
  } else if constexpr (std::is_floating_point_v<From> && std::is_integral_v<To>) {
    return float_to_int<To>(v);
  } else {
    return static_cast<To>(v);
  }
}
}  // namespace detail

template <typename T>
T Scalar::to() const {
  if (tag_ == Tag::Double) return detail::cast_value<T>(d_);
  if (tag_ == Tag::Bool) return detail::cast_value<T>(i_ != 0);
  return detail::cast_value<T>(i_);
}

/// @brief Prints like Python prints the number (`7`, `3.5`, `True`).
/// @code
/// std::cout << tl::tensor({1, 2}).sum().item();   // 3
/// @endcode
std::ostream& operator<<(std::ostream& os, const Scalar& s);

}  // namespace tl
