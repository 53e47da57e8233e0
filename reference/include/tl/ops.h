#pragma once
/// @file ops.h
/// @brief Free-function forms of the tensor operations (`tl::add`, `tl::matmul`, `tl::stack`, ...).

#include <optional>
#include <tuple>
#include <vector>

#include "tl/tensor.h"

namespace tl {

/// @brief `torch.result_type`: the dtype an operation on `a` and `b` computes in.
ScalarType result_type(const Tensor& a, const Tensor& b);
/// @brief `torch.result_type` of a tensor and a Python number.
ScalarType result_type(const Tensor& a, const Scalar& b);
/// @brief `torch.broadcast_shapes`: the common shape, or a `tl::Error` naming the mismatch.
Sizes broadcast_shapes(IntArrayRef a, IntArrayRef b);
/// @brief `torch.can_cast(from, to)`: whether in-place results of `from` may be stored as `to`.
bool can_cast(ScalarType from, ScalarType to);

/// @brief `a + alpha * b`.
Tensor add(const Tensor& a, const Tensor& b, const Scalar& alpha = 1);
/// @brief `a + alpha * b`.
Tensor add(const Tensor& a, const Scalar& b, const Scalar& alpha = 1);
/// @brief `a - alpha * b`.
Tensor sub(const Tensor& a, const Tensor& b, const Scalar& alpha = 1);
/// @brief `a - alpha * b`.
Tensor sub(const Tensor& a, const Scalar& b, const Scalar& alpha = 1);
/// @brief Element-wise product.
Tensor mul(const Tensor& a, const Tensor& b);
/// @brief Product with a number.
Tensor mul(const Tensor& a, const Scalar& b);
/// @brief Same as `mul`.
Tensor multiply(const Tensor& a, const Tensor& b);
/// @brief Same as `mul`.
Tensor multiply(const Tensor& a, const Scalar& b);
/// @brief True division.
Tensor div(const Tensor& a, const Tensor& b);
/// @brief True division by a number.
Tensor div(const Tensor& a, const Scalar& b);
/// @brief `-a`.
Tensor neg(const Tensor& a);
/// @brief `|a|`.
Tensor abs(const Tensor& a);
/// @brief Element-wise equality (bool tensor).
Tensor eq(const Tensor& a, const Tensor& b);
/// @brief True when same shape and equal values.
bool equal(const Tensor& a, const Tensor& b);
/// @brief Close within tolerances everywhere.
bool allclose(const Tensor& a, const Tensor& b, double rtol = 1e-5, double atol = 1e-8);

/// @brief `torch.matmul`: matrix product with PyTorch's rules for 1-d, 2-d and batched (broadcast) operands.
///
/// Shapes: (n) x (n) gives a 0-d dot product; (m, n) x (n, p) gives (m, p); a 1-d operand is
/// treated as a row (left) or column (right) and that dim is removed from the result; for more
/// dims the leading (batch) dims broadcast. Both operands must have the same dtype and device
/// (CPU: OpenBLAS for float/double; CUDA: cuBLAS).
/// @throws tl::Error with PyTorch's message when the inner dims differ, e.g.
/// `mat1 and mat2 shapes cannot be multiplied (3x2 and 3x2)`, or when dtypes/devices differ.
/// @code
/// auto a = tl::rand({3, 2});
/// auto b = tl::rand({3, 2});
/// auto c = tl::matmul(a, b.t());   // shape (3, 3); tl::matmul(a, b) throws
/// @endcode
Tensor matmul(const Tensor& a, const Tensor& b);
/// @brief Matrix product of two 2-d tensors.
Tensor mm(const Tensor& a, const Tensor& b);
/// @brief Batched matrix product of two 3-d tensors with equal batch size.
Tensor bmm(const Tensor& a, const Tensor& b);
/// @brief Transpose of a tensor of at most 2 dims.
Tensor t(const Tensor& a);
/// @brief Swaps two dims.
Tensor transpose(const Tensor& a, int64_t dim0, int64_t dim1);

/// @brief Smallest element.
Tensor min(const Tensor& a);
/// @brief Largest element.
Tensor max(const Tensor& a);
/// @brief (values, indices) of the minimum along `dim`.
std::tuple<Tensor, Tensor> min(const Tensor& a, int64_t dim, bool keepdim = false);
/// @brief (values, indices) of the maximum along `dim`.
std::tuple<Tensor, Tensor> max(const Tensor& a, int64_t dim, bool keepdim = false);
/// @brief Sum of all elements.
Tensor sum(const Tensor& a, std::optional<ScalarType> dtype = std::nullopt);
/// @brief Sum over `dims`.
Tensor sum(const Tensor& a, IntArrayRef dims, bool keepdim = false, std::optional<ScalarType> dtype = std::nullopt);
/// @brief Mean of all elements (floating dtypes only).
Tensor mean(const Tensor& a, std::optional<ScalarType> dtype = std::nullopt);
/// @brief Mean over `dims`.
Tensor mean(const Tensor& a, IntArrayRef dims, bool keepdim = false, std::optional<ScalarType> dtype = std::nullopt);
/// @brief Index of the smallest element.
Tensor argmin(const Tensor& a, std::optional<int64_t> dim = std::nullopt, bool keepdim = false);
/// @brief Index of the largest element.
Tensor argmax(const Tensor& a, std::optional<int64_t> dim = std::nullopt, bool keepdim = false);

/// @brief Same data, new shape.
Tensor reshape(const Tensor& a, IntArrayRef shape);
/// @brief Removes every size-1 dim.
Tensor squeeze(const Tensor& a);
/// @brief Removes dim `d` when it has size 1.
Tensor squeeze(const Tensor& a, int64_t d);
/// @brief Inserts a size-1 dim at `d`.
Tensor unsqueeze(const Tensor& a, int64_t d);
/// @brief Reorders dims.
Tensor permute(const Tensor& a, IntArrayRef dims);
/// @brief Flattens dims `start_dim..end_dim`.
Tensor flatten(const Tensor& a, int64_t start_dim = 0, int64_t end_dim = -1);
/// @brief Joins same-shaped tensors along a new dim `dim`.
Tensor stack(const std::vector<Tensor>& tensors, int64_t dim = 0);
/// @brief Joins tensors along existing dim `dim`.
Tensor cat(const std::vector<Tensor>& tensors, int64_t dim = 0);

}  // namespace tl
