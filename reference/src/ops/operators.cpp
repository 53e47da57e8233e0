// The C++ operators on tensors, defined exactly as LibTorch 1.13 defines them
// (ATen/TensorOperators.h), so a program gives the same result with either library.
#include "ops/binary_kernel.h"
#include "tl/ops.h"

namespace tl {
namespace {

// LibTorch's `s - a` and `s / a`: `empty_like(a).fill_(s)`, then the in-place op. So
// the number is first converted to a's dtype (fill_ throws on overflow) and the result
// keeps a's dtype: `1 / int_tensor` is an error, unlike Python's `1 / t`.
Tensor filled_like(const Tensor& a, const Scalar& s) {
  Tensor out = detail::empty_preserving(a, a.dtype());
  out.fill_(s);
  return out;
}

}  // namespace

Tensor operator+(const Tensor& a, const Tensor& b) { return a.add(b); }
Tensor operator+(const Tensor& a, const Scalar& s) { return a.add(s); }
Tensor operator+(const Scalar& s, const Tensor& a) { return a.add(s); }
Tensor operator-(const Tensor& a, const Tensor& b) { return a.sub(b); }
Tensor operator-(const Tensor& a, const Scalar& s) { return a.sub(s); }
Tensor operator-(const Scalar& s, const Tensor& a) { return filled_like(a, s).sub_(a); }
Tensor operator*(const Tensor& a, const Tensor& b) { return a.mul(b); }
Tensor operator*(const Tensor& a, const Scalar& s) { return a.mul(s); }
Tensor operator*(const Scalar& s, const Tensor& a) { return a.mul(s); }
Tensor operator/(const Tensor& a, const Tensor& b) { return a.div(b); }
Tensor operator/(const Tensor& a, const Scalar& s) { return a.div(s); }
Tensor operator/(const Scalar& s, const Tensor& a) { return filled_like(a, s).div_(a); }
Tensor operator-(const Tensor& a) { return a.neg(); }

Tensor& operator+=(Tensor& a, const Tensor& b) { return a.add_(b); }
Tensor& operator+=(Tensor& a, const Scalar& s) { return a.add_(s); }
Tensor& operator-=(Tensor& a, const Tensor& b) { return a.sub_(b); }
Tensor& operator-=(Tensor& a, const Scalar& s) { return a.sub_(s); }
Tensor& operator*=(Tensor& a, const Tensor& b) { return a.mul_(b); }
Tensor& operator*=(Tensor& a, const Scalar& s) { return a.mul_(s); }
Tensor& operator/=(Tensor& a, const Tensor& b) { return a.div_(b); }
Tensor& operator/=(Tensor& a, const Scalar& s) { return a.div_(s); }

Tensor operator==(const Tensor& a, const Tensor& b) { return a.eq(b); }
Tensor operator==(const Tensor& a, const Scalar& s) { return a.eq(s); }

}  // namespace tl
