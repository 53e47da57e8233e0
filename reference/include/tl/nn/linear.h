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
  /// @brief `in_features` inputs, `out_features` outputs, with a bias. Sizes are not
  /// checked here (a negative one fails when the layer is built).
  /// @code
  /// auto opts = tl::nn::LinearOptions(2, 6);
  /// @endcode
  LinearOptions(int64_t in_features, int64_t out_features) : in_features_(in_features), out_features_(out_features) {}
  /// @brief Sets the input size and returns `*this` for chaining.
  /// @code
  /// auto opts = tl::nn::LinearOptions(2, 6).in_features(3);
  /// @endcode
  LinearOptions& in_features(int64_t v) { in_features_ = v; return *this; }
  /// @brief Sets the output size and returns `*this` for chaining.
  /// @code
  /// auto opts = tl::nn::LinearOptions(2, 6).out_features(1);
  /// @endcode
  LinearOptions& out_features(int64_t v) { out_features_ = v; return *this; }
  /// @brief Sets whether the layer adds a learned bias (default true); returns `*this`.
  /// @code
  /// tl::nn::Linear lin(tl::nn::LinearOptions(3, 1).bias(false));   // lin->bias is undefined
  /// @endcode
  LinearOptions& bias(bool v) { bias_ = v; return *this; }
  /// @brief The input size.
  /// @code
  /// int64_t n = tl::nn::LinearOptions(2, 6).in_features();   // 2
  /// @endcode
  int64_t in_features() const { return in_features_; }
  /// @brief The output size.
  /// @code
  /// int64_t n = tl::nn::LinearOptions(2, 6).out_features();   // 6
  /// @endcode
  int64_t out_features() const { return out_features_; }
  /// @brief Whether there is a bias.
  /// @code
  /// bool b = tl::nn::LinearOptions(2, 6).bias();   // true
  /// @endcode
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
  /// @brief A layer with `in_features` inputs and `out_features` outputs, with a bias,
  /// initialised from the default CPU generator (float32 parameters on the CPU).
  /// @throws tl::Error for a negative size (`Trying to create tensor with negative dimension ...`).
  /// @code
  /// auto impl = std::make_shared<tl::nn::LinearImpl>(2, 6);
  /// tl::nn::Linear lin(impl);
  /// @endcode
  LinearImpl(int64_t in_features, int64_t out_features) : LinearImpl(LinearOptions(in_features, out_features)) {}
  /// @brief A layer as `options` describe, initialised as `reset()` does.
  /// @throws tl::Error as `LinearImpl(in_features, out_features)`.
  /// @code
  /// tl::nn::LinearImpl impl(tl::nn::LinearOptions(4, 2).bias(false));
  /// @endcode
  explicit LinearImpl(const LinearOptions& options);
  /// @brief Re-creates `weight` and `bias` from `options` (new tensors, registered as
  /// parameters) and initialises them with `reset_parameters()`.
  /// @code
  /// tl::nn::Linear lin(2, 6);
  /// lin->options.out_features(3);
  /// lin->reset();   // lin->weight now has shape (3, 2)
  /// @endcode
  void reset();
  /// @brief Re-initialises the parameters in place as PyTorch does: kaiming-uniform weight
  /// (a = sqrt(5)), then a bias uniform in ±1/sqrt(in_features), both drawn from the default
  /// CPU generator.
  /// @code
  /// tl::nn::Linear lin(2, 6);
  /// tl::manual_seed(42);
  /// lin->reset_parameters();   // same values as tl::manual_seed(42); tl::nn::Linear(2, 6)
  /// @endcode
  void reset_parameters();
  /// @brief `torch.nn.functional.linear`: `input.matmul(weight.t()) + bias`.
  ///
  /// `input` has shape (..., in_features) and dtype float32 (the parameters' dtype); the
  /// result has shape (..., out_features).
  /// @throws tl::Error as `tl::matmul`, e.g. `mat1 and mat2 shapes cannot be multiplied (3x4
  /// and 2x6)` when the last dim of `input` is not `in_features`.
  /// @code
  /// tl::nn::Linear lin(2, 6);
  /// auto y = lin->forward(tl::rand({3, 2}));   // shape (3, 6); lin(x) is the same
  /// @endcode
  Tensor forward(const Tensor& input);
  /// @brief Writes `tl::nn::Linear(in_features=2, out_features=6, bias=true)` (with this layer's
  /// sizes) to `os`, as `std::cout << lin` does.
  /// @code
  /// tl::nn::Linear lin(2, 6);
  /// lin->pretty_print(std::cout);
  /// @endcode
  void pretty_print(std::ostream& os) const override;

  LinearOptions options;  ///< The sizes and bias flag it was built with (read by `reset()`).
  Tensor weight;          ///< The weight A, shape (out_features, in_features), float32.
  Tensor bias;            ///< The bias b, shape (out_features), float32; undefined without bias.
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
  /// @brief The constructors of `ModuleHolder`: `Linear(in, out)`, `Linear(LinearOptions)`,
  /// `Linear(nullptr)` (empty) or `Linear(std::shared_ptr<LinearImpl>)`.
  using ModuleHolder<LinearImpl>::ModuleHolder;
};

}  // namespace tl::nn
