#pragma once
/// @file tensor.h
/// @brief `tl::Tensor`: an n-dimensional strided view of a shared storage.

#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <tuple>

#include "tl/device.h"
#include "tl/dtype.h"
#include "tl/error.h"
#include "tl/generator.h"
#include "tl/scalar.h"
#include "tl/sizes.h"
#include "tl/storage.h"
#include "tl/tensor_options.h"

namespace tl {

namespace indexing { class TensorIndex; }

/// @brief The shared state behind a `Tensor` handle: storage plus the view's geometry.
struct TensorImpl {
  std::shared_ptr<Storage> storage;  ///< Memory shared with every view.
  Sizes sizes;                       ///< Extent of each dim.
  Sizes strides;                     ///< Elements to skip per step in each dim.
  int64_t storage_offset = 0;        ///< First element's index in the storage.
  ScalarType dtype = kFloat;         ///< Element type.
};

/// @brief A multi-dimensional array, as LibTorch's `torch::Tensor`.
///
/// A Tensor is a reference-counted handle: copying it makes another handle to the same
/// tensor (as `b = a` in Python). Views (`view`, `t`, `permute`, indexing, ...) share
/// storage with their base, so writing through one is seen by the other.
///
/// Example:
/// @code
/// auto x = tl::tensor({{1, 2}, {3, 4}});
/// std::cout << x.sizes() << "\n";   // torch.Size([2, 2])
/// std::cout << x * 10 << "\n";      // tensor([[10, 20], [30, 40]])
/// @endcode
class Tensor {
 public:
  /// @brief An undefined tensor (`defined()` is false).
  Tensor() = default;
  /// @brief Wraps an implementation object (library internal).
  explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  // ---- metadata -----------------------------------------------------------
  /// @brief True unless default-constructed.
  bool defined() const { return impl_ != nullptr; }
  /// @brief Number of dimensions (`ndim`).
  int64_t dim() const { return static_cast<int64_t>(impl().sizes.size()); }
  /// @brief Same as `dim()`.
  int64_t ndimension() const { return dim(); }
  /// @brief The shape; prints as `torch.Size([...])`.
  const Sizes& sizes() const { return impl().sizes; }
  /// @brief Same as `sizes()` (Python's `t.shape`).
  const Sizes& shape() const { return impl().sizes; }
  /// @brief Extent of dim `d` (negative counts from the end). Throws `Dimension out of range`.
  int64_t size(int64_t d) const;
  /// @brief Strides in elements.
  const Sizes& strides() const { return impl().strides; }
  /// @brief Stride of dim `d` (negative counts from the end).
  int64_t stride(int64_t d) const;
  /// @brief Offset of the first element in the storage, in elements.
  int64_t storage_offset() const { return impl().storage_offset; }
  /// @brief Number of elements.
  int64_t numel() const;
  /// @brief Element type (`t.dtype == torch.float32`).
  ScalarType dtype() const { return impl().dtype; }
  /// @brief Element type.
  ScalarType scalar_type() const { return impl().dtype; }
  /// @brief Bytes per element.
  int64_t element_size() const { return static_cast<int64_t>(tl::element_size(dtype())); }
  /// @brief `numel() * element_size()`.
  int64_t nbytes() const { return numel() * element_size(); }
  /// @brief Where the data lives.
  Device device() const { return impl().storage->device(); }
  /// @brief True when on a GPU.
  bool is_cuda() const { return device().is_cuda(); }
  /// @brief True when on the host.
  bool is_cpu() const { return device().is_cpu(); }
  /// @brief True when the dtype is float16/32/64.
  bool is_floating_point() const { return tl::is_floating_point(dtype()); }
  /// @brief True when elements are laid out densely in row-major order.
  bool is_contiguous() const;
  /// @brief dtype and device as options, for making tensors "like" this one.
  TensorOptions options() const { return TensorOptions(dtype()).device(device()); }
  /// @brief The shared storage.
  const std::shared_ptr<Storage>& storage() const { return impl().storage; }
  /// @brief True when both handles view the same storage.
  bool is_same_storage(const Tensor& other) const { return storage() == other.storage(); }
  /// @brief True when both handles are the same tensor.
  bool is_same(const Tensor& other) const { return impl_ == other.impl_; }
  /// @brief The implementation object (library internal).
  TensorImpl& impl() const {
    TL_CHECK(impl_ != nullptr, "Tensor is undefined");
    return *impl_;
  }

  // ---- element access -----------------------------------------------------
  /// @brief Pointer to the first element (host or device address).
  void* data_ptr() const;
  /// @brief Typed pointer to the first element; throws when `T` is not the dtype.
  template <typename T> T* data_ptr() const;
  /// @brief The single value of a one-element tensor.
  /// Throws `a Tensor with N elements cannot be converted to Scalar` otherwise.
  Scalar item() const;
  /// @brief The single value converted to `T` (`x.item<float>()`).
  template <typename T> T item() const { return item().to<T>(); }

  // ---- conversion and copies ----------------------------------------------
  /// @brief A copy with another dtype (itself when already that dtype and `copy` is false).
  Tensor to(ScalarType dtype, bool non_blocking = false, bool copy = false) const;
  /// @brief A copy on another device (itself when already there and `copy` is false).
  Tensor to(Device device, bool non_blocking = false, bool copy = false) const;
  /// @brief A copy on another device with another dtype.
  Tensor to(Device device, ScalarType dtype, bool non_blocking = false, bool copy = false) const;
  /// @brief A copy on the device and with the dtype of `other`.
  Tensor to(const Tensor& other, bool non_blocking = false, bool copy = false) const;
  /// @brief Same as `to(kCPU)`.
  Tensor cpu() const;
  /// @brief Same as `to(kCUDA)`.
  Tensor cuda() const;
  /// @brief A contiguous copy that owns its storage.
  Tensor clone() const;
  /// @brief Itself when contiguous, else a contiguous copy.
  Tensor contiguous() const;
  /// @brief Copies `src` (broadcast, cast, moved across devices) into this tensor.
  Tensor& copy_(const Tensor& src);
  /// @brief Sets every element to `value`.
  Tensor& fill_(const Scalar& value);
  /// @brief Sets every element to zero.
  Tensor& zero_();

  // ---- random (src/random; free functions in tl/random.h) -----------------
  /// @brief Fills with uniform samples in [from, to): `x.uniform_(-1, 1)`.
  Tensor& uniform_(double from = 0, double to = 1, std::optional<Generator> generator = std::nullopt);
  /// @brief Fills with normal samples: `x.normal_(0, 0.02)`.
  Tensor& normal_(double mean = 0, double std = 1, std::optional<Generator> generator = std::nullopt);
  /// @brief Fills with integers in [from, to), or [from, max of the dtype] when `to` is empty.
  Tensor& random_(int64_t from, std::optional<int64_t> to, std::optional<Generator> generator = std::nullopt);
  /// @brief Fills with integers in [0, to).
  Tensor& random_(int64_t to, std::optional<Generator> generator = std::nullopt);
  /// @brief Fills with integers in [0, max of the dtype] (floats: [0, 2^mantissa bits]).
  Tensor& random_(std::optional<Generator> generator = std::nullopt);

  // ---- arithmetic ---------------------------------------------------------
  /// @brief `self + alpha * other`, broadcasting, with type promotion.
  Tensor add(const Tensor& other, const Scalar& alpha = 1) const;
  /// @brief `self + alpha * other`.
  Tensor add(const Scalar& other, const Scalar& alpha = 1) const;
  /// @brief `self - alpha * other`.
  Tensor sub(const Tensor& other, const Scalar& alpha = 1) const;
  /// @brief `self - alpha * other`.
  Tensor sub(const Scalar& other, const Scalar& alpha = 1) const;
  /// @brief Element-wise product.
  Tensor mul(const Tensor& other) const;
  /// @brief Product with a number.
  Tensor mul(const Scalar& other) const;
  /// @brief Same as `mul`.
  Tensor multiply(const Tensor& other) const { return mul(other); }
  /// @brief Same as `mul`.
  Tensor multiply(const Scalar& other) const { return mul(other); }
  /// @brief True division (integers give float32).
  Tensor div(const Tensor& other) const;
  /// @brief True division by a number.
  Tensor div(const Scalar& other) const;
  /// @brief In-place `add`; the result must fit the dtype (`result type Float can't be cast to ... Long`).
  Tensor& add_(const Tensor& other, const Scalar& alpha = 1);
  /// @brief In-place `add` of a number.
  Tensor& add_(const Scalar& other, const Scalar& alpha = 1);
  /// @brief In-place `sub`.
  Tensor& sub_(const Tensor& other, const Scalar& alpha = 1);
  /// @brief In-place `sub` of a number.
  Tensor& sub_(const Scalar& other, const Scalar& alpha = 1);
  /// @brief In-place `mul`.
  Tensor& mul_(const Tensor& other);
  /// @brief In-place `mul` by a number.
  Tensor& mul_(const Scalar& other);
  /// @brief In-place `div`.
  Tensor& div_(const Tensor& other);
  /// @brief In-place `div` by a number.
  Tensor& div_(const Scalar& other);
  /// @brief `-self`.
  Tensor neg() const;
  /// @brief Absolute value.
  Tensor abs() const;
  /// @brief Element-wise `==`, a bool tensor.
  Tensor eq(const Tensor& other) const;
  /// @brief Element-wise `==` with a number.
  Tensor eq(const Scalar& other) const;
  /// @brief True when same shape and same values (dtypes may differ only as promotion allows).
  bool equal(const Tensor& other) const;
  /// @brief True when `|self - other| <= atol + rtol * |other|` everywhere.
  bool allclose(const Tensor& other, double rtol = 1e-5, double atol = 1e-8) const;

  // ---- linear algebra -----------------------------------------------------
  /// @brief `torch.matmul`: dot, matrix-vector, matrix-matrix and broadcast batched products.
  Tensor matmul(const Tensor& other) const;
  /// @brief Matrix product of two 2-d tensors.
  Tensor mm(const Tensor& other) const;
  /// @brief Transpose of a tensor of at most 2 dims (a view).
  Tensor t() const;
  /// @brief Swaps two dims (a view).
  Tensor transpose(int64_t dim0, int64_t dim1) const;

  // ---- reductions ---------------------------------------------------------
  /// @brief Smallest element, a 0-d tensor.
  Tensor min() const;
  /// @brief Largest element, a 0-d tensor.
  Tensor max() const;
  /// @brief (values, indices) of the minimum along `dim`.
  std::tuple<Tensor, Tensor> min(int64_t dim, bool keepdim = false) const;
  /// @brief (values, indices) of the maximum along `dim`.
  std::tuple<Tensor, Tensor> max(int64_t dim, bool keepdim = false) const;
  /// @brief Sum of all elements (integers and bool sum to int64).
  Tensor sum(std::optional<ScalarType> dtype = std::nullopt) const;
  /// @brief Sum over `dims`.
  Tensor sum(IntArrayRef dims, bool keepdim = false, std::optional<ScalarType> dtype = std::nullopt) const;
  /// @brief Mean of all elements; floating dtypes only (`mean(): could not infer output dtype...`).
  Tensor mean(std::optional<ScalarType> dtype = std::nullopt) const;
  /// @brief Mean over `dims`.
  Tensor mean(IntArrayRef dims, bool keepdim = false, std::optional<ScalarType> dtype = std::nullopt) const;
  /// @brief Index of the smallest element (flattened when `dim` is empty), int64.
  Tensor argmin(std::optional<int64_t> dim = std::nullopt, bool keepdim = false) const;
  /// @brief Index of the largest element (flattened when `dim` is empty), int64.
  Tensor argmax(std::optional<int64_t> dim = std::nullopt, bool keepdim = false) const;

  // ---- shape and views ----------------------------------------------------
  /// @brief Same data, new shape (a view when strides allow, else a copy). One dim may be -1.
  Tensor reshape(IntArrayRef shape) const;
  /// @brief A view with a new shape; throws when the strides do not allow it.
  Tensor view(IntArrayRef shape) const;
  /// @brief Reinterprets as `dtype` of the same element size (a view).
  Tensor view(ScalarType dtype) const;
  /// @brief Removes every dim of size 1 (a view).
  Tensor squeeze() const;
  /// @brief Removes dim `d` if its size is 1 (a view).
  Tensor squeeze(int64_t d) const;
  /// @brief Inserts a dim of size 1 at `d` (a view).
  Tensor unsqueeze(int64_t d) const;
  /// @brief Reorders dims (a view).
  Tensor permute(IntArrayRef dims) const;
  /// @brief Flattens dims `start_dim..end_dim` into one.
  Tensor flatten(int64_t start_dim = 0, int64_t end_dim = -1) const;
  /// @brief Broadcasts size-1 dims to `sizes` without copying (a view; -1 keeps a dim).
  Tensor expand(IntArrayRef sizes) const;
  /// @brief The sub-tensor at `index` along `dim` (a view with one dim fewer).
  Tensor select(int64_t dim, int64_t index) const;
  /// @brief Elements `start, start+step, ...` before `end` along `dim` (a view); bounds clamp.
  Tensor slice(int64_t dim = 0, std::optional<int64_t> start = std::nullopt,
               std::optional<int64_t> end = std::nullopt, int64_t step = 1) const;
  /// @brief `length` elements from `start` along `dim` (a view).
  Tensor narrow(int64_t dim, int64_t start, int64_t length) const;

  // ---- indexing -----------------------------------------------------------
  /// @brief `x[i]`: select along dim 0 (a view).
  Tensor operator[](int64_t index) const { return select(0, index); }
  /// @brief `x.index({Slice(), 0})`: Python's `x[:, 0]` (a view).
  Tensor index(std::initializer_list<indexing::TensorIndex> indices) const;
  /// @brief `x.index_put_({Slice(), 0}, v)`: Python's `x[:, 0] = v`.
  Tensor& index_put_(std::initializer_list<indexing::TensorIndex> indices, const Tensor& value);
  /// @brief `x.index_put_({Slice(), 0}, 5)`.
  Tensor& index_put_(std::initializer_list<indexing::TensorIndex> indices, const Scalar& value);

 private:
  std::shared_ptr<TensorImpl> impl_;
};

/// @brief Prints the tensor exactly as Python's `print(t)` does for PyTorch 1.13.
std::ostream& operator<<(std::ostream& os, const Tensor& t);
/// @brief The same text as `operator<<`, as a string.
std::string repr(const Tensor& t);

// ---- operators --------------------------------------------------------------
/// @brief `a + b`.
Tensor operator+(const Tensor& a, const Tensor& b);
/// @brief `a + s`.
Tensor operator+(const Tensor& a, const Scalar& s);
/// @brief `s + a`.
Tensor operator+(const Scalar& s, const Tensor& a);
/// @brief `a - b`.
Tensor operator-(const Tensor& a, const Tensor& b);
/// @brief `a - s`.
Tensor operator-(const Tensor& a, const Scalar& s);
/// @brief `s - a`, as LibTorch computes it: `empty_like(a).fill_(s).sub_(a)`, so the result
/// keeps a's dtype (Python's `s - a` would promote).
Tensor operator-(const Scalar& s, const Tensor& a);
/// @brief `a * b` (element-wise).
Tensor operator*(const Tensor& a, const Tensor& b);
/// @brief `a * s`.
Tensor operator*(const Tensor& a, const Scalar& s);
/// @brief `s * a`.
Tensor operator*(const Scalar& s, const Tensor& a);
/// @brief `a / b` (true division).
Tensor operator/(const Tensor& a, const Tensor& b);
/// @brief `a / s`.
Tensor operator/(const Tensor& a, const Scalar& s);
/// @brief `s / a`, as LibTorch computes it: `empty_like(a).fill_(s).div_(a)`, so the result
/// keeps a's dtype and an integer `a` is an error (Python's `s / a` would promote).
Tensor operator/(const Scalar& s, const Tensor& a);
/// @brief `-a`.
Tensor operator-(const Tensor& a);
/// @brief `a += b`.
Tensor& operator+=(Tensor& a, const Tensor& b);
/// @brief `a += s`.
Tensor& operator+=(Tensor& a, const Scalar& s);
/// @brief `a -= b`.
Tensor& operator-=(Tensor& a, const Tensor& b);
/// @brief `a -= s`.
Tensor& operator-=(Tensor& a, const Scalar& s);
/// @brief `a *= b`.
Tensor& operator*=(Tensor& a, const Tensor& b);
/// @brief `a *= s`.
Tensor& operator*=(Tensor& a, const Scalar& s);
/// @brief `a /= b`.
Tensor& operator/=(Tensor& a, const Tensor& b);
/// @brief `a /= s`.
Tensor& operator/=(Tensor& a, const Scalar& s);
/// @brief `a == b` element-wise (a bool tensor).
Tensor operator==(const Tensor& a, const Tensor& b);
/// @brief `a == s` element-wise (a bool tensor).
Tensor operator==(const Tensor& a, const Scalar& s);

// ---- template definitions -----------------------------------------------------
template <typename T>
T* Tensor::data_ptr() const {
  TL_CHECK(CppTypeToScalarType<T>::value == dtype(), "expected scalar type ",
           scalar_type_name(CppTypeToScalarType<T>::value), " but found ", scalar_type_name(dtype()));
  return static_cast<T*>(data_ptr());
}

}  // namespace tl
