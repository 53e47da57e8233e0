#pragma once
/// @file 07_linear.h
/// @brief Exercise 07-linear: the linear (fully connected) layer `y = x · Aᵀ + b`, its
/// forward pass and PyTorch's default initialisation (notebook section "Matrix
/// multiplication": `torch.nn.Linear`).
///
/// Read exercises/07-linear/README.md first. Run the tests with `ctest -L 07-linear`.

#include <cstdint>

#include <tl/nn/linear.h>
#include <tl/random.h>
#include <tl/tl.h>

namespace course {

/// @brief The forward pass of a linear layer: `x.matmul(weight.t()) + bias`.
///
/// - `x`: shape `(..., in_features)` (a single sample `(in_features)`, a batch
///   `(n, in_features)`, or more leading dims);
/// - `weight`: shape `(out_features, in_features)` (note: out first, hence the transpose);
/// - `bias`: shape `(out_features)`, or an undefined tensor (`tl::Tensor()`) for no bias.
///
/// The result has shape `(..., out_features)`. Shape mistakes raise `tl::matmul`'s error,
/// e.g. `mat1 and mat2 shapes cannot be multiplied (3x3 and 2x6)`.
tl::Tensor linear_forward(const tl::Tensor& x, const tl::Tensor& weight, const tl::Tensor& bias);

/// @brief What the notebook's linear-layer cell computes.
struct NotebookLinear {
  tl::Tensor weight;  ///< the layer's weight, shape (6, 2)
  tl::Tensor bias;    ///< the layer's bias, shape (6)
  tl::Tensor output;  ///< `linear(tensor_A)`, shape (3, 6)
};

/// @brief The notebook's cell: `torch.manual_seed(42)`, `nn.Linear(in_features=2,
/// out_features=6)`, applied to `tensor_A = [[1., 2.], [3., 4.], [5., 6.]]` (float32).
///
/// Use `tl::manual_seed`, `tl::nn::Linear` and its `forward` (or call it: `linear(x)`).
/// `output` prints as the notebook's
/// `tensor([[2.2368, 1.2292, 0.4714, 0.3864, 0.1309, 0.9838], ...])`.
NotebookLinear notebook_linear();

/// @brief The parameters of a linear layer.
struct LinearParams {
  tl::Tensor weight;  ///< (out_features, in_features), float32
  tl::Tensor bias;    ///< (out_features), float32; undefined when there is no bias
};

/// @brief `nn.Linear`'s default initialisation by hand, drawing from the default generator,
/// so that after the same `tl::manual_seed` it equals `tl::nn::Linear`'s parameters bit for bit.
///
/// PyTorch 1.13 (`reset_parameters`), with every bound computed in double as Python does:
/// 1. weight: Kaiming-uniform with `a = sqrt(5)`: `gain = sqrt(2 / (1 + a * a))`,
///    `std = gain / sqrt(fan_in)`, `bound = sqrt(3) * std`; fill uniformly in
///    `[-bound, bound)` (`Tensor::uniform_`). `fan_in` is `in_features`. A weight with no
///    elements is left alone (no draws).
/// 2. then, if there is a bias: `bound = 1 / sqrt(fan_in)` (0 when `fan_in` is 0); fill
///    uniformly in `[-bound, bound)`.
///
/// Do not call `tl::nn::init` or `tl::nn::Linear`: compute the bounds yourself.
LinearParams linear_init_by_hand(int64_t in_features, int64_t out_features, bool bias = true);

}  // namespace course
