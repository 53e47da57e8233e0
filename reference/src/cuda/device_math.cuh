#pragma once
// Device-side element types, dtype dispatch, casts and strided offsets shared by the .cu
// files. Casts and arithmetic mirror the CPU's (tl/scalar.h cast_value, ops/binary_kernel.h)
// so that a CUDA result equals the CPU one wherever PyTorch's do.

#include <cuda_fp16.h>

#include <cstdint>
#include <cstring>
#include <type_traits>

#include "cuda/kernels.h"
#include "tl/float_to_int.h"

namespace tl::cuda_backend {

/// float16 storage: the raw bits, converted with the hardware's round-to-nearest-even.
struct half_t {
  uint16_t bits;
};
__device__ __forceinline__ float to_float(half_t h) { return __half2float(__ushort_as_half(h.bits)); }
__device__ __forceinline__ half_t to_half(float f) { return {__half_as_ushort(__float2half_rn(f))}; }

/// The type arithmetic on T happens in: float for float16, else T.
template <typename T>
using opmath_t = std::conditional_t<std::is_same_v<T, half_t>, float, T>;

template <typename T>
struct TypeTag {
  using type = T;
};

/// Calls fn(TypeTag<T>{}) with the device element type of `t`.
template <typename Fn>
void dispatch_type(ScalarType t, Fn&& fn) {
  switch (t) {
    case kByte: return fn(TypeTag<uint8_t>{});
    case kChar: return fn(TypeTag<int8_t>{});
    case kShort: return fn(TypeTag<int16_t>{});
    case kInt: return fn(TypeTag<int32_t>{});
    case kLong: return fn(TypeTag<int64_t>{});
    case kHalf: return fn(TypeTag<half_t>{});
    case kFloat: return fn(TypeTag<float>{});
    case kDouble: return fn(TypeTag<double>{});
    case kBool: break;
  }
  return fn(TypeTag<bool>{});
}

/// One element converted to another type, as detail::cast_value does on the host: half goes
/// through float; float to integer truncates like x86 (through int32 for narrow types, the
/// "integer indefinite" minimum when out of range or NaN).
template <typename To, typename From>
__device__ __forceinline__ To cast(From v) {
  if constexpr (std::is_same_v<To, From>) {
    return v;
  } else if constexpr (std::is_same_v<From, half_t>) {
    return cast<To>(to_float(v));
  } else if constexpr (std::is_same_v<To, half_t>) {
    return to_half(static_cast<float>(v));
  } else if constexpr (std::is_same_v<To, bool>) {
    return v != From(0);
  } else if constexpr (std::is_floating_point_v<From> && std::is_integral_v<To>) {
    return tl::detail::float_to_int<To>(v);
  } else {
    return static_cast<To>(v);
  }
}

/// An element read in its math type (half becomes float).
template <typename T>
__device__ __forceinline__ opmath_t<T> load(const T* p) {
  if constexpr (std::is_same_v<T, half_t>) return to_float(*p);
  else return *p;
}
/// A math-type value stored as T (float rounds to half).
template <typename T>
__device__ __forceinline__ void store(T* p, opmath_t<T> v) {
  if constexpr (std::is_same_v<T, half_t>) *p = to_half(v);
  else *p = v;
}

/// Reinterprets a value's bit pattern (the host packs numbers this way).
template <typename T>
__host__ __device__ __forceinline__ T from_bits(uint64_t bits) {
  T v;
  memcpy(&v, &bits, sizeof(T));  // little-endian: the low bytes hold the value
  return v;
}

/// Offsets (in elements) of the element with row-major index `i` in each of N operands.
template <int N>
__device__ __forceinline__ void offsets_of(int64_t i, const Shape& shape, const int64_t* const (&strides)[N],
                                           int64_t (&out)[N]) {
  for (int k = 0; k < N; ++k) out[k] = 0;
  for (int d = shape.ndim - 1; d >= 0; --d) {
    const int64_t size = shape.sizes[d];
    const int64_t q = i / size;
    const int64_t index = i - q * size;
    i = q;
    for (int k = 0; k < N; ++k) out[k] += index * strides[k][d];
  }
}
/// The offset of one operand.
__device__ __forceinline__ int64_t offset_of(int64_t i, const Shape& shape, const int64_t* strides) {
  const int64_t* const s[1] = {strides};
  int64_t out[1];
  offsets_of<1>(i, shape, s, out);
  return out[0];
}

/// True when the operand walks memory in step with the row-major index (offset == index),
/// so a kernel can skip the offset arithmetic.
inline bool in_order(const Shape& shape, const Strided& s) {
  int64_t expected = 1;
  for (int d = shape.ndim - 1; d >= 0; --d) {
    if (shape.sizes[d] != 1 && s.strides[d] != expected) return false;
    expected *= shape.sizes[d];
  }
  return true;
}

/// The index of this thread in a 1-d grid, and the grid's thread count.
__device__ __forceinline__ int64_t global_thread() {
  return static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
}
__device__ __forceinline__ int64_t grid_threads() { return static_cast<int64_t>(gridDim.x) * blockDim.x; }

/// Threads per block of the element-wise kernels.
constexpr unsigned kBlock = 256;

}  // namespace tl::cuda_backend
