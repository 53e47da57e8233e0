// Exercise 09-reshape. The task is in exercises/09-reshape/README.md.
#include "course/09_reshape.h"

#include <optional>
#include <sstream>

#include <course/todo.h>

namespace course {

Reshapes reshape_stack_squeeze(tl::Tensor x) {
  // TODO(09-reshape): your code here
  TL_TODO("09-reshape");
}

tl::Tensor permute_to_chw(const tl::Tensor& image_hwc) {
  // TODO(09-reshape): your code here
  TL_TODO("09-reshape");
}

tl::Sizes infer_shape(tl::IntArrayRef shape, int64_t numel) {
  // TODO(09-reshape): your code here
  TL_TODO("09-reshape");
}

tl::Tensor stack_by_hand(const std::vector<tl::Tensor>& tensors, int64_t dim) {
  // TODO(09-reshape): your code here
  TL_TODO("09-reshape");
}

}  // namespace course
