#pragma once
// Private pieces shared by the reduction ops (sum, mean, min, max, argmin, argmax).
//
// Float sums are not associative, so matching PyTorch bit for bit means visiting the
// elements in the order PyTorch's TensorIterator does. ReducePlan reproduces that order:
// the dims are sorted and merged exactly as TensorIterator::reorder_dimensions and
// coalesce_dimensions do for one output and one input, and for_each_loop2d hands out
// the same (size0, size1) 2-d blocks as its serial_for_each.

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "tl/tensor.h"

namespace tl::detail {

/// Which dims a reduction over `dims` covers; an empty list means every dim (PyTorch 1.13).
/// Throws "Dimension out of range ..." and "dim 1 appears multiple times in the list of dims".
std::vector<bool> reduction_mask(IntArrayRef dims, int64_t ndim);

/// The result shape: reduced dims become 1 with `keepdim`, else disappear.
Sizes reduced_shape(IntArrayRef sizes, const std::vector<bool>& mask, bool keepdim);

/// One output and one input in TensorIterator's iteration order (dim 0 moves fastest).
struct ReducePlan {
  Sizes shape;        ///< extents after reordering and merging
  Sizes out_strides;  ///< output strides in elements; 0 along reduced dims
  Sizes in_strides;   ///< input strides in elements
};

/// Plans a reduction of a tensor with `sizes`/`in_strides` over `mask` into a fresh
/// contiguous result of the keepdim shape.
ReducePlan plan_reduction(IntArrayRef sizes, IntArrayRef in_strides, const std::vector<bool>& mask);

/// One call of a 2-d inner loop: element offsets of its first output and input element,
/// its extents and the strides (in elements) of both operands along its two dims.
struct Loop2d {
  int64_t out_offset, in_offset;
  int64_t size0, size1;
  std::array<int64_t, 2> out_strides, in_strides;
};

/// `l` with its dims swapped when only dim 1 is reduced, so that a reduced dim, if any,
/// comes first (dim 0 is the one the sum kernels add along).
inline Loop2d reduced_dim_first(Loop2d l) {
  if (l.out_strides[0] != 0 && l.out_strides[1] == 0) {
    std::swap(l.size0, l.size1);
    std::swap(l.out_strides[0], l.out_strides[1]);
    std::swap(l.in_strides[0], l.in_strides[1]);
  }
  return l;
}

/// Calls `fn(const Loop2d&)` for each 2-d block in TensorIterator's serial order.
template <typename Fn>
void for_each_loop2d(const ReducePlan& p, Fn&& fn) {
  const size_t nd = p.shape.size();
  for (int64_t s : p.shape)
    if (s == 0) return;
  Loop2d l{0, 0, 1, 1, {0, 0}, {0, 0}};
  if (nd >= 1) {
    l.size0 = p.shape[0];
    l.out_strides[0] = p.out_strides[0];
    l.in_strides[0] = p.in_strides[0];
  }
  if (nd >= 2) {
    l.size1 = p.shape[1];
    l.out_strides[1] = p.out_strides[1];
    l.in_strides[1] = p.in_strides[1];
  }
  if (nd <= 2) {
    fn(l);
    return;
  }
  Sizes counter(nd, 0);  // odometer over dims 2.. (dim 2 fastest)
  while (true) {
    fn(l);
    size_t d = 2;
    while (true) {
      if (d == nd) return;
      l.out_offset += p.out_strides[d];
      l.in_offset += p.in_strides[d];
      if (++counter[d] < p.shape[d]) break;
      l.out_offset -= p.out_strides[d] * p.shape[d];
      l.in_offset -= p.in_strides[d] * p.shape[d];
      counter[d] = 0;
      ++d;
    }
  }
}

/// The CPU sum kernel: adds the elements of `in` over the plan into the zero-filled `out`
/// (same dtype), in PyTorch's cascade order for floating types.
void sum_kernel_cpu(const Tensor& out, const Tensor& in, const ReducePlan& plan);

}  // namespace tl::detail
