// Exercise 05-elementwise. The task is in exercises/05-elementwise/README.md.
#include "course/05_elementwise.h"

#include <algorithm>
#include <vector>

#include <course/todo.h>

namespace course {

NotebookOps notebook_ops(const tl::Tensor& tensor) {
  // TODO(05-elementwise): your code here
  TL_TODO("05-elementwise");
}

tl::Sizes broadcast_shape(tl::IntArrayRef a, tl::IntArrayRef b) {
  // TODO(05-elementwise): your code here
  TL_TODO("05-elementwise");
}

tl::ScalarType scalar_result_type(tl::ScalarType tensor_dtype, const tl::Scalar& number) {
  // TODO(05-elementwise): your code here
  TL_TODO("05-elementwise");
}

tl::Tensor mul_by_hand(const tl::Tensor& a, const tl::Tensor& b) {
  // TODO(05-elementwise): your code here
  TL_TODO("05-elementwise");
}

}  // namespace course
