// Copies and casts between tensors: copy_, clone, contiguous, to, fill_.
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/checked_scalar.h"
#include "core/cuda_bridge.h"
#include "core/parallel.h"
#include "core/strided_loop.h"
#include "core/tensor_internal.h"
#include "ops/binary_kernel.h"
#include "tl/ops.h"
#include "tl/tensor.h"

#if TL_X86_KERNELS
#include <immintrin.h>
#endif

namespace tl {
namespace {

// ---- contiguous runs: plain loops, and AVX2 / F16C kernels for the common casts -------
// The vector kernels give exactly what cast_value gives (tools: bin/verify_casts checks
// every float and every half).

#if TL_X86_KERNELS
// float -> half, rounding to nearest even. F16C keeps a NaN's payload where half.h (and
// PyTorch) give sign | 0x7E00: blocks with a NaN take the scalar path.
TL_TARGET_AVX2 void float_to_half_avx2(Half* o, const float* s, int64_t n) {
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256 x = _mm256_loadu_ps(s + i);
    const __m256 nan = _mm256_cmp_ps(x, x, _CMP_UNORD_Q);
    if (!_mm256_testz_ps(nan, nan)) {
      for (int64_t j = i; j < i + 8; ++j) o[j] = Half(s[j]);
      continue;
    }
    _mm_storeu_si128(reinterpret_cast<__m128i*>(o + i), _mm256_cvtps_ph(x, _MM_FROUND_TO_NEAREST_INT));
  }
  for (; i < n; ++i) o[i] = Half(s[i]);
}

// half -> float. F16C sets a signalling NaN's quiet bit, half.h keeps the bits: blocks
// with a signalling NaN (exponent all ones, top mantissa bit clear, mantissa not 0) take
// the scalar path.
TL_TARGET_AVX2 void half_to_float_avx2(float* o, const Half* s, int64_t n) {
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m128i h = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i quiet_exp = _mm_cmpeq_epi16(_mm_and_si128(h, _mm_set1_epi16(0x7E00)), _mm_set1_epi16(0x7C00));
    const __m128i no_payload = _mm_cmpeq_epi16(_mm_and_si128(h, _mm_set1_epi16(0x01FF)), _mm_setzero_si128());
    if (_mm_movemask_epi8(_mm_andnot_si128(no_payload, quiet_exp)) != 0) {
      for (int64_t j = i; j < i + 8; ++j) o[j] = static_cast<float>(s[j]);
      continue;
    }
    _mm256_storeu_ps(o + i, _mm256_cvtph_ps(h));
  }
  for (; i < n; ++i) o[i] = static_cast<float>(s[i]);
}

// float -> int8 / uint8 / int32: truncation with cvttps2dq (NaN and out-of-range give
// INT32_MIN), then the low bits, as cast_value and PyTorch's x86 build.
template <typename To>
TL_TARGET_AVX2 void float_to_int_avx2(To* o, const float* s, int64_t n) {
  int64_t i = 0;
  if constexpr (sizeof(To) == 4) {
    for (; i + 8 <= n; i += 8)
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(o + i), _mm256_cvttps_epi32(_mm256_loadu_ps(s + i)));
  } else {
    const __m256i low = _mm256_set1_epi32(0xFF);
    const __m256i order = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
    for (; i + 32 <= n; i += 32) {
      __m256i v[4];
      for (int k = 0; k < 4; ++k) v[k] = _mm256_and_si256(_mm256_cvttps_epi32(_mm256_loadu_ps(s + i + 8 * k)), low);
      // Values are 0..255, so the saturating packs only narrow; the permute undoes their lane order.
      const __m256i bytes = _mm256_packus_epi16(_mm256_packus_epi32(v[0], v[1]), _mm256_packus_epi32(v[2], v[3]));
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(o + i), _mm256_permutevar8x32_epi32(bytes, order));
    }
  }
  for (; i < n; ++i) o[i] = detail::cast_value<To>(s[i]);
}
#endif

template <typename To, typename From>
[[gnu::always_inline]] inline void convert_loop(To* o, const From* s, int64_t n) {
  for (int64_t i = 0; i < n; ++i) o[i] = detail::cast_value<To>(s[i]);
}

#if TL_X86_KERNELS
// Every other cast: the plain loop, vectorised for AVX2 where the compiler can.
template <typename To, typename From>
TL_TARGET_AVX2 void convert_loop_avx2(To* o, const From* s, int64_t n) {
  convert_loop(o, s, n);
}
#endif

template <typename To, typename From>
void convert_contiguous(To* o, const From* s, int64_t n) {
  if constexpr (std::is_same_v<To, From>) {
    std::memcpy(static_cast<void*>(o), static_cast<const void*>(s), static_cast<size_t>(n) * sizeof(To));
    return;
  }
#if TL_X86_KERNELS
  if (detail::cpu_has_avx2()) {
    if constexpr (std::is_same_v<From, float> && std::is_same_v<To, Half>) return float_to_half_avx2(o, s, n);
    if constexpr (std::is_same_v<From, Half> && std::is_same_v<To, float>) return half_to_float_avx2(o, s, n);
    if constexpr (std::is_same_v<From, float> &&
                  (std::is_same_v<To, int8_t> || std::is_same_v<To, uint8_t> || std::is_same_v<To, int32_t>)) {
      return float_to_int_avx2(o, s, n);
    }
    return convert_loop_avx2(o, s, n);
  }
#endif
  convert_loop(o, s, n);
}

// ---- strided copies ------------------------------------------------------------------

// A dense destination whose source walks memory along another dim (a transpose, a
// permute): copied tile by tile through a small buffer, so that both sides are read and
// written in contiguous stretches (strides of a power of two would otherwise evict each
// other from the cache, as PyTorch's copy_transpose avoids with a buffer too). `r` holds
// the coalesced dims (outermost first; dst is [0], src is [1]); the source is densest
// along dim `k`. Any order gives the same values; tiles only change the speed.
template <typename To, typename From>
void copy_tiled(To* out, const From* in, const detail::StridedRuns<2>& r, size_t k) {
  constexpr int64_t kTile = 32;
  const size_t nd = r.sizes.size(), inner = nd - 1;
  const int64_t rows = r.sizes[k], cols = r.sizes[inner];
  const int64_t row_tiles = (rows + kTile - 1) / kTile;
  int64_t outer = 1;  // every other dim
  for (size_t d = 0; d < inner; ++d)
    if (d != k) outer *= r.sizes[d];
  const int64_t dr = r.strides[0][k], sr = r.strides[1][k];
  const int64_t dc = r.strides[0][inner], sc = r.strides[1][inner];
  detail::parallel_for(outer * row_tiles, std::max<int64_t>(1, detail::kGrainSize / (kTile * cols)),
                       [&](int64_t begin, int64_t end) {
    From buf[kTile][kTile + 1];  // +1: columns of the buffer do not share cache sets
    for (int64_t item = begin; item < end; ++item) {
      int64_t rest = item / row_tiles, dst = 0, src = 0;
      for (size_t d = inner; d-- > 0;) {
        if (d == k) continue;
        const int64_t i = rest % r.sizes[d];
        rest /= r.sizes[d];
        dst += i * r.strides[0][d];
        src += i * r.strides[1][d];
      }
      const int64_t r0 = item % row_tiles * kTile, nr = std::min(kTile, rows - r0);
      for (int64_t c0 = 0; c0 < cols; c0 += kTile) {
        const int64_t nc = std::min(kTile, cols - c0);
        for (int64_t c = 0; c < nc; ++c) {  // along the source's dense dim
          const From* s = in + src + (c0 + c) * sc + r0 * sr;
          for (int64_t row = 0; row < nr; ++row) buf[c][row] = s[row * sr];
        }
        for (int64_t row = 0; row < nr; ++row) {  // along the destination's dense dim
          To* o = out + dst + (r0 + row) * dr + c0 * dc;
          for (int64_t c = 0; c < nc; ++c) o[c * dc] = detail::cast_value<To>(buf[c][row]);
        }
      }
    }
  });
}

// dst and src have equal shapes (src already expanded) and live on the host.
void copy_cast_cpu(const Tensor& dst, const Tensor& src) {
  if (dst.numel() == 0) return;
  dispatch(dst.dtype(), [&]<typename To>() {
    dispatch(src.dtype(), [&]<typename From>() {
      To* out = static_cast<To*>(dst.data_ptr());
      const From* in = static_cast<const From*>(src.data_ptr());
      if (dst.is_contiguous() && src.is_contiguous()) {
        detail::parallel_for(dst.numel(), detail::kGrainSize,
                             [&](int64_t b, int64_t e) { convert_contiguous(out + b, in + b, e - b); });
        return;
      }
      const detail::StridedRuns<2> r = detail::coalesce<2>(dst.sizes(), {dst.strides(), src.strides()});
      const size_t nd = r.sizes.size();
      if (nd >= 2) {
        // The source's densest dim, when it is not the innermost one.
        const auto dense = [](int64_t s) { return s < 0 ? -s : s; };
        size_t k = nd - 1;
        for (size_t d = 0; d + 1 < nd; ++d)
          if (r.strides[1][d] != 0 && dense(r.strides[1][d]) < dense(r.strides[1][k])) k = d;
        if (k != nd - 1 && r.sizes[k] >= 8 && r.sizes[nd - 1] >= 8 && dense(r.strides[1][nd - 1]) > 1) {
          copy_tiled(out, in, r, k);
          return;
        }
      }
      detail::parallel_for_each_run<2>(dst.sizes(), {dst.strides(), src.strides()}, detail::kGrainSize,
                              [&](const std::array<int64_t, 2>& off, int64_t n, const std::array<int64_t, 2>& step) {
                                To* o = out + off[0];
                                const From* s = in + off[1];
                                if (step[0] == 1 && step[1] == 1) {
                                  convert_contiguous(o, s, n);
                                } else {
                                  for (int64_t i = 0; i < n; ++i) o[i * step[0]] = detail::cast_value<To>(s[i * step[1]]);
                                }
                              });
    });
  });
}

// copy_ once its checks passed (or for a fresh `dst`): `src` broadcasts to dst's shape.
void copy_elements(Tensor dst, const Tensor& src) {
  const Tensor source = src.sizes() == dst.sizes() ? src : src.expand(dst.sizes());
  if (dst.device().is_cpu() && source.device().is_cpu()) {
    copy_cast_cpu(dst, source);
    return;
  }
  // One CUDA device: a kernel casts and copies any layout.
  if (source.device() == dst.device()) {
    detail::cuda_copy(dst, source);
    return;
  }
  // One host value onto the device (fill_, a broadcast number): no host buffer needed.
  if (dst.is_cuda() && src.is_cpu() && src.numel() == 1) {
    detail::cuda_fill(dst, src.item());
    return;
  }
  // Cross-device: cast on the source's side into a dense buffer, then one memcpy (of the
  // whole block when both are laid out alike, as `to` and `clone` make them).
  const bool same_layout = (dst.is_contiguous() && source.is_contiguous()) ||
                           (dst.strides() == source.strides() && detail::is_non_overlapping_and_dense(dst));
  if (source.dtype() == dst.dtype() && same_layout) {
    detail::cuda_memcpy(dst.data_ptr(), dst.device(), source.data_ptr(), source.device(),
                        static_cast<size_t>(dst.nbytes()));
    return;
  }
  const Tensor dense = source.to(dst.dtype()).contiguous();
  if (dst.is_contiguous()) return copy_elements(dst, dense);
  Tensor staged = detail::make_tensor(dst.sizes(), dst.dtype(), dst.device());
  copy_elements(staged, dense);
  copy_elements(dst, staged);  // same device now
}

}  // namespace

Tensor& Tensor::copy_(const Tensor& src) {
  if (is_same(src)) return *this;  // as PyTorch: before any check
  detail::check_inplace_write(*this, std::array<detail::Operand, 2>{*this, src});
  copy_elements(*this, src);
  return *this;
}

namespace detail {

Tensor contiguous_copy(const Tensor& t) {
  Tensor out = make_tensor(t.sizes(), t.dtype(), t.device());
  copy_elements(out, t);  // a fresh tensor: nothing to check
  return out;
}

}  // namespace detail

// clone and to keep the source's layout, as PyTorch's MemoryFormat::Preserve does.
Tensor Tensor::clone() const { return to(dtype(), false, true); }

Tensor Tensor::contiguous() const { return is_contiguous() ? *this : detail::contiguous_copy(*this); }

Tensor Tensor::to(ScalarType dtype, bool non_blocking, bool copy) const {
  return to(device(), dtype, non_blocking, copy);
}

Tensor Tensor::to(Device device, bool non_blocking, bool copy) const {
  return to(device, dtype(), non_blocking, copy);
}

Tensor Tensor::to(Device device, ScalarType dtype, bool, bool copy) const {
  const Device here = this->device();
  const bool same_device = device.type() == here.type() && (!device.has_index() || device.index() == here.index());
  if (same_device) {
    if (dtype == this->dtype() && !copy) return *this;
    device = here;
  } else if (device.is_cuda() && !device.has_index()) {
    device = Device(kCUDA, 0);
  }
  Tensor out = detail::empty_preserving(*this, dtype, device);
  copy_elements(out, *this);
  return out;
}

Tensor Tensor::to(const Tensor& other, bool non_blocking, bool copy) const {
  return to(other.device(), other.dtype(), non_blocking, copy);
}

Tensor Tensor::cpu() const { return to(Device(kCPU)); }

Tensor Tensor::cuda() const { return to(Device(kCUDA)); }

Tensor& Tensor::fill_(const Scalar& value) {
  if (is_cpu()) {  // the value written straight in: no 0-d tensor to copy from
    dispatch(dtype(), [&]<typename T>() {
      const T v = detail::checked_scalar<T>(value);
      T* base = static_cast<T*>(data_ptr());
      if (is_contiguous()) {
        detail::parallel_for(numel(), detail::kGrainSize, [&](int64_t b, int64_t e) { std::fill(base + b, base + e, v); });
        return;
      }
      bool overlap = false;  // an expanded tensor: threads would write one element together
      for (int64_t d = 0; d < dim(); ++d) overlap |= strides()[d] == 0 && sizes()[d] > 1;
      detail::parallel_for_each_run<1>(sizes(), {strides()}, overlap ? INT64_MAX : detail::kGrainSize,
                                       [&](const std::array<int64_t, 1>& off, int64_t n, const std::array<int64_t, 1>& step) {
                                         for (int64_t i = 0; i < n; ++i) base[off[0] + i * step[0]] = v;
                                       });
    });
    return *this;
  }
  Tensor v = detail::make_tensor({}, dtype(), Device(kCPU));
  dispatch(dtype(), [&]<typename T>() { *static_cast<T*>(v.data_ptr()) = detail::checked_scalar<T>(value); });
  return copy_(v);
}

Tensor& Tensor::zero_() { return fill_(0); }

}  // namespace tl
