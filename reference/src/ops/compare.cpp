// Comparisons: element-wise eq (a bool tensor), and the whole-tensor equal and allclose.
#include <cmath>

#include "ops/binary_kernel.h"
#include "tl/ops.h"

namespace tl {
namespace {

template <typename T>
struct EqOp {
  bool operator()(T a, T b) const {
    if constexpr (std::is_same_v<T, Half>) return static_cast<float>(a) == static_cast<float>(b);
    else return a == b;
  }
};

// isclose's last step: `isfinite(actual) & (actual <= allowed)`.
template <typename T>
struct WithinOp {
  bool operator()(T actual, T allowed) const {
    if constexpr (std::is_same_v<T, Half>) return WithinOp<float>{}(static_cast<float>(actual), static_cast<float>(allowed));
    else if constexpr (std::is_floating_point_v<T>) return std::isfinite(actual) && actual <= allowed;
    else return actual <= allowed;
  }
};

// Runs a comparison `Op` in the promoted dtype of `a` and `b`, giving a bool tensor.
template <template <typename> class Op>
Tensor compare(const Tensor& a, const detail::Operand& b) {
  const detail::Operand ops[] = {a, b};
  const ScalarType compute = detail::result_type(ops);
  const detail::Prepared<2> p = detail::prepare<2>({a, b}, compute, kBool);
  if (p.out.is_cuda()) {
    constexpr bool eq = std::is_same_v<Op<float>, EqOp<float>>;
    detail::cuda_binary(eq ? detail::CudaBinaryOp::Eq : detail::CudaBinaryOp::Within, compute, p.out,
                        detail::cuda_input(p.in[0]), detail::cuda_input(p.in[1]));
    return p.out;
  }
  dispatch(compute, [&]<typename T>() { detail::cpu_loop<bool, T>(p, Op<T>{}); });
  return p.out;
}

// True when every element of `x` or of the same-shaped `y` (both bool) is true.
bool all_either(const Tensor& x, const Tensor& y) {
  if (x.is_cuda()) return all_either(x.cpu(), y.cpu());
  const bool* px = x.data_ptr<bool>();
  const bool* py = y.data_ptr<bool>();
  bool all = true;
  detail::for_each_run<2>(x.sizes(), {x.strides(), y.strides()},
                          [&](const std::array<int64_t, 2>& off, int64_t n, const std::array<int64_t, 2>& step) {
                            for (int64_t i = 0; i < n && all; ++i)
                              all = px[off[0] + i * step[0]] || py[off[1] + i * step[1]];
                          });
  return all;
}

}  // namespace

Tensor eq(const Tensor& a, const Tensor& b) { return compare<EqOp>(a, b); }

Tensor Tensor::eq(const Tensor& other) const { return compare<EqOp>(*this, other); }

Tensor Tensor::eq(const Scalar& other) const { return compare<EqOp>(*this, other); }

bool equal(const Tensor& a, const Tensor& b) {
  if (!(a.sizes() == b.sizes())) return false;
  const Tensor same = compare<EqOp>(a, b);
  return all_either(same, same);
}

bool Tensor::equal(const Tensor& other) const { return tl::equal(*this, other); }

bool allclose(const Tensor& a, const Tensor& b, double rtol, double atol) {
  // PyTorch's isclose(...).all(), step by step, so every intermediate rounds as there.
  TL_CHECK(a.dtype() == b.dtype(), scalar_type_name(a.dtype()), " did not match ", scalar_type_name(b.dtype()));
  TL_CHECK(rtol >= 0, "rtol must be greater than or equal to zero, but got ", rtol);
  TL_CHECK(atol >= 0, "atol must be greater than or equal to zero, but got ", atol);
  const Tensor close = tl::eq(a, b);
  if (rtol == 0 && atol == 0) return all_either(close, close);
  const Tensor self = a.dtype() == kBool ? a.to(kFloat) : a;
  const Tensor other = b.dtype() == kBool ? b.to(kFloat) : b;
  const Tensor allowed = tl::add(tl::abs(tl::mul(other, rtol)), atol);
  const Tensor actual = tl::abs(tl::sub(self, other));
  const Tensor within = compare<WithinOp>(actual, allowed);
  return all_either(close, within);
}

bool Tensor::allclose(const Tensor& other, double rtol, double atol) const {
  return tl::allclose(*this, other, rtol, atol);
}

}  // namespace tl
