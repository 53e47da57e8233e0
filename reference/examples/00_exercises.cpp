// The reference solutions of the notebook's exercises 2-10, in C++ with tl, printing what the
// Python solutions show. Each exercise's output starts with `=== exercise N: <title> ===`.
//
// Device-agnostic like the notebook: the tensors go to CUDA when there is a GPU, else they
// stay on the CPU, and the numbers are the same either way because they are drawn on the
// CPU (tl::manual_seed(1234); tl::rand) before the move. tests/test_notebook.cpp compares
// the output with PyTorch 1.13.1's on a CPU machine (tests/fixtures/exercises.json);
// exercises 2 and 3 use unseeded random numbers and are not compared.
#include <iostream>
#include <string>

#include "jupyter.h"
#include "tl/tl.h"

int main() {
  using nb::exercise;
  using nb::show;

  try {
    exercise(2, "Create a random tensor with shape (7, 7)");
    auto X = tl::rand({7, 7});
    show(X, X.sizes());

    exercise(3, "Matrix multiply it with a random (1, 7) tensor");
    auto Y = tl::rand({1, 7});
    // tl::matmul(X, Y) would throw: (7x7) @ (1x7) needs Y transposed.
    auto Z = tl::matmul(X, Y.t());
    show(Z, Z.sizes());

    exercise(4, "Seed 0, then 2 and 3 again");
    tl::manual_seed(0);
    X = tl::rand({7, 7});
    Y = tl::rand({1, 7});
    Z = tl::matmul(X, Y.t());
    show(Z, Z.sizes());  // (tensor([[1.8542], [1.9611], ...]), torch.Size([7, 1]))

    exercise(5, "Set the GPU random seed to 1234");
    tl::cuda::manual_seed(1234);  // shows nothing, as torch.cuda.manual_seed returns None

    exercise(6, "Two random (2, 3) tensors on the device, seed 1234");
    tl::manual_seed(1234);
    const std::string device = tl::cuda::is_available() ? "cuda" : "cpu";
    std::cout << "Device: " << device << "\n";
    auto tensor_A = tl::rand({2, 3}).to(tl::Device(device));
    auto tensor_B = tl::rand({2, 3}).to(tl::Device(device));
    show(tensor_A, tensor_B);  // 0.0290, 0.4019, ...

    exercise(7, "Matrix multiply the tensors from 6");
    // tl::matmul(tensor_A, tensor_B) would throw: (2x3) @ (2x3).
    auto tensor_C = tl::matmul(tensor_A, tensor_B.t());
    show(tensor_C, tensor_C.sizes());

    exercise(8, "Maximum and minimum of the output of 7");
    auto max = tl::max(tensor_C);
    auto min = tl::min(tensor_C);
    show(max, min);

    exercise(9, "Index of the maximum and minimum of the output of 7");
    auto arg_max = tl::argmax(tensor_C);
    auto arg_min = tl::argmin(tensor_C);
    show(arg_max, arg_min);

    exercise(10, "Seed 7, a (1, 1, 1, 10) tensor squeezed to (10)");
    tl::manual_seed(7);
    auto tensor_D = tl::rand({1, 1, 1, 10});
    auto tensor_E = tensor_D.squeeze();  // removes every dim of size 1
    std::cout << tensor_D << " " << tensor_D.sizes() << "\n";
    std::cout << tensor_E << " " << tensor_E.sizes() << "\n";  // ... torch.Size([10])
  } catch (const tl::Error& e) {
    std::cout << "\nexercises_00 stopped: " << tl::error_kind_name(e.kind()) << ": " << e.what() << "\n";
    return 1;
  }
  return 0;
}
