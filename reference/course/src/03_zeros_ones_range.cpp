// Exercise 03-zeros-ones-range. The task is in exercises/03-zeros-ones-range/README.md.
#include "course/03_zeros_ones_range.h"

#include <cmath>

#include <course/todo.h>

namespace course {

NotebookFactories make_notebook_factories() {
  // BEGIN SOLUTION 03-zeros-ones-range
  NotebookFactories nb;
  nb.zeros = tl::zeros({3, 4});
  nb.ones = tl::ones({3, 4});
  nb.zero_to_ten = tl::arange(0, 10, 1);
  nb.ten_zeros = tl::zeros_like(nb.zero_to_ten);
  return nb;
  // END SOLUTION
}

int64_t arange_length(const tl::Scalar& start, const tl::Scalar& end, const tl::Scalar& step) {
  // BEGIN SOLUTION 03-zeros-ones-range
  const bool integral = start.is_integral() && end.is_integral() && step.is_integral();
  const double xstart = start.to_double(), xend = end.to_double(), xstep = step.to_double();
  TL_CHECK(xstep > 0 || xstep < 0, "step must be nonzero");
  TL_CHECK(std::isfinite(xstart) && std::isfinite(xend), "unsupported range: ", xstart, " -> ", xend);
  TL_CHECK((xstep > 0 && xend >= xstart) || (xstep < 0 && xend <= xstart),
           "upper bound and larger bound inconsistent with step sign");
  if (integral) {
    // Integer ceil division, exact where doubles would round large values.
    const int64_t s = start.to_long(), e = end.to_long(), st = step.to_long();
    const int64_t sign = st > 0 ? 1 : -1;
    return (e - s + st - sign) / st;
  }
  return static_cast<int64_t>(std::ceil((xend - xstart) / xstep));
  // END SOLUTION
}

tl::Tensor arange_by_hand(const tl::Scalar& start, const tl::Scalar& end, const tl::Scalar& step) {
  // BEGIN SOLUTION 03-zeros-ones-range
  const int64_t n = arange_length(start, end, step);
  if (start.is_integral() && end.is_integral() && step.is_integral()) {
    tl::Tensor out = tl::empty({n}, tl::kLong);
    int64_t* p = out.data_ptr<int64_t>();
    for (int64_t i = 0; i < n; ++i) p[i] = start.to_long() + step.to_long() * i;
    return out;
  }
  tl::Tensor out = tl::empty({n}, tl::kFloat);
  float* p = out.data_ptr<float>();
  // PyTorch's CPU kernel accumulates in double and rounds each value once.
  for (int64_t i = 0; i < n; ++i) p[i] = static_cast<float>(start.to_double() + step.to_double() * static_cast<double>(i));
  return out;
  // END SOLUTION
}

tl::Tensor full_like_by_hand(const tl::Tensor& like, const tl::Scalar& value) {
  // BEGIN SOLUTION 03-zeros-ones-range
  return tl::full(like.sizes(), value, like.options());
  // END SOLUTION
}

}  // namespace course
