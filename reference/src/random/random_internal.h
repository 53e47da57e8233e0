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
#include "core/memory_overlap.h"
#include "core/strided_loop.h"
#include "tl/generator.h"
#include "tl/tensor.h"

namespace tl::detail {

/// The CPU generator to draw from: `gen` if given (it must be a CPU one), else the default.
CPUGeneratorImpl* cpu_generator(const std::optional<Generator>& gen);

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

/// The raw draw behind one uniform sample of T: one engine output, two for double.
template <typename T>
using uniform_bits_t = std::conditional_t<std::is_same_v<T, double>, uint64_t, uint32_t>;

/// A uniform sample in [from, to) from its raw draw: the low `digits` bits scaled by
/// 2^-digits, then `x * (to - from) + from` as one fused multiply-add.
template <typename T>
[[gnu::always_inline]] inline dist_acc_t<T> uniform_from_bits(uniform_bits_t<T> bits, T from, T to) {
  constexpr int digits = mantissa_digits<T>();
  constexpr uniform_bits_t<T> mask = (uniform_bits_t<T>{1} << digits) - 1;
  using Acc = dist_acc_t<T>;
  constexpr Acc scale = Acc(1) / static_cast<Acc>(uint64_t{1} << digits);
  // The masked bits fit a signed integer exactly: its conversion vectorises, an unsigned one not.
  using Signed = std::make_signed_t<uniform_bits_t<T>>;
  const Acc x = static_cast<Acc>(static_cast<Signed>(bits & mask)) * scale;
  if constexpr (std::is_same_v<T, Half>) {
    const float range = Half(static_cast<float>(to) - static_cast<float>(from));  // c10::Half - Half is a Half
    return std::fma(x, range, static_cast<float>(from));
  } else {
    return std::fma(x, to - from, from);
  }
}

/// One uniform sample in [from, to), drawn now (random64 for double).
template <typename T>
dist_acc_t<T> uniform_real(CPUGeneratorImpl* gen, T from, T to) {
  if constexpr (std::is_same_v<T, double>) return uniform_from_bits<T>(gen->random64(), from, to);
  else return uniform_from_bits<T>(gen->random(), from, to);
}

/// `d[i] = uniform_real<T>(gen, from, to)` for i < n, in order: the engine writes a block of
/// outputs at once (its bulk path), then the arithmetic runs over the block, which vectorises
/// (the same operations per element, so the same bits).
template <typename T>
[[gnu::always_inline]] inline void uniform_fill(T* d, int64_t n, T from, T to, CPUGeneratorImpl* gen) {
  constexpr int64_t kBlock = 256;
  constexpr int64_t kWords = sizeof(uniform_bits_t<T>) / sizeof(uint32_t);
  uint32_t words[kBlock * kWords];
  for (int64_t i = 0; i < n; i += kBlock) {
    const int64_t m = std::min(kBlock, n - i);
    gen->random_fill(words, m * kWords);
    for (int64_t k = 0; k < m; ++k) {
      uniform_bits_t<T> bits = words[k * kWords];
      if constexpr (kWords == 2) bits = bits << 32 | words[k * kWords + 1];  // random64: first draw high
      d[i + k] = static_cast<T>(uniform_from_bits<T>(bits, from, to));
    }
  }
}

/// Box–Muller in double from two double uniforms, returning `r cos θ` and caching `r sin θ`
/// in the generator for the next call (PyTorch's `normal_distribution<double>`).
double normal_double(CPUGeneratorImpl* gen, double mean, double std);

}  // namespace tl::detail
