// Exercise ex10-seed7-squeeze. The task is in exercises/ex10-seed7-squeeze/README.md.
#include "course/ex10_seed7_squeeze.h"

#include <course/todo.h>

namespace course {

Squeezed seed7_squeeze(uint64_t seed) {
  // BEGIN SOLUTION ex10-seed7-squeeze
  tl::manual_seed(seed);
  Squeezed out;
  out.tensor_D = tl::rand({1, 1, 1, 10});
  out.tensor_E = out.tensor_D.squeeze();  // a view: drops every size-1 dim
  return out;
  // END SOLUTION
}

void print_with_shape(std::ostream& os, const tl::Tensor& t) {
  // BEGIN SOLUTION ex10-seed7-squeeze
  os << t << " " << t.sizes() << "\n";  // print(t, t.shape) separates its arguments by a space
  // END SOLUTION
}

}  // namespace course
