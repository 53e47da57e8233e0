// Geometry of element-wise ops: broadcasting, the dim order TensorIterator iterates in,
// the layout of new outputs, and the memory-overlap checks of in-place writes (core/memory_overlap.h).
#include <algorithm>
#include <utility>

#include "ops/binary_kernel.h"
#include "tl/ops.h"

namespace tl {

Sizes broadcast_shapes(IntArrayRef a, IntArrayRef b) {
  const size_t nd = std::max(a.size(), b.size());
  Sizes out(nd, 1);
  for (size_t i = nd; i-- > 0;) {
    const size_t back = nd - 1 - i;
    const int64_t sa = back < a.size() ? a[a.size() - 1 - back] : 1;
    const int64_t sb = back < b.size() ? b[b.size() - 1 - back] : 1;
    TL_CHECK(sa == sb || sa == 1 || sb == 1, "The size of tensor a (", sa, ") must match the size of tensor b (", sb,
             ") at non-singleton dimension ", i);
    out[i] = sa == 1 ? sb : sa;  // a 1 takes the other size, even 0
  }
  return out;
}

namespace detail {
namespace {

// Strides of a dense tensor of `shape` whose dims, fastest first, are `order`.
// `skip_small` treats sizes 0 and 1 as 1 (empty_like) instead of multiplying them in
// (TensorIterator's outputs); both match PyTorch bit for bit.
Sizes strides_in_order(IntArrayRef shape, IntArrayRef order, bool skip_small) {
  Sizes strides(shape.size(), 0);
  int64_t next = 1;
  for (int64_t d : order) {
    strides[static_cast<size_t>(d)] = next;
    if (!skip_small || shape[static_cast<size_t>(d)] > 1) next *= shape[static_cast<size_t>(d)];
  }
  return strides;
}

bool is_reversed(IntArrayRef order) {
  for (size_t i = 0; i < order.size(); ++i)
    if (order[i] != static_cast<int64_t>(order.size() - 1 - i)) return false;
  return true;
}

}  // namespace

Sizes broadcast_operands(std::span<const Operand> ops) {
  // As TensorIterator: the first non-0-d shape, then each other one broadcast into it.
  Sizes shape;
  for (const Operand& op : ops) {
    const IntArrayRef s = op.sizes();
    if (shape.empty()) shape = s;
    else if (!(shape == s)) shape = broadcast_shapes(shape, s);
  }
  return shape;
}

Sizes broadcast_strides(const Tensor& t, IntArrayRef shape) {
  const size_t nd = shape.size();
  const size_t offset = nd - static_cast<size_t>(t.dim());
  Sizes out(nd, 0);
  for (size_t i = 0; i < static_cast<size_t>(t.dim()); ++i)
    out[offset + i] = (t.sizes()[i] == 1 && shape[offset + i] != 1) ? 0 : t.strides()[i];
  return out;
}

Sizes iteration_order(IntArrayRef shape, std::span<const Sizes> strides) {
  const size_t nd = shape.size();
  Sizes order(nd, 0);
  for (size_t i = 0; i < nd; ++i) order[i] = static_cast<int64_t>(nd - 1 - i);  // row-major: last dim fastest
  // 1: d0 goes after d1, -1: before, 0: no operand can tell (broadcast or equal strides).
  auto should_swap = [&](int64_t d0, int64_t d1) {
    for (const Sizes& st : strides) {
      const int64_t s0 = st[static_cast<size_t>(d0)], s1 = st[static_cast<size_t>(d1)];
      if (s0 == 0 || s1 == 0) continue;
      if (s0 != s1) return s0 < s1 ? -1 : 1;
      if (shape[static_cast<size_t>(d0)] > shape[static_cast<size_t>(d1)]) return 1;
    }
    return 0;
  };
  // Insertion sort that steps over ambiguous pairs, exactly as TensorIterator's.
  for (size_t i = 1; i < nd; ++i) {
    size_t d1 = i;
    for (size_t d0 = i; d0-- > 0;) {
      const int c = should_swap(order[d0], order[d1]);
      if (c > 0) {
        std::swap(order[d0], order[d1]);
        d1 = d0;
      } else if (c < 0) {
        break;
      }
    }
  }
  return order;
}

Tensor empty_elementwise_output(IntArrayRef shape, ScalarType dtype, Device device, std::span<const Operand> inputs) {
  // TensorIterator's fast setup: inputs all of one shape and all contiguous keep the
  // output contiguous; all dense with equal strides give the output those strides.
  bool same_shape = true, has_0d = false, has_nd = false, all_contiguous = true, all_dense = true;
  const Sizes* common_strides = nullptr;
  bool equal_strides = true;
  for (const Operand& op : inputs) {
    const IntArrayRef s = op.sizes();
    (s.empty() ? has_0d : has_nd) = true;
    if (!s.equals(shape)) same_shape = false;
    if (op.is_scalar) continue;
    all_contiguous = all_contiguous && op.tensor.is_contiguous();
    all_dense = all_dense && is_non_overlapping_and_dense(op.tensor);
    if (common_strides && !(*common_strides == op.tensor.strides())) equal_strides = false;
    common_strides = &op.tensor.strides();
  }
  same_shape = same_shape && !(has_0d && has_nd);
  if (same_shape && all_contiguous) return make_tensor(shape, dtype, device);
  if (same_shape && all_dense && equal_strides && common_strides) {
    Tensor out = make_tensor(shape, dtype, device);
    out.impl().strides = *common_strides;
    return out;
  }
  // General case: lay the output out in the inputs' dim order.
  std::array<Sizes, 2> strides;
  TL_CHECK(inputs.size() <= strides.size(), "too many operands");
  for (size_t k = 0; k < inputs.size(); ++k)
    strides[k] = inputs[k].is_scalar ? Sizes(shape.size(), 0) : broadcast_strides(inputs[k].tensor, shape);
  return empty_in_iteration_order(shape, dtype, device, std::span<const Sizes>(strides.data(), inputs.size()));
}

Tensor empty_in_iteration_order(IntArrayRef shape, ScalarType dtype, Device device, std::span<const Sizes> strides) {
  Tensor out = make_tensor(shape, dtype, device);
  const Sizes order = iteration_order(shape, strides);
  if (!is_reversed(order)) out.impl().strides = strides_in_order(shape, order, false);
  return out;
}

Tensor empty_preserving(const Tensor& t, ScalarType dtype, Device device) {
  Tensor out = make_tensor(t.sizes(), dtype, device);
  if (is_non_overlapping_and_dense(t)) {
    out.impl().strides = t.strides();
  } else if (t.dim() > 1) {
    // Not dense: dense strides in the same dim order (PyTorch's infer_dense_strides,
    // which sorts like TensorIterator but treats every 0 stride as ambiguous).
    const Sizes st = t.strides();
    const Sizes order = iteration_order(t.sizes(), std::span<const Sizes>(&st, 1));
    out.impl().strides = strides_in_order(t.sizes(), order, true);
  }
  return out;
}

void check_inplace_overlap(const Tensor& out, std::span<const Operand> inputs) {
  check_no_internal_overlap(out);
  for (const Operand& op : inputs) {
    if (!op.is_scalar) check_no_partial_overlap(out, op.tensor);
  }
}

}  // namespace detail
}  // namespace tl
