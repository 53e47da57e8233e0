#pragma once
/// @file 05_elementwise.h
/// @brief Exercise 05-elementwise: addition, subtraction, multiplication and division,
/// element by element, with broadcasting and type promotion (notebook section "Basic
/// operations").
///
/// Read exercises/05-elementwise/README.md first. Run the tests with `ctest -L 05-elementwise`.

#include <tl/tl.h>

namespace course {

/// @brief The results of the notebook's "Basic operations" cells on `tensor`.
struct NotebookOps {
  tl::Tensor plus_ten;      ///< `tensor + 10`
  tl::Tensor times_ten;     ///< `tensor * 10`
  tl::Tensor minus_ten;     ///< `tensor - 10`
  tl::Tensor multiply_ten;  ///< `torch.multiply(tensor, 10)`
  tl::Tensor squared;       ///< `tensor * tensor` (element-wise)
  tl::Tensor divided;       ///< `tensor / 10` (true division: integers give float32)
};

/// @brief Applies the notebook's operations to `tensor` with `tl`'s operators and functions.
///
/// `tensor` itself must not change ("tensors don't change unless reassigned").
/// For the notebook's `tl::tensor({1, 2, 3})`: plus_ten `[11, 12, 13]`, times_ten
/// `[10, 20, 30]`, minus_ten `[-9, -8, -7]`, multiply_ten `[10, 20, 30]`, squared
/// `[1, 4, 9]`, divided `[0.1000, 0.2000, 0.3000]`.
NotebookOps notebook_ops(const tl::Tensor& tensor);

/// @brief The shape two tensors broadcast to (`torch.broadcast_shapes`), by hand.
///
/// Align the shapes on the right; missing leading dims count as 1; in each dim the sizes must
/// be equal or one of them 1 (a 1 stretches to the other size, and 1 against 0 gives 0).
/// Otherwise throws `tl::Error` with PyTorch's message, naming the output dim `i`
/// (counted from the left of the result), checking from the last dim to the first:
/// `The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1`.
/// @code
/// course::broadcast_shape({3}, {});          // [3]     (a tensor and a 0-d tensor)
/// course::broadcast_shape({2, 1, 4}, {3, 1}); // [2, 3, 4]
/// @endcode
tl::Sizes broadcast_shape(tl::IntArrayRef a, tl::IntArrayRef b);

/// @brief The dtype of `tensor OP number` for a tensor of `tensor_dtype` and a C++/Python
/// number (`torch.result_type(tensor, number)`).
///
/// Categories rank bool < integer < floating. A number of a *higher* category than the
/// tensor's dtype lifts the result to that category's default dtype (int64 for an integer,
/// float32 for a floating number); otherwise the tensor's dtype wins, whatever the number's
/// size (`int8 tensor + 1000` stays int8, `float16 tensor + 2.5` stays float16).
/// @code
/// course::scalar_result_type(tl::kLong, 10);    // int64: tensor([1, 2, 3]) + 10
/// course::scalar_result_type(tl::kLong, 2.5);   // float32
/// course::scalar_result_type(tl::kBool, 2);     // int64
/// @endcode
tl::ScalarType scalar_result_type(tl::ScalarType tensor_dtype, const tl::Scalar& number);

/// @brief Element-wise product `a * b` of two float32 tensors with broadcasting, by hand.
///
/// The result is a new contiguous float32 tensor of `broadcast_shape(a.sizes(), b.sizes())`
/// (same error). Walk its elements in row-major order; for each, find the input elements
/// through the inputs' strides (`a.strides()`, in elements): a broadcast dim (size 1, or
/// missing on the left) contributes nothing to the offset. `a` and `b` may be any views
/// (transposed, sliced, 0-d, empty). Throws `tl::Error` when either input is not float32.
tl::Tensor mul_by_hand(const tl::Tensor& a, const tl::Tensor& b);

}  // namespace course
