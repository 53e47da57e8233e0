// Exercise 08-aggregation. The task is in exercises/08-aggregation/README.md.
#include "course/08_aggregation.h"

#include <cmath>
#include <type_traits>

#include <course/todo.h>

namespace course {

tl::Tensor mean_any(const tl::Tensor& x) {
  // TODO(08-aggregation): your code here
  TL_TODO("08-aggregation");
}

Aggregates aggregate(const tl::Tensor& x) {
  // TODO(08-aggregation): your code here
  TL_TODO("08-aggregation");
}

int64_t argmax_by_hand(const tl::Tensor& x) {
  // TODO(08-aggregation): your code here
  TL_TODO("08-aggregation");
}

int64_t argmin_by_hand(const tl::Tensor& x) {
  // TODO(08-aggregation): your code here
  TL_TODO("08-aggregation");
}

}  // namespace course
