// nn::Linear: parameters, PyTorch's default initialisation, and the forward pass.
#include "tl/nn/linear.h"

#include <cmath>
#include <ostream>

#include "tl/factory.h"
#include "tl/nn/init.h"
#include "tl/ops.h"

namespace tl::nn {

LinearImpl::LinearImpl(const LinearOptions& options_) : options(options_) { reset(); }

void LinearImpl::reset() {
  weight = register_parameter("weight", empty({options.out_features(), options.in_features()}));
  if (options.bias()) {
    bias = register_parameter("bias", empty({options.out_features()}));
  } else {
    bias = Tensor();
  }
  reset_parameters();
}

void LinearImpl::reset_parameters() {
  // torch/nn/modules/linear.py: a = sqrt(5) makes the weight bound 1/sqrt(fan_in) too.
  init::kaiming_uniform_(weight, std::sqrt(5.0));
  if (bias.defined()) {
    const auto fan_in = std::get<0>(init::_calculate_fan_in_and_fan_out(weight));
    const double bound = fan_in > 0 ? 1 / std::sqrt(static_cast<double>(fan_in)) : 0;
    init::uniform_(bias, -bound, bound);
  }
}

Tensor LinearImpl::forward(const Tensor& input) {
  // F.linear: matmul with the transposed weight (its shape error names both operands), then
  // the bias; PyTorch's fused addmm gives the same bits here.
  Tensor out = matmul(input, weight.t());
  if (bias.defined()) out.add_(bias);
  return out;
}

void LinearImpl::pretty_print(std::ostream& os) const {
  os << "tl::nn::Linear(in_features=" << options.in_features() << ", out_features=" << options.out_features()
     << ", bias=" << (options.bias() ? "true" : "false") << ")";
}

}  // namespace tl::nn
