// from_blob (caller memory viewed as a tensor) and the helpers behind from_vector/to_vector.
#include "tl/interop.h"

#include <cstring>

#include "core/tensor_internal.h"

namespace tl {
namespace {

// Bytes spanned by a strided view starting at element 0, with overflow checks so that a
// wrong shape gives an error instead of a wrapped-around size.
size_t span_bytes(IntArrayRef sizes, IntArrayRef strides, ScalarType dtype) {
  int64_t last = 0;  // index of the last element
  for (size_t d = 0; d < sizes.size(); ++d) {
    if (sizes[d] == 0) return 0;
    int64_t step = 0;
    TL_CHECK(!__builtin_mul_overflow(sizes[d] - 1, strides[d], &step) && !__builtin_add_overflow(last, step, &last),
             "from_blob: sizes ", sizes, " with strides ", strides, " span more elements than int64 can count");
  }
  int64_t bytes = 0;
  TL_CHECK(!__builtin_mul_overflow(last + 1, static_cast<int64_t>(element_size(dtype)), &bytes),
           "from_blob: sizes ", sizes, " with strides ", strides, " span more bytes than int64 can count");
  return static_cast<size_t>(bytes);
}

Tensor wrap_blob(void* data, IntArrayRef sizes, IntArrayRef strides, std::function<void(void*)> deleter,
                 const TensorOptions& options) {
  // Every check comes before the storage takes the deleter: when from_blob throws, the
  // caller still owns `data` and the deleter never runs.
  TL_CHECK(sizes.size() == strides.size(), "dimensionality of sizes (", sizes.size(),
           ") must match dimensionality of strides (", strides.size(), ")");
  const int64_t numel = detail::shape_numel(sizes);
  for (int64_t s : strides) TL_CHECK(s >= 0, "from_blob: negative strides are not supported, got strides: ", strides);
  TL_CHECK(data != nullptr || numel == 0, "from_blob: data is a null pointer but the tensor has ", numel, " elements");
  const ScalarType dtype = options.dtype();
  const size_t nbytes = span_bytes(sizes, strides, dtype);
  Device device = options.device();
  if (device.is_cuda() && !device.has_index()) device = Device(kCUDA, 0);
  auto impl = std::make_shared<TensorImpl>();
  impl->sizes = sizes;
  impl->strides = strides;
  impl->dtype = dtype;
  impl->storage = Storage::wrap(data, nbytes, device, std::move(deleter));
  return Tensor(std::move(impl));
}

}  // namespace

Tensor from_blob(void* data, IntArrayRef sizes, const TensorOptions& options) {
  return from_blob(data, sizes, detail::contiguous_strides(sizes), std::function<void(void*)>(), options);
}

Tensor from_blob(void* data, IntArrayRef sizes, IntArrayRef strides, const TensorOptions& options) {
  return from_blob(data, sizes, strides, std::function<void(void*)>(), options);
}

Tensor from_blob(void* data, IntArrayRef sizes, const std::function<void(void*)>& deleter,
                 const TensorOptions& options) {
  return from_blob(data, sizes, detail::contiguous_strides(sizes), deleter, options);
}

Tensor from_blob(void* data, IntArrayRef sizes, IntArrayRef strides, const std::function<void(void*)>& deleter,
                 const TensorOptions& options) {
  return wrap_blob(data, sizes, strides, deleter, options);
}

namespace detail {

Tensor tensor_from_buffer(const void* src, int64_t count, ScalarType dtype, IntArrayRef shape) {
  const Sizes sizes = shape.empty() ? Sizes{count} : Sizes(shape);
  const int64_t numel = shape_numel(sizes);
  TL_CHECK(numel == count, "from_vector: shape ", IntArrayRef(sizes), " holds ", numel,
           " elements but the vector has ", count);
  Tensor out = make_tensor(sizes, dtype);
  if (count > 0) std::memcpy(out.data_ptr(), src, static_cast<size_t>(count) * element_size(dtype));
  return out;
}

Tensor host_contiguous_checked(const Tensor& t, ScalarType expected) {
  TL_CHECK(t.dtype() == expected, "expected scalar type ", scalar_type_name(expected), " but found ",
           scalar_type_name(t.dtype()));
  return t.cpu().contiguous();
}

}  // namespace detail
}  // namespace tl
