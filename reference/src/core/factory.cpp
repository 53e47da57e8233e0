// Factory functions: tensor(), empty, zeros, ones, full, arange, eye, *_like.
#include "tl/factory.h"

#include <cmath>

#include "core/tensor_internal.h"

namespace tl {

TensorDataContainer::TensorDataContainer(Scalar value, ScalarType dtype) : dtype_(dtype), values_{value} {}

TensorDataContainer::TensorDataContainer(std::initializer_list<TensorDataContainer> list) {
  sizes_ = Sizes{static_cast<int64_t>(list.size())};
  if (list.size() == 0) return;
  const TensorDataContainer& first = *list.begin();
  for (int64_t s : first.sizes_) sizes_.push_back(s);
  bool first_item = true;
  for (const TensorDataContainer& child : list) {
    TL_CHECK_KIND(child.sizes_ == first.sizes_, ValueError, "expected sequence of length ",
                  first.sizes_.empty() ? 0 : first.sizes_[0], " at dim 1 (got ",
                  child.sizes_.empty() ? 0 : child.sizes_[0], ")");
    // Python promotes within a category (bool < integer < floating); mixed lists follow it.
    dtype_ = first_item ? child.dtype_ : promote_types(dtype_, child.dtype_);
    first_item = false;
    values_.insert(values_.end(), child.values_.begin(), child.values_.end());
  }
}

Tensor tensor(const TensorDataContainer& data, const TensorOptions& options) {
  const ScalarType dtype = options.dtype_or(data.dtype());
  Tensor host = detail::make_tensor(data.sizes(), dtype);
  dispatch(dtype, [&]<typename T>() {
    T* out = static_cast<T*>(host.data_ptr());
    for (size_t i = 0; i < data.values().size(); ++i) out[i] = data.values()[i].to<T>();
  });
  return options.has_device() ? host.to(options.device()) : host;
}

Tensor empty(IntArrayRef size, const TensorOptions& options) {
  return detail::make_tensor(size, options.dtype(), options.device());
}

Tensor zeros(IntArrayRef size, const TensorOptions& options) { return full(size, 0, options.dtype(options.dtype())); }

Tensor ones(IntArrayRef size, const TensorOptions& options) { return full(size, 1, options.dtype(options.dtype())); }

Tensor full(IntArrayRef size, const Scalar& value, const TensorOptions& options) {
  Tensor out = detail::make_tensor(size, options.dtype_or(value.default_dtype()), options.device());
  out.fill_(value);
  return out;
}

Tensor arange(const Scalar& end, const TensorOptions& options) { return arange(0, end, 1, options); }

Tensor arange(const Scalar& start, const Scalar& end, const TensorOptions& options) {
  return arange(start, end, 1, options);
}

Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step, const TensorOptions& options) {
  const bool any_float = start.is_floating_point() || end.is_floating_point() || step.is_floating_point();
  const ScalarType dtype = options.dtype_or(any_float ? kFloat : kLong);
  const double xstart = start.to_double(), xend = end.to_double(), xstep = step.to_double();
  TL_CHECK(xstep != 0, "step must be nonzero");
  TL_CHECK(std::isfinite(xstart) && std::isfinite(xend), "unsupported range: ", start, " -> ", end);
  TL_CHECK((xstep > 0 && xend >= xstart) || (xstep < 0 && xend <= xstart),
           "upper bound and larger bound inconsistent with step sign");
  // PyTorch computes the length in double for floating dtypes and exactly for integers.
  int64_t n;
  if (is_floating_point(dtype) || any_float) {
    n = static_cast<int64_t>(std::ceil((xend - xstart) / xstep));
  } else {
    const int64_t s = start.to_long(), e = end.to_long(), st = step.to_long();
    n = st > 0 ? (e - s + st - 1) / st : (s - e - st - 1) / -st;
  }
  Tensor host = detail::make_tensor({n}, dtype);
  dispatch(dtype, [&]<typename T>() {
    T* out = static_cast<T*>(host.data_ptr());
    if constexpr (std::is_same_v<T, bool>) {
      for (int64_t i = 0; i < n; ++i) out[i] = (xstart + static_cast<double>(i) * xstep) != 0;
    } else if (is_floating_point(dtype) || any_float) {
      for (int64_t i = 0; i < n; ++i) out[i] = detail::cast_value<T>(xstart + static_cast<double>(i) * xstep);
    } else {
      for (int64_t i = 0; i < n; ++i) out[i] = static_cast<T>(start.to_long() + i * step.to_long());
    }
  });
  return options.has_device() ? host.to(options.device()) : host;
}

Tensor eye(int64_t n, const TensorOptions& options) {
  TL_CHECK(n >= 0, "n must be greater or equal to 0, got ", n);
  Tensor out = zeros({n, n}, options.dtype(options.dtype()).device(Device(kCPU)));
  dispatch(out.dtype(), [&]<typename T>() {
    T* p = static_cast<T*>(out.data_ptr());
    for (int64_t i = 0; i < n; ++i) p[i * n + i] = detail::cast_value<T>(1);
  });
  return options.has_device() ? out.to(options.device()) : out;
}

namespace {
TensorOptions like_options(const Tensor& like, const TensorOptions& options) {
  return TensorOptions(options.dtype_or(like.dtype())).device(options.has_device() ? options.device() : like.device());
}
}  // namespace

Tensor empty_like(const Tensor& like, const TensorOptions& options) {
  return empty(like.sizes(), like_options(like, options));
}
Tensor zeros_like(const Tensor& like, const TensorOptions& options) {
  return zeros(like.sizes(), like_options(like, options));
}
Tensor ones_like(const Tensor& like, const TensorOptions& options) {
  return ones(like.sizes(), like_options(like, options));
}
Tensor full_like(const Tensor& like, const Scalar& value, const TensorOptions& options) {
  return full(like.sizes(), value, like_options(like, options));
}

}  // namespace tl
