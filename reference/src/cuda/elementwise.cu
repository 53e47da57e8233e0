// Unary and binary element-wise ops with broadcasting and arbitrary strides: one kernel
// template, one small functor per op, instantiated for the dtypes each op accepts.
#include <string>

#include "cuda/device_math.cuh"
#include "tl/error.h"

namespace tl::cuda_backend {
namespace {

// Integer arithmetic wraps around: do it in the unsigned type (at least as wide as int, so
// that narrow products cannot overflow a promoted int).
template <typename T>
using wrap_t = std::conditional_t<(sizeof(T) < sizeof(unsigned)), unsigned, std::make_unsigned_t<T>>;

template <typename O>
__device__ __forceinline__ O plus(O a, O b) {
  if constexpr (std::is_same_v<O, bool>) return a || b;
  else if constexpr (std::is_integral_v<O>) return static_cast<O>(wrap_t<O>(a) + wrap_t<O>(b));
  else return a + b;
}
template <typename O>
__device__ __forceinline__ O minus(O a, O b) {
  if constexpr (std::is_integral_v<O>) return static_cast<O>(wrap_t<O>(a) - wrap_t<O>(b));
  else return a - b;
}
template <typename O>
__device__ __forceinline__ O times(O a, O b) {
  if constexpr (std::is_same_v<O, bool>) return a && b;
  else if constexpr (std::is_integral_v<O>) return static_cast<O>(wrap_t<O>(a) * wrap_t<O>(b));
  else return a * b;
}

// Each functor names its result: the math type, or bool for comparisons.
template <typename O>
struct AddOp {
  using result = O;
  __device__ O operator()(O a, O b) const { return plus(a, b); }
};
template <typename O>
struct SubOp {
  using result = O;
  __device__ O operator()(O a, O b) const { return minus(a, b); }
};
template <typename O>
struct MulOp {
  using result = O;
  __device__ O operator()(O a, O b) const { return times(a, b); }
};
template <typename O>
struct DivOp {
  using result = O;
  __device__ O operator()(O a, O b) const { return a / b; }
};
template <typename O>
struct AddScaledOp {
  using result = O;
  O alpha;
  __device__ O operator()(O a, O b) const {
    // PyTorch's `a + alpha * b`, which nvcc contracts into one fused multiply-add.
    if constexpr (std::is_floating_point_v<O>) return fma(alpha, b, a);
    else return plus(a, times(alpha, b));
  }
};
template <typename O>
struct EqOp {
  using result = bool;
  __device__ bool operator()(O a, O b) const { return a == b; }
};
template <typename O>
struct WithinOp {
  using result = bool;
  __device__ bool operator()(O actual, O allowed) const {
    if constexpr (std::is_floating_point_v<O>) return isfinite(actual) && actual <= allowed;
    else return actual <= allowed;
  }
};
template <typename O>
struct NegOp {
  __device__ O operator()(O a) const {
    // Integers wrap: -(-128) is -128. Floats flip the sign bit, as PyTorch's `-a`:
    // 0 - a would turn +0 into +0 instead of -0 (and -0 into +0).
    if constexpr (std::is_integral_v<O>) return minus(O(0), a);
    else return -a;
  }
};
template <typename O>
struct AbsOp {
  __device__ O operator()(O a) const {
    if constexpr (std::is_unsigned_v<O>) return a;
    else if constexpr (std::is_integral_v<O>) return a < 0 ? minus(O(0), a) : a;
    else return fabs(a);
  }
};

template <typename T, typename R, typename Op>
__global__ void binary_kernel(int64_t n, Shape shape, Strided out, Input a, Input b, Op op, bool contiguous) {
  using O = opmath_t<T>;
  const O value_a = a.is_value ? from_bits<O>(a.bits) : O();
  const O value_b = b.is_value ? from_bits<O>(b.bits) : O();
  const T* pa = static_cast<const T*>(a.array.data);
  const T* pb = static_cast<const T*>(b.array.data);
  R* po = static_cast<R*>(out.data);
  const int64_t* const strides[3] = {out.strides, a.array.strides, b.array.strides};
  for (int64_t i = global_thread(); i < n; i += grid_threads()) {
    int64_t off[3] = {i, i, i};
    if (!contiguous) offsets_of<3>(i, shape, strides, off);
    const O x = a.is_value ? value_a : load(pa + off[1]);
    const O y = b.is_value ? value_b : load(pb + off[2]);
    if constexpr (std::is_same_v<R, T>) store(po + off[0], op(x, y));
    else po[off[0]] = op(x, y);
  }
}

template <typename T, typename Op>
__global__ void unary_kernel(int64_t n, Shape shape, Strided out, Strided in, Op op, bool contiguous) {
  const T* pi = static_cast<const T*>(in.data);
  T* po = static_cast<T*>(out.data);
  const int64_t* const strides[2] = {out.strides, in.strides};
  for (int64_t i = global_thread(); i < n; i += grid_threads()) {
    int64_t off[2] = {i, i};
    if (!contiguous) offsets_of<2>(i, shape, strides, off);
    store(po + off[0], op(load(pi + off[1])));
  }
}

[[noreturn]] void unsupported(const char* op, ScalarType t) {
  throw Error(detail::str_cat("\"", op, "_cuda\" not implemented for '", scalar_type_name(t), "'"));
}

}  // namespace

void launch_binary(detail::CudaBinaryOp op, ScalarType compute, const Shape& shape, const Strided& out,
                   const Input& a, const Input& b, uint64_t alpha_bits) {
  const int64_t n = numel(shape);
  if (n == 0) return;
  const bool contiguous =
      in_order(shape, out) && (a.is_value || in_order(shape, a.array)) && (b.is_value || in_order(shape, b.array));
  const unsigned grid = grid_for(n, kBlock);
  dispatch_type(compute, [&](auto tag) {
    using T = typename decltype(tag)::type;
    using O = opmath_t<T>;
    constexpr bool is_bool = std::is_same_v<T, bool>;
    constexpr bool is_float = std::is_floating_point_v<O>;
    auto run = [&](auto functor) {
      using Functor = decltype(functor);
      using R = std::conditional_t<std::is_same_v<typename Functor::result, bool>, bool, T>;
      binary_kernel<T, R><<<grid, kBlock>>>(n, shape, out, a, b, functor, contiguous);
    };
    switch (op) {
      case detail::CudaBinaryOp::Add: return run(AddOp<O>{});
      case detail::CudaBinaryOp::Sub:
        if constexpr (!is_bool) return run(SubOp<O>{});
        unsupported("sub", compute);
      case detail::CudaBinaryOp::AddScaled: return run(AddScaledOp<O>{from_bits<O>(alpha_bits)});
      case detail::CudaBinaryOp::Mul: return run(MulOp<O>{});
      case detail::CudaBinaryOp::Div:
        if constexpr (is_float) return run(DivOp<O>{});
        unsupported("div", compute);
      case detail::CudaBinaryOp::Eq: return run(EqOp<O>{});
      case detail::CudaBinaryOp::Within: return run(WithinOp<O>{});
    }
  });
  check_launch("binary_kernel");
}

void launch_unary(detail::CudaUnaryOp op, ScalarType type, const Shape& shape, const Strided& out,
                  const Strided& in) {
  const int64_t n = numel(shape);
  if (n == 0) return;
  const bool contiguous = in_order(shape, out) && in_order(shape, in);
  const unsigned grid = grid_for(n, kBlock);
  dispatch_type(type, [&](auto tag) {
    using T = typename decltype(tag)::type;
    using O = opmath_t<T>;
    if constexpr (std::is_same_v<T, bool>) {
      unsupported(op == detail::CudaUnaryOp::Neg ? "neg" : "abs", type);
    } else if (op == detail::CudaUnaryOp::Neg) {
      unary_kernel<T><<<grid, kBlock>>>(n, shape, out, in, NegOp<O>{}, contiguous);
    } else {
      unary_kernel<T><<<grid, kBlock>>>(n, shape, out, in, AbsOp<O>{}, contiguous);
    }
  });
  check_launch("unary_kernel");
}

}  // namespace tl::cuda_backend
