#pragma once
/// @file factory.h
/// @brief Making tensors: `tensor`, `zeros`, `ones`, `full`, `empty`, `arange`, `*_like`, `eye`.

#include <initializer_list>
#include <vector>

#include "tl/tensor.h"

namespace tl {

/// @brief Nested lists of numbers for `tl::tensor`, as LibTorch's `TensorDataContainer`.
///
/// `tl::tensor({{1, 2}, {3, 4}})` gives int64, `tl::tensor({1.5, 2.0})` gives float32,
/// `tl::tensor(true)` gives bool; mixed lists promote as in Python (`[1, 2.5]` is float32).
class TensorDataContainer {
 public:
  /// @brief A single number (0-d).
  TensorDataContainer(Scalar value, ScalarType dtype);
  /// @brief A 0-d `bool` number (dtype kBool).
  TensorDataContainer(bool v) : TensorDataContainer(Scalar(v), kBool) {}                   // NOLINT
  /// @brief A 0-d `uint8_t` number (dtype kByte).
  TensorDataContainer(uint8_t v) : TensorDataContainer(Scalar(v), kByte) {}                // NOLINT
  /// @brief A 0-d `int8_t` number (dtype kChar).
  TensorDataContainer(int8_t v) : TensorDataContainer(Scalar(v), kChar) {}                 // NOLINT
  /// @brief A 0-d `int16_t` number (dtype kShort).
  TensorDataContainer(int16_t v) : TensorDataContainer(Scalar(v), kShort) {}               // NOLINT
  /// @brief A 0-d `int` number (dtype kLong, the default integer dtype).
  TensorDataContainer(int v) : TensorDataContainer(Scalar(v), kLong) {}                    // NOLINT
  /// @brief A 0-d `long` number (dtype kLong).
  TensorDataContainer(long v) : TensorDataContainer(Scalar(v), kLong) {}                   // NOLINT
  /// @brief A 0-d `long long` number (dtype kLong).
  TensorDataContainer(long long v) : TensorDataContainer(Scalar(v), kLong) {}              // NOLINT
  /// @brief A 0-d `float` number (dtype kFloat).
  TensorDataContainer(float v) : TensorDataContainer(Scalar(v), kFloat) {}                 // NOLINT
  /// @brief A 0-d `double` number (dtype kFloat, the default dtype, as in LibTorch).
  TensorDataContainer(double v) : TensorDataContainer(Scalar(v), kFloat) {}                // NOLINT
  /// @brief A 0-d `Half` number (dtype kHalf).
  TensorDataContainer(Half v) : TensorDataContainer(Scalar(v), kHalf) {}                   // NOLINT
  /// @brief A (nested) list; every sub-list must have the same length.
  TensorDataContainer(std::initializer_list<TensorDataContainer> list);  // NOLINT
  /// @brief A 1-d list from a vector.
  template <typename T>
  TensorDataContainer(const std::vector<T>& v) : TensorDataContainer(from_values(v)) {}  // NOLINT

  /// @brief Shape of the nested lists.
  const Sizes& sizes() const { return sizes_; }
  /// @brief Inferred dtype.
  ScalarType dtype() const { return dtype_; }
  /// @brief Values in row-major order.
  const std::vector<Scalar>& values() const { return values_; }

 private:
  TensorDataContainer() = default;
  template <typename T>
  static TensorDataContainer from_values(const std::vector<T>& v) {
    TensorDataContainer c;
    c.sizes_ = Sizes{static_cast<int64_t>(v.size())};
    c.dtype_ = v.empty() ? kFloat : TensorDataContainer(v[0]).dtype_;
    for (const T& x : v) c.values_.emplace_back(x);
    return c;
  }
  Sizes sizes_;
  ScalarType dtype_ = kFloat;
  std::vector<Scalar> values_;
};

/// @brief A tensor holding a copy of `data` (`torch.tensor`).
///
/// The dtype is inferred from the values (int64 for integers, float32 for floating numbers,
/// bool) unless `options` gives one; ragged nested lists throw tl::Error.
/// @code
/// auto scalar = tl::tensor(7);                        // 0-d int64, scalar.item<int64_t>() == 7
/// auto matrix = tl::tensor({{7, 8}, {9, 10}});        // shape (2, 2)
/// auto floats = tl::tensor({1.0, 2.0}, tl::kFloat64); // explicit dtype
/// @endcode
Tensor tensor(const TensorDataContainer& data, const TensorOptions& options = {});
/// @brief Uninitialised tensor of shape `size`.
Tensor empty(IntArrayRef size, const TensorOptions& options = {});
/// @brief All zeros.
Tensor zeros(IntArrayRef size, const TensorOptions& options = {});
/// @brief All ones.
Tensor ones(IntArrayRef size, const TensorOptions& options = {});
/// @brief All `value`; dtype from the value when not given (int64, float32 or bool).
Tensor full(IntArrayRef size, const Scalar& value, const TensorOptions& options = {});
/// @brief `0, 1, ..., end-1`; int64 for an integer `end`, float32 for a floating one.
Tensor arange(const Scalar& end, const TensorOptions& options = {});
/// @brief `start, start+1, ...` before `end`.
Tensor arange(const Scalar& start, const Scalar& end, const TensorOptions& options = {});
/// @brief `start, start+step, ...` before `end`; throws for a zero step or wrong direction.
Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step, const TensorOptions& options = {});
/// @brief Identity matrix `n x n`.
Tensor eye(int64_t n, const TensorOptions& options = {});
/// @brief Uninitialised, with the shape, dtype and device of `like` unless overridden.
Tensor empty_like(const Tensor& like, const TensorOptions& options = {});
/// @brief Zeros shaped like `like`.
Tensor zeros_like(const Tensor& like, const TensorOptions& options = {});
/// @brief Ones shaped like `like`.
Tensor ones_like(const Tensor& like, const TensorOptions& options = {});
/// @brief `value` shaped like `like`.
Tensor full_like(const Tensor& like, const Scalar& value, const TensorOptions& options = {});

}  // namespace tl
