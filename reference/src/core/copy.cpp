// Copies and casts between tensors: copy_, clone, contiguous, to, fill_.
#include "core/cuda_bridge.h"
#include "core/strided_loop.h"
#include "core/tensor_internal.h"
#include "tl/ops.h"
#include "tl/tensor.h"

namespace tl {
namespace {

// dst and src have equal shapes (src already expanded) and live on the host.
void copy_cast_cpu(const Tensor& dst, const Tensor& src) {
  dispatch(dst.dtype(), [&]<typename To>() {
    dispatch(src.dtype(), [&]<typename From>() {
      To* out = static_cast<To*>(dst.data_ptr());
      const From* in = static_cast<const From*>(src.data_ptr());
      detail::for_each_run<2>(dst.sizes(), {dst.strides(), src.strides()},
                              [&](const std::array<int64_t, 2>& off, int64_t n, const std::array<int64_t, 2>& step) {
                                To* o = out + off[0];
                                const From* s = in + off[1];
                                if (step[0] == 1 && step[1] == 1) {
                                  for (int64_t i = 0; i < n; ++i) o[i] = detail::cast_value<To>(s[i]);
                                } else {
                                  for (int64_t i = 0; i < n; ++i) o[i * step[0]] = detail::cast_value<To>(s[i * step[1]]);
                                }
                              });
    });
  });
}

}  // namespace

Tensor& Tensor::copy_(const Tensor& src) {
  Tensor source = src.expand(sizes());
  if (device().is_cpu() && source.device().is_cpu()) {
    copy_cast_cpu(*this, source);
    return *this;
  }
  // One CUDA device: a kernel casts and copies any layout.
  if (source.device() == device()) {
    detail::cuda_copy(*this, source);
    return *this;
  }
  // One host value onto the device (fill_, a broadcast number): no host buffer needed.
  if (is_cuda() && src.is_cpu() && src.numel() == 1) {
    detail::cuda_fill(*this, src.item());
    return *this;
  }
  // Cross-device: cast on the source's side into a dense buffer, then one memcpy.
  if (is_contiguous() && source.dtype() == dtype() && source.is_contiguous()) {
    detail::cuda_memcpy(data_ptr(), device(), source.data_ptr(), source.device(),
                        static_cast<size_t>(nbytes()));
    return *this;
  }
  Tensor dense = source.to(dtype()).contiguous();
  if (is_contiguous()) return copy_(dense);
  Tensor staged = detail::make_tensor(sizes(), dtype(), device());
  staged.copy_(dense);
  return copy_(staged);  // same device now
}

Tensor Tensor::clone() const {
  Tensor out = detail::make_tensor(sizes(), dtype(), device());
  out.copy_(*this);
  return out;
}

Tensor Tensor::contiguous() const { return is_contiguous() ? *this : clone(); }

Tensor Tensor::to(ScalarType dtype, bool, bool copy) const {
  if (dtype == this->dtype() && !copy) return *this;
  Tensor out = detail::make_tensor(sizes(), dtype, device());
  out.copy_(*this);
  return out;
}

Tensor Tensor::to(Device device, bool non_blocking, bool copy) const {
  return to(device, dtype(), non_blocking, copy);
}

Tensor Tensor::to(Device device, ScalarType dtype, bool, bool copy) const {
  const Device here = this->device();
  const bool same_device = device.type() == here.type() && (!device.has_index() || device.index() == here.index());
  if (same_device) return to(dtype, false, copy);
  if (device.is_cuda() && !device.has_index()) device = Device(kCUDA, 0);
  Tensor out = detail::make_tensor(sizes(), dtype, device);
  out.copy_(*this);
  return out;
}

Tensor Tensor::to(const Tensor& other, bool non_blocking, bool copy) const {
  return to(other.device(), other.dtype(), non_blocking, copy);
}

Tensor Tensor::cpu() const { return to(Device(kCPU)); }

Tensor Tensor::cuda() const { return to(Device(kCUDA)); }

Tensor& Tensor::fill_(const Scalar& value) {
  Tensor v = detail::make_tensor({}, dtype(), Device(kCPU));
  dispatch(dtype(), [&]<typename T>() { *static_cast<T*>(v.data_ptr()) = value.to<T>(); });
  return copy_(v);
}

Tensor& Tensor::zero_() { return fill_(0); }

}  // namespace tl
