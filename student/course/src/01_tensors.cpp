// Exercise 01-tensors. The task is in exercises/01-tensors/README.md.
#include "course/01_tensors.h"

#include <course/todo.h>

namespace course {

NotebookTensors make_notebook_tensors() {
  // TODO(01-tensors): your code here
  TL_TODO("01-tensors");
}

int64_t ndim_from_repr(std::string_view repr) {
  // TODO(01-tensors): your code here
  TL_TODO("01-tensors");
}

int64_t numel_from_shape(tl::IntArrayRef shape) {
  // TODO(01-tensors): your code here
  TL_TODO("01-tensors");
}

tl::Scalar item_by_hand(const tl::Tensor& t) {
  // TODO(01-tensors): your code here
  TL_TODO("01-tensors");
}

}  // namespace course
