// Copies with casts between any two dtypes, and fills.
#include "cuda/device_math.cuh"

namespace tl::cuda_backend {
namespace {

template <typename To, typename From>
__global__ void copy_kernel(int64_t n, Shape shape, Strided dst, Strided src, bool contiguous) {
  To* out = static_cast<To*>(dst.data);
  const From* in = static_cast<const From*>(src.data);
  const int64_t* const strides[2] = {dst.strides, src.strides};
  for (int64_t i = global_thread(); i < n; i += grid_threads()) {
    int64_t off[2] = {i, i};
    if (!contiguous) offsets_of<2>(i, shape, strides, off);
    out[off[0]] = cast<To>(in[off[1]]);
  }
}

template <typename T>
__global__ void fill_kernel(int64_t n, Shape shape, Strided dst, T value, bool contiguous) {
  T* out = static_cast<T*>(dst.data);
  for (int64_t i = global_thread(); i < n; i += grid_threads()) {
    out[contiguous ? i : offset_of(i, shape, dst.strides)] = value;
  }
}

}  // namespace

void launch_copy(const Shape& shape, ScalarType dst_type, const Strided& dst, ScalarType src_type,
                 const Strided& src) {
  const int64_t n = numel(shape);
  if (n == 0) return;
  const bool contiguous = in_order(shape, dst) && in_order(shape, src);
  dispatch_type(dst_type, [&](auto to) {
    dispatch_type(src_type, [&](auto from) {
      using To = typename decltype(to)::type;
      using From = typename decltype(from)::type;
      copy_kernel<To, From><<<grid_for(n, kBlock), kBlock>>>(n, shape, dst, src, contiguous);
    });
  });
  check_launch("copy_kernel");
}

void launch_fill(const Shape& shape, ScalarType type, const Strided& dst, uint64_t bits) {
  const int64_t n = numel(shape);
  if (n == 0) return;
  const bool contiguous = in_order(shape, dst);
  dispatch_type(type, [&](auto tag) {
    using T = typename decltype(tag)::type;
    fill_kernel<T><<<grid_for(n, kBlock), kBlock>>>(n, shape, dst, from_bits<T>(bits), contiguous);
  });
  check_launch("fill_kernel");
}

}  // namespace tl::cuda_backend
