// Exercise 06-matmul. The task is in exercises/06-matmul/README.md.
#include "course/06_matmul.h"

#include <algorithm>

#include <course/todo.h>

namespace course {

bool inner_dims_match(tl::IntArrayRef a, tl::IntArrayRef b) {
  // TODO(06-matmul): your code here
  TL_TODO("06-matmul");
}

std::optional<tl::Sizes> matmul_output_shape(tl::IntArrayRef a, tl::IntArrayRef b) {
  // TODO(06-matmul): your code here
  TL_TODO("06-matmul");
}

tl::Tensor matmul_by_hand(const tl::Tensor& a, const tl::Tensor& b) {
  // TODO(06-matmul): your code here
  TL_TODO("06-matmul");
}

tl::Tensor multiply_fixing_shapes(const tl::Tensor& a, const tl::Tensor& b) {
  // TODO(06-matmul): your code here
  TL_TODO("06-matmul");
}

}  // namespace course
