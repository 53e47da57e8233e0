// Tensor metadata, element access and the shared helpers of core/tensor_internal.h.
#include <ostream>

#include "core/tensor_internal.h"
#include "tl/tensor.h"

namespace tl {
namespace detail {

Sizes contiguous_strides(IntArrayRef sizes) {
  Sizes strides(sizes.size(), 1);
  int64_t acc = 1;
  for (size_t i = sizes.size(); i-- > 0;) {
    strides[i] = acc;
    acc *= std::max<int64_t>(sizes[i], 1);
  }
  return strides;
}

int64_t shape_numel(IntArrayRef sizes) {
  int64_t n = 1;
  for (int64_t s : sizes) {
    TL_CHECK(s >= 0, "Trying to create tensor with negative dimension ", s, ": ", sizes);
    n *= s;
  }
  return n;
}

Tensor make_tensor(IntArrayRef sizes, ScalarType dtype, Device device) {
  const int64_t n = shape_numel(sizes);
  if (device.is_cuda() && !device.has_index()) device = Device(kCUDA, 0);
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = Storage::allocate(static_cast<size_t>(n) * element_size(dtype), device);
  impl->sizes = sizes;
  impl->strides = contiguous_strides(sizes);
  impl->dtype = dtype;
  return Tensor(std::move(impl));
}

Tensor make_view(const Tensor& base, IntArrayRef sizes, IntArrayRef strides, int64_t storage_offset) {
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = base.storage();
  impl->sizes = sizes;
  impl->strides = strides;
  impl->storage_offset = storage_offset;
  impl->dtype = base.dtype();
  return Tensor(std::move(impl));
}

int64_t wrap_dim(int64_t dim, int64_t ndim) {
  const int64_t n = std::max<int64_t>(ndim, 1);
  TL_CHECK_KIND(dim >= -n && dim < n, IndexError, "Dimension out of range (expected to be in range of [",
                -n, ", ", n - 1, "], but got ", dim, ")");
  return dim < 0 ? dim + n : dim;
}

Device common_device(const Tensor& a, const Tensor& b) {
  const Device da = a.device(), db = b.device();
  if (da == db) return da;
  // PyTorch lets a 0-d CPU tensor take part in a CUDA op (it is treated as a number).
  if (da.is_cpu() && a.dim() == 0) return db;
  if (db.is_cpu() && b.dim() == 0) return da;
  throw Error(str_cat("Expected all tensors to be on the same device, but found at least two devices, ",
                      da.is_cuda() ? da : db, " and ", da.is_cuda() ? db : da, "!"));
}

void check_cpu(const Tensor& t, const char* op) {
  TL_CHECK(t.is_cpu(), op, " is not available for tensors on ", t.device());
}

}  // namespace detail

int64_t Tensor::size(int64_t d) const { return sizes()[detail::wrap_dim(d, dim())]; }

int64_t Tensor::stride(int64_t d) const { return strides()[detail::wrap_dim(d, dim())]; }

int64_t Tensor::numel() const {
  int64_t n = 1;
  for (int64_t s : sizes()) n *= s;
  return n;
}

bool Tensor::is_contiguous() const {
  int64_t expected = 1;
  const auto& sz = sizes();
  const auto& st = strides();
  for (size_t i = sz.size(); i-- > 0;) {
    if (sz[i] == 0) return true;
    if (sz[i] == 1) continue;
    if (st[i] != expected) return false;
    expected *= sz[i];
  }
  return true;
}

void* Tensor::data_ptr() const {
  const auto& im = impl();
  return static_cast<char*>(im.storage->data()) + im.storage_offset * static_cast<int64_t>(tl::element_size(im.dtype));
}

Scalar Tensor::item() const {
  const int64_t n = numel();
  TL_CHECK(n == 1, "a Tensor with ", n, " elements cannot be converted to Scalar");
  const Tensor host = is_cpu() ? *this : cpu();
  return dispatch(dtype(), [&]<typename T>() -> Scalar { return Scalar(*static_cast<const T*>(host.data_ptr())); });
}

}  // namespace tl
