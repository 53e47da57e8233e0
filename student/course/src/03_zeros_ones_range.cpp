// Exercise 03-zeros-ones-range. The task is in exercises/03-zeros-ones-range/README.md.
#include "course/03_zeros_ones_range.h"

#include <cmath>

#include <course/todo.h>

namespace course {

NotebookFactories make_notebook_factories() {
  // TODO(03-zeros-ones-range): your code here
  TL_TODO("03-zeros-ones-range");
}

int64_t arange_length(const tl::Scalar& start, const tl::Scalar& end, const tl::Scalar& step) {
  // TODO(03-zeros-ones-range): your code here
  TL_TODO("03-zeros-ones-range");
}

tl::Tensor arange_by_hand(const tl::Scalar& start, const tl::Scalar& end, const tl::Scalar& step) {
  // TODO(03-zeros-ones-range): your code here
  TL_TODO("03-zeros-ones-range");
}

tl::Tensor full_like_by_hand(const tl::Tensor& like, const tl::Scalar& value) {
  // TODO(03-zeros-ones-range): your code here
  TL_TODO("03-zeros-ones-range");
}

}  // namespace course
