// Exercise ex09-argmax-argmin. The task is in exercises/ex09-argmax-argmin/README.md.
#include "course/ex09_argmax_argmin.h"

#include <course/todo.h>

namespace course {

ArgMaxMin argmax_argmin(const tl::Tensor& tensor_C) {
  // BEGIN SOLUTION ex09-argmax-argmin
  return {tl::argmax(tensor_C), tl::argmin(tensor_C)};
  // END SOLUTION
}

}  // namespace course
