// Element-wise unary arithmetic: neg and abs, in the input's dtype.
#include <cmath>

#include "ops/binary_kernel.h"
#include "tl/ops.h"

namespace tl {
namespace {

template <typename T>
struct NegOp {
  T operator()(T a) const {
    if constexpr (std::is_same_v<T, Half>) return Half(-static_cast<float>(a));
    else if constexpr (std::is_integral_v<T>) return detail::minus(T(0), a);  // wraps: -(-128) is -128
    else return -a;
  }
};

template <typename T>
struct AbsOp {
  T operator()(T a) const {
    if constexpr (std::is_same_v<T, Half>) return Half(std::fabs(static_cast<float>(a)));
    else if constexpr (std::is_unsigned_v<T>) return a;
    else if constexpr (std::is_integral_v<T>) return a < 0 ? detail::minus(T(0), a) : a;
    else return std::fabs(a);
  }
};

// Runs `Op` over `a` into a new tensor of a's dtype, laid out as PyTorch lays it out.
template <template <typename> class Op>
Tensor unary(const Tensor& a) {
  const detail::Prepared<1> p = detail::prepare<1>({a}, a.dtype(), a.dtype());
  if (p.out.is_cuda()) {
    constexpr bool neg = std::is_same_v<Op<float>, NegOp<float>>;
    detail::cuda_unary(neg ? detail::CudaUnaryOp::Neg : detail::CudaUnaryOp::Abs, p.out, p.in[0].tensor);
    return p.out;
  }
  dispatch(a.dtype(), [&]<typename T>() {
    if constexpr (!std::is_same_v<T, bool>) detail::cpu_loop<T, T>(p, Op<T>{});
  });
  return p.out;
}

}  // namespace

Tensor neg(const Tensor& a) {
  TL_CHECK(a.dtype() != kBool,
           "Negation, the `-` operator, on a bool tensor is not supported. "
           "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
  return unary<NegOp>(a);
}

Tensor abs(const Tensor& a) {
  TL_CHECK(a.dtype() != kBool, "\"abs_cpu\" not implemented for 'Bool'");
  return unary<AbsOp>(a);
}

Tensor Tensor::neg() const { return tl::neg(*this); }

Tensor Tensor::abs() const { return tl::abs(*this); }

}  // namespace tl
