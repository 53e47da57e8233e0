#pragma once
/// @file 06_matmul.h
/// @brief Exercise 06-matmul: matrix multiplication, its two rules, the most common shape
/// error and how a transpose fixes it (notebook sections "Matrix multiplication (is all you
/// need)" and "One of the most common errors in deep learning (shape errors)").
///
/// Read exercises/06-matmul/README.md first. Run the tests with `ctest -L 06-matmul`.

#include <optional>

#include <tl/tl.h>

namespace course {

/// @brief Rule 1: can `a @ b` be computed? True when the **inner dimensions** match: the
/// last dim of `a` equals the dim of `b` it meets — `b`'s only dim when `b` is 1-d, else its
/// second-to-last.
///
/// `(3, 2) @ (3, 2)` → false, `(2, 3) @ (3, 2)` → true, `(3) @ (3)` → true. Only the inner
/// dims are compared here (batch dims are `matmul_output_shape`'s business). False when
/// either shape is 0-d.
bool inner_dims_match(tl::IntArrayRef a, tl::IntArrayRef b);

/// @brief Rule 2: the shape of `torch.matmul(a, b)`, or `std::nullopt` when it cannot be
/// computed. The result takes the **outer dimensions**.
///
/// torch.matmul's cases:
/// - both 1-d (a dot product): `[]` (0-d);
/// - both 2-d: `[n, m] @ [m, p]` → `[n, p]`;
/// - `a` 1-d: treated as `[1, k]`, and that 1 is removed from the result;
/// - `b` 1-d: treated as `[k, 1]`, and that 1 is removed from the result;
/// - more dims: the leading (batch) dims broadcast with each other (as element-wise ops
///   do), the last two multiply as matrices: `[j, 1, n, m] @ [k, m, p]` → `[j, k, n, p]`.
///
/// `std::nullopt` when either is 0-d, the inner dims differ, or the batch dims do not broadcast.
std::optional<tl::Sizes> matmul_output_shape(tl::IntArrayRef a, tl::IntArrayRef b);

/// @brief Matrix multiplication with loops — the notebook's "by hand" cell — for a 1-d @ 1-d
/// dot product (0-d result) or a 2-d @ 2-d product.
///
/// Inputs may be any views (e.g. `tensor_B.t()`), of one of the dtypes uint8, int8, int16,
/// int32, int64, float32 and float64; the result has that dtype and is a new contiguous
/// tensor. Element `[i][j]` is `sum over k of a[i][k] * b[k][j]`, accumulated in the dtype.
///
/// Errors (`tl::Error`), with PyTorch's messages and checks in PyTorch's order:
/// - 2-d @ 2-d: shapes first — `mat1 and mat2 shapes cannot be multiplied (3x2 and 3x2)`;
///   then `a`'s dtype — `"addmm_impl_cpu_" not implemented for 'Bool'` (also for 'Half');
///   then `b`'s dtype must equal `a`'s — `expected scalar type Float but found Double` (a's
///   dtype, then b's, named by `tl::scalar_type_name`).
/// - 1-d @ 1-d: dtypes first — `dot : expected both vectors to have same dtype, but found
///   Long and Float`; then sizes — `inconsistent tensor size, expected tensor [3] and src [4]
///   to have the same number of elements, but got 3 and 4 elements respectively`; then
///   unsupported dtypes — `"dot" not implemented for 'Half'` (also for 'Bool').
/// - any other combination of dims: a `tl::Error` of your wording.
tl::Tensor matmul_by_hand(const tl::Tensor& a, const tl::Tensor& b);

/// @brief The notebook's fix for a shape error: multiply two 2-d tensors, transposing `b`
/// when that is what makes the inner dimensions match.
///
/// - `a @ b` when the inner dims match (even if `a @ b.T` would also work);
/// - otherwise `a @ b.T` when that works (the notebook's `tensor_A @ tensor_B.T`);
/// - otherwise `tl::matmul(a, b)`'s own error (`mat1 and mat2 shapes cannot be multiplied ...`).
///
/// Use `tl::matmul` and `.t()`.
tl::Tensor multiply_fixing_shapes(const tl::Tensor& a, const tl::Tensor& b);

}  // namespace course
