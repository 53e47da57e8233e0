#pragma once
/// @file 10_indexing.h
/// @brief Exercise 10-indexing: selecting data from tensors with integers and slices, and
/// where the selected data lives (notebook section "Indexing (selecting data from tensors)").
///
/// Read exercises/10-indexing/README.md first. Run the tests with `ctest -L 10-indexing`.

#include <cstdint>
#include <optional>

#include <tl/tl.h>

namespace course {

/// @brief The notebook's indexing expressions on `x = torch.arange(1, 10).reshape(1, 3, 3)`.
struct NotebookIndexing {
  tl::Tensor first;   ///< `x[0]`: shape (3, 3)
  tl::Tensor second;  ///< `x[0][0]`: `tensor([1, 2, 3])`
  int64_t third;      ///< `x[0][0][0]` as a number: 1
  tl::Tensor col0;    ///< `x[:, 0]`: `tensor([[1, 2, 3]])`
  tl::Tensor col1;    ///< `x[:, :, 1]`: `tensor([[2, 5, 8]])`
  tl::Tensor center;  ///< `x[:, 1, 1]`: `tensor([5])`
  tl::Tensor row;     ///< `x[0, 0, :]`: `tensor([1, 2, 3])` (same as `x[0][0]`)
};

/// @brief Evaluates the notebook's expressions on `x` (any 3-d integer tensor of at least
/// (1, 2, 2) elements) with `x[i]` and `x.index({...})`.
/// Every tensor field must be a view of `x` (indexing never copies).
NotebookIndexing notebook_indexing(const tl::Tensor& x);

/// @brief Where `x[i0][i1]...` starts in `x`'s storage, in elements: `x.storage_offset()`
/// plus `index[d] * x.stride(d)` for each given index.
///
/// `index` may hold fewer entries than `x` has dims (then it is the offset of the first
/// element of the sub-tensor `x[i0]...`). Negative entries count from the end of their dim.
/// Errors (`tl::Error` of kind IndexError, PyTorch's messages):
/// - `index 5 is out of bounds for dimension 1 with size 3` (the index as given, e.g. `-4`);
/// - `too many indices for tensor of dimension 3`.
/// @code
/// auto x = tl::arange(1, 10).reshape({1, 3, 3});
/// course::element_offset(x, {0, 1, 1});        // 4: where the 5 is
/// course::element_offset(x[0].t(), {2, 0});    // 2: the 3 (a transpose swaps the strides)
/// @endcode
int64_t element_offset(const tl::Tensor& x, tl::IntArrayRef index);

/// @brief Start and length of the slice `start:stop:step` of a dim of `size` elements.
struct SliceBounds {
  int64_t start;   ///< the first index taken (after clamping)
  int64_t length;  ///< how many indices are taken
};

/// @brief PyTorch's rules for `x[start:stop:step]` along a dim of `size`:
/// a missing `start` is 0 and a missing `stop` is `size`; a negative one gets `size` added;
/// then `start` is clamped to `[0, size]` and `stop` to `[start, size]`; the length is
/// `ceil((stop - start) / step)`.
///
/// Throws `tl::Error` of kind ValueError `step must be greater than zero` when `step <= 0`
/// (PyTorch has no negative steps).
/// @code
/// course::slice_bounds(5, std::nullopt, std::nullopt, 2);   // {0, 3}: 0, 2, 4
/// course::slice_bounds(5, -2, std::nullopt, 1);             // {3, 2}: 3, 4
/// course::slice_bounds(5, 10, 20, 1);                       // {5, 0}: empty
/// @endcode
SliceBounds slice_bounds(int64_t size, std::optional<int64_t> start, std::optional<int64_t> stop, int64_t step = 1);

}  // namespace course
