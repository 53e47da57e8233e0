#pragma once
/// @file ex07_device_matmul.h
/// @brief Exercise ex07-device-matmul: the notebook's exercise 7, "Perform a matrix
/// multiplication on the tensors you created in 6 (again, you may have to adjust the shapes of
/// one of the tensors)".
///
/// Read exercises/ex07-device-matmul/README.md first. Run the tests with
/// `ctest -L ex07-device-matmul`.

#include <tl/tl.h>

namespace course {

/// @brief `torch.matmul(tensor_A, tensor_B.T)`: an (n, k) tensor times an (m, k) tensor whose
/// shape is fixed by a transpose, giving (n, m) on the inputs' device.
///
/// For exercise 6's tensors with seed 1234: `tensor([[0.3647, 0.4709], [0.5184, 0.5617]])`.
/// Works on any device the two tensors share, without moving them; the result keeps their
/// dtype. A shape that does not fit gives `tl::matmul`'s error:
/// `mat1 and mat2 shapes cannot be multiplied (2x3 and 4x2)`.
tl::Tensor device_matmul(const tl::Tensor& tensor_A, const tl::Tensor& tensor_B);

}  // namespace course
