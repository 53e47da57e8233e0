// Exercise 07-linear. The task is in exercises/07-linear/README.md.
#include "course/07_linear.h"

#include <cmath>

#include <course/todo.h>

namespace course {

tl::Tensor linear_forward(const tl::Tensor& x, const tl::Tensor& weight, const tl::Tensor& bias) {
  // BEGIN SOLUTION 07-linear
  tl::Tensor y = tl::matmul(x, weight.t());  // (..., in) @ (in, out) -> (..., out)
  if (bias.defined()) y = y + bias;          // broadcast over the leading dims
  return y;
  // END SOLUTION
}

NotebookLinear notebook_linear() {
  // BEGIN SOLUTION 07-linear
  tl::manual_seed(42);
  tl::nn::Linear linear(/*in_features=*/2, /*out_features=*/6);
  const tl::Tensor tensor_A = tl::tensor({{1, 2}, {3, 4}, {5, 6}}, tl::kFloat);
  return {linear->weight, linear->bias, linear(tensor_A)};
  // END SOLUTION
}

LinearParams linear_init_by_hand(int64_t in_features, int64_t out_features, bool bias) {
  // BEGIN SOLUTION 07-linear
  LinearParams p;
  p.weight = tl::empty({out_features, in_features});
  const double fan_in = static_cast<double>(in_features);
  if (p.weight.numel() > 0) {  // PyTorch skips zero-element tensors
    const double a = std::sqrt(5.0);
    const double gain = std::sqrt(2.0 / (1 + a * a));  // leaky ReLU gain
    const double std = gain / std::sqrt(fan_in);
    const double bound = std::sqrt(3.0) * std;
    p.weight.uniform_(-bound, bound);
  }
  if (bias) {
    const double bound = in_features > 0 ? 1 / std::sqrt(fan_in) : 0;
    p.bias = tl::empty({out_features});
    p.bias.uniform_(-bound, bound);
  }
  return p;
  // END SOLUTION
}

}  // namespace course
