#pragma once
/// @file factory.h
/// @brief Making tensors: `tensor`, `zeros`, `ones`, `full`, `empty`, `arange`, `*_like`, `eye`.

#include <initializer_list>
#include <vector>

#include "tl/tensor.h"

namespace tl {

/// @brief Nested lists of numbers for `tl::tensor`, as LibTorch's `TensorDataContainer`.
///
/// Built implicitly from a number, a braced (nested) list or a `std::vector`:
/// `tl::tensor({{1, 2}, {3, 4}})` gives int64, `tl::tensor({1.5, 2.0})` gives float32,
/// `tl::tensor(true)` gives bool; mixed lists promote as in Python (`[1, 2.5]` is float32).
/// @code
/// tl::TensorDataContainer data = {{1, 2}, {3, 4}};
/// // data.sizes() is [2, 2], data.dtype() is kLong, data.values() holds 1, 2, 3, 4
/// @endcode
class TensorDataContainer {
 public:
  /// @brief A single number (0-d) stored with dtype `dtype`; the typed constructors below
  /// call it with the dtype of their C++ type. Never throws.
  /// @code
  /// tl::TensorDataContainer c(tl::Scalar(3), tl::kInt);
  /// auto t = tl::tensor(c);   // tensor(3, dtype=torch.int32)
  /// @endcode
  TensorDataContainer(Scalar value, ScalarType dtype);
  /// @brief A 0-d `bool` number (dtype kBool).
  /// @overload
  TensorDataContainer(bool v) : TensorDataContainer(Scalar(v), kBool) {}                   // NOLINT
  /// @brief A 0-d `uint8_t` number (dtype kByte).
  /// @overload
  TensorDataContainer(uint8_t v) : TensorDataContainer(Scalar(v), kByte) {}                // NOLINT
  /// @brief A 0-d `int8_t` number (dtype kChar).
  /// @overload
  TensorDataContainer(int8_t v) : TensorDataContainer(Scalar(v), kChar) {}                 // NOLINT
  /// @brief A 0-d `int16_t` number (dtype kShort).
  /// @overload
  TensorDataContainer(int16_t v) : TensorDataContainer(Scalar(v), kShort) {}               // NOLINT
  /// @brief A 0-d `int` number (dtype kLong, the default integer dtype).
  /// @overload
  TensorDataContainer(int v) : TensorDataContainer(Scalar(v), kLong) {}                    // NOLINT
  /// @brief A 0-d `long` number (dtype kLong).
  /// @overload
  TensorDataContainer(long v) : TensorDataContainer(Scalar(v), kLong) {}                   // NOLINT
  /// @brief A 0-d `long long` number (dtype kLong).
  /// @overload
  TensorDataContainer(long long v) : TensorDataContainer(Scalar(v), kLong) {}              // NOLINT
  /// @brief A 0-d `float` number (dtype kFloat).
  /// @overload
  TensorDataContainer(float v) : TensorDataContainer(Scalar(v), kFloat) {}                 // NOLINT
  /// @brief A 0-d `double` number (dtype kFloat, the default dtype, as in LibTorch).
  /// @overload
  TensorDataContainer(double v) : TensorDataContainer(Scalar(v), kFloat) {}                // NOLINT
  /// @brief A 0-d `Half` number (dtype kHalf).
  /// @overload
  TensorDataContainer(Half v) : TensorDataContainer(Scalar(v), kHalf) {}                   // NOLINT
  /// @brief A (nested) list; every sub-list must have the same shape. The dtype promotes
  /// over the entries (bool < integer < floating).
  /// @throws tl::Error (ValueError) for ragged lists: `expected sequence of length 2 at dim 1 (got 3)`.
  /// @code
  /// auto m = tl::tensor({{1, 2}, {3, 4.5}});   // float32, shape (2, 2)
  /// @endcode
  TensorDataContainer(std::initializer_list<TensorDataContainer> list);  // NOLINT
  /// @brief A 1-d list from a vector; the dtype follows `T` as for a single `T` (float32
  /// for an empty vector).
  /// @code
  /// std::vector<int> v = {1, 2, 3};
  /// auto t = tl::tensor(v);   // tensor([1, 2, 3]), int64
  /// @endcode
  template <typename T>
  TensorDataContainer(const std::vector<T>& v) : TensorDataContainer(from_values(v)) {}  // NOLINT

  /// @brief Shape of the nested lists (empty for a single number).
  /// @code
  /// tl::TensorDataContainer d = {{1, 2, 3}, {4, 5, 6}};
  /// std::cout << d.sizes();   // torch.Size([2, 3])
  /// @endcode
  const Sizes& sizes() const { return sizes_; }
  /// @brief The dtype inferred from the values (`tl::tensor` uses it unless told otherwise).
  /// @code
  /// tl::TensorDataContainer d = {1, 2.5};
  /// bool f = d.dtype() == tl::kFloat;   // true
  /// @endcode
  ScalarType dtype() const { return dtype_; }
  /// @brief The values in row-major order, as given (converted to the dtype only by `tl::tensor`).
  /// @code
  /// tl::TensorDataContainer d = {{1, 2}, {3, 4}};
  /// int64_t last = d.values().back().to_long();   // 4
  /// @endcode
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

/// @brief `torch.tensor`: a new tensor holding a copy of the (nested) list `data`.
///
/// The shape is that of the nested lists; the dtype is inferred from the values (int64 for
/// integers, float32 for floating numbers, bool; mixed lists promote) unless `options` gives
/// one, to which the values are converted. With a device in `options` the tensor is made on
/// the CPU and copied there.
/// @throws tl::Error (ValueError) for ragged nested lists: `expected sequence of length 2 at
/// dim 1 (got 3)`; `Torch not compiled with CUDA enabled` for a CUDA device in a CPU-only build.
/// @code
/// auto scalar = tl::tensor(7);                        // 0-d int64, scalar.item<int64_t>() == 7
/// auto matrix = tl::tensor({{7, 8}, {9, 10}});        // shape (2, 2)
/// auto floats = tl::tensor({1.0, 2.0}, tl::kFloat64); // explicit dtype
/// @endcode
Tensor tensor(const TensorDataContainer& data, const TensorOptions& options = {});
/// @brief `torch.empty`: a tensor of shape `size` whose values are not initialised.
///
/// Dtype float32 and device CPU unless `options` says otherwise.
/// @throws tl::Error for a negative size (`Trying to create tensor with negative dimension -1:
/// [-1, 2]`) or a CUDA device when CUDA is not available.
/// @code
/// auto buf = tl::empty({2, 3});   // shape (2, 3), float32, arbitrary values
/// buf.fill_(1);
/// @endcode
Tensor empty(IntArrayRef size, const TensorOptions& options = {});
/// @brief `torch.zeros`: a tensor of shape `size` filled with 0 (float32 unless `options` gives a dtype).
/// @throws tl::Error as `empty`.
/// @code
/// auto z = tl::zeros({3, 4});             // float32 zeros
/// auto i = tl::zeros({2}, tl::kInt64);    // tensor([0, 0])
/// @endcode
Tensor zeros(IntArrayRef size, const TensorOptions& options = {});
/// @brief `torch.ones`: a tensor of shape `size` filled with 1 (float32 unless `options` gives a dtype).
/// @throws tl::Error as `empty`.
/// @code
/// auto o = tl::ones({2, 2}, tl::kBool);   // tensor([[True, True], [True, True]])
/// @endcode
Tensor ones(IntArrayRef size, const TensorOptions& options = {});
/// @brief `torch.full`: a tensor of shape `size` filled with `value`.
///
/// Without a dtype in `options` the dtype comes from `value`: int64 for an integer, float32
/// for a floating number, bool for a bool.
/// @throws tl::Error as `empty`.
/// @code
/// auto sevens = tl::full({2, 2}, 7);     // int64
/// auto halves = tl::full({3}, 0.5);      // float32
/// @endcode
Tensor full(IntArrayRef size, const Scalar& value, const TensorOptions& options = {});
/// @brief `torch.arange(end)`: the 1-d tensor `0, 1, ..., end-1`.
///
/// int64 when `end` is an integer, float32 when it is a floating number, unless `options`
/// gives a dtype.
/// @throws tl::Error `upper bound and larger bound inconsistent with step sign` for a negative
/// `end`, `unsupported range: 0 -> inf` for a non-finite one.
/// @code
/// auto r = tl::arange(5);     // tensor([0, 1, 2, 3, 4])
/// auto f = tl::arange(2.0);   // tensor([0., 1.])
/// @endcode
Tensor arange(const Scalar& end, const TensorOptions& options = {});
/// @brief `torch.arange(start, end)`: `start, start+1, ...` up to but excluding `end`.
/// @overload
///
/// int64 when both bounds are integers, float32 otherwise (unless `options` gives a dtype).
/// @code
/// auto r = tl::arange(1, 11);   // tensor([ 1,  2,  3,  4,  5,  6,  7,  8,  9, 10])
/// @endcode
Tensor arange(const Scalar& start, const Scalar& end, const TensorOptions& options = {});
/// @brief `torch.arange(start, end, step)`: `start, start+step, ...` up to but excluding `end`.
///
/// int64 when `start`, `end` and `step` are all integers, float32 otherwise (unless `options`
/// gives a dtype); the length is `ceil((end - start) / step)`.
/// @throws tl::Error `step must be nonzero`, `upper bound and larger bound inconsistent with
/// step sign` (e.g. `end < start` with a positive step), `unsupported range: 0 -> inf` for
/// non-finite bounds.
/// @code
/// auto evens = tl::arange(0, 10, 2);      // tensor([0, 2, 4, 6, 8])
/// auto q = tl::arange(0, 1, 0.25);        // tensor([0.0000, 0.2500, 0.5000, 0.7500])
/// @endcode
Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step, const TensorOptions& options = {});
/// @brief `torch.eye(n)`: the `n x n` identity matrix (float32 unless `options` gives a dtype).
/// @throws tl::Error `n must be greater or equal to 0, got -1` for a negative `n`.
/// @code
/// auto id = tl::eye(3);   // 1 on the diagonal, 0 elsewhere
/// @endcode
Tensor eye(int64_t n, const TensorOptions& options = {});
/// @brief `torch.empty_like`: an uninitialised tensor with the shape of `like`, and its dtype
/// and device unless `options` overrides them.
/// @code
/// auto x = tl::rand({2, 3});
/// auto y = tl::empty_like(x);   // shape (2, 3), float32, arbitrary values
/// @endcode
Tensor empty_like(const Tensor& like, const TensorOptions& options = {});
/// @brief `torch.zeros_like`: zeros with the shape of `like`, and its dtype and device unless
/// `options` overrides them.
/// @code
/// auto z = tl::zeros_like(tl::arange(3));   // tensor([0, 0, 0]), int64
/// @endcode
Tensor zeros_like(const Tensor& like, const TensorOptions& options = {});
/// @brief `torch.ones_like`: ones with the shape of `like`, and its dtype and device unless
/// `options` overrides them.
/// @code
/// auto o = tl::ones_like(tl::arange(3), tl::kFloat);   // tensor([1., 1., 1.])
/// @endcode
Tensor ones_like(const Tensor& like, const TensorOptions& options = {});
/// @brief `torch.full_like`: `value` everywhere, with the shape of `like`, and its dtype and
/// device unless `options` overrides them (the dtype comes from `like`, not from `value`).
/// @code
/// auto f = tl::full_like(tl::zeros({2}), 7);   // tensor([7., 7.]), float32
/// @endcode
Tensor full_like(const Tensor& like, const Scalar& value, const TensorOptions& options = {});

}  // namespace tl
