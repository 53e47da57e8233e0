#pragma once
/// @file ex09_argmax_argmin.h
/// @brief Exercise ex09-argmax-argmin: the notebook's exercise 9, "Find the maximum and
/// minimum index values of the output of 7".
///
/// Read exercises/ex09-argmax-argmin/README.md first. Run the tests with
/// `ctest -L ex09-argmax-argmin`.

#include <tl/tl.h>

namespace course {

/// @brief Where the largest and smallest values of a tensor are.
struct ArgMaxMin {
  tl::Tensor argmax;  ///< `torch.argmax(tensor_C)`: 0-d, int64, on the input's device
  tl::Tensor argmin;  ///< `torch.argmin(tensor_C)`: 0-d, int64, on the input's device
};

/// @brief `torch.argmax(tensor_C)` and `torch.argmin(tensor_C)`: positions in the tensor read
/// as if flattened in row-major order.
///
/// For exercise 7's output: `tensor(3)` and `tensor(0)`. Ties give the first position; a NaN
/// counts as the largest and the smallest value. An empty tensor is PyTorch's error:
/// `argmax(): Expected reduction dim to be specified for input.numel() == 0.`
ArgMaxMin argmax_argmin(const tl::Tensor& tensor_C);

}  // namespace course
