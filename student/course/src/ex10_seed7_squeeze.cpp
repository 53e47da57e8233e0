// Exercise ex10-seed7-squeeze. The task is in exercises/ex10-seed7-squeeze/README.md.
#include "course/ex10_seed7_squeeze.h"

#include <course/todo.h>

namespace course {

Squeezed seed7_squeeze(uint64_t seed) {
  // TODO(ex10-seed7-squeeze): your code here
  TL_TODO("ex10-seed7-squeeze");
}

void print_with_shape(std::ostream& os, const tl::Tensor& t) {
  // TODO(ex10-seed7-squeeze): your code here
  TL_TODO("ex10-seed7-squeeze");
}

}  // namespace course
