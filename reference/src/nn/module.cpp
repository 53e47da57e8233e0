// The Module base: the parameter registry and printing.
#include "tl/nn/module.h"

#include <ostream>

namespace tl::nn {

std::vector<Tensor> Module::parameters() const {
  std::vector<Tensor> out;
  out.reserve(parameters_.size());
  for (const auto& [name, tensor] : parameters_) out.push_back(tensor);
  return out;
}

Tensor& Module::register_parameter(std::string name, Tensor tensor) {
  for (auto& [existing, t] : parameters_) {
    if (existing == name) return t = std::move(tensor);  // re-registering (reset) replaces
  }
  parameters_.emplace_back(std::move(name), std::move(tensor));
  return parameters_.back().second;
}

std::ostream& operator<<(std::ostream& os, const Module& module) {
  module.pretty_print(os);
  return os;
}

}  // namespace tl::nn
