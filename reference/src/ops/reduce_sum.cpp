// sum and mean: dtype rules, shapes and errors; the summing itself is sum_kernel_cpu.
#include <cstring>

#include "core/cuda_bridge.h"
#include "core/tensor_internal.h"
#include "ops/reduce.h"
#include "tl/ops.h"
#include "tl/tensor.h"

namespace tl {
namespace {

// Sums `self` over `mask` in dtype `dtype`. The input is cast first, as PyTorch does; `to`
// keeps its layout, so the cast copy is summed in the same order.
Tensor sum_impl(const Tensor& self, const std::vector<bool>& mask, bool keepdim, ScalarType dtype) {
  if (self.is_cuda()) {  // one reduction kernel, accumulating float16 in float
    Tensor out = detail::make_tensor(detail::reduced_shape(self.sizes(), mask, true), dtype, self.device());
    detail::cuda_reduce(detail::CudaReduceOp::Sum, self.to(dtype), mask, out, Tensor());
    return keepdim ? out : out.view(detail::reduced_shape(self.sizes(), mask, false));
  }
  detail::check_cpu(self, "sum");
  Tensor out = detail::make_tensor(detail::reduced_shape(self.sizes(), mask, true), dtype, self.device());
  std::memset(out.data_ptr(), 0, static_cast<size_t>(out.nbytes()));  // zero bits are 0 in every dtype
  if (self.numel() != 0) {
    const Tensor in = self.to(dtype);
    detail::sum_kernel_cpu(out, in, detail::plan_reduction(in.sizes(), in.strides(), mask));
  }
  return keepdim ? out : out.view(detail::reduced_shape(self.sizes(), mask, false));
}

// Integers and bool sum to int64 unless a dtype is asked for.
ScalarType sum_dtype(ScalarType in, std::optional<ScalarType> dtype) {
  if (dtype) return *dtype;
  return is_floating_point(in) ? in : kLong;
}

// out /= n in place, as PyTorch's `div_(n)`: n is first cast to the tensor's dtype (so a
// float16 mean over more than 65504 elements divides by inf), the quotient taken in float
// for float16.
void divide_by_count(const Tensor& out, int64_t n) {
  if (out.is_cuda()) {  // PyTorch's CUDA mean multiplies by 1/n, which div_ by a number does there
    Tensor(out).div_(n);
    return;
  }
  dispatch(out.dtype(), [&]<typename T>() {
    if constexpr (std::is_floating_point_v<T> || std::is_same_v<T, Half>) {
      using Op = std::conditional_t<std::is_same_v<T, Half>, float, T>;
      const Op d = static_cast<Op>(detail::cast_value<T>(n));
      T* p = static_cast<T*>(out.data_ptr());
      const int64_t m = out.numel();
      for (int64_t i = 0; i < m; ++i) p[i] = static_cast<T>(static_cast<Op>(p[i]) / d);
    }
  });
}

}  // namespace

Tensor Tensor::sum(std::optional<ScalarType> dtype) const { return sum(IntArrayRef{}, false, dtype); }

Tensor Tensor::sum(IntArrayRef dims, bool keepdim, std::optional<ScalarType> dtype) const {
  const std::vector<bool> mask = detail::reduction_mask(dims, dim());
  return sum_impl(*this, mask, keepdim, sum_dtype(this->dtype(), dtype));
}

Tensor Tensor::mean(std::optional<ScalarType> dtype) const { return mean(IntArrayRef{}, false, dtype); }

Tensor Tensor::mean(IntArrayRef dims, bool keepdim, std::optional<ScalarType> dtype) const {
  const ScalarType out_dtype = dtype.value_or(this->dtype());
  TL_CHECK(tl::is_floating_point(out_dtype), "mean(): could not infer output dtype. ",
           dtype ? "Optional" : "Input", " dtype must be either a floating point or complex dtype. Got: ",
           scalar_type_name(out_dtype));
  const std::vector<bool> mask = detail::reduction_mask(dims, dim());
  int64_t count = 1;
  for (size_t d = 0; d < mask.size(); ++d) {
    if (mask[d]) count *= sizes()[d];
  }
  Tensor out = sum_impl(*this, mask, keepdim, out_dtype);
  divide_by_count(out, dim() == 0 ? numel() : count);
  return out;
}

Tensor sum(const Tensor& a, std::optional<ScalarType> dtype) { return a.sum(dtype); }
Tensor sum(const Tensor& a, IntArrayRef dims, bool keepdim, std::optional<ScalarType> dtype) {
  return a.sum(dims, keepdim, dtype);
}
Tensor mean(const Tensor& a, std::optional<ScalarType> dtype) { return a.mean(dtype); }
Tensor mean(const Tensor& a, IntArrayRef dims, bool keepdim, std::optional<ScalarType> dtype) {
  return a.mean(dims, keepdim, dtype);
}

}  // namespace tl
