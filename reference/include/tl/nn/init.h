#pragma once
/// @file init.h
/// @brief Parameter initialisation (`tl::nn::init::kaiming_uniform_`, `uniform_`, ...), with
/// PyTorch 1.13's `torch.nn.init` arithmetic (bounds computed in double, as Python does).

#include <cstdint>
#include <tuple>

#include "tl/tensor.h"

namespace tl {

/// @brief Which fan Kaiming initialisation scales by (LibTorch's `torch::nn::init::FanModeType`).
enum class FanModeType {
  FanIn,   ///< The number of inputs (`mode="fan_in"`).
  FanOut   ///< The number of outputs (`mode="fan_out"`).
};
constexpr FanModeType kFanIn = FanModeType::FanIn;    ///< Keep the forward pass's variance.
constexpr FanModeType kFanOut = FanModeType::FanOut;  ///< Keep the backward pass's variance.

/// @brief The non-linearity a gain is computed for (LibTorch's `torch::nn::init::NonlinearityType`).
enum class NonlinearityType {
  Linear,           ///< `"linear"`, gain 1.
  Conv1D,           ///< `"conv1d"`, gain 1.
  Conv2D,           ///< `"conv2d"`, gain 1.
  Conv3D,           ///< `"conv3d"`, gain 1.
  ConvTranspose1D,  ///< `"conv_transpose1d"`, gain 1.
  ConvTranspose2D,  ///< `"conv_transpose2d"`, gain 1.
  ConvTranspose3D,  ///< `"conv_transpose3d"`, gain 1.
  Sigmoid,          ///< `"sigmoid"`, gain 1.
  Tanh,             ///< `"tanh"`, gain 5/3.
  ReLU,             ///< `"relu"`, gain sqrt(2).
  LeakyReLU         ///< `"leaky_relu"`, gain sqrt(2 / (1 + slope²)).
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

/// @brief `torch.nn.init.calculate_gain`: the recommended gain for a non-linearity; `param` is
/// leaky ReLU's negative slope (ignored for the others). Never throws.
/// @code
/// double g = tl::nn::init::calculate_gain(tl::kLeakyReLU, std::sqrt(5.0));   // sqrt(1/3)
/// double r = tl::nn::init::calculate_gain(tl::kReLU);                         // sqrt(2)
/// @endcode
double calculate_gain(NonlinearityType nonlinearity, double param = 0.01);

/// @brief `torch.nn.init._calculate_fan_in_and_fan_out`: (fan_in, fan_out) of a weight of shape
/// (out, in, *kernel), i.e. in·∏kernel and out·∏kernel. Any dtype and device.
/// @throws tl::Error (ValueError) for fewer than 2 dims: `Fan in and fan out can not be computed
/// for tensor with fewer than 2 dimensions`.
/// @code
/// auto [fan_in, fan_out] = tl::nn::init::_calculate_fan_in_and_fan_out(tl::empty({6, 2}));   // (2, 6)
/// @endcode
std::tuple<int64_t, int64_t> _calculate_fan_in_and_fan_out(const Tensor& tensor);

/// @brief `torch.nn.init.uniform_`: fills `tensor` in place with uniform samples in [low, high)
/// from the default generator and returns it (a handle to the same storage).
/// @throws tl::Error as `Tensor::uniform_`: for a non-floating dtype (`"check_uniform_bounds" not
/// implemented for 'Long'`) or `low > high` (`uniform_ expects to return a [from, to) range, but
/// found from=1 > to=0`).
/// @code
/// auto b = tl::empty({6});
/// tl::nn::init::uniform_(b, -0.5, 0.5);
/// @endcode
Tensor uniform_(Tensor tensor, double low = 0, double high = 1);

/// @brief `torch.nn.init.normal_`: fills `tensor` in place with normal samples of the given
/// mean and standard deviation from the default generator and returns it.
/// @throws tl::Error as `Tensor::normal_`: `normal expects std >= 0.0, but found std -1` for a
/// negative `std`, `"normal_kernel_cpu" not implemented for 'Long'` for a non-floating dtype.
/// @code
/// auto w = tl::empty({3, 3});
/// tl::nn::init::normal_(w, 0.0, 0.02);
/// @endcode
Tensor normal_(Tensor tensor, double mean = 0, double std = 1);

/// @brief `torch.nn.init.kaiming_uniform_` (He initialisation): fills `tensor` in place with
/// uniform samples in ±gain·sqrt(3 / fan) and returns it; gain is `calculate_gain(nonlinearity, a)`,
/// fan is chosen by `mode`.
///
/// A zero-element tensor is left as it is. `tensor` must have at least 2 dims and a floating dtype.
/// @throws tl::Error (ValueError) `Fan in and fan out can not be computed for tensor with fewer
/// than 2 dimensions`, or as `uniform_` for a non-floating dtype.
///
/// `nn::Linear` uses `a = sqrt(5)`:
/// @code
/// auto w = tl::empty({6, 2});
/// tl::nn::init::kaiming_uniform_(w, std::sqrt(5.0));   // uniform in ±1/sqrt(2)
/// @endcode
Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanModeType mode = kFanIn,
                        NonlinearityType nonlinearity = kLeakyReLU);

}  // namespace nn::init
}  // namespace tl
