#pragma once
/// @file ops.h
/// @brief Free-function forms of the tensor operations (`tl::add`, `tl::matmul`, `tl::stack`, ...).
///
/// Each function has the name and semantics of the `torch.*` function of the same name in
/// PyTorch 1.13.1: type promotion, broadcasting, views that share storage, and errors
/// (`tl::Error`) with PyTorch's wording. Most have a `Tensor` member twin (`tl::add(a, b)` is
/// `a.add(b)`).

#include <optional>
#include <tuple>
#include <vector>

#include "tl/tensor.h"

namespace tl {

/// @brief `torch.result_type`: the dtype an element-wise operation on `a` and `b` computes in.
///
/// PyTorch's promotion by priority: tensors with dims outrank 0-d tensors, which outrank
/// Python numbers; a lower-priority operand only counts when it is of a higher category
/// (bool < integer < floating). Never throws.
/// @code
/// tl::result_type(tl::tensor({1, 2}), tl::tensor({1.5}));  // kFloat
/// tl::result_type(tl::ones({2}, tl::kHalf), tl::tensor(1.0)); // kHalf (a 0-d float32 does not raise it)
/// @endcode
ScalarType result_type(const Tensor& a, const Tensor& b);
/// @brief `torch.result_type` of a tensor and a Python number `b`.
/// @overload
///
/// A floating number counts as the default dtype (float32) and only lifts a bool or integer
/// tensor to it: `result_type(int64 tensor, 2.5)` is kFloat, `result_type(float16 tensor, 2.5)`
/// stays kHalf, `result_type(int8 tensor, 1000)` stays kChar.
ScalarType result_type(const Tensor& a, const Scalar& b);

/// @brief `torch.broadcast_shapes`: the shape that tensors of shapes `a` and `b` broadcast to.
///
/// Dims are matched from the right; a size-1 (or missing) dim takes the other size.
/// @throws tl::Error `The size of tensor a (3) must match the size of tensor b (4) at
/// non-singleton dimension 1` when two sizes differ and neither is 1.
/// @code
/// tl::Sizes s = tl::broadcast_shapes({3, 1}, {4});   // [3, 4]
/// @endcode
Sizes broadcast_shapes(IntArrayRef a, IntArrayRef b);

/// @brief `torch.can_cast(from, to)`: whether an in-place result of dtype `from` may be stored
/// in a tensor of dtype `to`.
///
/// False for floating into integer or bool and for integer into bool; true otherwise.
/// @code
/// tl::can_cast(tl::kInt, tl::kFloat);   // true
/// tl::can_cast(tl::kFloat, tl::kLong);  // false: int_tensor.add_(0.5) is refused
/// @endcode
bool can_cast(ScalarType from, ScalarType to);

/// @brief `torch.add`: `a + alpha * b`, element-wise with broadcasting.
///
/// The result has the broadcast shape and the dtype `result_type(a, b)`; `alpha` must fit
/// that dtype.
/// @throws tl::Error on a shape mismatch (`The size of tensor a (2) must match the size of
/// tensor b (3) at non-singleton dimension 0`), on operands on different devices
/// (`Expected all tensors to be on the same device, ...`), for a bool `alpha` with a non-bool
/// result (`Boolean alpha only supported for Boolean results.`) and for a floating `alpha`
/// with an integer result (`For integral input tensors, argument alpha must not be a floating
/// point number.`).
/// @code
/// auto a = tl::tensor({1, 2, 3});
/// auto b = tl::add(a, tl::tensor({10, 20, 30}), 2);   // tensor([21, 42, 63]), int64
/// auto c = tl::add(a, 0.5);                           // tensor([1.5000, 2.5000, 3.5000]), float32
/// @endcode
Tensor add(const Tensor& a, const Tensor& b, const Scalar& alpha = 1);
/// @brief `torch.add` with a number: `a + alpha * b`.
/// @overload
Tensor add(const Tensor& a, const Scalar& b, const Scalar& alpha = 1);

/// @brief `torch.sub`: `a - alpha * b`, element-wise with broadcasting.
///
/// Same shapes, dtypes and `alpha` rules as `add`; bool operands are refused.
/// @throws tl::Error as `add`, and for bool operands: "Subtraction, the `-` operator, with a
/// bool tensor is not supported. If you are trying to invert a mask, use the `~` or
/// `logical_not()` operator instead." (with two bool tensors: "Subtraction, the `-` operator,
/// with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.").
/// @code
/// auto d = tl::sub(tl::tensor({5, 6}), tl::tensor({1, 1}));   // tensor([4, 5])
/// @endcode
Tensor sub(const Tensor& a, const Tensor& b, const Scalar& alpha = 1);
/// @brief `torch.sub` with a number: `a - alpha * b`.
/// @overload
Tensor sub(const Tensor& a, const Scalar& b, const Scalar& alpha = 1);

/// @brief `torch.mul`: element-wise product with broadcasting.
///
/// Result dtype `result_type(a, b)` (integers wrap on overflow, as in PyTorch).
/// @throws tl::Error on a shape mismatch (`The size of tensor a (...) must match the size of
/// tensor b (...) at non-singleton dimension ...`) or operands on different devices.
/// @code
/// auto x = tl::tensor({1, 2, 3});
/// auto y = tl::mul(x, x);     // tensor([1, 4, 9])
/// auto z = tl::mul(x, 10);    // tensor([10, 20, 30])
/// @endcode
Tensor mul(const Tensor& a, const Tensor& b);
/// @brief `torch.mul` by a number.
/// @overload
Tensor mul(const Tensor& a, const Scalar& b);
/// @brief `torch.multiply`, an alias of `mul` (same shapes, dtypes and errors).
/// @code
/// auto y = tl::multiply(tl::tensor({1, 2}), tl::tensor({3, 4}));   // tensor([3, 8])
/// @endcode
Tensor multiply(const Tensor& a, const Tensor& b);
/// @brief `torch.multiply` by a number, an alias of `mul`.
/// @overload
Tensor multiply(const Tensor& a, const Scalar& b);

/// @brief `torch.div`: true division, element-wise with broadcasting.
///
/// The dtype is `result_type(a, b)` when that is floating; integer and bool inputs divide
/// as float32 (`tensor([1, 2]) / 2` is `tensor([0.5000, 1.0000])`). Division by zero gives
/// `inf` or `nan`, never an error.
/// @throws tl::Error on a shape mismatch or operands on different devices, as `mul`.
/// @code
/// auto q = tl::div(tl::tensor({1, 2, 3}), 2);   // tensor([0.5000, 1.0000, 1.5000]), float32
/// @endcode
Tensor div(const Tensor& a, const Tensor& b);
/// @brief `torch.div` by a number.
/// @overload
Tensor div(const Tensor& a, const Scalar& b);

/// @brief `torch.neg`: `-a`, in `a`'s dtype (integers wrap: `-(-128)` stays -128 in int8).
/// @throws tl::Error for a bool tensor: "Negation, the `-` operator, on a bool tensor is not
/// supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead."
/// @code
/// auto n = tl::neg(tl::tensor({1, -2}));   // tensor([-1,  2])
/// @endcode
Tensor neg(const Tensor& a);
/// @brief `torch.abs`: absolute value, in `a`'s dtype.
/// @throws tl::Error for a bool tensor: `"abs_cpu" not implemented for 'Bool'`.
/// @code
/// auto m = tl::abs(tl::tensor({-1.5, 2.0}));   // tensor([1.5000, 2.0000])
/// @endcode
Tensor abs(const Tensor& a);

/// @brief `torch.eq`: element-wise `a == b` as a bool tensor of the broadcast shape.
///
/// The values are compared in `result_type(a, b)`.
/// @throws tl::Error on a shape mismatch or operands on different devices, as `mul`.
/// @code
/// auto m = tl::eq(tl::tensor({1, 2, 3}), tl::tensor({1, 0, 3}));   // tensor([ True, False,  True])
/// @endcode
Tensor eq(const Tensor& a, const Tensor& b);
/// @brief `torch.equal`: true when `a` and `b` have the same shape and equal values.
///
/// Different shapes give false (no broadcasting); the values are compared after type
/// promotion, so an int64 and a float32 tensor holding the same numbers are equal.
/// @throws tl::Error when the tensors are on different devices.
/// @code
/// bool same = tl::equal(tl::tensor({1, 2}), tl::tensor({1, 2}));   // true
/// @endcode
bool equal(const Tensor& a, const Tensor& b);
/// @brief `torch.allclose`: true when `|a - b| <= atol + rtol * |b|` everywhere (with broadcasting).
///
/// NaN is never close to anything; equal infinities are close.
/// @throws tl::Error when the dtypes differ (`Float did not match Double`), for a negative
/// tolerance (`rtol must be greater than or equal to zero, but got -1`, same for `atol`) or on
/// a shape mismatch.
/// @code
/// bool close = tl::allclose(tl::tensor({1.0}), tl::tensor({1.0 + 1e-7}));   // true
/// @endcode
bool allclose(const Tensor& a, const Tensor& b, double rtol = 1e-5, double atol = 1e-8);

/// @brief `torch.matmul`: matrix product with PyTorch's rules for 1-d, 2-d and batched (broadcast) operands.
///
/// Shapes: (n) x (n) gives a 0-d dot product; (m, n) x (n, p) gives (m, p); a 1-d operand is
/// treated as a row (left) or column (right) and that dim is removed from the result; for more
/// dims the leading (batch) dims broadcast. Both operands must have the same dtype and device
/// (CPU: OpenBLAS for float/double, a built-in kernel for integers; float16 and bool are
/// refused on the CPU; CUDA: cuBLAS).
/// @throws tl::Error with PyTorch's message when the inner dims differ, e.g.
/// `mat1 and mat2 shapes cannot be multiplied (3x2 and 3x2)`, for a 0-d operand
/// (`both arguments to matmul need to be at least 1D, but they are 0D and 2D`), or when
/// dtypes/devices differ.
/// @code
/// auto a = tl::rand({3, 2});
/// auto b = tl::rand({3, 2});
/// auto c = tl::matmul(a, b.t());   // shape (3, 3); tl::matmul(a, b) throws
/// @endcode
Tensor matmul(const Tensor& a, const Tensor& b);
/// @brief `torch.mm`: product of two 2-d tensors, (m, n) x (n, p) gives (m, p).
///
/// Same dtype and device rules as `matmul`, without broadcasting.
/// @throws tl::Error `self must be a matrix` / `mat2 must be a matrix` for an operand that
/// is not 2-d, and `mat1 and mat2 shapes cannot be multiplied (3x2 and 3x2)` when the inner
/// dims differ.
/// @code
/// auto c = tl::mm(tl::ones({2, 3}), tl::ones({3, 4}));   // shape (2, 4), all 3
/// @endcode
Tensor mm(const Tensor& a, const Tensor& b);
/// @brief `torch.bmm`: batched product of 3-d tensors, (b, m, n) x (b, n, p) gives (b, m, p).
///
/// No broadcasting of the batch dim; dtype and device rules as `matmul`.
/// @throws tl::Error `batch1 must be a 3D tensor` / `batch2 must be a 3D tensor`, and
/// `Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [2, 4].`
/// when the batch or inner sizes differ.
/// @code
/// auto c = tl::bmm(tl::ones({2, 3, 4}), tl::ones({2, 4, 5}));   // shape (2, 3, 5)
/// @endcode
Tensor bmm(const Tensor& a, const Tensor& b);
/// @brief `torch.t`: the transpose of a tensor of at most 2 dims, as a view sharing storage.
///
/// 0-d and 1-d tensors are returned as they are (as views).
/// @throws tl::Error for 3 or more dims: `t() expects a tensor with <= 2 dimensions, but self is 3D`.
/// @code
/// auto m = tl::rand({2, 3});
/// auto mt = tl::t(m);   // shape (3, 2), shares m's storage
/// @endcode
Tensor t(const Tensor& a);
/// @brief `torch.transpose`: a view with dims `dim0` and `dim1` swapped (negative dims count from the end).
/// @throws tl::Error (IndexError) for a dim out of range: `Dimension out of range (expected to
/// be in range of [-2, 1], but got 2)`.
/// @code
/// auto x = tl::rand({2, 3, 4});
/// auto y = tl::transpose(x, 0, -1);   // shape (4, 3, 2), a view
/// @endcode
Tensor transpose(const Tensor& a, int64_t dim0, int64_t dim1);

/// @brief `torch.min(input)`: the smallest element (NaN if there is one), as a 0-d tensor of `a`'s dtype.
/// @throws tl::Error for an empty tensor: `min(): Expected reduction dim to be specified for
/// input.numel() == 0. Specify the reduction dim with the 'dim' argument.`
/// @code
/// auto m = tl::min(tl::tensor({3, 1, 2}));   // tensor(1)
/// @endcode
Tensor min(const Tensor& a);
/// @brief `torch.max(input)`: the largest element (NaN if there is one), as a 0-d tensor of `a`'s dtype.
/// @throws tl::Error for an empty tensor: `max(): Expected reduction dim to be specified for
/// input.numel() == 0. Specify the reduction dim with the 'dim' argument.`
/// @code
/// auto m = tl::max(tl::tensor({3, 1, 2}));   // tensor(3)
/// @endcode
Tensor max(const Tensor& a);
/// @brief `torch.min(input, dim, keepdim)`: (values, indices) of the minimum along `dim`.
///
/// `values` has `a`'s dtype, `indices` is int64 (ties: the lowest index; a NaN wins); both
/// drop `dim`, or keep it with size 1 when `keepdim` is true.
/// @throws tl::Error (IndexError) for `dim` out of range (`Dimension out of range ...`) or an
/// empty `dim` (`min(): Expected reduction dim 0 to have non-zero size.`).
/// @code
/// auto [values, indices] = tl::min(tl::tensor({{3, 1}, {0, 5}}), 1);   // [1, 0], [1, 0]
/// @endcode
std::tuple<Tensor, Tensor> min(const Tensor& a, int64_t dim, bool keepdim = false);
/// @brief `torch.max(input, dim, keepdim)`: (values, indices) of the maximum along `dim`.
///
/// `values` has `a`'s dtype, `indices` is int64 (ties: the lowest index; a NaN wins); both
/// drop `dim`, or keep it with size 1 when `keepdim` is true.
/// @throws tl::Error (IndexError) for `dim` out of range (`Dimension out of range ...`) or an
/// empty `dim` (`max(): Expected reduction dim 0 to have non-zero size.`).
/// @code
/// auto [values, indices] = tl::max(tl::tensor({{3, 1}, {0, 5}}), 1, true);   // shape (2, 1) each
/// @endcode
std::tuple<Tensor, Tensor> max(const Tensor& a, int64_t dim, bool keepdim = false);
/// @brief `torch.sum(input)`: the sum of all elements as a 0-d tensor.
///
/// Bool and integer tensors sum as int64, floating ones in their own dtype, unless `dtype`
/// is given (the input is cast to it first). An empty tensor sums to 0.
/// @code
/// auto s = tl::sum(tl::tensor({1, 2, 3}));                // tensor(6), int64
/// auto f = tl::sum(tl::tensor({1, 2, 3}), tl::kFloat);    // tensor(6.)
/// @endcode
Tensor sum(const Tensor& a, std::optional<ScalarType> dtype = std::nullopt);
/// @brief `torch.sum(input, dims, keepdim, dtype)`: sums over the dims in `dims`.
///
/// Dtype rules as `sum(a)`; the summed dims are dropped, or kept with size 1 when `keepdim`
/// is true. An empty `dims` sums over every dim.
/// @throws tl::Error (IndexError) for a dim out of range, and `dim 0 appears multiple times in
/// the list of dims` for a repeated dim.
/// @code
/// auto x = tl::tensor({{1, 2}, {3, 4}});
/// auto cols = tl::sum(x, {0}, false);   // tensor([4, 6])
/// auto rows = tl::sum(x, {1}, true);    // tensor([[3], [7]])
/// @endcode
Tensor sum(const Tensor& a, IntArrayRef dims, bool keepdim = false, std::optional<ScalarType> dtype = std::nullopt);
/// @brief `torch.mean(input)`: the mean of all elements as a 0-d tensor.
///
/// Only floating dtypes (of the input, or `dtype` when given); an empty tensor gives `nan`.
/// @throws tl::Error for an integer or bool dtype: `mean(): could not infer output dtype. Input
/// dtype must be either a floating point or complex dtype. Got: Long` (`Optional dtype ...`
/// when `dtype` is the integer one).
/// @code
/// auto m = tl::mean(tl::tensor({1.0, 2.0}));                // tensor(1.5000)
/// auto n = tl::mean(tl::arange(4), tl::kFloat);             // tensor(1.5000); tl::mean(tl::arange(4)) throws
/// @endcode
Tensor mean(const Tensor& a, std::optional<ScalarType> dtype = std::nullopt);
/// @brief `torch.mean(input, dims, keepdim, dtype)`: the mean over the dims in `dims`.
///
/// Dtype rules as `mean(a)`; shape and dim rules as `sum(a, dims, keepdim)`.
/// @throws tl::Error as `mean(a)` and `sum(a, dims)`.
/// @code
/// auto x = tl::tensor({{1.0, 2.0}, {3.0, 4.0}});
/// auto m = tl::mean(x, {0}, false);   // tensor([2., 3.])
/// @endcode
Tensor mean(const Tensor& a, IntArrayRef dims, bool keepdim = false, std::optional<ScalarType> dtype = std::nullopt);
/// @brief `torch.argmin`: int64 index of the smallest element (the first one on ties).
///
/// Without `dim`, a 0-d index into the flattened tensor (with `keepdim`, a tensor of all
/// size-1 dims); with `dim`, the indices along `dim`, which is dropped unless `keepdim`.
/// @throws tl::Error for a bool tensor (`"argmin_cpu" not implemented for 'Bool'`), for an
/// empty tensor without `dim` (IndexError `argmin(): Expected reduction dim to be specified for
/// input.numel() == 0.`) and for a `dim` out of range or of size 0 (IndexError).
/// @code
/// auto x = tl::tensor({{3, 1}, {0, 5}});
/// auto i = tl::argmin(x);      // tensor(2), int64
/// auto j = tl::argmin(x, 1);   // tensor([1, 0])
/// @endcode
Tensor argmin(const Tensor& a, std::optional<int64_t> dim = std::nullopt, bool keepdim = false);
/// @brief `torch.argmax`: int64 index of the largest element (the first one on ties).
///
/// Without `dim`, a 0-d index into the flattened tensor (with `keepdim`, a tensor of all
/// size-1 dims); with `dim`, the indices along `dim`, which is dropped unless `keepdim`.
/// @throws tl::Error for a bool tensor (`"argmax_cpu" not implemented for 'Bool'`), for an
/// empty tensor without `dim` (IndexError `argmax(): Expected reduction dim to be specified for
/// input.numel() == 0.`) and for a `dim` out of range or of size 0 (IndexError).
/// @code
/// auto x = tl::tensor({{3, 1}, {0, 5}});
/// auto i = tl::argmax(x);            // tensor(3), int64
/// auto j = tl::argmax(x, 0, true);   // tensor([[0, 1]])
/// @endcode
Tensor argmax(const Tensor& a, std::optional<int64_t> dim = std::nullopt, bool keepdim = false);

/// @brief `torch.reshape`: the same elements in a new shape; a view when the strides allow, else a copy.
///
/// One entry of `shape` may be -1 and is inferred. Dtype and device are kept.
/// @throws tl::Error `shape '[3, 3]' is invalid for input of size 8` when the element counts
/// differ, `only one dimension can be inferred` for two -1 entries, and `invalid shape
/// dimension -2` for another negative size.
/// @code
/// auto x = tl::arange(6);
/// auto y = tl::reshape(x, {2, -1});   // shape (2, 3)
/// @endcode
Tensor reshape(const Tensor& a, IntArrayRef shape);
/// @brief `torch.squeeze(input)`: a view without any size-1 dim.
/// @code
/// auto y = tl::squeeze(tl::zeros({2, 1, 3, 1}));   // shape (2, 3)
/// @endcode
Tensor squeeze(const Tensor& a);
/// @brief `torch.squeeze(input, dim)`: a view without dim `d` when its size is 1 (otherwise
/// an unchanged view).
/// @throws tl::Error (IndexError) for `d` out of range (`Dimension out of range ...`).
/// @code
/// auto x = tl::zeros({2, 1});
/// auto y = tl::squeeze(x, 1);   // shape (2)
/// auto z = tl::squeeze(x, 0);   // shape (2, 1): dim 0 has size 2
/// @endcode
Tensor squeeze(const Tensor& a, int64_t d);
/// @brief `torch.unsqueeze`: a view with a new size-1 dim at position `d`.
///
/// `d` is in [-dim()-1, dim()]; negative values count from the end of the result.
/// @throws tl::Error (IndexError) for `d` out of range (`Dimension out of range ...`).
/// @code
/// auto x = tl::tensor({1, 2, 3});
/// auto row = tl::unsqueeze(x, 0);    // shape (1, 3)
/// auto col = tl::unsqueeze(x, -1);   // shape (3, 1)
/// @endcode
Tensor unsqueeze(const Tensor& a, int64_t d);
/// @brief `torch.permute`: a view with the dims reordered; result dim i is input dim `dims[i]`.
/// @throws tl::Error when `dims` does not have one entry per dim (`permute(sparse_coo): number
/// of dimensions in the tensor input does not match the length of the desired ordering of
/// dimensions i.e. input.dim() = 3 is not equal to len(dims) = 2`), for a repeated dim
/// (`permute(): duplicate dims are not allowed.`) and (IndexError) for a dim out of range.
/// @code
/// auto img = tl::rand({224, 224, 3});
/// auto chw = tl::permute(img, {2, 0, 1});   // shape (3, 224, 224)
/// @endcode
Tensor permute(const Tensor& a, IntArrayRef dims);
/// @brief `torch.flatten`: merges dims `start_dim..end_dim` (inclusive) into one, like `reshape`.
///
/// A 0-d tensor becomes shape (1); a view when the strides allow, else a copy.
/// @throws tl::Error `flatten() has invalid args: start_dim cannot come after end_dim`, and
/// (IndexError) for a dim out of range.
/// @code
/// auto x = tl::zeros({2, 3, 4});
/// auto a = tl::flatten(x);          // shape (24)
/// auto b = tl::flatten(x, 1);       // shape (2, 12)
/// @endcode
Tensor flatten(const Tensor& a, int64_t start_dim = 0, int64_t end_dim = -1);
/// @brief `torch.stack`: joins same-shaped tensors along a new dim `dim` (a copy).
///
/// `dim` is in [-dim()-1, dim()] of the inputs; the result dtype promotes over all inputs.
/// @throws tl::Error `stack expects a non-empty TensorList`, `stack expects each tensor to be
/// equal size, but got [2] at entry 0 and [3] at entry 1`, and errors of `cat`.
/// @code
/// auto x = tl::tensor({1, 2});
/// auto s0 = tl::stack({x, x, x});      // shape (3, 2)
/// auto s1 = tl::stack({x, x, x}, 1);   // shape (2, 3)
/// @endcode
Tensor stack(const std::vector<Tensor>& tensors, int64_t dim = 0);
/// @brief `torch.cat`: joins tensors along the existing dim `dim` (a copy).
///
/// All sizes except `dim` must match; the result dtype promotes over all inputs; legacy
/// empty tensors of shape (0) are skipped.
/// @throws tl::Error `torch.cat(): expected a non-empty list of Tensors`, `zero-dimensional
/// tensor (at position 0) cannot be concatenated`, `Tensors must have same number of
/// dimensions: got 2 and 1`, `Sizes of tensors must match except in dimension 0. Expected size
/// 2 but got size 3 for tensor number 1 in the list.`, or on a device mismatch.
/// @code
/// auto a = tl::zeros({2, 3});
/// auto b = tl::ones({1, 3});
/// auto c = tl::cat({a, b});   // shape (3, 3)
/// @endcode
Tensor cat(const std::vector<Tensor>& tensors, int64_t dim = 0);

}  // namespace tl
