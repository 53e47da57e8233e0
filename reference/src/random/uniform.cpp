// Uniform samples: Tensor::uniform_, rand, rand_like.
#include "core/parallel.h"
#include "random/random_internal.h"
#include "tl/factory.h"
#include "tl/random.h"

namespace tl {
namespace {

// A contiguous tensor draws in memory order, in blocks (uniform_fill): a portable copy and
// an AVX2 + FMA copy where the block arithmetic is 8 lanes wide and std::fma one instruction.
template <typename T>
void uniform_contiguous_portable(T* d, int64_t n, T lo, T hi, CPUGeneratorImpl* gen) {
  detail::uniform_fill(d, n, lo, hi, gen);
}

#if TL_X86_KERNELS
template <typename T>
TL_TARGET_AVX2 void uniform_contiguous_avx2(T* d, int64_t n, T lo, T hi, CPUGeneratorImpl* gen) {
  detail::uniform_fill(d, n, lo, hi, gen);
}
#endif

}  // namespace

Tensor& Tensor::uniform_(double from, double to, std::optional<Generator> generator) {
  TL_CHECK(is_floating_point(), "\"check_uniform_bounds\" not implemented for '", scalar_type_name(dtype()), "'");
  dispatch(dtype(), [&]<typename T>() {
    if constexpr (detail::is_float_type<T>) {
      constexpr double max = detail::float_type_max<T>();
      const char* name = detail::type_meta_name(dtype());
      TL_CHECK(from >= -max && from <= max, "from is out of bounds for ", name);
      TL_CHECK(to >= -max && to <= max, "to is out of bounds for ", name);
      TL_CHECK(from <= to, "uniform_ expects to return a [from, to) range, but found from=", from, " > to=", to);
      TL_CHECK(to - from <= max, "uniform_ expects to-from <= std::numeric_limits<", scalar_type_name(dtype()),
               ">::max(), but found to=", to, " and from=", from, " which result in to-from to exceed the limit");
    }
  });
  if (is_cuda()) {
    detail::cuda_random_fill(*this, {detail::RandomFill::Kind::Uniform, from, to}, detail::generator_ptr(generator));
    return *this;
  }
  detail::check_no_internal_overlap(*this);
  CPUGeneratorImpl* gen = detail::cpu_generator(generator);
  std::lock_guard<std::mutex> lock(gen->mutex_);
  dispatch(dtype(), [&]<typename T>() {
    if constexpr (detail::is_float_type<T>) {
      // The bounds are rounded to the tensor's type before the kernel sees them.
      const T lo = detail::cast_value<T>(from), hi = detail::cast_value<T>(to);
      if (is_contiguous()) {
        T* d = static_cast<T*>(data_ptr());
#if TL_X86_KERNELS
        if (detail::cpu_has_avx2()) return uniform_contiguous_avx2(d, numel(), lo, hi, gen);
#endif
        return uniform_contiguous_portable(d, numel(), lo, hi, gen);
      }
      detail::fill_serial<T>(*this, [&] { return static_cast<T>(detail::uniform_real<T>(gen, lo, hi)); });
    }
  });
  return *this;
}

Tensor rand(IntArrayRef size, const TensorOptions& options) { return rand(size, std::nullopt, options); }

Tensor rand(IntArrayRef size, std::optional<Generator> generator, const TensorOptions& options) {
  Tensor out = empty(size, options);
  out.uniform_(0, 1, std::move(generator));
  return out;
}

Tensor rand_like(const Tensor& like, const TensorOptions& options) {
  return rand(like.sizes(), detail::like_options(like, options));
}

}  // namespace tl
