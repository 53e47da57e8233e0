#pragma once
// Helpers shared by the library's sources: making fresh tensors, dim wrapping with
// PyTorch's messages, and shape arithmetic.

#include <memory>

#include "tl/tensor.h"

namespace tl::detail {

/// Row-major strides for `sizes`.
Sizes contiguous_strides(IntArrayRef sizes);
/// Product of `sizes` (1 for a 0-d shape); throws on a negative size.
int64_t shape_numel(IntArrayRef sizes);
/// A new uninitialised contiguous tensor.
Tensor make_tensor(IntArrayRef sizes, ScalarType dtype, Device device = Device(kCPU));
/// A new contiguous tensor holding a copy of `t` (PyTorch's `clone(MemoryFormat::Contiguous)`).
Tensor contiguous_copy(const Tensor& t);
/// A view of `base`'s storage with new geometry (and optionally a new dtype).
Tensor make_view(const Tensor& base, IntArrayRef sizes, IntArrayRef strides, int64_t storage_offset);
/// Wraps a possibly negative dim into [0, ndim). A 0-d tensor accepts dims -1 and 0.
/// Throws IndexError "Dimension out of range (expected to be in range of [-n, n-1], but got d)".
int64_t wrap_dim(int64_t dim, int64_t ndim);
/// The device every tensor of an op must share; throws PyTorch's mixed-device error.
Device common_device(const Tensor& a, const Tensor& b);
/// Throws "... is not implemented for CUDA tensors yet" style errors for CPU-only paths.
void check_cpu(const Tensor& t, const char* op);

}  // namespace tl::detail
