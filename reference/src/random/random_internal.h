#pragma once
// Shared pieces of the CPU random kernels: picking the generator, PyTorch's element order
// for strided tensors, and the mappings from raw engine draws to numbers
// (ATen's TransformationHelper.h and DistributionsHelper.h, re-derived).
//
// PyTorch's kernels are compiled with FMA contraction, so every `a * b + c` they evaluate
// is one fused multiply-add; the code here spells each of them as std::fma and keeps every
// other product unfused, which makes the results independent of our compiler's flags.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <type_traits>

#include "core/cuda_bridge.h"
#include "core/strided_loop.h"
#include "tl/generator.h"
#include "tl/tensor.h"

namespace tl::detail {

/// The CPU generator to draw from: `gen` if given (it must be a CPU one), else the default.
CPUGeneratorImpl* cpu_generator(const std::optional<Generator>& gen);

/// Throws PyTorch's error when two elements of `t` share memory (an expanded tensor).
void check_no_internal_overlap(const Tensor& t);

/// The C++ type name PyTorch prints in bounds errors: "float", "c10::Half", "long int", ...
const char* type_meta_name(ScalarType t);

/// Options for a `*_like` tensor: `like`'s dtype and device unless `options` sets them.
inline TensorOptions like_options(const Tensor& like, const TensorOptions& options) {
  return TensorOptions(options.dtype_or(like.dtype())).device(options.has_device() ? options.device() : like.device());
}

/// `generator` as the pointer the CUDA bridge takes (null for the default one).
inline const Generator* generator_ptr(const std::optional<Generator>& gen) { return gen ? &*gen : nullptr; }

/// `self`'s dims in TensorIterator's order, outermost first: sorted so the innermost loop
/// walks the smallest stride, i.e. memory order. This is the order in which PyTorch's serial
/// kernels draw numbers for a non-contiguous tensor (for a contiguous one: row-major).
void iteration_order(const Tensor& self, Sizes& sizes, Sizes& strides);

/// Writes `draw()` into every element of `self` (of C++ type T), in PyTorch's order.
template <typename T, typename Draw>
void fill_serial(const Tensor& self, Draw&& draw) {
  Sizes sizes, strides;
  iteration_order(self, sizes, strides);
  T* base = static_cast<T*>(self.data_ptr());
  for_each_run<1>(sizes, {IntArrayRef(strides)},
                  [&](const std::array<int64_t, 1>& offset, int64_t n, const std::array<int64_t, 1>& step) {
                    T* p = base + offset[0];
                    for (int64_t i = 0; i < n; ++i) p[i * step[0]] = draw();
                  });
}

/// True for the floating element types (the ones uniform and normal samples exist for).
template <typename T>
constexpr bool is_float_type = std::is_same_v<T, float> || std::is_same_v<T, double> || std::is_same_v<T, Half>;

/// Largest finite value of a floating element type, as a double (lowest is its negation).
template <typename T>
constexpr double float_type_max() {
  if constexpr (std::is_same_v<T, Half>) return 65504.0;
  else return static_cast<double>(std::numeric_limits<T>::max());
}

/// The type PyTorch computes a sample of T in (`dist_acctype`): float for half, else T.
template <typename T>
using dist_acc_t = std::conditional_t<std::is_same_v<T, Half>, float, T>;

/// Mantissa bits of T, counting the implicit one (`std::numeric_limits<T>::digits`).
template <typename T>
constexpr int mantissa_digits() {
  if constexpr (std::is_same_v<T, Half>) return 11;
  else if constexpr (std::is_same_v<T, float>) return 24;
  else return 53;
}

/// A uniform sample in [from, to): the low `digits` bits of one draw (random64 for double)
/// scaled by 2^-digits, then `x * (to - from) + from` as one fused multiply-add.
template <typename T>
dist_acc_t<T> uniform_real(CPUGeneratorImpl* gen, T from, T to) {
  constexpr int digits = mantissa_digits<T>();
  constexpr uint64_t mask = (uint64_t{1} << digits) - 1;
  using Acc = dist_acc_t<T>;
  constexpr Acc scale = Acc(1) / static_cast<Acc>(uint64_t{1} << digits);
  if constexpr (std::is_same_v<T, double>) {
    const double x = static_cast<double>(gen->random64() & mask) * scale;
    return std::fma(x, to - from, from);
  } else if constexpr (std::is_same_v<T, Half>) {
    const float x = static_cast<float>(gen->random() & mask) * scale;
    const float range = Half(static_cast<float>(to) - static_cast<float>(from));  // c10::Half - Half is a Half
    return std::fma(x, range, static_cast<float>(from));
  } else {
    const float x = static_cast<float>(gen->random() & mask) * scale;
    return std::fma(x, to - from, from);
  }
}

/// `d[i] = uniform_real<float>(gen, from, to)` for i < n, in order: first the draws (their
/// low 24 bits, exact as floats) for a block, then the arithmetic over the block, which
/// vectorises (the same operations per element, so the same bits).
[[gnu::always_inline]] inline void uniform_fill_float(float* d, int64_t n, float from, float to,
                                                      CPUGeneratorImpl* gen) {
  constexpr int64_t kBlock = 256;
  constexpr uint32_t mask = (uint32_t{1} << 24) - 1;
  constexpr float scale = 1.0f / static_cast<float>(uint32_t{1} << 24);
  const float range = to - from;
  for (int64_t i = 0; i < n; i += kBlock) {
    float* block = d + i;
    const int64_t m = std::min(kBlock, n - i);
    for (int64_t k = 0; k < m; ++k) block[k] = static_cast<float>(static_cast<int32_t>(gen->random() & mask));
    for (int64_t k = 0; k < m; ++k) block[k] = std::fma(block[k] * scale, range, from);
  }
}

/// Box–Muller in double from two double uniforms, returning `r cos θ` and caching `r sin θ`
/// in the generator for the next call (PyTorch's `normal_distribution<double>`).
double normal_double(CPUGeneratorImpl* gen, double mean, double std);

}  // namespace tl::detail
