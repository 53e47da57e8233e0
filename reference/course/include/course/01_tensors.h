#pragma once
/// @file 01_tensors.h
/// @brief Exercise 01-tensors: scalars, vectors, matrices and tensors; `ndim`, `shape`
/// and `item()` (notebook section "Introduction to tensors").
///
/// Read exercises/01-tensors/README.md first. Run the tests with `ctest -L 01-tensors`.

#include <cstdint>
#include <string_view>

#include <tl/tl.h>

namespace course {

/// @brief The four tensors of the notebook's "Creating tensors" cells.
struct NotebookTensors {
  tl::Tensor scalar;  ///< `torch.tensor(7)`: 0-d, int64.
  tl::Tensor vector;  ///< `torch.tensor([7, 7])`: shape [2], int64.
  tl::Tensor MATRIX;  ///< `torch.tensor([[7, 8], [9, 10]])`: shape [2, 2], int64.
  tl::Tensor TENSOR;  ///< `torch.tensor([[[1, 2, 3], [3, 6, 9], [2, 4, 5]]])`: shape [1, 3, 3], int64.
};

/// @brief Builds the notebook's `scalar`, `vector`, `MATRIX` and `TENSOR` with `tl::tensor`.
///
/// All four are int64 (C++ integer literals give int64, as Python's do).
/// @code
/// auto nb = course::make_notebook_tensors();
/// std::cout << nb.MATRIX << "\n";        // tensor([[ 7,  8],
///                                        //         [ 9, 10]])
/// std::cout << nb.TENSOR.sizes() << "\n"; // torch.Size([1, 3, 3])
/// @endcode
NotebookTensors make_notebook_tensors();

/// @brief The notebook's square-bracket trick: the number of dimensions of a tensor,
/// read from its printed form by counting the `[` right after `tensor(`.
///
/// - `"tensor(7)"` → 0, `"tensor([7, 7])"` → 1, `"tensor([[ 7,  8],\n        [ 9, 10]])"` → 2.
/// - Suffixes such as `, dtype=torch.float16` or `device='cuda:0'` do not count.
/// - An empty tensor prints as `tensor([], size=(0, 3))`: then the answer is the number of
///   entries in `size=(...)` (here 2). `tensor([])` alone is 1-d.
///
/// Throws `tl::Error` when `repr` does not start with `tensor(`.
int64_t ndim_from_repr(std::string_view repr);

/// @brief The number of elements a tensor of this shape holds (`numel`), by hand.
///
/// The product of the sizes; a 0-d shape `{}` holds one element (a scalar), any size 0
/// makes it empty. Throws `tl::Error` for a negative size.
/// @code
/// course::numel_from_shape({1, 3, 3});   // 9
/// course::numel_from_shape({});          // 1
/// @endcode
int64_t numel_from_shape(tl::IntArrayRef shape);

/// @brief `t.item()` by hand: the single value of a one-element tensor, read from memory.
///
/// Read the element through `t.data_ptr()` (it already points at the tensor's first
/// element, storage offset included) as the C++ type of `t.dtype()` (`tl::dispatch`), and
/// wrap it in a `tl::Scalar`: bool stays bool, integer types become an integer Scalar,
/// float16/32/64 a floating one. Works for any number of dims (`[[[5]]]` too) and for views.
/// Copy a GPU tensor to the CPU first (`t.cpu()`).
///
/// Throws `tl::Error` with LibTorch's message when `t` does not hold exactly one element:
/// `a Tensor with 4 elements cannot be converted to Scalar`.
tl::Scalar item_by_hand(const tl::Tensor& t);

}  // namespace course
