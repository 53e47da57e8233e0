#pragma once
/// @file 09_reshape.h
/// @brief Exercise 09-reshape: reshape, view, stack, squeeze, unsqueeze and permute — and
/// which of them share memory with the original (notebook section "Reshaping, stacking,
/// squeezing and unsqueezing").
///
/// Read exercises/09-reshape/README.md first. Run the tests with `ctest -L 09-reshape`.

#include <cstdint>
#include <vector>

#include <tl/tl.h>

namespace course {

/// @brief The tensors of the notebook's cells, in the order they are made.
struct Reshapes {
  tl::Tensor x_reshaped;    ///< `x.reshape(1, n)`: a view of x
  tl::Tensor z;             ///< `x.view(1, n)`: a view of x
  tl::Tensor x_stacked;     ///< `torch.stack([x, x, x, x], dim=0)` (after `z[:, 0] = 5`): new memory
  tl::Tensor x_squeezed;    ///< `x_reshaped.squeeze()`: a view of x
  tl::Tensor x_unsqueezed;  ///< `x_squeezed.unsqueeze(dim=0)`: a view of x
};

/// @brief Replays the notebook's cells on the 1-d tensor `x` of `n` elements (the notebook's
/// is `tl::arange(1., 8.)`):
/// 1. `x_reshaped = x.reshape(1, n)`, 2. `z = x.view(1, n)`, 3. `z[:, 0] = 5` (this changes
/// `x` too: z is a view), 4. `x_stacked = stack([x, x, x, x], dim=0)`,
/// 5. `x_squeezed = x_reshaped.squeeze()`, 6. `x_unsqueezed = x_squeezed.unsqueeze(0)`.
///
/// `x` is a handle: the caller sees `x[0] == 5` afterwards. Use `tl::indexing::Slice` and
/// `index_put_` for step 3.
Reshapes reshape_stack_squeeze(tl::Tensor x);

/// @brief The notebook's permute: an image of shape `(height, width, colour_channels)` as
/// `(colour_channels, height, width)` — `image_hwc.permute(2, 0, 1)`, a view that shares
/// memory with `image_hwc`. Throws `tl::Error` (permute's) when `image_hwc` is not 3-d.
tl::Tensor permute_to_chw(const tl::Tensor& image_hwc);

/// @brief The shape that `reshape`/`view` with `shape` gives a tensor of `numel` elements:
/// `shape` with its `-1` (if any) replaced by the size that makes the element counts agree.
///
/// Errors (`tl::Error`, PyTorch's messages, checked in this order):
/// - scanning `shape` left to right: a second `-1` → `only one dimension can be inferred`;
///   a size below -1 → `invalid shape dimension -2`;
/// - a `-1` where the other sizes multiply to 0 (so any size would do) →
///   `cannot reshape tensor of 0 elements into shape [-1, 0] because the unspecified
///   dimension size -1 can be any value and is ambiguous`;
/// - element counts that cannot agree → `shape '[3, 5]' is invalid for input of size 7`
///   (the shape as given, `-1` included, printed like `[-1, 4]`).
/// @code
/// course::infer_shape({1, -1}, 7);   // [1, 7]
/// course::infer_shape({-1}, 12);     // [12]
/// @endcode
tl::Sizes infer_shape(tl::IntArrayRef shape, int64_t numel);

/// @brief `tl::stack(tensors, dim)` by hand: a new tensor with a new dim of size
/// `tensors.size()` at `dim`, whose slice `i` along `dim` is `tensors[i]`.
///
/// Allocate the result (`tl::empty`), then copy each input into `result.select(dim, i)` with
/// `copy_`. The result's dtype is `tl::promote_types` of all the inputs' dtypes (as PyTorch's).
/// `dim` may be negative: it counts in the result's dims (`[-(ndim + 1), ndim]` for inputs of
/// `ndim` dims).
///
/// Errors (`tl::Error`, PyTorch's messages, in this order):
/// - no tensors: `stack expects a non-empty TensorList`;
/// - `dim` out of range: `Dimension out of range (expected to be in range of [-2, 1], but got 2)`
///   (an IndexError);
/// - different shapes: `stack expects each tensor to be equal size, but got [7] at entry 0 and
///   [6] at entry 1` (shapes printed as `[2, 3]`, the first mismatching entry).
tl::Tensor stack_by_hand(const std::vector<tl::Tensor>& tensors, int64_t dim = 0);

}  // namespace course
