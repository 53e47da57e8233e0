// Type promotion across operands of different priority (torch.result_type) and the
// casting rule of in-place results (torch.can_cast).
#include <optional>

#include "ops/binary_kernel.h"
#include "tl/ops.h"

namespace tl {
namespace detail {
namespace {

using MaybeType = std::optional<ScalarType>;

MaybeType promote_skip_undefined(MaybeType a, MaybeType b) {
  if (!a) return b;
  if (!b) return a;
  return promote_types(*a, *b);
}

// The result of a higher-priority group `higher` with a lower one `lower`: the lower
// group only counts when it is of a higher kind (bool < integer < floating).
MaybeType combine_categories(MaybeType higher, MaybeType lower) {
  if (higher && is_floating_point(*higher)) return higher;
  if (higher == kBool || (lower && is_floating_point(*lower))) return promote_skip_undefined(higher, lower);
  return higher ? higher : lower;
}

}  // namespace

ScalarType result_type(std::span<const Operand> ops) {
  MaybeType dim_result, zero_dim_result, wrapped_result;
  for (const Operand& op : ops) {
    if (op.is_scalar) {
      // A Python float counts as the default dtype (float32), not float64.
      const ScalarType t = op.dtype() == kDouble ? kFloat : op.dtype();
      wrapped_result = promote_skip_undefined(wrapped_result, t);
    } else if (op.tensor.dim() == 0) {
      zero_dim_result = promote_skip_undefined(zero_dim_result, op.tensor.dtype());
    } else {
      dim_result = promote_skip_undefined(dim_result, op.tensor.dtype());
    }
  }
  return combine_categories(dim_result, combine_categories(zero_dim_result, wrapped_result)).value_or(kFloat);
}

}  // namespace detail

ScalarType result_type(const Tensor& a, const Tensor& b) {
  const detail::Operand ops[] = {a, b};
  return detail::result_type(ops);
}

ScalarType result_type(const Tensor& a, const Scalar& b) {
  const detail::Operand ops[] = {a, b};
  return detail::result_type(ops);
}

bool can_cast(ScalarType from, ScalarType to) {
  // Floating results never go into integer tensors, and only bool goes into bool
  // (bool is a category of its own, so `bool_tensor += 5` is refused).
  if (is_floating_point(from) && is_integral(to)) return false;
  return from == kBool || to != kBool;
}

}  // namespace tl
