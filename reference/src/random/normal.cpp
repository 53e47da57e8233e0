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
[[gnu::always_inline]] inline void box_muller_16(float* d, float mean, float std) {
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
[[gnu::always_inline]] inline void box_muller_16(double* d, double mean, double std) {
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
[[gnu::always_inline]] inline void box_muller_16(Half* d, Half mean, Half std) {
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
[[gnu::always_inline]] inline void fill_uniform01(T* d, int64_t n, CPUGeneratorImpl* gen) {
  detail::uniform_fill(d, n, T(0.0f), T(1.0f), gen);
}

#if TL_X86_KERNELS
// box_muller_16(float*) on 8 lanes at once, as PyTorch's normal_fill_16_AVX2.
[[gnu::always_inline]] TL_TARGET_AVX2 inline void box_muller_16_avx2(float* d, float mean, float std) {
  const __m256 u1 = _mm256_sub_ps(_mm256_set1_ps(1.0f), _mm256_loadu_ps(d));
  const __m256 u2 = _mm256_loadu_ps(d + 8);
  const __m256 radius = _mm256_sqrt_ps(_mm256_mul_ps(_mm256_set1_ps(-2.0f), detail::avx2::log8(u1)));
  const __m256 theta = _mm256_mul_ps(_mm256_set1_ps(static_cast<float>(2.0 * std::numbers::pi)), u2);
  __m256 s, c;
  detail::avx2::sincos8(theta, &s, &c);
  const __m256 std_v = _mm256_set1_ps(std), mean_v = _mm256_set1_ps(mean);
  _mm256_storeu_ps(d, _mm256_fmadd_ps(_mm256_mul_ps(radius, c), std_v, mean_v));
  _mm256_storeu_ps(d + 8, _mm256_fmadd_ps(_mm256_mul_ps(radius, s), std_v, mean_v));
}

// Blocks [0, n / 16) of d, two at a time: their independent chains of dependent
// operations overlap in the CPU, the arithmetic of each block stays the same.
TL_TARGET_AVX2 void box_muller_blocks_avx2(float* d, int64_t blocks, float mean, float std) {
  int64_t b = 0;
  for (; b + 2 <= blocks; b += 2) {
    box_muller_16_avx2(d + 16 * b, mean, std);
    box_muller_16_avx2(d + 16 * b + 16, mean, std);
  }
  if (b < blocks) box_muller_16_avx2(d + 16 * b, mean, std);
}
#endif

// Inlined into a portable and an AVX2 + FMA copy (std::fma is one instruction there).
template <typename T, bool kAvx2>
[[gnu::always_inline]] inline void normal_fill_impl(T* d, int64_t n, T mean, T std, CPUGeneratorImpl* gen) {
  auto transform = [&](T* block) {
#if TL_X86_KERNELS
    if constexpr (kAvx2 && std::is_same_v<T, float>) return box_muller_blocks_avx2(block, 1, mean, std);
#endif
    box_muller_16(block, mean, std);
  };
  fill_uniform01(d, n, gen);
#if TL_X86_KERNELS
  if constexpr (kAvx2 && std::is_same_v<T, float>) {
    box_muller_blocks_avx2(d, n / 16, mean, std);
  } else
#endif
  {
    for (int64_t i = 0; i + 16 <= n; i += 16) transform(d + i);
  }
  if (n % 16 != 0) {
    T* tail = d + n - 16;  // overlaps the last full block; its values are replaced
    fill_uniform01(tail, 16, gen);
    transform(tail);
  }
}

template <typename T>
void normal_fill_portable(T* d, int64_t n, T mean, T std, CPUGeneratorImpl* gen) {
  normal_fill_impl<T, false>(d, n, mean, std, gen);
}

#if TL_X86_KERNELS
template <typename T>
TL_TARGET_AVX2 void normal_fill_avx2(T* d, int64_t n, T mean, T std, CPUGeneratorImpl* gen) {
  normal_fill_impl<T, true>(d, n, mean, std, gen);
}
#endif

template <typename T>
void normal_fill(T* d, int64_t n, T mean, T std, CPUGeneratorImpl* gen) {
#if TL_X86_KERNELS
  if (detail::cpu_has_avx2()) return normal_fill_avx2(d, n, mean, std, gen);
#endif
  normal_fill_portable(d, n, mean, std, gen);
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
