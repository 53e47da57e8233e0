// Element-wise arithmetic: add, sub, mul, div and their in-place forms, with PyTorch's
// type promotion, broadcasting and checks.
#include <cmath>

#include "ops/binary_kernel.h"
#include "tl/ops.h"

namespace tl {
namespace detail {

void check_inplace_write(const Tensor& self, std::span<const Operand> in) {
  check_inplace_overlap(self, in);
  const Sizes shape = broadcast_operands(in);
  TL_CHECK(shape == self.sizes(), "output with shape ", IntArrayRef(self.sizes()),
           " doesn't match the broadcast shape ", IntArrayRef(shape));
}

Prepared<2> prepare_inplace(const Tensor& self, const Operand& other, ScalarType compute) {
  std::array<Operand, 2> in{self, other};
  check_inplace_write(self, in);
  TL_CHECK(can_cast(compute, self.dtype()), "result type ", scalar_type_name(compute),
           " can't be cast to the desired output type ", scalar_type_name(self.dtype()));
  common_device_of(in);
  convert_inputs(in, compute);
  Tensor out = self.dtype() == compute ? self : empty_preserving(self, compute);
  return {std::move(out), std::move(in)};
}

void finish_inplace(const Tensor& self, const Prepared<2>& p) {
  if (p.out.is_same(self)) return;
  Tensor handle = self;
  handle.copy_(p.out);
}

}  // namespace detail

namespace {

using detail::Operand;
using detail::Prepared;

enum class Arith { kAdd, kSub, kMul, kDiv };

// ---- kernels: one functor per op, instantiated for every dtype ----------------------

template <typename T>
struct AddOp {
  T operator()(T a, T b) const { return detail::plus(a, b); }
};

template <typename T>
struct SubOp {
  T operator()(T a, T b) const { return detail::minus(a, b); }
};

// `a + alpha * b` for alpha other than 1 and -1.
template <typename T>
struct AddScaledOp {
  T alpha;
  T operator()(T a, T b) const {
    // PyTorch's AVX2 build fuses this into one FMA (one rounding) for float and double;
    // half rounds the product and the sum separately.
    if constexpr (std::is_floating_point_v<T>) return std::fma(b, alpha, a);
    else return detail::plus(a, detail::times(alpha, b));
  }
  // The one place PyTorch does not fuse: when `b` is a single broadcast value and the
  // output and `a` are contiguous, its remainder loop (after the 2-vector AVX2 blocks)
  // has `alpha * b` hoisted out of an SSE-vectorised middle part, rounded on its own.
  [[gnu::always_inline]] void run_scalar_rhs(T* o, const T* a, T b, int64_t n) const requires std::is_floating_point_v<T> {
    constexpr int64_t kBlock = 64 / sizeof(T), kSse = 16 / sizeof(T);
    int64_t i = 0;
    for (const int64_t end = n - n % kBlock; i < end; ++i) o[i] = std::fma(b, alpha, a[i]);
    if (n - i > kSse) {
      o[i] = std::fma(b, alpha, a[i]);
      ++i;
      const T product = alpha * b;
      for (const int64_t end = i + (n - i) / kSse * kSse; i < end; ++i) o[i] = a[i] + product;
    }
    for (; i < n; ++i) o[i] = std::fma(b, alpha, a[i]);
  }
};

template <typename T>
struct MulOp {
  T operator()(T a, T b) const { return detail::times(a, b); }
};

template <typename T>
struct DivOp {
  // x / 0 is inf or NaN under IEEE 754, as in PyTorch (which also exempts it from UBSan).
  __attribute__((no_sanitize("float-divide-by-zero"))) T operator()(T a, T b) const {
    if constexpr (std::is_same_v<T, Half>) return Half(static_cast<float>(a) / static_cast<float>(b));
    else return a / b;
  }
};

// c10's Scalar negation (PyTorch's sub is add with -alpha); integers wrap.
Scalar negated(const Scalar& s) {
  if (s.is_floating_point()) return -s.to_double();
  return static_cast<int64_t>(0 - static_cast<uint64_t>(s.to_long()));
}

// The GPU runs the same choice of kernel; alpha goes to the kernel as given (PyTorch's
// CUDA add converts it straight to float for float16, not through half).
void arith_cuda(Arith op, const Prepared<2>& p, ScalarType compute, const Scalar& alpha) {
  using detail::CudaBinaryOp;
  const detail::CudaInput a = detail::cuda_input(p.in[0]), b = detail::cuda_input(p.in[1]);
  if (op == Arith::kMul || op == Arith::kDiv) {
    detail::cuda_binary(op == Arith::kMul ? CudaBinaryOp::Mul : CudaBinaryOp::Div, compute, p.out, a, b);
    return;
  }
  const Scalar scale = op == Arith::kSub ? negated(alpha) : alpha;
  double value = 0;  // after the CPU's overflow check
  dispatch(compute, [&]<typename T>() { value = detail::cast_value<double>(detail::checked_scalar<T>(scale)); });
  const CudaBinaryOp kind = value == 1.0                        ? CudaBinaryOp::Add
                            : value == -1.0 && compute != kBool ? CudaBinaryOp::Sub
                                                                : CudaBinaryOp::AddScaled;
  detail::cuda_binary(kind, compute, p.out, a, b, scale);
}

void arith_kernel(Arith op, const Prepared<2>& p, ScalarType compute, const Scalar& alpha) {
  if (p.out.is_cuda()) return arith_cuda(op, p, compute, alpha);
  dispatch(compute, [&]<typename T>() {
    if (op == Arith::kMul) return detail::cpu_loop<T, T>(p, MulOp<T>{});
    if (op == Arith::kDiv) {
      if constexpr (std::is_floating_point_v<T> || std::is_same_v<T, Half>) detail::cpu_loop<T, T>(p, DivOp<T>{});
      return;
    }
    const T a = detail::checked_scalar<T>(op == Arith::kSub ? negated(alpha) : alpha);
    const double value = detail::cast_value<double>(a);
    if (value == 1.0) return detail::cpu_loop<T, T>(p, AddOp<T>{});
    if constexpr (!std::is_same_v<T, bool>) {
      if (value == -1.0) return detail::cpu_loop<T, T>(p, SubOp<T>{});
    }
    detail::cpu_loop<T, T>(p, AddScaledOp<T>{a});
  });
}

// ---- front end: dtype, checks, setup --------------------------------------------

void sub_check(const Operand& a, const Operand& b) {
  TL_CHECK(a.dtype() != kBool || b.dtype() != kBool,
           "Subtraction, the `-` operator, with two bool tensors is not supported. "
           "Use the `^` or `logical_xor()` operator instead.");
  TL_CHECK(a.dtype() != kBool && b.dtype() != kBool,
           "Subtraction, the `-` operator, with a bool tensor is not supported. "
           "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
}

void alpha_check(ScalarType dtype, const Scalar& alpha) {
  TL_CHECK(!alpha.is_boolean() || dtype == kBool, "Boolean alpha only supported for Boolean results.");
  TL_CHECK(is_floating_point(dtype) || !alpha.is_floating_point(),
           "For integral input tensors, argument alpha must not be a floating point number.");
}

// The dtype `a op b` computes in; checks that come before PyTorch's TensorIterator.
ScalarType arith_dtype(Arith op, const Operand& a, const Operand& b) {
  if (op == Arith::kSub) sub_check(a, b);
  const Operand ops[] = {a, b};
  const ScalarType t = detail::result_type(ops);
  // True division: integer and bool inputs divide as the default float dtype.
  return (op == Arith::kDiv && !is_floating_point(t)) ? kFloat : t;
}

Tensor arith(Arith op, const Tensor& a, const Operand& b, const Scalar& alpha = 1) {
  const ScalarType compute = arith_dtype(op, a, b);
  const Prepared<2> p = detail::prepare<2>({a, b}, compute, compute);
  if (op == Arith::kAdd || op == Arith::kSub) alpha_check(compute, alpha);
  arith_kernel(op, p, compute, alpha);
  return p.out;
}

void arith_(Arith op, const Tensor& self, const Operand& other, const Scalar& alpha = 1) {
  const ScalarType compute = arith_dtype(op, self, other);
  const Prepared<2> p = detail::prepare_inplace(self, other, compute);
  if (op == Arith::kAdd || op == Arith::kSub) alpha_check(compute, alpha);
  arith_kernel(op, p, compute, alpha);
  detail::finish_inplace(self, p);
}

}  // namespace

Tensor add(const Tensor& a, const Tensor& b, const Scalar& alpha) { return arith(Arith::kAdd, a, b, alpha); }
Tensor add(const Tensor& a, const Scalar& b, const Scalar& alpha) { return arith(Arith::kAdd, a, b, alpha); }
Tensor sub(const Tensor& a, const Tensor& b, const Scalar& alpha) { return arith(Arith::kSub, a, b, alpha); }
Tensor sub(const Tensor& a, const Scalar& b, const Scalar& alpha) { return arith(Arith::kSub, a, b, alpha); }
Tensor mul(const Tensor& a, const Tensor& b) { return arith(Arith::kMul, a, b); }
Tensor mul(const Tensor& a, const Scalar& b) { return arith(Arith::kMul, a, b); }
Tensor multiply(const Tensor& a, const Tensor& b) { return arith(Arith::kMul, a, b); }
Tensor multiply(const Tensor& a, const Scalar& b) { return arith(Arith::kMul, a, b); }
Tensor div(const Tensor& a, const Tensor& b) { return arith(Arith::kDiv, a, b); }
Tensor div(const Tensor& a, const Scalar& b) { return arith(Arith::kDiv, a, b); }

Tensor Tensor::add(const Tensor& other, const Scalar& alpha) const { return arith(Arith::kAdd, *this, other, alpha); }
Tensor Tensor::add(const Scalar& other, const Scalar& alpha) const { return arith(Arith::kAdd, *this, other, alpha); }
Tensor Tensor::sub(const Tensor& other, const Scalar& alpha) const { return arith(Arith::kSub, *this, other, alpha); }
Tensor Tensor::sub(const Scalar& other, const Scalar& alpha) const { return arith(Arith::kSub, *this, other, alpha); }
Tensor Tensor::mul(const Tensor& other) const { return arith(Arith::kMul, *this, other); }
Tensor Tensor::mul(const Scalar& other) const { return arith(Arith::kMul, *this, other); }
Tensor Tensor::div(const Tensor& other) const { return arith(Arith::kDiv, *this, other); }
Tensor Tensor::div(const Scalar& other) const { return arith(Arith::kDiv, *this, other); }

Tensor& Tensor::add_(const Tensor& other, const Scalar& alpha) { arith_(Arith::kAdd, *this, other, alpha); return *this; }
Tensor& Tensor::add_(const Scalar& other, const Scalar& alpha) { arith_(Arith::kAdd, *this, other, alpha); return *this; }
Tensor& Tensor::sub_(const Tensor& other, const Scalar& alpha) { arith_(Arith::kSub, *this, other, alpha); return *this; }
Tensor& Tensor::sub_(const Scalar& other, const Scalar& alpha) { arith_(Arith::kSub, *this, other, alpha); return *this; }
Tensor& Tensor::mul_(const Tensor& other) { arith_(Arith::kMul, *this, other); return *this; }
Tensor& Tensor::mul_(const Scalar& other) { arith_(Arith::kMul, *this, other); return *this; }
Tensor& Tensor::div_(const Tensor& other) { arith_(Arith::kDiv, *this, other); return *this; }
Tensor& Tensor::div_(const Scalar& other) { arith_(Arith::kDiv, *this, other); return *this; }

}  // namespace tl
