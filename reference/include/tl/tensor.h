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
///
/// Element `(i0, i1, ...)` of the tensor lives at storage element
/// `storage_offset + i0 * strides[0] + i1 * strides[1] + ...`. Library internal: user code
/// reads these fields through `Tensor::sizes()`, `Tensor::strides()` and friends.
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
/// Every method except `defined()` and `is_same()` throws `tl::Error` with the message
/// `Tensor is undefined` when called on a default-constructed tensor. Element-wise ops
/// broadcast as NumPy does and promote dtypes as `torch.result_type`; all tensors of one
/// op must be on the same device (a 0-d CPU tensor may join a CUDA op), else they throw
/// `Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!`.
///
/// Example:
/// @code
/// auto x = tl::tensor({{1, 2}, {3, 4}});
/// std::cout << x.sizes() << "\n";   // torch.Size([2, 2])
/// std::cout << x * 10 << "\n";      // tensor([[10, 20], [30, 40]])
/// @endcode
class Tensor {
 public:
  /// @brief An undefined tensor (`defined()` is false), as LibTorch's `torch::Tensor()`.
  ///
  /// Only `defined()`, `is_same()`, assignment and printing (`[ Tensor (undefined) ]`) work on it.
  /// @code
  /// tl::Tensor t;            // t.defined() == false
  /// t = tl::zeros({2});      // now defined
  /// @endcode
  Tensor() = default;
  /// @brief Wraps an implementation object (library internal; use the factories in tl/factory.h).
  /// @code
  /// auto impl = std::make_shared<tl::TensorImpl>(x.impl());   // same storage and geometry
  /// tl::Tensor alias(impl);                                    // a new handle viewing x's data
  /// @endcode
  explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  // ---- metadata -----------------------------------------------------------
  /// @brief True unless default-constructed (LibTorch's `Tensor::defined`).
  /// @code
  /// tl::Tensor t;  bool a = t.defined();   // false
  /// bool b = tl::ones({1}).defined();      // true
  /// @endcode
  bool defined() const { return impl_ != nullptr; }
  /// @brief Number of dimensions, as `torch.Tensor.dim()` / `ndim`; 0 for a 0-d tensor.
  /// @throws tl::Error `Tensor is undefined` on an undefined tensor.
  /// @code
  /// tl::zeros({2, 3}).dim();   // 2
  /// tl::tensor(5).dim();       // 0
  /// @endcode
  int64_t dim() const { return static_cast<int64_t>(impl().sizes.size()); }
  /// @brief Same as `dim()` (`torch.Tensor.ndimension`).
  /// @code
  /// tl::zeros({2, 3, 4}).ndimension();   // 3
  /// @endcode
  int64_t ndimension() const { return dim(); }
  /// @brief The shape (`torch.Tensor.size()`); prints as `torch.Size([...])`.
  /// @code
  /// std::cout << tl::zeros({2, 3}).sizes();   // torch.Size([2, 3])
  /// @endcode
  const Sizes& sizes() const { return impl().sizes; }
  /// @brief Same as `sizes()` (Python's `t.shape`).
  /// @code
  /// auto s = tl::zeros({2, 3}).shape();   // s[1] == 3
  /// @endcode
  const Sizes& shape() const { return impl().sizes; }
  /// @brief Extent of dim `d`, as `torch.Tensor.size(d)`; a negative `d` counts from the end.
  /// @throws tl::Error (IndexError) `Dimension out of range (expected to be in range of [-2, 1], but got 2)`.
  /// @code
  /// auto x = tl::zeros({2, 3});
  /// x.size(0);    // 2
  /// x.size(-1);   // 3
  /// @endcode
  int64_t size(int64_t d) const;
  /// @brief Strides in elements (`torch.Tensor.stride()`): how far one step along each dim moves in storage.
  /// @code
  /// std::cout << tl::zeros({2, 3}).strides();       // torch.Size([3, 1])
  /// std::cout << tl::zeros({2, 3}).t().strides();   // torch.Size([1, 3])
  /// @endcode
  const Sizes& strides() const { return impl().strides; }
  /// @brief Stride of dim `d` (`torch.Tensor.stride(d)`); a negative `d` counts from the end.
  /// @throws tl::Error (IndexError) `Dimension out of range (expected to be in range of [-2, 1], but got 2)`.
  /// @code
  /// tl::zeros({2, 3}).stride(0);   // 3
  /// @endcode
  int64_t stride(int64_t d) const;
  /// @brief Offset of the first element in the storage, in elements (`torch.Tensor.storage_offset`).
  /// @code
  /// auto x = tl::arange(6);
  /// x.select(0, 2).storage_offset();   // 2
  /// @endcode
  int64_t storage_offset() const { return impl().storage_offset; }
  /// @brief Number of elements (`torch.Tensor.numel`): the product of the sizes, 1 for a 0-d tensor.
  /// @code
  /// tl::zeros({2, 3}).numel();   // 6
  /// tl::zeros({0, 3}).numel();   // 0
  /// @endcode
  int64_t numel() const;
  /// @brief Element type (Python's `t.dtype`); prints as `torch.float32` etc.
  /// @code
  /// std::cout << tl::tensor({1, 2}).dtype();   // torch.int64
  /// @endcode
  ScalarType dtype() const { return impl().dtype; }
  /// @brief Element type, LibTorch's spelling of `dtype()` (`Tensor::scalar_type`).
  /// @code
  /// bool f = tl::rand({2}).scalar_type() == tl::kFloat;   // true
  /// @endcode
  ScalarType scalar_type() const { return impl().dtype; }
  /// @brief Bytes per element (`torch.Tensor.element_size`).
  /// @code
  /// tl::zeros({2}, tl::kDouble).element_size();   // 8
  /// @endcode
  int64_t element_size() const { return static_cast<int64_t>(tl::element_size(dtype())); }
  /// @brief `numel() * element_size()` (`torch.Tensor.nbytes`); a view counts only its own elements.
  /// @code
  /// tl::zeros({2, 3}).nbytes();   // 24
  /// @endcode
  int64_t nbytes() const { return numel() * element_size(); }
  /// @brief Where the data lives (`torch.Tensor.device`); CUDA tensors always carry an index (`cuda:0`).
  /// @code
  /// std::cout << tl::zeros({2}).device();   // cpu
  /// @endcode
  Device device() const { return impl().storage->device(); }
  /// @brief True when on a GPU (`torch.Tensor.is_cuda`).
  /// @code
  /// tl::zeros({2}).is_cuda();   // false
  /// @endcode
  bool is_cuda() const { return device().is_cuda(); }
  /// @brief True when on the host (`torch.Tensor.is_cpu`).
  /// @code
  /// tl::zeros({2}).is_cpu();   // true
  /// @endcode
  bool is_cpu() const { return device().is_cpu(); }
  /// @brief True when the dtype is float16, float32 or float64 (`torch.Tensor.is_floating_point`).
  /// @code
  /// tl::rand({2}).is_floating_point();            // true
  /// tl::tensor({1, 2}).is_floating_point();       // false
  /// @endcode
  bool is_floating_point() const { return tl::is_floating_point(dtype()); }
  /// @brief True when elements are laid out densely in row-major order (`torch.Tensor.is_contiguous`).
  ///
  /// Dims of size 1 are ignored, and a tensor with no elements is always contiguous.
  /// @code
  /// auto x = tl::zeros({2, 3});
  /// x.is_contiguous();       // true
  /// x.t().is_contiguous();   // false
  /// @endcode
  bool is_contiguous() const;
  /// @brief dtype and device as options, for making tensors "like" this one (`torch.Tensor.options`).
  /// @code
  /// auto y = tl::zeros({4}, x.options());   // same dtype and device as x
  /// @endcode
  TensorOptions options() const { return TensorOptions(dtype()).device(device()); }
  /// @brief The shared storage (`torch.Tensor.storage`), shared by every view of this tensor.
  /// @code
  /// size_t bytes = x.storage()->nbytes();
  /// @endcode
  const std::shared_ptr<Storage>& storage() const { return impl().storage; }
  /// @brief True when both handles view the same storage (Python's `a.storage().data_ptr() == b.storage().data_ptr()`).
  /// @code
  /// auto x = tl::zeros({2, 3});
  /// x.t().is_same_storage(x);       // true: a view
  /// x.clone().is_same_storage(x);   // false: a copy
  /// @endcode
  bool is_same_storage(const Tensor& other) const { return storage() == other.storage(); }
  /// @brief True when both handles are the same tensor (LibTorch's `Tensor::is_same`, Python's `a is b`).
  /// @code
  /// auto x = tl::zeros({2});
  /// tl::Tensor y = x;
  /// y.is_same(x);        // true
  /// x.view({2}).is_same(x);   // false: a new view of the same storage
  /// @endcode
  bool is_same(const Tensor& other) const { return impl_ == other.impl_; }
  /// @brief The implementation object (library internal).
  /// @throws tl::Error `Tensor is undefined` on an undefined tensor.
  /// @code
  /// int64_t off = x.impl().storage_offset;   // same as x.storage_offset()
  /// @endcode
  TensorImpl& impl() const {
    TL_CHECK(impl_ != nullptr, "Tensor is undefined");
    return *impl_;
  }

  // ---- element access -----------------------------------------------------
  /// @brief Address of the first element, `storage_offset()` elements into the storage
  /// (`torch.Tensor.data_ptr`); a device address for CUDA tensors.
  /// @code
  /// auto x = tl::zeros({3});
  /// float* p = static_cast<float*>(x.data_ptr());
  /// @endcode
  void* data_ptr() const;
  /// @brief Typed address of the first element (LibTorch's `data_ptr<T>()`); `T` must be the
  /// C++ type of the dtype (`float` for kFloat, `int64_t` for kLong, `tl::Half`, `bool`, ...).
  /// @throws tl::Error `expected scalar type Long but found Float` when `T` does not match the dtype.
  /// @code
  /// auto x = tl::zeros({3});
  /// x.data_ptr<float>()[1] = 5;   // x is now tensor([0., 5., 0.])
  /// @endcode
  template <typename T> T* data_ptr() const;
  /// @brief The single value of a one-element tensor (`torch.Tensor.item`), of any shape and
  /// device; bool, integer and floating dtypes give a bool, int64 or double `Scalar`.
  /// @throws tl::Error `a Tensor with 6 elements cannot be converted to Scalar` when `numel() != 1`.
  /// @code
  /// tl::Scalar s = tl::tensor({7}).item();   // 7 (an integer Scalar)
  /// @endcode
  Scalar item() const;
  /// @brief The single value converted to `T`, as LibTorch's `x.item<float>()`; conversion
  /// follows `Scalar::to`.
  /// @throws tl::Error `a Tensor with 6 elements cannot be converted to Scalar` when `numel() != 1`.
  /// @code
  /// float v = tl::rand({1}).item<float>();
  /// int64_t n = tl::arange(10).sum().item<int64_t>();   // 45
  /// @endcode
  template <typename T> T item() const { return item().to<T>(); }

  // ---- conversion and copies ----------------------------------------------
  /// @brief A copy with another dtype (`torch.Tensor.to(dtype)`); returns `*this` itself when
  /// already that dtype and `copy` is false. Any dtype converts to any other: floats truncate
  /// toward zero into integers, non-zero becomes true in bool. `non_blocking` is accepted and ignored.
  /// Like every `to` and `clone`, the copy keeps the source's layout (a transposed tensor gives a
  /// transposed copy), as PyTorch's `memory_format=torch.preserve_format`.
  /// @code
  /// auto x = tl::tensor({1.7, -2.5});
  /// std::cout << x.to(tl::kLong);   // tensor([ 1, -2])
  /// @endcode
  Tensor to(ScalarType dtype, bool non_blocking = false, bool copy = false) const;
  /// @brief A copy on another device (`torch.Tensor.to(device)`), same dtype; itself when already
  /// there and `copy` is false. `kCUDA` without an index means `cuda:0`.
  /// @throws tl::Error `Torch not compiled with CUDA enabled` when asking for CUDA in a CPU-only build.
  /// @code
  /// auto g = tl::ones({2, 2}).to(tl::kCUDA);   // on cuda:0
  /// @endcode
  Tensor to(Device device, bool non_blocking = false, bool copy = false) const;
  /// @brief A copy on another device with another dtype (`torch.Tensor.to(device, dtype)`); itself
  /// when nothing changes and `copy` is false.
  /// @throws tl::Error `Torch not compiled with CUDA enabled` when asking for CUDA in a CPU-only build.
  /// @code
  /// auto h = tl::rand({3}).to(tl::kCUDA, tl::kHalf);
  /// @endcode
  Tensor to(Device device, ScalarType dtype, bool non_blocking = false, bool copy = false) const;
  /// @brief A copy on the device and with the dtype of `other` (`torch.Tensor.to(other)`); itself
  /// when they already match and `copy` is false.
  /// @code
  /// auto y = tl::tensor({1, 2}).to(tl::rand({1}));   // float32, on the CPU
  /// @endcode
  Tensor to(const Tensor& other, bool non_blocking = false, bool copy = false) const;
  /// @brief Same as `to(kCPU)` (`torch.Tensor.cpu`); itself when already on the host.
  /// @code
  /// float v = gpu_tensor.cpu().data_ptr<float>()[0];
  /// @endcode
  Tensor cpu() const;
  /// @brief Same as `to(kCUDA)` (`torch.Tensor.cuda`): a copy on `cuda:0`, itself when already on a GPU.
  /// @throws tl::Error `Torch not compiled with CUDA enabled` in a CPU-only build.
  /// @code
  /// auto g = tl::rand({2, 3}).cuda();
  /// @endcode
  Tensor cuda() const;
  /// @brief A copy with the same dtype and device that owns its storage (`torch.Tensor.clone`).
  /// It keeps the layout: a dense tensor's strides, else dense strides in the same dim order.
  /// @code
  /// auto x = tl::zeros({2});
  /// auto y = x.clone();
  /// y.fill_(1);   // x is unchanged
  /// tl::zeros({2, 3}).t().clone().strides();   // [1, 2], as x.t()
  /// @endcode
  Tensor clone() const;
  /// @brief `*this` itself when contiguous, else a contiguous copy (`torch.Tensor.contiguous`).
  /// @code
  /// auto y = tl::zeros({2, 3}).t().contiguous();   // y.is_contiguous() == true
  /// @endcode
  Tensor contiguous() const;
  /// @brief Copies `src` into this tensor in place (`torch.Tensor.copy_`) and returns `*this`.
  ///
  /// `src` is broadcast to this tensor's shape, converted to its dtype (any dtype pair) and
  /// moved across devices as needed.
  /// @throws tl::Error `The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0`
  ///   or `output with shape [3] doesn't match the broadcast shape [2, 3]` when `src` does not
  ///   broadcast to this shape.
  /// @throws tl::Error `unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation.`
  ///   when `src` and this tensor share some elements but not all (`a[1:].copy_(a[:-1])`).
  /// @throws tl::Error `unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.`
  ///   when this tensor is expanded.
  /// @code
  /// auto x = tl::zeros({2, 3});
  /// x.copy_(tl::tensor({1, 2, 3}));   // every row becomes [1., 2., 3.]
  /// @endcode
  Tensor& copy_(const Tensor& src);
  /// @brief Sets every element to `value` converted to the dtype (`torch.Tensor.fill_`); returns `*this`.
  /// @throws tl::Error `value cannot be converted to type int8_t without overflow` when `value`
  ///   does not fit the dtype (uint8 takes -255 to 255, wrapping the negatives).
  /// @code
  /// auto x = tl::empty({2, 2});
  /// x.fill_(3.5);   // tensor([[3.5, 3.5], [3.5, 3.5]])
  /// @endcode
  Tensor& fill_(const Scalar& value);
  /// @brief Sets every element to zero (`torch.Tensor.zero_`); returns `*this`.
  /// @code
  /// auto x = tl::ones({3});
  /// x.zero_();   // tensor([0., 0., 0.])
  /// @endcode
  Tensor& zero_();

  // ---- random (src/random; free functions in tl/random.h) -----------------
  /// @brief Fills in place with uniform samples in [from, to) (`torch.Tensor.uniform_`), from
  /// `generator` or the default generator; returns `*this`. Floating dtypes only.
  /// @throws tl::Error `"check_uniform_bounds" not implemented for 'Long'` for integer and bool tensors.
  /// @throws tl::Error `uniform_ expects to return a [from, to) range, but found from=1 > to=0` when `from > to`.
  /// @throws tl::Error `from is out of bounds for float` (or `to ...`) when a bound exceeds the dtype's range.
  /// @code
  /// auto w = tl::empty({3, 4});
  /// w.uniform_(-1, 1);
  /// @endcode
  Tensor& uniform_(double from = 0, double to = 1, std::optional<Generator> generator = std::nullopt);
  /// @brief Fills in place with normal samples of the given mean and standard deviation
  /// (`torch.Tensor.normal_`); returns `*this`. Floating dtypes only.
  /// @throws tl::Error `normal expects std >= 0.0, but found std -1` when `std` is negative.
  /// @throws tl::Error `"normal_kernel_cpu" not implemented for 'Long'` for integer and bool tensors.
  /// @code
  /// auto w = tl::empty({128, 64});
  /// w.normal_(0, 0.02);
  /// @endcode
  Tensor& normal_(double mean = 0, double std = 1, std::optional<Generator> generator = std::nullopt);
  /// @brief Fills in place with integers in [from, to) (`torch.Tensor.random_(from, to)`), or in
  /// [from, max of the dtype] when `to` is empty; any dtype; returns `*this`.
  ///
  /// For floating dtypes the upper limit without `to` is 2^mantissa bits (2^11, 2^24, 2^53).
  /// @throws tl::Error `random_ expects 'from' to be less than 'to', but got from=5 >= to=3`.
  /// @throws tl::Error `from is out of bounds for unsigned char` / `to - 1 is out of bounds for ...`
  ///   when a bound does not fit the dtype.
  /// @code
  /// auto x = tl::empty({5}, tl::kLong);
  /// x.random_(10, 20);   // values in 10..19
  /// @endcode
  Tensor& random_(int64_t from, std::optional<int64_t> to, std::optional<Generator> generator = std::nullopt);
  /// @brief Fills in place with integers in [0, to) (`torch.Tensor.random_(to)`); returns `*this`.
  /// @throws tl::Error `random_ expects 'from' to be less than 'to', but got from=0 >= to=0` when `to <= 0`.
  /// @code
  /// auto dice = tl::empty({10}, tl::kInt).random_(6);   // values in 0..5
  /// @endcode
  Tensor& random_(int64_t to, std::optional<Generator> generator = std::nullopt);
  /// @brief Fills in place with integers in [0, max of the dtype] (`torch.Tensor.random_()`);
  /// floats get [0, 2^mantissa bits], bool gets false/true; returns `*this`.
  /// @code
  /// auto gen = tl::detail::createCPUGenerator(42);
  /// auto x = tl::empty({4}, tl::kByte).random_(gen);   // values in 0..255
  /// @endcode
  Tensor& random_(std::optional<Generator> generator = std::nullopt);

  // ---- arithmetic ---------------------------------------------------------
  /// @brief `self + alpha * other` (`torch.add`), broadcasting, with type promotion
  /// (`torch.result_type`: a 0-d tensor or a number only raises the category, e.g. int64 + 2.5 is float32).
  /// @throws tl::Error `The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1`
  ///   when the shapes do not broadcast.
  /// @throws tl::Error `For integral input tensors, argument alpha must not be a floating point number.`
  /// @throws tl::Error `Boolean alpha only supported for Boolean results.`
  /// @code
  /// auto a = tl::tensor({1, 2, 3});
  /// auto b = a.add(tl::ones({2, 3}), 10);   // float32, shape [2, 3]: [[11., 12., 13.], ...]
  /// @endcode
  Tensor add(const Tensor& other, const Scalar& alpha = 1) const;
  /// @brief `self + alpha * other` with a number (`torch.add`); an integer number keeps an integer
  /// dtype, a floating one turns it into float32. Same errors as the tensor form.
  /// @code
  /// tl::tensor({1, 2}).add(1);     // tensor([2, 3])
  /// tl::tensor({1, 2}).add(0.5);   // tensor([1.5000, 2.5000])
  /// @endcode
  Tensor add(const Scalar& other, const Scalar& alpha = 1) const;
  /// @brief `self - alpha * other` (`torch.sub`), broadcasting, with type promotion.
  /// @throws tl::Error "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying
  ///   to invert a mask, use the `~` or `logical_not()` operator instead." (or "... with two bool tensors ...")
  ///   when an operand is bool.
  /// @throws tl::Error broadcast and `alpha` errors as `add`.
  /// @code
  /// auto d = tl::tensor({5, 7}).sub(tl::tensor({1, 2}));   // tensor([4, 5])
  /// @endcode
  Tensor sub(const Tensor& other, const Scalar& alpha = 1) const;
  /// @brief `self - alpha * other` with a number (`torch.sub`); same rules and errors as the tensor form.
  /// @code
  /// tl::tensor({5, 7}).sub(1);   // tensor([4, 6])
  /// @endcode
  Tensor sub(const Scalar& other, const Scalar& alpha = 1) const;
  /// @brief Element-wise product (`torch.mul`), broadcasting, with type promotion (bool times bool is logical and).
  /// @throws tl::Error `The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1`.
  /// @code
  /// auto p = tl::tensor({1, 2, 3}).mul(tl::tensor({1, 2, 3}));   // tensor([1, 4, 9])
  /// @endcode
  Tensor mul(const Tensor& other) const;
  /// @brief Product with a number (`torch.mul`); a floating number turns an integer tensor into float32.
  /// @code
  /// tl::tensor({1, 2}).mul(3);     // tensor([3, 6])
  /// @endcode
  Tensor mul(const Scalar& other) const;
  /// @brief Same as `mul` (`torch.multiply`).
  /// @code
  /// auto p = x.multiply(x);   // x * x
  /// @endcode
  Tensor multiply(const Tensor& other) const { return mul(other); }
  /// @brief Same as `mul` with a number (`torch.multiply`).
  /// @code
  /// auto p = x.multiply(2);
  /// @endcode
  Tensor multiply(const Scalar& other) const { return mul(other); }
  /// @brief True division (`torch.div`), broadcasting: integer and bool inputs divide as float32,
  /// floats keep the promoted dtype; division by zero gives inf or nan.
  /// @throws tl::Error `The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1`.
  /// @code
  /// tl::tensor({1, 2}).div(tl::tensor({2, 4}));   // tensor([0.5000, 0.5000])
  /// @endcode
  Tensor div(const Tensor& other) const;
  /// @brief True division by a number (`torch.div`); integer tensors give float32.
  /// @code
  /// tl::tensor({1, 3}).div(2);   // tensor([0.5000, 1.5000])
  /// @endcode
  Tensor div(const Scalar& other) const;
  /// @brief In-place `add` (`torch.Tensor.add_`); returns `*this`. `other` must broadcast to this
  /// shape, and the promoted result must be castable to this dtype (`torch.can_cast`).
  /// @throws tl::Error `result type Float can't be cast to the desired output type Long`.
  /// @throws tl::Error `output with shape [3] doesn't match the broadcast shape [2, 3]`.
  /// @throws tl::Error `unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation.`
  /// @code
  /// auto x = tl::zeros({2, 3});
  /// x.add_(tl::tensor({1, 2, 3}), 2);   // every row is [2., 4., 6.]
  /// @endcode
  Tensor& add_(const Tensor& other, const Scalar& alpha = 1);
  /// @brief In-place `add` of a number (`torch.Tensor.add_`); same rules and errors as the tensor form.
  /// @code
  /// auto x = tl::tensor({1, 2});
  /// x.add_(1);     // tensor([2, 3])
  /// // x.add_(0.5) throws: result type Float can't be cast to the desired output type Long
  /// @endcode
  Tensor& add_(const Scalar& other, const Scalar& alpha = 1);
  /// @brief In-place `sub` (`torch.Tensor.sub_`); returns `*this`. Errors as `sub` and `add_`.
  /// @code
  /// auto x = tl::ones({3});
  /// x.sub_(tl::ones({3}));   // tensor([0., 0., 0.])
  /// @endcode
  Tensor& sub_(const Tensor& other, const Scalar& alpha = 1);
  /// @brief In-place `sub` of a number (`torch.Tensor.sub_`); returns `*this`. Errors as `sub` and `add_`.
  /// @code
  /// auto x = tl::ones({3});
  /// x.sub_(1);   // tensor([0., 0., 0.])
  /// @endcode
  Tensor& sub_(const Scalar& other, const Scalar& alpha = 1);
  /// @brief In-place `mul` (`torch.Tensor.mul_`); returns `*this`. Errors as `add_`.
  /// @code
  /// auto x = tl::ones({2, 2});
  /// x.mul_(tl::tensor({2.0, 3.0}));   // every row is [2., 3.]
  /// @endcode
  Tensor& mul_(const Tensor& other);
  /// @brief In-place `mul` by a number (`torch.Tensor.mul_`); returns `*this`. Errors as `add_`.
  /// @code
  /// auto x = tl::ones({2});
  /// x.mul_(10);   // tensor([10., 10.])
  /// @endcode
  Tensor& mul_(const Scalar& other);
  /// @brief In-place true division (`torch.Tensor.div_`); returns `*this`. An integer tensor is
  /// refused (the float32 result cannot be stored in it). Errors as `add_`.
  /// @throws tl::Error `result type Float can't be cast to the desired output type Long` for integer tensors.
  /// @code
  /// auto x = tl::ones({2});
  /// x.div_(tl::tensor({2.0, 4.0}));   // tensor([0.5000, 0.2500])
  /// @endcode
  Tensor& div_(const Tensor& other);
  /// @brief In-place true division by a number (`torch.Tensor.div_`); returns `*this`. Floating tensors only, as the tensor form.
  /// @code
  /// auto x = tl::ones({2});
  /// x.div_(4);   // tensor([0.2500, 0.2500])
  /// @endcode
  Tensor& div_(const Scalar& other);
  /// @brief `-self` (`torch.neg`), same dtype; integers wrap (`-(-128)` is -128 in int8).
  /// @throws tl::Error "Negation, the `-` operator, on a bool tensor is not supported. If you are trying
  ///   to invert a mask, use the `~` or `logical_not()` operator instead." for bool tensors.
  /// @code
  /// tl::tensor({1, -2}).neg();   // tensor([-1,  2])
  /// @endcode
  Tensor neg() const;
  /// @brief Absolute value (`torch.abs`), same dtype.
  /// @throws tl::Error `"abs_cpu" not implemented for 'Bool'` for bool tensors.
  /// @code
  /// tl::tensor({-1.5, 2.0}).abs();   // tensor([1.5000, 2.0000])
  /// @endcode
  Tensor abs() const;
  /// @brief Element-wise `==` (`torch.eq`): a bool tensor of the broadcast shape; operands are
  /// compared in their promoted dtype.
  /// @throws tl::Error `The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1`.
  /// @code
  /// tl::tensor({1, 2, 3}).eq(tl::tensor({1.0, 0.0, 3.0}));   // tensor([ True, False,  True])
  /// @endcode
  Tensor eq(const Tensor& other) const;
  /// @brief Element-wise `==` with a number (`torch.eq`): a bool tensor of the same shape.
  /// @code
  /// tl::tensor({1, 2, 1}).eq(1);   // tensor([ True, False,  True])
  /// @endcode
  Tensor eq(const Scalar& other) const;
  /// @brief True when both have the same shape and equal values (`torch.equal`); values are
  /// compared in the promoted dtype, so `tensor({1, 2})` equals `tensor({1.0, 2.0})`. Different shapes give false.
  /// @code
  /// tl::tensor({1, 2}).equal(tl::tensor({1, 2}));   // true
  /// tl::tensor({1, 2}).equal(tl::tensor({1}));      // false
  /// @endcode
  bool equal(const Tensor& other) const;
  /// @brief True when `|self - other| <= atol + rtol * |other|` everywhere, broadcasting
  /// (`torch.allclose`); equal infinities are close, NaN never is. Both must have the same dtype.
  /// @throws tl::Error `Float did not match Double` when the dtypes differ.
  /// @throws tl::Error `rtol must be greater than or equal to zero, but got -1` (likewise `atol`).
  /// @code
  /// auto a = tl::tensor({1.0, 2.0});
  /// a.allclose(a + 1e-7);   // true
  /// @endcode
  bool allclose(const Tensor& other, double rtol = 1e-5, double atol = 1e-8) const;

  // ---- linear algebra -----------------------------------------------------
  /// @brief Matrix product as `torch.matmul`: 1-d x 1-d is a dot product (0-d result), 2-d x 1-d a
  /// matrix-vector product, 1-d x 2-d a vector-matrix product, 2-d x 2-d `mm`, and higher dims a
  /// batched product whose batch dims broadcast.
  ///
  /// Both operands must have the same dtype (no promotion); on the CPU float16 and bool are refused.
  /// @throws tl::Error `both arguments to matmul need to be at least 1D, but they are 0D and 2D`.
  /// @throws tl::Error `mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)` (and the dot /
  ///   matrix-vector equivalents) when inner sizes differ.
  /// @throws tl::Error `expected scalar type Float but found Long` (2-d and up) or `dot : expected both vectors to have same dtype, but found Float and Long` (1-d) when dtypes differ.
  /// @throws tl::Error `"addmm_impl_cpu_" not implemented for 'Half'` (or `"dot"`, `"bmm"`, ...) for float16 or bool on the CPU.
  /// @code
  /// auto a = tl::rand({2, 3}), b = tl::rand({3, 4});
  /// auto c = a.matmul(b);                          // shape [2, 4]
  /// auto d = tl::rand({5, 2, 3}).matmul(b);        // shape [5, 2, 4]
  /// @endcode
  Tensor matmul(const Tensor& other) const;
  /// @brief Matrix product of two 2-d tensors (`torch.mm`): [n, m] x [m, p] gives [n, p], dtype of `self`.
  /// @throws tl::Error `self must be a matrix` / `mat2 must be a matrix` when an operand is not 2-d.
  /// @throws tl::Error `mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)`.
  /// @throws tl::Error `expected scalar type Float but found Long` when the dtypes differ.
  /// @throws tl::Error `"addmm_impl_cpu_" not implemented for 'Half'` for float16 or bool on the CPU.
  /// @code
  /// auto c = tl::ones({2, 3}).mm(tl::ones({3, 2}));   // tensor([[3., 3.], [3., 3.]])
  /// @endcode
  Tensor mm(const Tensor& other) const;
  /// @brief Transpose of a tensor of at most 2 dims (`torch.Tensor.t`), a view; 0-d and 1-d tensors come back unchanged.
  /// @throws tl::Error `t() expects a tensor with <= 2 dimensions, but self is 3D`.
  /// @code
  /// std::cout << tl::zeros({2, 3}).t().sizes();   // torch.Size([3, 2])
  /// @endcode
  Tensor t() const;
  /// @brief Swaps dims `dim0` and `dim1` (`torch.transpose`), a view; negative dims count from the end.
  /// @throws tl::Error (IndexError) `Dimension out of range (expected to be in range of [-3, 2], but got 3)`.
  /// @code
  /// std::cout << tl::zeros({2, 3, 4}).transpose(0, -1).sizes();   // torch.Size([4, 3, 2])
  /// @endcode
  Tensor transpose(int64_t dim0, int64_t dim1) const;

  // ---- reductions ---------------------------------------------------------
  /// @brief Smallest element as a 0-d tensor of the same dtype (`torch.min`).
  /// @throws tl::Error `min(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`
  /// @code
  /// tl::tensor({3, 1, 2}).min().item<int64_t>();   // 1
  /// @endcode
  Tensor min() const;
  /// @brief Largest element as a 0-d tensor of the same dtype (`torch.max`).
  /// @throws tl::Error `max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`
  /// @code
  /// tl::tensor({3, 1, 2}).max().item<int64_t>();   // 3
  /// @endcode
  Tensor max() const;
  /// @brief (values, indices) of the minimum along `dim` (`torch.min(x, dim, keepdim)`): values keep
  /// the dtype, indices are int64; `dim` is removed unless `keepdim`.
  /// @throws tl::Error (IndexError) `min(): Expected reduction dim 0 to have non-zero size.`
  /// @throws tl::Error (IndexError) `Dimension out of range (expected to be in range of [-2, 1], but got 2)`.
  /// @code
  /// auto [values, indices] = tl::tensor({{3, 1}, {0, 5}}).min(1);   // [1, 0] and [1, 0]
  /// @endcode
  std::tuple<Tensor, Tensor> min(int64_t dim, bool keepdim = false) const;
  /// @brief (values, indices) of the maximum along `dim` (`torch.max(x, dim, keepdim)`): values keep
  /// the dtype, indices are int64; `dim` is removed unless `keepdim`.
  /// @throws tl::Error (IndexError) `max(): Expected reduction dim 0 to have non-zero size.`
  /// @throws tl::Error (IndexError) `Dimension out of range (expected to be in range of [-2, 1], but got 2)`.
  /// @code
  /// auto [values, indices] = tl::tensor({{3, 1}, {0, 5}}).max(1, true);   // shapes [2, 1]
  /// @endcode
  std::tuple<Tensor, Tensor> max(int64_t dim, bool keepdim = false) const;
  /// @brief Sum of all elements as a 0-d tensor (`torch.sum`). Floating dtypes keep their dtype,
  /// integers and bool sum to int64; `dtype` casts the input first and sets the result's dtype.
  /// @code
  /// tl::tensor({1, 2, 3}).sum();             // tensor(6), int64
  /// tl::tensor({1, 2, 3}).sum(tl::kFloat);   // tensor(6.)
  /// @endcode
  Tensor sum(std::optional<ScalarType> dtype = std::nullopt) const;
  /// @brief Sum over `dims` (`torch.sum(x, dims, keepdim)`); an empty list sums everything. The
  /// summed dims are removed unless `keepdim`. Dtype rules as the all-elements form.
  /// @throws tl::Error `dim 1 appears multiple times in the list of dims`.
  /// @throws tl::Error (IndexError) `Dimension out of range (expected to be in range of [-2, 1], but got 2)`.
  /// @code
  /// auto x = tl::ones({2, 3});
  /// x.sum({0});          // tensor([2., 2., 2.])
  /// x.sum({1}, true);    // shape [2, 1]
  /// @endcode
  Tensor sum(IntArrayRef dims, bool keepdim = false, std::optional<ScalarType> dtype = std::nullopt) const;
  /// @brief Mean of all elements as a 0-d tensor (`torch.mean`). The input (or `dtype` when given)
  /// must be floating; `dtype` casts the input first.
  /// @throws tl::Error `mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long`
  ///   (`Optional dtype ...` when a non-floating `dtype` is given).
  /// @code
  /// tl::arange(10).mean(tl::kFloat);   // tensor(4.5000)
  /// tl::rand({3, 4}).mean();           // float32 0-d tensor
  /// @endcode
  Tensor mean(std::optional<ScalarType> dtype = std::nullopt) const;
  /// @brief Mean over `dims` (`torch.mean(x, dims, keepdim)`); an empty list averages everything.
  /// Dtype rules and errors as the all-elements form, dim errors as `sum(dims)`.
  /// @code
  /// std::cout << tl::ones({2, 3}).mean({0, -1}, true).sizes();   // torch.Size([1, 1])
  /// @endcode
  Tensor mean(IntArrayRef dims, bool keepdim = false, std::optional<ScalarType> dtype = std::nullopt) const;
  /// @brief Index of the smallest element (`torch.argmin`), an int64 tensor: over the flattened
  /// tensor (0-d result) when `dim` is empty, else along `dim`.
  /// @throws tl::Error `"argmin_cpu" not implemented for 'Bool'` for bool tensors.
  /// @throws tl::Error (IndexError) `argmin(): Expected reduction dim to be specified for input.numel() == 0.`
  ///   (or `argmin(): Expected reduction dim 0 to have non-zero size.` with a dim).
  /// @code
  /// tl::tensor({3, 1, 2}).argmin();                    // tensor(1)
  /// tl::tensor({{3, 1}, {0, 5}}).argmin(1);            // tensor([1, 0])
  /// @endcode
  Tensor argmin(std::optional<int64_t> dim = std::nullopt, bool keepdim = false) const;
  /// @brief Index of the largest element (`torch.argmax`), an int64 tensor: over the flattened
  /// tensor (0-d result) when `dim` is empty, else along `dim`.
  /// @throws tl::Error `"argmax_cpu" not implemented for 'Bool'` for bool tensors.
  /// @throws tl::Error (IndexError) `argmax(): Expected reduction dim to be specified for input.numel() == 0.`
  ///   (or `argmax(): Expected reduction dim 0 to have non-zero size.` with a dim).
  /// @code
  /// tl::tensor({3, 1, 2}).argmax().item<int64_t>();   // 0
  /// @endcode
  Tensor argmax(std::optional<int64_t> dim = std::nullopt, bool keepdim = false) const;

  // ---- shape and views ----------------------------------------------------
  /// @brief Same data, new shape (`torch.reshape`): a view when the strides allow it, else a
  /// contiguous copy. One entry may be -1 and is inferred.
  /// @throws tl::Error `shape '[4, 2]' is invalid for input of size 6`.
  /// @throws tl::Error `only one dimension can be inferred` / `invalid shape dimension -2`.
  /// @code
  /// auto x = tl::arange(6).reshape({2, -1});   // shape [2, 3]
  /// auto y = x.t().reshape({6});               // a copy: [0, 3, 1, 4, 2, 5]
  /// @endcode
  Tensor reshape(IntArrayRef shape) const;
  /// @brief A view with a new shape (`torch.Tensor.view`); never copies. One entry may be -1.
  /// @throws tl::Error `view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.`
  /// @throws tl::Error `shape '[4, 2]' is invalid for input of size 6` and the other `reshape` shape errors.
  /// @code
  /// auto x = tl::arange(6).view({3, 2});
  /// // x.t().view({6}) throws: use reshape
  /// @endcode
  Tensor view(IntArrayRef shape) const;
  /// @brief Reinterprets the bytes as `dtype` (`torch.Tensor.view(dtype)`), a view. With a different
  /// element size the last dim shrinks or grows by the size ratio; it then needs stride 1.
  /// @throws tl::Error `self.stride(-1) must be 1 to view Float as Double (different element sizes), but got 2`.
  /// @throws tl::Error `self.size(-1) must be divisible by 2 to view Float as Double (different element sizes), but got 3`.
  /// @throws tl::Error `self.dim() cannot be 0 to view Float as Half (different element sizes)`.
  /// @code
  /// auto bits = tl::ones({2}).view(tl::kInt);   // tensor([1065353216, 1065353216], dtype=torch.int32)
  /// @endcode
  Tensor view(ScalarType dtype) const;
  /// @brief Removes every dim of size 1 (`torch.squeeze`), a view.
  /// @code
  /// std::cout << tl::zeros({1, 3, 1}).squeeze().sizes();   // torch.Size([3])
  /// @endcode
  Tensor squeeze() const;
  /// @brief Removes dim `d` if its size is 1, else returns the same shape (`torch.squeeze(x, d)`), a view.
  /// @throws tl::Error (IndexError) `Dimension out of range (expected to be in range of [-3, 2], but got 3)`.
  /// @code
  /// std::cout << tl::zeros({1, 3, 1}).squeeze(0).sizes();   // torch.Size([3, 1])
  /// @endcode
  Tensor squeeze(int64_t d) const;
  /// @brief Inserts a dim of size 1 at position `d` (`torch.unsqueeze`), a view; `d` ranges over
  /// [-dim()-1, dim()], negatives counting from the end.
  /// @throws tl::Error (IndexError) `Dimension out of range (expected to be in range of [-3, 2], but got 3)`.
  /// @code
  /// std::cout << tl::zeros({2, 3}).unsqueeze(0).sizes();    // torch.Size([1, 2, 3])
  /// std::cout << tl::zeros({2, 3}).unsqueeze(-1).sizes();   // torch.Size([2, 3, 1])
  /// @endcode
  Tensor unsqueeze(int64_t d) const;
  /// @brief Reorders dims (`torch.permute`), a view: dim `i` of the result is dim `dims[i]` of self.
  /// @throws tl::Error `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = 3 is not equal to len(dims) = 2`.
  /// @throws tl::Error `permute(): duplicate dims are not allowed.`
  /// @code
  /// auto img = tl::rand({224, 224, 3});
  /// std::cout << img.permute({2, 0, 1}).sizes();   // torch.Size([3, 224, 224])
  /// @endcode
  Tensor permute(IntArrayRef dims) const;
  /// @brief Flattens dims `start_dim..end_dim` into one (`torch.flatten`), as `reshape` (a view
  /// when possible); a 0-d tensor becomes shape [1].
  /// @throws tl::Error `flatten() has invalid args: start_dim cannot come after end_dim`.
  /// @code
  /// std::cout << tl::zeros({2, 3, 4}).flatten(1).sizes();   // torch.Size([2, 12])
  /// @endcode
  Tensor flatten(int64_t start_dim = 0, int64_t end_dim = -1) const;
  /// @brief Broadcasts size-1 dims (and new leading dims) to `sizes` without copying
  /// (`torch.Tensor.expand`), a view with stride 0 there; -1 keeps a dim's size.
  /// @throws tl::Error `The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1.  Target sizes: [2, 4].  Tensor sizes: [3]`.
  /// @throws tl::Error `expand(torch.FloatTensor{[2, 3]}, size=[3]): the number of sizes provided (1) must be greater or equal to the number of dimensions in the tensor (2)`.
  /// @code
  /// auto row = tl::tensor({1, 2, 3});
  /// auto grid = row.expand({4, -1});   // shape [4, 3], no copy
  /// @endcode
  Tensor expand(IntArrayRef sizes) const;
  /// @brief The sub-tensor at `index` along `dim` (`torch.select`), a view with one dim fewer;
  /// a negative `index` counts from the end.
  /// @throws tl::Error (IndexError) `select(): index 5 out of range for tensor of size [3, 4] at dimension 0`.
  /// @throws tl::Error (IndexError) `select() cannot be applied to a 0-dim tensor.`
  /// @code
  /// auto x = tl::arange(6).view({2, 3});
  /// x.select(1, -1);   // tensor([2, 5])
  /// @endcode
  Tensor select(int64_t dim, int64_t index) const;
  /// @brief Elements `start, start+step, ...` before `end` along `dim` (Python's `x[start:end:step]`,
  /// LibTorch's `Tensor::slice`), a view. Bounds clamp as Python's; negatives count from the end.
  /// @throws tl::Error `slice step must be positive`.
  /// @throws tl::Error (IndexError) `slice() cannot be applied to a 0-dim tensor.`
  /// @code
  /// tl::arange(10).slice(0, 1, 8, 3);   // tensor([1, 4, 7])
  /// @endcode
  Tensor slice(int64_t dim = 0, std::optional<int64_t> start = std::nullopt,
               std::optional<int64_t> end = std::nullopt, int64_t step = 1) const;
  /// @brief `length` elements from `start` along `dim` (`torch.narrow`), a view.
  /// @throws tl::Error `start (2) + length (3) exceeds dimension size (4).`
  /// @throws tl::Error `narrow() cannot be applied to a 0-dim tensor.`
  /// @code
  /// tl::arange(5).narrow(0, 1, 3);   // tensor([1, 2, 3])
  /// @endcode
  Tensor narrow(int64_t dim, int64_t start, int64_t length) const;

  // ---- indexing -----------------------------------------------------------
  /// @brief `x[i]`: `select(0, index)`, a view with the first dim removed (Python's `x[i]`).
  /// @throws tl::Error (IndexError) `select(): index 5 out of range for tensor of size [3, 4] at dimension 0`.
  /// @code
  /// auto x = tl::arange(6).view({2, 3});
  /// x[1][2].item<int64_t>();   // 5
  /// @endcode
  Tensor operator[](int64_t index) const { return select(0, index); }
  /// @brief Python indexing (`torch.Tensor.__getitem__`, LibTorch's `Tensor::index`): integers,
  /// `Slice`, `None`, `Ellipsis` (or `"..."`) and bools. Without bools the result is a view;
  /// a bool index copies.
  /// @throws tl::Error (IndexError) `index 5 is out of bounds for dimension 0 with size 3`.
  /// @throws tl::Error (IndexError) `too many indices for tensor of dimension 2`.
  /// @throws tl::Error (IndexError) `an index can only have a single ellipsis ('...')`.
  /// @throws tl::Error (ValueError) `slice step cannot be zero` / `step must be greater than zero`.
  /// @throws tl::Error `Passing an empty index list to Tensor::index() is not valid syntax`.
  /// @code
  /// using namespace tl::indexing;
  /// auto x = tl::arange(6).view({2, 3});
  /// x.index({Slice(), 0});           // x[:, 0]   -> tensor([0, 3])
  /// x.index({Ellipsis, Slice(1)});   // x[..., 1:] -> shape [2, 2]
  /// @endcode
  Tensor index(std::initializer_list<indexing::TensorIndex> indices) const;
  /// @brief Python's `x[indices] = value` (LibTorch's `Tensor::index_put_`): `value` is broadcast
  /// into the indexed region and converted to this dtype; returns `*this`. Index errors as `index`.
  /// @throws tl::Error `The expanded size of the tensor (2) must match the existing size (3) at non-singleton dimension 0.  Target sizes: [2].  Tensor sizes: [3]`
  ///   when `value` does not broadcast.
  /// @throws tl::Error `shape mismatch: value tensor of shape [4] cannot be broadcast to indexing result of shape [1, 3]` and
  ///   `Index put requires the source and destination dtypes match, got Float for the destination and Long for the source.`
  ///   when a bool index is combined with other indices (no conversion happens then).
  /// @code
  /// using namespace tl::indexing;
  /// auto x = tl::zeros({2, 3});
  /// x.index_put_({Slice(), 0}, tl::tensor({1.0, 2.0}));   // x[:, 0] = [1., 2.]
  /// @endcode
  Tensor& index_put_(std::initializer_list<indexing::TensorIndex> indices, const Tensor& value);
  /// @brief Python's `x[indices] = number` (LibTorch's `Tensor::index_put_`); returns `*this`.
  /// Index errors as `index`.
  /// @throws tl::Error `value cannot be converted to type uint8_t without overflow` when the number does not fit the dtype.
  /// @code
  /// using namespace tl::indexing;
  /// auto x = tl::zeros({2, 3});
  /// x.index_put_({Slice(), 0}, 5);   // x[:, 0] = 5
  /// @endcode
  Tensor& index_put_(std::initializer_list<indexing::TensorIndex> indices, const Scalar& value);

 private:
  std::shared_ptr<TensorImpl> impl_;
};

/// @brief Prints the tensor exactly as Python's `print(t)` does for PyTorch 1.13 (`torch.Tensor.__repr__`);
/// CUDA tensors add `device='cuda:0'`, an undefined tensor prints `[ Tensor (undefined) ]`.
/// @code
/// std::cout << tl::tensor({1.5, 2.0}) << "\n";   // tensor([1.5000, 2.0000])
/// @endcode
std::ostream& operator<<(std::ostream& os, const Tensor& t);
/// @brief The same text as `operator<<`, as a string (Python's `repr(t)`).
/// @code
/// std::string s = tl::repr(tl::tensor({1, 2}));   // "tensor([1, 2])"
/// @endcode
std::string repr(const Tensor& t);

// ---- operators --------------------------------------------------------------
/// @brief `a + b`: `a.add(b)` (`torch.add`), broadcasting, with type promotion.
/// @throws tl::Error `The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1`.
/// @code
/// auto c = tl::tensor({1, 2}) + tl::tensor({0.5, 0.5});   // tensor([1.5000, 2.5000])
/// @endcode
Tensor operator+(const Tensor& a, const Tensor& b);
/// @brief `a + s`: `a.add(s)`; an integer `s` keeps an integer dtype, a floating one gives float32.
/// @code
/// auto c = tl::tensor({1, 2}) + 10;   // tensor([11, 12])
/// @endcode
Tensor operator+(const Tensor& a, const Scalar& s);
/// @brief `s + a`: `a.add(s)`, the same result as `a + s`.
/// @code
/// auto c = 10 + tl::tensor({1, 2});   // tensor([11, 12])
/// @endcode
Tensor operator+(const Scalar& s, const Tensor& a);
/// @brief `a - b`: `a.sub(b)` (`torch.sub`), broadcasting, with type promotion; bool operands are refused.
/// @throws tl::Error "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or
///   `logical_xor()` operator instead." (and the one-bool-operand form of `Tensor::sub`).
/// @code
/// auto d = tl::tensor({5, 7}) - tl::tensor({1, 2});   // tensor([4, 5])
/// @endcode
Tensor operator-(const Tensor& a, const Tensor& b);
/// @brief `a - s`: `a.sub(s)`; errors as `Tensor::sub`.
/// @code
/// auto d = tl::tensor({5, 7}) - 1;   // tensor([4, 6])
/// @endcode
Tensor operator-(const Tensor& a, const Scalar& s);
/// @brief `s - a`, as LibTorch computes it: `empty_like(a).fill_(s).sub_(a)`, so the result
/// keeps a's dtype (Python's `s - a` would promote).
/// @throws tl::Error `value cannot be converted to type uint8_t without overflow` when `s` does not fit a's dtype,
///   and the errors of `Tensor::sub_` (a bool `a` is refused).
/// @code
/// auto d = 10 - tl::tensor({1, 2});   // tensor([9, 8])
/// auto e = 2.5 - tl::tensor({1, 2});  // tensor([1, 0]): 2.5 becomes 2 in int64
/// @endcode
Tensor operator-(const Scalar& s, const Tensor& a);
/// @brief `a * b` (element-wise): `a.mul(b)` (`torch.mul`), broadcasting, with type promotion.
/// @throws tl::Error `The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1`.
/// @code
/// auto p = tl::tensor({1, 2, 3}) * tl::tensor({1, 2, 3});   // tensor([1, 4, 9])
/// @endcode
Tensor operator*(const Tensor& a, const Tensor& b);
/// @brief `a * s`: `a.mul(s)`.
/// @code
/// auto p = tl::tensor({1, 2}) * 3;   // tensor([3, 6])
/// @endcode
Tensor operator*(const Tensor& a, const Scalar& s);
/// @brief `s * a`: `a.mul(s)`, the same result as `a * s`.
/// @code
/// auto p = 0.5 * tl::tensor({1, 2});   // tensor([0.5000, 1.0000])
/// @endcode
Tensor operator*(const Scalar& s, const Tensor& a);
/// @brief `a / b` (true division): `a.div(b)` (`torch.div`); integer and bool inputs give float32.
/// @throws tl::Error `The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1`.
/// @code
/// auto q = tl::tensor({1, 2}) / tl::tensor({2, 2});   // tensor([0.5000, 1.0000])
/// @endcode
Tensor operator/(const Tensor& a, const Tensor& b);
/// @brief `a / s`: `a.div(s)`; integer tensors give float32.
/// @code
/// auto q = tl::tensor({1, 2}) / 2;   // tensor([0.5000, 1.0000])
/// @endcode
Tensor operator/(const Tensor& a, const Scalar& s);
/// @brief `s / a`, as LibTorch computes it: `empty_like(a).fill_(s).div_(a)`, so the result
/// keeps a's dtype and an integer `a` is an error (Python's `s / a` would promote).
/// @throws tl::Error `result type Float can't be cast to the desired output type Long` for an integer `a`.
/// @code
/// auto r = 1 / tl::tensor({2.0, 4.0});   // tensor([0.5000, 0.2500])
/// @endcode
Tensor operator/(const Scalar& s, const Tensor& a);
/// @brief `-a`: `a.neg()` (`torch.neg`), same dtype.
/// @throws tl::Error "Negation, the `-` operator, on a bool tensor is not supported. If you are trying
///   to invert a mask, use the `~` or `logical_not()` operator instead." for bool tensors.
/// @code
/// auto n = -tl::tensor({1, -2});   // tensor([-1,  2])
/// @endcode
Tensor operator-(const Tensor& a);
/// @brief `a += b`: `a.add_(b)` in place, returns `a`; the result must be castable to a's dtype.
/// @throws tl::Error `result type Float can't be cast to the desired output type Long`.
/// @throws tl::Error `output with shape [3] doesn't match the broadcast shape [2, 3]`.
/// @code
/// auto x = tl::zeros({3});
/// x += tl::ones({3});   // tensor([1., 1., 1.])
/// @endcode
Tensor& operator+=(Tensor& a, const Tensor& b);
/// @brief `a += s`: `a.add_(s)` in place, returns `a`; errors as `Tensor::add_`.
/// @code
/// auto x = tl::tensor({1, 2});
/// x += 1;   // tensor([2, 3])
/// @endcode
Tensor& operator+=(Tensor& a, const Scalar& s);
/// @brief `a -= b`: `a.sub_(b)` in place, returns `a`; errors as `Tensor::sub_`.
/// @code
/// auto x = tl::ones({3});
/// x -= tl::ones({3});   // tensor([0., 0., 0.])
/// @endcode
Tensor& operator-=(Tensor& a, const Tensor& b);
/// @brief `a -= s`: `a.sub_(s)` in place, returns `a`; errors as `Tensor::sub_`.
/// @code
/// auto x = tl::tensor({1, 2});
/// x -= 1;   // tensor([0, 1])
/// @endcode
Tensor& operator-=(Tensor& a, const Scalar& s);
/// @brief `a *= b`: `a.mul_(b)` in place, returns `a`; errors as `Tensor::mul_`.
/// @code
/// auto x = tl::ones({2});
/// x *= tl::tensor({2.0, 3.0});   // tensor([2., 3.])
/// @endcode
Tensor& operator*=(Tensor& a, const Tensor& b);
/// @brief `a *= s`: `a.mul_(s)` in place, returns `a`; errors as `Tensor::mul_`.
/// @code
/// auto x = tl::tensor({1, 2});
/// x *= 3;   // tensor([3, 6])
/// @endcode
Tensor& operator*=(Tensor& a, const Scalar& s);
/// @brief `a /= b`: `a.div_(b)` in place, returns `a`; `a` must be floating.
/// @throws tl::Error `result type Float can't be cast to the desired output type Long` for an integer `a`.
/// @code
/// auto x = tl::ones({2});
/// x /= tl::tensor({2.0, 4.0});   // tensor([0.5000, 0.2500])
/// @endcode
Tensor& operator/=(Tensor& a, const Tensor& b);
/// @brief `a /= s`: `a.div_(s)` in place, returns `a`; `a` must be floating.
/// @throws tl::Error `result type Float can't be cast to the desired output type Long` for an integer `a`.
/// @code
/// auto x = tl::ones({2});
/// x /= 4;   // tensor([0.2500, 0.2500])
/// @endcode
Tensor& operator/=(Tensor& a, const Scalar& s);
/// @brief `a == b` element-wise (a bool tensor): `a.eq(b)` (`torch.eq`), broadcasting.
/// For "same shape and values" use `Tensor::equal`.
/// @code
/// auto m = tl::tensor({1, 2}) == tl::tensor({1, 3});   // tensor([ True, False])
/// @endcode
Tensor operator==(const Tensor& a, const Tensor& b);
/// @brief `a == s` element-wise (a bool tensor): `a.eq(s)`.
/// @code
/// auto m = tl::tensor({1, 2, 1}) == 1;   // tensor([ True, False,  True])
/// @endcode
Tensor operator==(const Tensor& a, const Scalar& s);

// ---- template definitions -----------------------------------------------------
template <typename T>
T* Tensor::data_ptr() const {
  TL_CHECK(CppTypeToScalarType<T>::value == dtype(), "expected scalar type ",
           scalar_type_name(CppTypeToScalarType<T>::value), " but found ", scalar_type_name(dtype()));
  return static_cast<T*>(data_ptr());
}

}  // namespace tl
