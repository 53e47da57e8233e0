// torch.nn.init's arithmetic: gains, fans and the bounds handed to uniform_, all in double.
#include "tl/nn/init.h"

#include <cmath>

namespace tl::nn::init {

double calculate_gain(NonlinearityType nonlinearity, double param) {
  switch (nonlinearity) {
    case kTanh: return 5.0 / 3;
    case kReLU: return std::sqrt(2.0);
    case kLeakyReLU: {
      // Squared in its own statement so a compiler fusing within expressions (clang) keeps the
      // rounding Python does (sqrt(5)**2 is 5.000000000000001).
      const double slope_squared = param * param;
      return std::sqrt(2.0 / (1 + slope_squared));
    }
    default: return 1;
  }
}

std::tuple<int64_t, int64_t> _calculate_fan_in_and_fan_out(const Tensor& tensor) {
  TL_CHECK_KIND(tensor.dim() >= 2, ValueError,
                "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
  int64_t receptive_field = 1;
  for (int64_t d = 2; d < tensor.dim(); ++d) receptive_field *= tensor.size(d);
  return {tensor.size(1) * receptive_field, tensor.size(0) * receptive_field};
}

Tensor uniform_(Tensor tensor, double low, double high) {
  tensor.uniform_(low, high);
  return tensor;
}

Tensor normal_(Tensor tensor, double mean, double std) {
  tensor.normal_(mean, std);
  return tensor;
}

Tensor kaiming_uniform_(Tensor tensor, double a, FanModeType mode, NonlinearityType nonlinearity) {
  if (tensor.numel() == 0) return tensor;  // Python warns "Initializing zero-element tensors is a no-op"
  const auto [fan_in, fan_out] = _calculate_fan_in_and_fan_out(tensor);
  const double fan = static_cast<double>(mode == kFanIn ? fan_in : fan_out);
  const double std = calculate_gain(nonlinearity, a) / std::sqrt(fan);
  const double bound = std::sqrt(3.0) * std;
  tensor.uniform_(-bound, bound);
  return tensor;
}

}  // namespace tl::nn::init
