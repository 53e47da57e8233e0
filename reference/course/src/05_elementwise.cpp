// Exercise 05-elementwise. The task is in exercises/05-elementwise/README.md.
#include "course/05_elementwise.h"

#include <algorithm>
#include <vector>

#include <course/todo.h>

namespace course {

NotebookOps notebook_ops(const tl::Tensor& tensor) {
  // BEGIN SOLUTION 05-elementwise
  NotebookOps r;
  r.plus_ten = tensor + 10;
  r.times_ten = tensor * 10;
  r.minus_ten = tensor - 10;
  r.multiply_ten = tl::multiply(tensor, 10);
  r.squared = tensor * tensor;
  r.divided = tensor / 10;
  return r;
  // END SOLUTION
}

tl::Sizes broadcast_shape(tl::IntArrayRef a, tl::IntArrayRef b) {
  // BEGIN SOLUTION 05-elementwise
  const size_t ndim = std::max(a.size(), b.size());
  tl::Sizes out(ndim, 1);
  for (size_t k = 0; k < ndim; ++k) {  // k counts from the right, as PyTorch checks
    const size_t i = ndim - 1 - k;     // output dim named in the message
    const int64_t sa = k < a.size() ? a[a.size() - 1 - k] : 1;
    const int64_t sb = k < b.size() ? b[b.size() - 1 - k] : 1;
    TL_CHECK(sa == sb || sa == 1 || sb == 1, "The size of tensor a (", sa, ") must match the size of tensor b (", sb,
             ") at non-singleton dimension ", i);
    out[i] = sa == 1 ? sb : sa;
  }
  return out;
  // END SOLUTION
}

tl::ScalarType scalar_result_type(tl::ScalarType tensor_dtype, const tl::Scalar& number) {
  // BEGIN SOLUTION 05-elementwise
  auto category = [](bool is_bool, bool is_float) { return is_bool ? 0 : is_float ? 2 : 1; };
  const int tensor_cat = category(tensor_dtype == tl::kBool, tl::is_floating_point(tensor_dtype));
  const int number_cat = category(number.is_boolean(), number.is_floating_point());
  if (number_cat <= tensor_cat) return tensor_dtype;  // the tensor's dtype wins within its category
  return number_cat == 2 ? tl::kFloat : tl::kLong;     // default dtypes of the number's category
  // END SOLUTION
}

tl::Tensor mul_by_hand(const tl::Tensor& a, const tl::Tensor& b) {
  // BEGIN SOLUTION 05-elementwise
  TL_CHECK(a.dtype() == tl::kFloat && b.dtype() == tl::kFloat, "mul_by_hand: expected float32 tensors, got ",
           a.dtype(), " and ", b.dtype());
  const tl::Sizes shape = broadcast_shape(a.sizes(), b.sizes());
  const size_t ndim = shape.size();
  // Strides of each input as seen from the output: 0 where the input is broadcast.
  auto aligned_strides = [&](const tl::Tensor& t) {
    std::vector<int64_t> s(ndim, 0);
    const size_t offset = ndim - static_cast<size_t>(t.dim());
    for (size_t d = 0; d < static_cast<size_t>(t.dim()); ++d)
      s[offset + d] = t.size(static_cast<int64_t>(d)) == 1 ? 0 : t.stride(static_cast<int64_t>(d));
    return s;
  };
  const std::vector<int64_t> sa = aligned_strides(a), sb = aligned_strides(b);
  tl::Tensor out = tl::empty(shape, tl::kFloat);
  float* po = out.data_ptr<float>();
  const float* pa = a.data_ptr<float>();
  const float* pb = b.data_ptr<float>();
  std::vector<int64_t> index(ndim, 0);
  for (int64_t i = 0; i < out.numel(); ++i) {
    int64_t oa = 0, ob = 0;
    for (size_t d = 0; d < ndim; ++d) {
      oa += index[d] * sa[d];
      ob += index[d] * sb[d];
    }
    po[i] = pa[oa] * pb[ob];
    for (size_t d = ndim; d-- > 0;) {  // next multi-index, last dim fastest
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
  return out;
  // END SOLUTION
}

}  // namespace course
