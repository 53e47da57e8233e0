#pragma once
/// @file scalar.h
/// @brief A single number of any dtype category (`tl::Scalar`), as LibTorch's `c10::Scalar`.

#include <cstdint>
#include <iosfwd>
#include <type_traits>

#include "tl/dtype.h"

namespace tl {

/// @brief A boolean, integer or floating-point number.
///
/// Python numbers in PyTorch expressions (`x + 10`) become Scalars: an integer literal
/// keeps an integer tensor integral, a floating literal promotes it to the default float.
class Scalar {
 public:
  /// @brief The category of the stored number.
  enum class Tag : uint8_t { Bool, Int, Double };
  Scalar() : tag_(Tag::Int), i_(0) {}
  /// @brief From a bool.
  Scalar(bool v) : tag_(Tag::Bool), i_(v) {}  // NOLINT
  /// @brief From any integer type.
  template <typename T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  Scalar(T v) : tag_(Tag::Int), i_(static_cast<int64_t>(v)) {}  // NOLINT
  /// @brief From float or double.
  template <typename T, std::enable_if_t<std::is_floating_point_v<T>, int> = 0>
  Scalar(T v) : tag_(Tag::Double), d_(static_cast<double>(v)) {}  // NOLINT
  /// @brief From a half.
  Scalar(Half v) : tag_(Tag::Double), d_(static_cast<float>(v)) {}  // NOLINT

  /// @brief True when it holds a floating-point value.
  bool is_floating_point() const { return tag_ == Tag::Double; }
  /// @brief True when it holds an integer (bool excluded).
  bool is_integral() const { return tag_ == Tag::Int; }
  /// @brief True when it holds a bool.
  bool is_boolean() const { return tag_ == Tag::Bool; }
  /// @brief The category.
  Tag tag() const { return tag_; }
  /// @brief As double.
  double to_double() const { return tag_ == Tag::Double ? d_ : static_cast<double>(i_); }
  /// @brief As int64 (floating values truncate toward zero).
  int64_t to_long() const { return tag_ == Tag::Double ? static_cast<int64_t>(d_) : i_; }
  /// @brief As bool (non-zero is true).
  bool to_bool() const { return tag_ == Tag::Double ? d_ != 0.0 : i_ != 0; }
  /// @brief Converts to `T` the way PyTorch converts a Python number into an element of type `T`.
  template <typename T> T to() const;
  /// @brief The dtype a tensor made from this value gets: bool, int64 or float32.
  ScalarType default_dtype() const {
    return tag_ == Tag::Bool ? kBool : tag_ == Tag::Int ? kLong : kFloat;
  }

 private:
  Tag tag_;
  union { int64_t i_; double d_; };
};

namespace detail {
/// @brief Casts one element value to another element type with PyTorch's CPU semantics
/// (float to int truncates as x86 does, see below; double to half rounds through float).
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
    if constexpr (std::is_same_v<From, double>) return Half(static_cast<float>(v));
    else return Half(static_cast<float>(v));
  } else if constexpr (std::is_floating_point_v<From> && std::is_integral_v<To>) {
    // Out-of-range float -> int is UB in C++. PyTorch's x86 build truncates with
    // cvttss2si/cvttsd2si: to int64 for int64, to int32 for every narrower type (then
    // keeps the low bits); NaN and out-of-range values give the "integer indefinite"
    // INT_MIN. Verified against torch 1.13.1 by tools/fixtures/gen_casts.py.
    const double d = static_cast<double>(v);
    if constexpr (sizeof(To) == 8) {
      return (d >= -0x1p63 && d < 0x1p63) ? static_cast<To>(v) : static_cast<To>(INT64_MIN);
    } else {
      const int32_t w = (d > -0x1p31 - 1.0 && d < 0x1p31) ? static_cast<int32_t>(v) : INT32_MIN;
      return static_cast<To>(w);
    }
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
std::ostream& operator<<(std::ostream& os, const Scalar& s);

}  // namespace tl
