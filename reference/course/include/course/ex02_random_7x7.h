#pragma once
/// @file ex02_random_7x7.h
/// @brief Exercise ex02-random-7x7: the notebook's exercise 2, "Create a random tensor with
/// shape (7, 7)".
///
/// Read exercises/ex02-random-7x7/README.md first. Run the tests with `ctest -L ex02-random-7x7`.

#include <tl/tl.h>

namespace course {

/// @brief A random tensor of shape (7, 7): Python's `torch.rand(7, 7)`.
///
/// float32 values in [0, 1) on the CPU, drawn from the default generator, so that
/// `tl::manual_seed(42)` before the call makes it reproducible (and equal to PyTorch's).
/// Do not seed inside: the caller decides the seed.
/// @code
/// tl::manual_seed(42);
/// std::cout << course::random_7x7() << "\n";   // tensor([[0.8823, 0.9150, 0.3829, ...
/// @endcode
tl::Tensor random_7x7();

}  // namespace course
