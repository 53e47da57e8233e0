#pragma once
/// @file 08_aggregation.h
/// @brief Exercise 08-aggregation: min, max, mean and sum, and the positions of the min and
/// max (notebook sections "Finding the min, max, mean, sum, etc (aggregation)" and
/// "Positional min/max").
///
/// Read exercises/08-aggregation/README.md first. Run the tests with `ctest -L 08-aggregation`.

#include <cstdint>

#include <tl/tl.h>

namespace course {

/// @brief The mean of all elements, for any dtype: the notebook's fix for `x.mean()` failing
/// on integers.
///
/// `tl::mean` only accepts floating tensors (`mean(): could not infer output dtype...`), so
/// integer and bool tensors are first converted to float32 (`x.type(torch.float32).mean()`);
/// float16/32/64 tensors keep their dtype. Returns a 0-d tensor; the mean of an empty
/// tensor is NaN.
tl::Tensor mean_any(const tl::Tensor& x);

/// @brief What the notebook prints for `x`.
struct Aggregates {
  tl::Tensor min;   ///< `x.min()`: 0-d, x's dtype
  tl::Tensor max;   ///< `x.max()`: 0-d, x's dtype
  tl::Tensor mean;  ///< `mean_any(x)`: 0-d, floating
  tl::Tensor sum;   ///< `x.sum()`: 0-d; integers and bool sum to int64
};

/// @brief The notebook's aggregation cell with `tl`'s reductions: for
/// `x = tl::arange(0, 100, 10)`, min `0`, max `90`, mean `45.` (float32), sum `450`.
/// `x` is any non-empty tensor whose dtype is not bool.
Aggregates aggregate(const tl::Tensor& x);

/// @brief `x.argmax()` by hand: the position of the largest element in `x` read in row-major
/// order (as if flattened), as an int64.
///
/// The first occurrence wins on ties (`-0.0` and `0.0` are equal), and a NaN counts as larger
/// than anything (so the first NaN wins). Works for any shape and strides and for every dtype
/// but bool. Throws `tl::Error` with PyTorch's message:
/// - bool: `"argmax_cpu" not implemented for 'Bool'`;
/// - no elements: `argmax(): Expected reduction dim to be specified for input.numel() == 0.`
///   (an IndexError: use `TL_CHECK_KIND(cond, IndexError, ...)`).
/// @code
/// course::argmax_by_hand(tl::arange(10, 100, 10));   // 8
/// @endcode
int64_t argmax_by_hand(const tl::Tensor& x);

/// @brief `x.argmin()` by hand: as `argmax_by_hand` for the smallest element (a NaN counts
/// as smaller than anything; messages say `argmin`).
int64_t argmin_by_hand(const tl::Tensor& x);

}  // namespace course
