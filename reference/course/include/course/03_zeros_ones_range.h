#pragma once
/// @file 03_zeros_ones_range.h
/// @brief Exercise 03-zeros-ones-range: `zeros`, `ones`, `arange` and tensors "like"
/// another (notebook sections "Zeros and ones" and "Creating a range and tensors like").
///
/// Read exercises/03-zeros-ones-range/README.md first. Run the tests with
/// `ctest -L 03-zeros-ones-range`.

#include <cstdint>

#include <tl/tl.h>

namespace course {

/// @brief The tensors of the notebook's cells.
struct NotebookFactories {
  tl::Tensor zeros;        ///< `torch.zeros(size=(3, 4))`: float32.
  tl::Tensor ones;         ///< `torch.ones(size=(3, 4))`: float32.
  tl::Tensor zero_to_ten;  ///< `torch.arange(start=0, end=10, step=1)`: int64 0..9.
  tl::Tensor ten_zeros;    ///< `torch.zeros_like(input=zero_to_ten)`: int64, ten zeros.
};

/// @brief Builds the notebook's tensors with `tl::zeros`, `tl::ones`, `tl::arange` and
/// `tl::zeros_like`.
NotebookFactories make_notebook_factories();

/// @brief How many values `arange(start, end, step)` produces, by PyTorch's rules.
///
/// - All three integers: exact integer arithmetic, `ceil((end - start) / step)`.
/// - Otherwise (any of them floating): `ceil((end - start) / step)` computed in double.
///
/// Checks, in this order, each throwing `tl::Error` with PyTorch's message:
/// 1. `step must be nonzero`
/// 2. `unsupported range: 0 -> inf` (start or end is not finite; both printed as
///    `std::ostream` prints a double)
/// 3. `upper bound and larger bound inconsistent with step sign` (e.g. start 10, end 0, step 1)
/// @code
/// course::arange_length(0, 10, 1);     // 10
/// course::arange_length(0, 10, 3);     // 4: 0, 3, 6, 9
/// course::arange_length(0.0, 1.0, 0.3);// 4: 0, 0.3, 0.6, 0.9
/// course::arange_length(5, 5, 1);      // 0
/// @endcode
int64_t arange_length(const tl::Scalar& start, const tl::Scalar& end, const tl::Scalar& step);

/// @brief `tl::arange(start, end, step)` by hand: a new 1-d tensor filled through `data_ptr`.
///
/// - dtype: int64 when `start`, `end` and `step` are all integers, else float32 (the
///   default dtype).
/// - length: as `arange_length` (with its errors).
/// - element `i`: `start + step * i`, computed in int64 for int64 results and in double
///   (then rounded to float) for float32 results, as PyTorch's CPU kernel does.
/// @code
/// course::arange_by_hand(0, 10, 1);    // tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
/// course::arange_by_hand(1.0, 8.0, 1); // tensor([1., 2., 3., 4., 5., 6., 7.])
/// @endcode
tl::Tensor arange_by_hand(const tl::Scalar& start, const tl::Scalar& end, const tl::Scalar& step = 1);

/// @brief `torch.full_like(like, value)`: a new tensor with the shape, dtype and device of
/// `like`, every element set to `value` (converted to that dtype, as `fill_` does).
///
/// The result owns new memory (never a view of `like`), and `like` is unchanged.
/// `full_like_by_hand(x, 0)` is `zeros_like(x)`, `full_like_by_hand(x, 1)` is `ones_like(x)`.
tl::Tensor full_like_by_hand(const tl::Tensor& like, const tl::Scalar& value);

}  // namespace course
