// Shared helpers of the reductions: dim lists, result shapes, TensorIterator's loop order.
#include "ops/reduce.h"

#include <algorithm>
#include <utility>

#include "core/tensor_internal.h"

namespace tl::detail {

std::vector<bool> reduction_mask(IntArrayRef dims, int64_t ndim) {
  std::vector<bool> mask(static_cast<size_t>(std::max<int64_t>(ndim, 1)), dims.empty());
  for (int64_t d : dims) {
    const int64_t w = wrap_dim(d, ndim);
    TL_CHECK(!mask[w], "dim ", w, " appears multiple times in the list of dims");
    mask[w] = true;
  }
  mask.resize(static_cast<size_t>(ndim));  // a 0-d tensor has no dim to flag
  return mask;
}

Sizes reduced_shape(IntArrayRef sizes, const std::vector<bool>& mask, bool keepdim) {
  Sizes out;
  for (size_t d = 0; d < sizes.size(); ++d) {
    if (!mask[d]) out.push_back(sizes[d]);
    else if (keepdim) out.push_back(1);
  }
  return out;
}

namespace {

// TensorIterator::reorder_dimensions' comparison for operands {output, input}:
// 1 when dim a should move after dim b, -1 when before, 0 when undecided.
int should_swap(const ReducePlan& p, size_t a, size_t b) {
  for (int op = 0; op < 2; ++op) {
    const Sizes& st = op == 0 ? p.out_strides : p.in_strides;
    const int64_t s0 = st[a], s1 = st[b];
    if (op == 0 && (s0 == 0) != (s1 == 0)) return s1 == 0 ? 1 : -1;  // reduced dims go first
    if (s0 == 0 || s1 == 0) continue;
    if (s0 < s1) return -1;
    if (s0 > s1) return 1;
    if (p.shape[a] > p.shape[b]) return 1;
  }
  return 0;
}

// Sorts dims fastest-first with TensorIterator's insertion sort (ties stay put).
void reorder(ReducePlan& p) {
  const size_t nd = p.shape.size();
  if (nd <= 1) return;
  std::vector<size_t> perm(nd);
  for (size_t i = 0; i < nd; ++i) perm[i] = nd - 1 - i;
  for (size_t i = 1; i < nd; ++i) {
    size_t d1 = i;
    for (size_t d0 = i; d0-- > 0;) {
      const int c = should_swap(p, perm[d0], perm[d1]);
      if (c > 0) {
        std::swap(perm[d0], perm[d1]);
        d1 = d0;
      } else if (c < 0) {
        break;
      }
    }
  }
  ReducePlan q;
  for (size_t i = 0; i < nd; ++i) {
    q.shape.push_back(p.shape[perm[i]]);
    q.out_strides.push_back(p.out_strides[perm[i]]);
    q.in_strides.push_back(p.in_strides[perm[i]]);
  }
  p = std::move(q);
}

// Merges neighbouring dims that step through memory as one (TensorIterator::coalesce_dimensions).
void coalesce(ReducePlan& p) {
  const size_t nd = p.shape.size();
  if (nd <= 1) return;
  size_t prev = 0;
  for (size_t d = 1; d < nd; ++d) {
    const bool mergeable = p.shape[prev] == 1 || p.shape[d] == 1 ||
                           (p.shape[prev] * p.out_strides[prev] == p.out_strides[d] &&
                            p.shape[prev] * p.in_strides[prev] == p.in_strides[d]);
    if (mergeable) {
      if (p.shape[prev] == 1) {
        p.out_strides[prev] = p.out_strides[d];
        p.in_strides[prev] = p.in_strides[d];
      }
      p.shape[prev] *= p.shape[d];
    } else {
      ++prev;
      p.shape[prev] = p.shape[d];
      p.out_strides[prev] = p.out_strides[d];
      p.in_strides[prev] = p.in_strides[d];
    }
  }
  p.shape.resize(prev + 1, 0);
  p.out_strides.resize(prev + 1, 0);
  p.in_strides.resize(prev + 1, 0);
}

}  // namespace

ReducePlan plan_reduction(IntArrayRef sizes, IntArrayRef in_strides, const std::vector<bool>& mask) {
  ReducePlan p;
  p.shape = sizes;
  p.in_strides = in_strides;
  p.out_strides = contiguous_strides(reduced_shape(sizes, mask, true));  // the keepdim result is contiguous
  for (size_t d = 0; d < sizes.size(); ++d) {
    if (mask[d]) p.out_strides[d] = 0;
  }
  reorder(p);
  coalesce(p);
  return p;
}

}  // namespace tl::detail
