// min, max, argmin, argmax.
//
// PyTorch's rules: NaN beats every number (the first NaN wins) and ties go to the lowest
// index.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <tuple>
#include <vector>

#include "core/cuda_bridge.h"
#include "core/parallel.h"
#include "core/strided_loop.h"
#include "core/tensor_internal.h"
#include "ops/reduce.h"
#include "tl/ops.h"
#include "tl/tensor.h"

namespace tl {
namespace {

template <typename T>
bool is_nan(T v) {
  if constexpr (std::is_same_v<T, Half>) return std::isnan(static_cast<float>(v));
  else if constexpr (std::is_floating_point_v<T>) return std::isnan(v);
  else return false;
}

// True when `v` should replace the current best `best` (PyTorch's `!(v <= best)` for max).
template <bool kMax, typename T>
bool beats(T v, T best) {
  using C = std::conditional_t<std::is_same_v<T, Half>, float, T>;
  const C a = static_cast<C>(v), b = static_cast<C>(best);
  return kMax ? !(a <= b) : !(a >= b);
}

template <bool kMax, typename T>
bool strictly_better(T a, T b) {
  using C = std::conditional_t<std::is_same_v<T, Half>, float, T>;
  return kMax ? static_cast<C>(a) > static_cast<C>(b) : static_cast<C>(a) < static_cast<C>(b);
}

// PyTorch's vectorised maximum/minimum of two values: NaN when either is NaN, else the
// strictly larger (smaller) one, the second on ties.
template <bool kMax, typename T>
T pick(T a, T b) {
  const bool a_wins = strictly_better<kMax>(a, b) || is_nan(a);  // a NaN b loses every comparison
  return a_wins ? a : b;
}

// Unsigned integer with the bits of T.
template <typename T>
using BitsOf = std::conditional_t<sizeof(T) == 2, uint16_t, std::conditional_t<sizeof(T) == 4, uint32_t, uint64_t>>;

// The maximum (minimum) of n contiguous values: the first NaN if there is one. Floats are
// compared through an order-preserving integer image of their bits, which compilers
// vectorise (a float compare-and-select they will not); -0 counts as smaller than +0.
template <bool kMax, typename T>
[[gnu::always_inline]] inline T extreme_of_run(const T* p, int64_t n) {
  if constexpr (std::is_floating_point_v<T> || std::is_same_v<T, Half>) {
    using B = BitsOf<T>;
    using K = std::make_signed_t<B>;
    constexpr int kShift = 8 * sizeof(T) - 1;
    constexpr B kMagnitude = static_cast<B>(~B(0)) >> 1;
    constexpr B kInf = sizeof(T) == 2 ? B(0x7C00) : sizeof(T) == 4 ? B(0x7F800000) : B(0x7FF0000000000000);
    // Flipping the magnitude bits of negative values makes the signed integer order match.
    auto key = [](B b) { return static_cast<K>(b ^ (static_cast<B>(static_cast<K>(b) >> kShift) & kMagnitude)); };
    K best = kMax ? std::numeric_limits<K>::min() : std::numeric_limits<K>::max();
    B nan = 0;  // an integer flag, not bool, keeps the loop vectorisable
    for (int64_t i = 0; i < n; ++i) {
      const B b = std::bit_cast<B>(p[i]);
      const K k = key(b);
      if constexpr (kMax) best = k > best ? k : best;
      else best = k < best ? k : best;
      nan |= (b & kMagnitude) > kInf;
    }
    for (int64_t i = 0; nan && i < n; ++i) {
      if (is_nan(p[i])) return p[i];
    }
    return std::bit_cast<T>(static_cast<B>(key(static_cast<B>(best))));  // the map is its own inverse
  } else {
    T best = p[0];
    for (int64_t i = 1; i < n; ++i) {
      if constexpr (kMax) best = p[i] > best ? p[i] : best;
      else best = p[i] < best ? p[i] : best;
    }
    return best;
  }
}

template <bool kMax, typename T>
T extreme_of_run_portable(const T* p, int64_t n) {
  return extreme_of_run<kMax>(p, n);
}

#if TL_X86_KERNELS
// AVX2 has the integer max/min and 64-bit compares the key trick needs; the baseline has not.
template <bool kMax, typename T>
TL_TARGET_AVX2 T extreme_of_run_avx2(const T* p, int64_t n) {
  return extreme_of_run<kMax>(p, n);
}
#endif

template <bool kMax, typename T>
T extreme_of_run_fast(const T* p, int64_t n) {
#if TL_X86_KERNELS
  if (detail::cpu_has_avx2()) return extreme_of_run_avx2<kMax>(p, n);
#endif
  return extreme_of_run_portable<kMax>(p, n);
}

// Whole-tensor min/max into the 0-d `out`. Below one AVX2 register of elements PyTorch
// folds them in order (the later of equal values wins, which fixes the sign of a zero);
// longer inputs are reduced in vector lanes, where only the value, NaN or not, is defined.
// That value does not depend on how the input is split, so large inputs are split over
// threads: the first NaN by position, else the extreme of the pieces' extremes.
template <bool kMax>
void extreme_all(const Tensor& out, const Tensor& self) {
  const Tensor x = self.contiguous();
  dispatch(x.dtype(), [&]<typename T>() {
    const T* p = static_cast<const T*>(x.data_ptr());
    const int64_t n = x.numel();
    T best = p[0];
    if (n < static_cast<int64_t>(32 / sizeof(T))) {
      for (int64_t i = 1; i < n; ++i) best = pick<kMax>(best, p[i]);
    } else {
      std::mutex mutex;
      int64_t nan_at = n, pieces = 0;
      detail::parallel_for(n, detail::kGrainSize, [&](int64_t b, int64_t e) {
        const T v = extreme_of_run_fast<kMax>(p + b, e - b);
        std::lock_guard<std::mutex> lock(mutex);
        if (is_nan(v)) {
          if (b < nan_at) {
            nan_at = b;
            best = v;
          }
        } else if (nan_at == n) {
          const T two[2] = {best, v};
          best = pieces++ == 0 ? v : extreme_of_run<kMax>(two, 2);
        }
      });
    }
    *static_cast<T*>(out.data_ptr()) = best;
  });
}

// Index of the first of p[0..n) that compares equal to v (as floats for half, so -0 == +0);
// v is one of them. Blocks of 16 are tested without branches, so they vectorise.
template <typename T>
[[gnu::always_inline]] inline int64_t first_equal(const T* p, int64_t n, T v) {
  using C = std::conditional_t<std::is_same_v<T, Half>, float, T>;
  const C c = static_cast<C>(v);
  int64_t i = 0;
  for (; i + 16 <= n; i += 16) {
    bool hit = false;
    for (int64_t k = 0; k < 16; ++k) hit |= static_cast<C>(p[i + k]) == c;
    if (hit) break;
  }
  while (i < n - 1 && !(static_cast<C>(p[i]) == c)) ++i;
  return i;
}

// The best value along the reduced dim (n elements, `step` apart) and its index for m
// outputs whose first elements are `ostep` apart: the first NaN, else the first of the best
// values. `best` may be null when only indices are wanted.
template <bool kMax, typename T>
[[gnu::always_inline]] inline void extreme_rows(const T* p, int64_t m, int64_t ostep, int64_t n, int64_t step, T* best,
                                                int64_t* at) {
  if (m == 1 || step <= ostep) {  // scan each output's elements in turn
    for (int64_t r = 0; r < m; ++r) {
      const T* row = p + r * ostep;
      int64_t a = 0;
      if (step == 1 && n >= 32) {
        // A contiguous row: find the extreme value with the vectorised pass, then the first
        // element equal to it (or the first NaN) -- the element the scan below stops at.
        const T v = extreme_of_run<kMax>(row, n);
        if (is_nan(v)) {
          while (!is_nan(row[a])) ++a;
        } else {
          a = first_equal(row, n, v);
        }
      } else {
        T b = row[0];
        for (int64_t i = 1; i < n && !is_nan(b); ++i) {
          if (beats<kMax>(row[i * step], b)) {
            b = row[i * step];
            a = i;
          }
        }
      }
      if (best) best[r] = row[a * step];
      at[r] = a;
    }
    return;
  }
  // The outputs lie closer together than the reduced elements: sweep the reduced dim
  // outermost, updating all outputs at once (branch-free, so it vectorises).
  std::unique_ptr<T[]> scratch;
  if (!best) {
    scratch = std::make_unique<T[]>(static_cast<size_t>(m));
    best = scratch.get();
  }
  for (int64_t r = 0; r < m; ++r) {
    best[r] = p[r * ostep];
    at[r] = 0;
  }
  for (int64_t i = 1; i < n; ++i) {
    const T* row = p + i * step;
    for (int64_t r = 0; r < m; ++r) {
      const T v = row[r * ostep];
      const bool take = !is_nan(best[r]) && beats<kMax>(v, best[r]);
      best[r] = take ? v : best[r];
      at[r] = take ? i : at[r];
    }
  }
}

template <bool kMax, typename T>
void extreme_rows_portable(const T* p, int64_t m, int64_t ostep, int64_t n, int64_t step, T* best, int64_t* at) {
  extreme_rows<kMax>(p, m, ostep, n, step, best, at);
}

#if TL_X86_KERNELS
template <bool kMax, typename T>
TL_TARGET_AVX2 void extreme_rows_avx2(const T* p, int64_t m, int64_t ostep, int64_t n, int64_t step, T* best,
                                      int64_t* at) {
  extreme_rows<kMax>(p, m, ostep, n, step, best, at);
}
#endif

template <bool kMax, typename T>
void extreme_rows_fast(const T* p, int64_t m, int64_t ostep, int64_t n, int64_t step, T* best, int64_t* at) {
#if TL_X86_KERNELS
  if (detail::cpu_has_avx2()) return extreme_rows_avx2<kMax>(p, m, ostep, n, step, best, at);
#endif
  extreme_rows_portable<kMax>(p, m, ostep, n, step, best, at);
}

// One output over a long reduced dim: pieces scanned on several threads, then folded in
// order with the same rule, which gives the serial answer (ties keep the earlier piece).
template <bool kMax, typename T>
void extreme_single(const T* p, int64_t n, int64_t step, T* best, int64_t* at) {
  struct Piece {
    int64_t begin, index;
    T value;
  };
  std::vector<Piece> pieces;
  std::mutex mutex;
  detail::parallel_for(n, detail::kGrainSize, [&](int64_t b, int64_t e) {
    T v;
    int64_t a;
    extreme_rows_fast<kMax>(p + b * step, 1, 0, e - b, step, &v, &a);
    std::lock_guard<std::mutex> lock(mutex);
    pieces.push_back({b, a + b, v});
  });
  std::sort(pieces.begin(), pieces.end(), [](const Piece& x, const Piece& y) { return x.begin < y.begin; });
  T v = pieces[0].value;
  int64_t a = pieces[0].index;
  for (size_t k = 1; k < pieces.size() && !is_nan(v); ++k) {
    if (beats<kMax>(pieces[k].value, v)) {
      v = pieces[k].value;
      a = pieces[k].index;
    }
  }
  if (best) *best = v;
  *at = a;
}

// For each position of the other dims (row-major), the best value along `dim` and its index.
// Outputs are independent: large inputs are split over threads by output.
template <bool kMax>
void extreme_along(const Tensor& self, int64_t dim, const Tensor& values, const Tensor& indices) {
  Sizes outer_sizes, outer_strides;
  for (int64_t d = 0; d < self.dim(); ++d) {
    if (d == dim) continue;
    outer_sizes.push_back(self.sizes()[d]);
    outer_strides.push_back(self.strides()[d]);
  }
  const Sizes out_strides = detail::contiguous_strides(outer_sizes);  // outputs are contiguous, row-major
  const int64_t n = self.sizes()[dim], step = self.strides()[dim];
  dispatch(self.dtype(), [&]<typename T>() {
    const T* base = static_cast<const T*>(self.data_ptr());
    T* vout = values.defined() ? static_cast<T*>(values.data_ptr()) : nullptr;
    int64_t* iout = static_cast<int64_t*>(indices.data_ptr());
    if (indices.numel() == 1 && n >= detail::kGrainSize) {
      extreme_single<kMax>(base, n, step, vout, iout);
      return;
    }
    detail::parallel_for_each_run<2>(
        outer_sizes, {outer_strides, out_strides}, std::max<int64_t>(1, detail::kGrainSize / n),
        [&](const std::array<int64_t, 2>& off, int64_t m, const std::array<int64_t, 2>& ostep) {
          const T* p = base + off[0];
          extreme_rows_fast<kMax>(p, m, ostep[0], n, step, vout ? vout + off[1] : nullptr, iout + off[1]);
        });
  });
}

const char* min_max_name(bool is_max) { return is_max ? "max()" : "min()"; }

// On the GPU every form is one reduction kernel over `mask` into keepdim-shaped outputs
// (either may be undefined); its indices count over the reduced dims in row-major order.
void extreme_cuda(bool is_max, const Tensor& self, const std::vector<bool>& mask, const Tensor& values,
                  const Tensor& indices) {
  const Sizes keep = detail::reduced_shape(self.sizes(), mask, true);
  auto kept = [&](const Tensor& t) { return t.defined() ? t.view(keep) : Tensor(); };
  detail::cuda_reduce(is_max ? detail::CudaReduceOp::Max : detail::CudaReduceOp::Min, self, mask, kept(values),
                      kept(indices));
}

// Both values and indices: `max(dim, keepdim)`.
template <bool kMax>
std::tuple<Tensor, Tensor> extreme_dim(const Tensor& self, int64_t dim, bool keepdim) {
  const char* name = min_max_name(kMax);
  dim = detail::wrap_dim(dim, self.dim());
  if (self.dim() > 0) {
    TL_CHECK_KIND(self.sizes()[dim] != 0, IndexError, name, ": Expected reduction dim ", dim,
                  " to have non-zero size.");
  }
  const std::vector<bool> mask = detail::reduction_mask(IntArrayRef(dim), self.dim());
  const Sizes shape = detail::reduced_shape(self.sizes(), mask, keepdim);
  Tensor values = detail::make_tensor(shape, self.dtype(), self.device());
  Tensor indices = detail::make_tensor(shape, kLong, self.device());
  if (self.dim() == 0) {
    values.copy_(self);
    indices.fill_(0);
  } else if (values.numel() != 0) {
    if (self.is_cuda()) extreme_cuda(kMax, self, mask, values, indices);
    else extreme_along<kMax>(self, dim, values, indices);
  }
  return {values, indices};
}

template <bool kMax>
Tensor extreme(const Tensor& self) {
  const char* name = min_max_name(kMax);
  TL_CHECK(self.numel() > 0, name,
           ": Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the "
           "'dim' argument.");
  Tensor out = detail::make_tensor({}, self.dtype(), self.device());
  if (self.is_cuda()) extreme_cuda(kMax, self, detail::reduction_mask({}, self.dim()), out, Tensor());
  else extreme_all<kMax>(out, self);
  return out;
}

template <bool kMax>
Tensor arg_extreme(const Tensor& self, std::optional<int64_t> dim, bool keepdim) {
  const char* name = kMax ? "argmax()" : "argmin()";
  std::vector<bool> mask;
  if (dim) {
    const int64_t d = detail::wrap_dim(*dim, self.dim());
    if (self.dim() > 0) {
      TL_CHECK_KIND(self.sizes()[d] != 0, IndexError, name, ": Expected reduction dim ", d,
                    " to have non-zero size.");
    }
    mask = detail::reduction_mask(IntArrayRef(d), self.dim());
  } else {
    TL_CHECK_KIND(self.numel() != 0, IndexError, name,
                  ": Expected reduction dim to be specified for input.numel() == 0.");
    mask = detail::reduction_mask({}, self.dim());
  }
  Tensor out = detail::make_tensor(detail::reduced_shape(self.sizes(), mask, keepdim), kLong, self.device());
  const int64_t d = dim ? detail::wrap_dim(*dim, self.dim()) : 0;
  // A dim of one element needs no comparison (PyTorch returns before checking the dtype).
  if (self.dim() == 0 || (dim && self.sizes()[d] == 1)) {
    out.fill_(0);
    return out;
  }
  TL_CHECK(self.dtype() != kBool, "\"", kMax ? "argmax_cpu" : "argmin_cpu", "\" not implemented for 'Bool'");
  if (out.numel() == 0) return out;
  if (self.is_cuda()) extreme_cuda(kMax, self, mask, Tensor(), out);
  else if (dim) extreme_along<kMax>(self, d, Tensor(), out);
  else extreme_along<kMax>(self.reshape({-1}), 0, Tensor(), out);
  return out;
}

}  // namespace

Tensor Tensor::min() const { return extreme<false>(*this); }
Tensor Tensor::max() const { return extreme<true>(*this); }
std::tuple<Tensor, Tensor> Tensor::min(int64_t dim, bool keepdim) const { return extreme_dim<false>(*this, dim, keepdim); }
std::tuple<Tensor, Tensor> Tensor::max(int64_t dim, bool keepdim) const { return extreme_dim<true>(*this, dim, keepdim); }
Tensor Tensor::argmin(std::optional<int64_t> dim, bool keepdim) const { return arg_extreme<false>(*this, dim, keepdim); }
Tensor Tensor::argmax(std::optional<int64_t> dim, bool keepdim) const { return arg_extreme<true>(*this, dim, keepdim); }

Tensor min(const Tensor& a) { return a.min(); }
Tensor max(const Tensor& a) { return a.max(); }
std::tuple<Tensor, Tensor> min(const Tensor& a, int64_t dim, bool keepdim) { return a.min(dim, keepdim); }
std::tuple<Tensor, Tensor> max(const Tensor& a, int64_t dim, bool keepdim) { return a.max(dim, keepdim); }
Tensor argmin(const Tensor& a, std::optional<int64_t> dim, bool keepdim) { return a.argmin(dim, keepdim); }
Tensor argmax(const Tensor& a, std::optional<int64_t> dim, bool keepdim) { return a.argmax(dim, keepdim); }

}  // namespace tl
