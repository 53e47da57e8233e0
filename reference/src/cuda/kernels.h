#pragma once
// The raw kernel launchers of the CUDA backend. They take plain pointers, extents and
// strides (no tl::Tensor), so the .cu files stay small and quick to compile; the bridge
// functions in tensor_ops.cpp and random_fill.cpp turn tensors into these structs. Every
// launcher runs on the current device and stream and throws tl::Error if the launch fails.

#include <cstdint>

#include "core/cuda_bridge.h"

namespace tl::cuda_backend {

/// Most dims a kernel iterates; operands are coalesced first, so 8 covers any realistic view.
constexpr int kMaxDims = 8;

/// Extents of an iteration space, outermost first; elements are visited in row-major order.
struct Shape {
  int ndim = 0;
  int64_t sizes[kMaxDims] = {};
};

/// One operand over a Shape: the address of its first element and its strides in elements.
struct Strided {
  void* data = nullptr;
  int64_t strides[kMaxDims] = {};
};

/// An element-wise input: an array, or one number given as the bit pattern of the compute
/// dtype's math type (float for float16, else the dtype itself).
struct Input {
  Strided array;
  bool is_value = false;
  uint64_t bits = 0;
};

/// Number of elements of `shape` (1 for 0 dims).
int64_t numel(const Shape& shape);
/// Blocks for a grid-stride loop over `n` elements with `block` threads on the current device.
unsigned grid_for(int64_t n, unsigned block);
/// Throws tl::Error naming `kernel` when the last launch failed.
void check_launch(const char* kernel);

/// dst = cast(src), element by element (detail::cast_value's semantics).
void launch_copy(const Shape& shape, ScalarType dst_type, const Strided& dst, ScalarType src_type,
                 const Strided& src);
/// Every element of dst = the value with bit pattern `bits` (of `type`).
void launch_fill(const Shape& shape, ScalarType type, const Strided& dst, uint64_t bits);

/// out = op(in), both of `type`.
void launch_unary(detail::CudaUnaryOp op, ScalarType type, const Shape& shape, const Strided& out,
                  const Strided& in);
/// out = op(a, b) in `compute`; out is `compute` or bool (Eq, Within). `alpha_bits` is the
/// bit pattern of alpha in the compute dtype's math type.
void launch_binary(detail::CudaBinaryOp op, ScalarType compute, const Shape& shape, const Strided& out,
                   const Input& a, const Input& b, uint64_t alpha_bits);

/// A reduction's iteration spaces: `outer` over the kept dims (input strides `in_outer`,
/// output strides `out_outer`), `inner` over the reduced dims (input strides `in_inner`).
struct ReduceGeometry {
  Shape outer, inner;
  Strided in_outer, in_inner, out_outer;
};
/// values[o] / indices[o] = the reduction of the inner elements of output o; `values` has
/// the input's type (Sum writes no index); either output pointer may be null.
void launch_reduce(detail::CudaReduceOp op, ScalarType type, const ReduceGeometry& geometry, void* values,
                   int64_t* indices);

/// Where a random kernel starts in the Philox stream, and its grid (PyTorch's launch).
struct PhiloxArgs {
  uint64_t seed = 0;
  uint64_t offset = 0;
  unsigned grid = 1;
};
/// Fills out (of `type`, iterated in `shape`'s order) as `fill` says.
void launch_random(const detail::RandomFill& fill, ScalarType type, const Shape& shape, const Strided& out,
                   const PhiloxArgs& philox);

}  // namespace tl::cuda_backend
