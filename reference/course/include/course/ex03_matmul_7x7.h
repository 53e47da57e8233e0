#pragma once
/// @file ex03_matmul_7x7.h
/// @brief Exercise ex03-matmul-7x7: the notebook's exercise 3, "Perform a matrix
/// multiplication on the tensor from 2 with another random tensor with shape (1, 7)".
///
/// Read exercises/ex03-matmul-7x7/README.md first. Run the tests with `ctest -L ex03-matmul-7x7`.

#include <tl/tl.h>

namespace course {

/// @brief `tensor` (shape (n, k)) times the row `row` (shape (1, k)) turned into a column:
/// Python's `torch.matmul(tensor, row.T)`, shape (n, 1).
///
/// `tensor @ row` fails (the inner dimensions k and 1 differ); transposing the row fixes it.
/// The result has the dtype of the inputs (float32, float64 or int64 alike); the inputs are
/// not changed. When even the transposed row does not fit, the `tl::Error` of `tl::matmul`
/// comes through: `mat1 and mat2 shapes cannot be multiplied (7x7 and 6x1)`.
/// @code
/// tl::manual_seed(0);
/// auto tensor = tl::rand({7, 7});
/// auto row = tl::rand({1, 7});
/// std::cout << course::matmul_with_row(tensor, row) << "\n";   // tensor([[1.8542], [1.9611], ...
/// @endcode
tl::Tensor matmul_with_row(const tl::Tensor& tensor, const tl::Tensor& row);

}  // namespace course
