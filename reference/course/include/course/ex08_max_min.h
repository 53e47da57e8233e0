#pragma once
/// @file ex08_max_min.h
/// @brief Exercise ex08-max-min: the notebook's exercise 8, "Find the maximum and minimum
/// values of the output of 7".
///
/// Read exercises/ex08-max-min/README.md first. Run the tests with `ctest -L ex08-max-min`.

#include <tl/tl.h>

namespace course {

/// @brief The largest and smallest value of a tensor.
struct MaxMin {
  tl::Tensor max;  ///< `torch.max(tensor_C)`: 0-d, same dtype and device as the input
  tl::Tensor min;  ///< `torch.min(tensor_C)`: 0-d, same dtype and device as the input
};

/// @brief `torch.max(tensor_C)` and `torch.min(tensor_C)` over all elements, any shape, any
/// dtype, on the tensor's device.
///
/// For exercise 7's output: `tensor(0.5617)` and `tensor(0.3647)`. A NaN anywhere makes both
/// NaN. An empty tensor is PyTorch's error: `max(): Expected reduction dim to be specified for
/// input.numel() == 0. Specify the reduction dim with the 'dim' argument.`
MaxMin max_min(const tl::Tensor& tensor_C);

}  // namespace course
