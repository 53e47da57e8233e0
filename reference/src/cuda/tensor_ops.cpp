// The bridge's tensor-level kernels: turns tensors into the raw launch arguments of
// kernels.h (device, merged dims, strides, numbers as bit patterns) and launches.
#include <cstring>
#include <optional>

#include "core/cuda_bridge.h"
#include "core/strided_loop.h"
#include "cuda/kernels.h"
#include "cuda/runtime.h"
#include "tl/tensor.h"

namespace tl::detail {
namespace {

using cuda_backend::Input;
using cuda_backend::kMaxDims;
using cuda_backend::Shape;
using cuda_backend::Strided;

// The iteration space of N operands of shape `sizes`, with mergeable dims merged.
template <size_t N>
Shape merge_dims(IntArrayRef sizes, const std::array<IntArrayRef, N>& strides, std::array<Strided, N>& operands) {
  const StridedRuns<N> runs = coalesce<N>(sizes, strides);
  const auto nd = static_cast<int64_t>(runs.sizes.size());
  TL_CHECK(nd <= kMaxDims, "CUDA kernels handle at most ", kMaxDims, " dims after merging, got ", nd);
  Shape shape;
  shape.ndim = static_cast<int>(nd);
  for (int64_t s : sizes) {
    if (s == 0) {  // nothing to iterate
      shape.ndim = 1;
      shape.sizes[0] = 0;
      return shape;
    }
  }
  for (size_t d = 0; d < runs.sizes.size(); ++d) {
    shape.sizes[d] = runs.sizes[d];
    for (size_t k = 0; k < N; ++k) operands[k].strides[d] = runs.strides[k][d];
  }
  return shape;
}

// `t`'s strides aligned to `shape` (trailing dims matched), 0 along broadcast dims.
Sizes broadcast_to(const Tensor& t, IntArrayRef shape) {
  Sizes out(shape.size(), 0);
  const size_t offset = shape.size() - static_cast<size_t>(t.dim());
  for (size_t d = 0; d < static_cast<size_t>(t.dim()); ++d) {
    out[offset + d] = t.sizes()[d] == 1 ? 0 : t.strides()[d];
  }
  return out;
}

void check_on(const Tensor& t, Device device, const char* what) {
  TL_CHECK(t.device() == device, "Expected all tensors to be on the same device, but found at least two devices, ",
           device, " and ", t.device(), "! (", what, ")");
}

// A number as the bit pattern of T's math type (float for half), after rounding to T
// as PyTorch rounds a number to the op's dtype.
uint64_t math_bits(const Scalar& value, ScalarType dtype) {
  uint64_t bits = 0;
  dispatch(dtype, [&]<typename T>() {
    const T v = value.to<T>();
    if constexpr (std::is_same_v<T, Half>) {
      const float f = v;
      std::memcpy(&bits, &f, sizeof f);
    } else {
      std::memcpy(&bits, &v, sizeof v);
    }
  });
  return bits;
}

// A number as the bit pattern of T itself.
uint64_t value_bits(const Scalar& value, ScalarType dtype) {
  uint64_t bits = 0;
  dispatch(dtype, [&]<typename T>() {
    const T v = value.to<T>();
    std::memcpy(&bits, &v, sizeof v);
  });
  return bits;
}

// A number straight in the math type, without rounding to T first (PyTorch's alpha).
uint64_t alpha_bits(const Scalar& value, ScalarType dtype) {
  return dtype == kHalf ? math_bits(value.to<float>(), kFloat) : math_bits(value, dtype);
}

// The number an input stands for when it is one: a Scalar, or a 0-d CPU tensor.
std::optional<Scalar> as_number(const CudaInput& in) {
  if (in.tensor == nullptr) return in.value;
  if (in.tensor->is_cpu() && in.tensor->dim() == 0) return in.tensor->item();
  return std::nullopt;
}

}  // namespace

void cuda_copy(const Tensor& dst, const Tensor& src) {
  TL_CHECK(dst.is_cuda(), "cuda_copy: destination is not a CUDA tensor");
  check_on(src, dst.device(), "copy_");
  std::array<Strided, 2> ops;
  const Shape shape = merge_dims<2>(dst.sizes(), {dst.strides(), src.strides()}, ops);
  ops[0].data = dst.data_ptr();
  ops[1].data = src.data_ptr();
  cuda_backend::DeviceGuard guard(dst.device());
  cuda_backend::launch_copy(shape, dst.dtype(), ops[0], src.dtype(), ops[1]);
}

void cuda_fill(const Tensor& dst, const Scalar& value) {
  std::array<Strided, 1> ops;
  const Shape shape = merge_dims<1>(dst.sizes(), {dst.strides()}, ops);
  ops[0].data = dst.data_ptr();
  cuda_backend::DeviceGuard guard(dst.device());
  cuda_backend::launch_fill(shape, dst.dtype(), ops[0], value_bits(value, dst.dtype()));
}

void cuda_unary(CudaUnaryOp op, const Tensor& out, const Tensor& in) {
  check_on(in, out.device(), "unary op");
  std::array<Strided, 2> ops;
  const Shape shape = merge_dims<2>(out.sizes(), {out.strides(), in.strides()}, ops);
  ops[0].data = out.data_ptr();
  ops[1].data = in.data_ptr();
  cuda_backend::DeviceGuard guard(out.device());
  cuda_backend::launch_unary(op, in.dtype(), shape, ops[0], ops[1]);
}

void cuda_binary(CudaBinaryOp op, ScalarType compute, const Tensor& out, const CudaInput& a, const CudaInput& b,
                 const Scalar& alpha) {
  const IntArrayRef shape_out = out.sizes();
  const std::optional<Scalar> na = as_number(a), nb = as_number(b);
  // Each input: strides over the output's shape for a tensor, a bit pattern for a number.
  Sizes sa(shape_out.size(), 0), sb(shape_out.size(), 0);
  Input ia, ib;
  auto prepare = [&](const CudaInput& in, const std::optional<Scalar>& number, Sizes& strides, Input& input) {
    input.is_value = number.has_value();
    if (number) {
      input.bits = math_bits(*number, compute);
      return;
    }
    check_on(*in.tensor, out.device(), "element-wise op");
    TL_CHECK(in.tensor->dtype() == compute, "cuda_binary: an input of dtype ", in.tensor->dtype(),
             " for compute dtype ", compute);
    strides = broadcast_to(*in.tensor, shape_out);
  };
  prepare(a, na, sa, ia);
  prepare(b, nb, sb, ib);
  if (op == CudaBinaryOp::Div && nb) {
    // PyTorch's CUDA division by a number multiplies by its reciprocal, taken in the math
    // type after the number is rounded to the compute dtype.
    op = CudaBinaryOp::Mul;
    if (compute == kDouble) {
      const double inv = 1.0 / nb->to<double>();
      std::memcpy(&ib.bits, &inv, sizeof inv);
    } else {
      const float inv = 1.0f / (compute == kHalf ? static_cast<float>(nb->to<Half>()) : nb->to<float>());
      std::memcpy(&ib.bits, &inv, sizeof inv);
    }
  }
  std::array<Strided, 3> ops;
  const Shape shape = merge_dims<3>(shape_out, {out.strides(), sa, sb}, ops);
  ops[0].data = out.data_ptr();
  ia.array = ops[1];
  ib.array = ops[2];
  if (!na) ia.array.data = a.tensor->data_ptr();
  if (!nb) ib.array.data = b.tensor->data_ptr();
  cuda_backend::DeviceGuard guard(out.device());
  cuda_backend::launch_binary(op, compute, shape, ops[0], ia, ib, alpha_bits(alpha, compute));
}

void cuda_reduce(CudaReduceOp op, const Tensor& in, const std::vector<bool>& mask, const Tensor& values,
                 const Tensor& indices) {
  const Tensor& out = values.defined() ? values : indices;
  TL_CHECK(out.defined(), "cuda_reduce: no output");
  check_on(in, out.device(), "reduction");
  TL_CHECK(!values.defined() || values.dtype() == in.dtype(), "cuda_reduce: values must have the input's dtype");
  // Split the dims into kept ones (outer) and reduced ones (inner), each in order.
  Sizes outer_sizes, outer_in, outer_out, inner_sizes, inner_in;
  for (size_t d = 0; d < static_cast<size_t>(in.dim()); ++d) {
    if (mask[d]) {
      inner_sizes.push_back(in.sizes()[d]);
      inner_in.push_back(in.strides()[d]);
    } else {
      outer_sizes.push_back(in.sizes()[d]);
      outer_in.push_back(in.strides()[d]);
      outer_out.push_back(out.strides()[d]);  // out has the keepdim shape
    }
  }
  cuda_backend::ReduceGeometry g;
  std::array<Strided, 2> outer_ops;
  std::array<Strided, 1> inner_ops;
  g.outer = merge_dims<2>(outer_sizes, {outer_in, outer_out}, outer_ops);
  g.inner = merge_dims<1>(inner_sizes, {inner_in}, inner_ops);
  g.in_outer = outer_ops[0];
  g.in_outer.data = in.data_ptr();
  g.out_outer = outer_ops[1];
  g.in_inner = inner_ops[0];
  cuda_backend::DeviceGuard guard(out.device());
  cuda_backend::launch_reduce(op, in.dtype(), g, values.defined() ? values.data_ptr() : nullptr,
                              indices.defined() ? static_cast<int64_t*>(indices.data_ptr()) : nullptr);
}

}  // namespace tl::detail
