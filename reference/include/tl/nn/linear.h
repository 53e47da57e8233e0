#pragma once
/// @file linear.h
/// @brief `tl::nn::Linear`: y = x · Aᵀ + b, initialised exactly as PyTorch 1.13's `nn.Linear`.

#include <cstdint>
#include <iosfwd>

#include "tl/nn/module.h"
#include "tl/tensor.h"

namespace tl::nn {

/// @brief Constructor options of `Linear`, as LibTorch's `torch::nn::LinearOptions`.
///
/// Example: `tl::nn::Linear lin(tl::nn::LinearOptions(3, 1).bias(false));`
class LinearOptions {
 public:
  /// @brief `in_features` inputs, `out_features` outputs, with a bias.
  LinearOptions(int64_t in_features, int64_t out_features) : in_features_(in_features), out_features_(out_features) {}
  /// @brief Sets the input size.
  LinearOptions& in_features(int64_t v) { in_features_ = v; return *this; }
  /// @brief Sets the output size.
  LinearOptions& out_features(int64_t v) { out_features_ = v; return *this; }
  /// @brief Whether the layer adds a learned bias (default true).
  LinearOptions& bias(bool v) { bias_ = v; return *this; }
  /// @brief The input size.
  int64_t in_features() const { return in_features_; }
  /// @brief The output size.
  int64_t out_features() const { return out_features_; }
  /// @brief Whether there is a bias.
  bool bias() const { return bias_; }

 private:
  int64_t in_features_;
  int64_t out_features_;
  bool bias_ = true;
};

/// @brief The implementation behind `tl::nn::Linear` (reach it with `->`).
///
/// `weight` has shape (out_features, in_features), `bias` (out_features). Construction
/// draws the weight then the bias from the default CPU generator, so after
/// `tl::manual_seed(42)` the values equal Python's `torch.manual_seed(42); nn.Linear(...)`.
class LinearImpl : public Module {
 public:
  /// @brief A layer with `in_features` inputs and `out_features` outputs, with a bias.
  LinearImpl(int64_t in_features, int64_t out_features) : LinearImpl(LinearOptions(in_features, out_features)) {}
  /// @brief A layer as `options` describe.
  explicit LinearImpl(const LinearOptions& options);
  /// @brief Re-creates the parameters and re-initialises them.
  void reset();
  /// @brief Re-initialises the parameters as PyTorch does: kaiming-uniform weight (a = sqrt(5)),
  /// then a bias uniform in ±1/sqrt(in_features).
  void reset_parameters();
  /// @brief `input.matmul(weight.t()) + bias`; `input`'s last dim must be `in_features`.
  Tensor forward(const Tensor& input);
  /// @brief `tl::nn::Linear(in_features=2, out_features=6, bias=true)`.
  void pretty_print(std::ostream& os) const override;

  LinearOptions options;  ///< The sizes and bias flag it was built with.
  Tensor weight;          ///< (out_features, in_features)
  Tensor bias;            ///< (out_features), undefined without bias
};

/// @brief A fully connected layer, as LibTorch's `torch::nn::Linear`.
///
/// Example (the notebook's linear layer):
/// @code
/// tl::manual_seed(42);
/// tl::nn::Linear linear(2, 6);
/// auto x = tl::tensor({{1., 2.}, {3., 4.}, {5., 6.}});
/// auto y = linear(x);         // tensor([[2.2368, 1.2292, 0.4714, 0.3864, 0.1309, 0.9838], ...
/// auto w = linear->weight;    // shape (6, 2)
/// @endcode
class Linear : public ModuleHolder<LinearImpl> {
 public:
  using ModuleHolder<LinearImpl>::ModuleHolder;
};

}  // namespace tl::nn
