// Random integers: Tensor::random_, randint, randint_like.
//
// A value is `from + r % range` with r one 32-bit draw, or one 64-bit draw when the range
// reaches 2^32 and the dtype is int64, float or double (PyTorch's random_from_to).
#include <limits>

#include "random/random_internal.h"
#include "tl/factory.h"
#include "tl/random.h"

namespace tl {
namespace {

constexpr uint64_t k32BitRange = uint64_t{1} << 32;

// x86 turns an out-of-range double -> int64 conversion into INT64_MIN; C++ leaves it undefined.
int64_t to_int64(double v) {
  const bool fits = v >= -9223372036854775808.0 && v < 9223372036854775808.0;
  return fits ? static_cast<int64_t>(v) : std::numeric_limits<int64_t>::min();
}

// Rounds an integer bound through T and back, as PyTorch's kernel does with every value.
template <typename T>
int64_t round_trip(int64_t v) {
  return to_int64(static_cast<double>(detail::cast_value<T>(v)));
}

// v + d with two's complement wrap-around (PyTorch computes from + 1 and to - 1 unchecked).
int64_t wrapping_add(int64_t v, int64_t d) { return static_cast<int64_t>(static_cast<uint64_t>(v) + static_cast<uint64_t>(d)); }

// floor(log2(|v|)), 0 for v == 0.
int floor_log2_abs(int64_t v) {
  uint64_t magnitude = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  int n = 0;
  while (magnitude >>= 1) ++n;
  return n;
}

// A floating dtype cannot hold every integer: move `from` up and `to` down to the nearest
// values that stay inside [from, to) after the cast (PyTorch's update_from / update_to).
template <typename T>
int64_t update_from(int64_t from) {
  const int64_t from_plus_1 = round_trip<T>(wrapping_add(from, 1));
  if (from_plus_1 < from) {
    const int shift = floor_log2_abs(wrapping_add(from, 1)) - detail::mantissa_digits<T>() + 1;
    from = wrapping_add(from_plus_1, int64_t{1} << shift);
  }
  return from;
}
template <typename T>
int64_t update_to(int64_t to) {
  const int64_t to_minus_1 = round_trip<T>(wrapping_add(to, -1));
  if (to_minus_1 >= to) {
    const int shift = floor_log2_abs(wrapping_add(to, -1)) - detail::mantissa_digits<T>() + 1;
    to = wrapping_add(to_minus_1, -(int64_t{1} << shift));
  }
  return to;
}

void check_from_to_in_range(int64_t from, int64_t to_inc, ScalarType dtype) {
  dispatch(dtype, [&]<typename T>() {
    const char* name = detail::type_meta_name(dtype);
    if constexpr (detail::is_float_type<T>) {
      // The int64 bounds are compared as doubles, as C++ compares them in PyTorch.
      constexpr double max = detail::float_type_max<T>();
      const double f = static_cast<double>(from), t = static_cast<double>(to_inc);
      TL_CHECK(f >= -max && f <= max, "from is out of bounds for ", name);
      TL_CHECK(t >= -max && t <= max, "to - 1 is out of bounds for ", name);
    } else {
      const auto min = static_cast<int64_t>(std::numeric_limits<T>::lowest());
      const auto max = static_cast<int64_t>(std::numeric_limits<T>::max());
      TL_CHECK(from >= min && from <= max, "from is out of bounds for ", name);
      TL_CHECK(to_inc >= min && to_inc <= max, "to - 1 is out of bounds for ", name);
    }
  });
}

// Fills with base + r % range; range 0 means all 2^64 values (from = INT64_MIN, no `to`).
void random_from_to_cpu(const Tensor& self, uint64_t range, int64_t base, CPUGeneratorImpl* gen) {
  dispatch(self.dtype(), [&]<typename T>() {
    constexpr bool wide = std::is_same_v<T, int64_t> || std::is_same_v<T, double> || std::is_same_v<T, float>;
    detail::fill_serial<T>(self, [&] {
      if (range == 0) return detail::cast_value<T>(static_cast<int64_t>(gen->random64()));
      const uint64_t r = wide && range >= k32BitRange ? gen->random64() : gen->random();
      return detail::cast_value<T>(static_cast<int64_t>(r % range + static_cast<uint64_t>(base)));
    });
  });
}

// random_() without bounds: [0, max] for integers, [0, 2^digits] for floats, {0, 1} for bool.
void random_full_cpu(const Tensor& self, CPUGeneratorImpl* gen) {
  dispatch(self.dtype(), [&]<typename T>() {
    detail::fill_serial<T>(self, [&] {
      if constexpr (std::is_same_v<T, bool>) {
        return static_cast<bool>(gen->random() & 1u);
      } else if constexpr (detail::is_float_type<T>) {
        const uint64_t r = std::is_same_v<T, double> ? gen->random64() : gen->random();
        return detail::cast_value<T>(r % ((uint64_t{1} << detail::mantissa_digits<T>()) + 1));
      } else {
        const uint64_t r = std::is_same_v<T, int64_t> ? gen->random64() : gen->random();
        return static_cast<T>(r % (static_cast<uint64_t>(std::numeric_limits<T>::max()) + 1));
      }
    });
  });
}

detail::RandomFill from_to_fill(uint64_t range, int64_t base) {
  detail::RandomFill fill;
  fill.kind = detail::RandomFill::Kind::FromTo;
  fill.range = range;
  fill.base = base;
  return fill;
}

}  // namespace

Tensor& Tensor::random_(int64_t from, std::optional<int64_t> to, std::optional<Generator> generator) {
  detail::check_no_internal_overlap(*this);
  uint64_t range = 0;  // 0: the full 64-bit range
  if (to) {
    TL_CHECK(from < *to, "random_ expects 'from' to be less than 'to', but got from=", from, " >= to=", *to);
    int64_t hi = *to;
    dispatch(dtype(), [&]<typename T>() {
      if constexpr (detail::is_float_type<T>) {
        from = update_from<T>(from);
        hi = update_to<T>(hi);
        TL_CHECK(from < hi, "random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but got from=",
                 from, " >= to=", hi);
      }
    });
    check_from_to_in_range(from, hi - 1, dtype());
    range = static_cast<uint64_t>(hi) - static_cast<uint64_t>(from);
  } else if (from != std::numeric_limits<int64_t>::min()) {
    int64_t to_inc = 0;
    dispatch(dtype(), [&]<typename T>() {
      if constexpr (detail::is_float_type<T>) {
        to_inc = std::is_same_v<T, double> ? std::numeric_limits<int64_t>::max()
                                           : int64_t{1} << detail::mantissa_digits<T>();
        from = update_from<T>(from);
        TL_CHECK(from < to_inc, "random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' casted "
                 "to dtype, but got from=", from, " > to_inc=", to_inc);
      } else {
        to_inc = static_cast<int64_t>(std::numeric_limits<T>::max());
      }
    });
    check_from_to_in_range(from, to_inc, dtype());
    range = static_cast<uint64_t>(to_inc) - static_cast<uint64_t>(from) + 1;
  } else {
    const ScalarType t = dtype();
    TL_CHECK(t != kHalf && t != kBool, "\"random_full_64_bits_range_kernel_cpu\" not implemented for '",
             scalar_type_name(t), "'");
    TL_CHECK(t == kLong || t == kDouble || t == kFloat,
             "random_full_64_bits_range_kernel_cpu handles only int64, double, float and bfloat16");
  }
  if (is_cuda()) {
    detail::cuda_random_fill(*this, from_to_fill(range, from), detail::generator_ptr(generator));
    return *this;
  }
  CPUGeneratorImpl* gen = detail::cpu_generator(generator);
  std::lock_guard<std::mutex> lock(gen->mutex_);
  random_from_to_cpu(*this, range, from, gen);
  return *this;
}

Tensor& Tensor::random_(int64_t to, std::optional<Generator> generator) {
  return random_(0, std::optional<int64_t>(to), std::move(generator));
}

Tensor& Tensor::random_(std::optional<Generator> generator) {
  if (is_cuda()) {
    detail::RandomFill fill;
    fill.kind = detail::RandomFill::Kind::Random;
    detail::cuda_random_fill(*this, fill, detail::generator_ptr(generator));
    return *this;
  }
  detail::check_no_internal_overlap(*this);
  CPUGeneratorImpl* gen = detail::cpu_generator(generator);
  std::lock_guard<std::mutex> lock(gen->mutex_);
  random_full_cpu(*this, gen);
  return *this;
}

Tensor randint(int64_t high, IntArrayRef size, const TensorOptions& options) {
  return randint(0, high, size, std::nullopt, options);
}

Tensor randint(int64_t high, IntArrayRef size, std::optional<Generator> generator, const TensorOptions& options) {
  return randint(0, high, size, std::move(generator), options);
}

Tensor randint(int64_t low, int64_t high, IntArrayRef size, const TensorOptions& options) {
  return randint(low, high, size, std::nullopt, options);
}

Tensor randint(int64_t low, int64_t high, IntArrayRef size, std::optional<Generator> generator,
               const TensorOptions& options) {
  Tensor out = empty(size, options.dtype(options.dtype_or(kLong)));
  out.random_(low, high, std::move(generator));
  return out;
}

Tensor randint_like(const Tensor& like, int64_t high, const TensorOptions& options) {
  return randint_like(like, 0, high, options);
}

Tensor randint_like(const Tensor& like, int64_t low, int64_t high, const TensorOptions& options) {
  return randint(low, high, like.sizes(), detail::like_options(like, options));
}

}  // namespace tl
