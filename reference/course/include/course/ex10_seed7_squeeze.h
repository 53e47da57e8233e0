#pragma once
/// @file ex10_seed7_squeeze.h
/// @brief Exercise ex10-seed7-squeeze: the notebook's exercise 10, "Make a random tensor with
/// shape (1, 1, 1, 10) and then create a new tensor with all the 1 dimensions removed to be
/// left with a tensor of shape (10). Set the seed to 7 when you create it and print out the
/// first tensor and its shape as well as the second tensor and its shape".
///
/// Read exercises/ex10-seed7-squeeze/README.md first. Run the tests with
/// `ctest -L ex10-seed7-squeeze`.

#include <cstdint>
#include <ostream>

#include <tl/tl.h>

namespace course {

/// @brief The two tensors of exercise 10.
struct Squeezed {
  tl::Tensor tensor_D;  ///< `torch.rand(1, 1, 1, 10)` after `torch.manual_seed(seed)`
  tl::Tensor tensor_E;  ///< `tensor_D.squeeze()`: shape (10), a view of tensor_D's memory
};

/// @brief `torch.manual_seed(seed)`, `tensor_D = torch.rand(1, 1, 1, 10)`,
/// `tensor_E = tensor_D.squeeze()`.
///
/// With seed 7, tensor_E is `tensor([0.5349, 0.1988, 0.6592, 0.6569, 0.2328, 0.4251, 0.2071,
/// 0.6297, 0.3653, 0.8513])`. tensor_E shares tensor_D's memory (squeezing copies nothing).
Squeezed seed7_squeeze(uint64_t seed = 7);

/// @brief Python's `print(t, t.shape)`: the tensor as PyTorch prints it, one space, its shape
/// as `torch.Size([...])`, and a newline, written to `os`.
/// @code
/// auto s = course::seed7_squeeze();
/// course::print_with_shape(std::cout, s.tensor_E);
/// // tensor([0.5349, 0.1988, 0.6592, 0.6569, 0.2328, 0.4251, 0.2071, 0.6297, 0.3653,
/// //         0.8513]) torch.Size([10])
/// @endcode
void print_with_shape(std::ostream& os, const tl::Tensor& t);

}  // namespace course
