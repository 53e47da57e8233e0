#pragma once
/// @file init.h
/// @brief Parameter initialisation (`tl::nn::init::kaiming_uniform_`, `uniform_`, ...), with
/// PyTorch 1.13's `torch.nn.init` arithmetic (bounds computed in double, as Python does).

#include <cstdint>
#include <tuple>

#include "tl/tensor.h"

namespace tl {

/// @brief Which fan Kaiming initialisation scales by.
enum class FanModeType { FanIn, FanOut };
constexpr FanModeType kFanIn = FanModeType::FanIn;    ///< Keep the forward pass's variance.
constexpr FanModeType kFanOut = FanModeType::FanOut;  ///< Keep the backward pass's variance.

/// @brief The non-linearity a gain is computed for (LibTorch's `torch::nn::init::NonlinearityType`).
enum class NonlinearityType {
  Linear, Conv1D, Conv2D, Conv3D, ConvTranspose1D, ConvTranspose2D, ConvTranspose3D,
  Sigmoid, Tanh, ReLU, LeakyReLU
};
constexpr NonlinearityType kLinear = NonlinearityType::Linear;                    ///< gain 1
constexpr NonlinearityType kConv1D = NonlinearityType::Conv1D;                    ///< gain 1
constexpr NonlinearityType kConv2D = NonlinearityType::Conv2D;                    ///< gain 1
constexpr NonlinearityType kConv3D = NonlinearityType::Conv3D;                    ///< gain 1
constexpr NonlinearityType kConvTranspose1D = NonlinearityType::ConvTranspose1D;  ///< gain 1
constexpr NonlinearityType kConvTranspose2D = NonlinearityType::ConvTranspose2D;  ///< gain 1
constexpr NonlinearityType kConvTranspose3D = NonlinearityType::ConvTranspose3D;  ///< gain 1
constexpr NonlinearityType kSigmoid = NonlinearityType::Sigmoid;                  ///< gain 1
constexpr NonlinearityType kTanh = NonlinearityType::Tanh;                        ///< gain 5/3
constexpr NonlinearityType kReLU = NonlinearityType::ReLU;                        ///< gain sqrt(2)
constexpr NonlinearityType kLeakyReLU = NonlinearityType::LeakyReLU;              ///< gain sqrt(2 / (1 + slope²))

namespace nn::init {

/// @brief The recommended gain for a non-linearity; `param` is leaky ReLU's negative slope.
///
/// Example: `tl::nn::init::calculate_gain(tl::kLeakyReLU, std::sqrt(5.0))` is sqrt(1/3).
double calculate_gain(NonlinearityType nonlinearity, double param = 0.01);

/// @brief (fan_in, fan_out) of a weight of shape (out, in, *kernel): in·∏kernel, out·∏kernel.
/// Throws ValueError for tensors of fewer than 2 dims.
std::tuple<int64_t, int64_t> _calculate_fan_in_and_fan_out(const Tensor& tensor);

/// @brief Fills `tensor` with uniform samples in [low, high) and returns it.
Tensor uniform_(Tensor tensor, double low = 0, double high = 1);

/// @brief Fills `tensor` with normal samples and returns it.
Tensor normal_(Tensor tensor, double mean = 0, double std = 1);

/// @brief He initialisation: uniform in ±gain·sqrt(3 / fan), fan chosen by `mode`.
///
/// A zero-element tensor is left as it is. `nn::Linear` uses `a = sqrt(5)`:
/// @code
/// auto w = tl::empty({6, 2});
/// tl::nn::init::kaiming_uniform_(w, std::sqrt(5.0));   // uniform in ±1/sqrt(2)
/// @endcode
Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanModeType mode = kFanIn,
                        NonlinearityType nonlinearity = kLeakyReLU);

}  // namespace nn::init
}  // namespace tl
