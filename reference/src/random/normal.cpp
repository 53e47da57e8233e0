// Normal samples: Tensor::normal_, randn, normal, randn_like.
//
// PyTorch's CPU kernel has two paths. A contiguous tensor of 16 or more elements is first
// filled with uniforms, then transformed 16 at a time by Box–Muller in the tensor's own type
// (element j and j+8 of a block form one pair); when the size is not a multiple of 16, the
// last 16 slots get fresh uniforms and are transformed again. Anything else draws one double
// Box–Muller sample per element, in memory order, caching the pair's second value.
#include <numbers>

#include "random/avx2_math.h"
#include "random/random_internal.h"
#include "tl/factory.h"
#include "tl/random.h"

namespace tl {
namespace {

// float: the AVX2 kernel PyTorch's x86 build runs (approximate log and sincos).
void box_muller_16(float* d, float mean, float std) {
  const float two_pi = static_cast<float>(2.0 * std::numbers::pi);
  for (int j = 0; j < 8; ++j) {
    const float u1 = 1.0f - d[j];
    const float radius = std::sqrt(-2.0f * detail::avx2::log(u1));
    const float theta = two_pi * d[j + 8];
    float s, c;
    detail::avx2::sincos(theta, &s, &c);
    d[j] = std::fma(radius * c, std, mean);
    d[j + 8] = std::fma(radius * s, std, mean);
  }
}

// double: the portable kernel with libm.
void box_muller_16(double* d, double mean, double std) {
  for (int j = 0; j < 8; ++j) {
    const double u1 = 1.0 - d[j];
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double theta = 2.0 * std::numbers::pi * d[j + 8];
    d[j] = std::fma(radius * std::cos(theta), std, mean);
    d[j + 8] = std::fma(radius * std::sin(theta), std, mean);
  }
}

// half: the portable kernel, where every named intermediate is itself a half (rounded),
// the functions run in float and the angle is computed in double.
void box_muller_16(Half* d, Half mean, Half std) {
  for (int j = 0; j < 8; ++j) {
    const Half u1 = Half(1.0f - static_cast<float>(d[j]));
    const Half radius = Half(std::sqrt(-2.0f * std::log(static_cast<float>(u1))));
    const Half theta = Half(static_cast<float>(2.0 * std::numbers::pi * static_cast<float>(d[j + 8])));
    const float r = radius, t = theta;
    d[j] = Half(std::fma(r * std::cos(t), static_cast<float>(std), static_cast<float>(mean)));
    d[j + 8] = Half(std::fma(r * std::sin(t), static_cast<float>(std), static_cast<float>(mean)));
  }
}

template <typename T>
void fill_uniform01(T* d, int64_t n, CPUGeneratorImpl* gen) {
  for (int64_t i = 0; i < n; ++i) d[i] = static_cast<T>(detail::uniform_real<T>(gen, T(0.0f), T(1.0f)));
}

template <typename T>
void normal_fill(T* d, int64_t n, T mean, T std, CPUGeneratorImpl* gen) {
  fill_uniform01(d, n, gen);
  for (int64_t i = 0; i + 16 <= n; i += 16) box_muller_16(d + i, mean, std);
  if (n % 16 != 0) {
    T* tail = d + n - 16;  // overlaps the last full block; its values are replaced
    fill_uniform01(tail, 16, gen);
    box_muller_16(tail, mean, std);
  }
}

}  // namespace

Tensor& Tensor::normal_(double mean, double std, std::optional<Generator> generator) {
  TL_CHECK(std >= 0.0, "normal expects std >= 0.0, but found std ", std);
  if (is_cuda()) {
    detail::cuda_random_fill(*this, {detail::RandomFill::Kind::Normal, mean, std}, detail::generator_ptr(generator));
    return *this;
  }
  CPUGeneratorImpl* gen = detail::cpu_generator(generator);
  TL_CHECK(is_floating_point(), "\"normal_kernel_cpu\" not implemented for '", scalar_type_name(dtype()), "'");
  const int64_t n = numel();
  const bool blocks = n >= 16 && is_contiguous();
  if (!blocks) detail::check_no_internal_overlap(*this);
  std::lock_guard<std::mutex> lock(gen->mutex_);
  dispatch(dtype(), [&]<typename T>() {
    if constexpr (detail::is_float_type<T>) {
      if (blocks) {
        normal_fill<T>(static_cast<T*>(data_ptr()), n, detail::cast_value<T>(mean), detail::cast_value<T>(std), gen);
      } else {
        detail::fill_serial<T>(*this, [&] { return detail::cast_value<T>(detail::normal_double(gen, mean, std)); });
      }
    }
  });
  return *this;
}

Tensor randn(IntArrayRef size, const TensorOptions& options) { return randn(size, std::nullopt, options); }

Tensor randn(IntArrayRef size, std::optional<Generator> generator, const TensorOptions& options) {
  return normal(0, 1, size, std::move(generator), options);
}

Tensor normal(double mean, double std, IntArrayRef size, std::optional<Generator> generator,
              const TensorOptions& options) {
  Tensor out = empty(size, options);
  out.normal_(mean, std, std::move(generator));
  return out;
}

Tensor randn_like(const Tensor& like, const TensorOptions& options) {
  return randn(like.sizes(), detail::like_options(like, options));
}

}  // namespace tl
