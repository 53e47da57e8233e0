// Exercise 04-dtypes. The task is in exercises/04-dtypes/README.md.
#include "course/04_dtypes.h"

#include <cmath>
#include <cstring>
#include <sstream>

#include <course/todo.h>

namespace course {

uint16_t float_to_half_bits(float value) {
  // TODO(04-dtypes): your code here
  TL_TODO("04-dtypes");
}

float half_bits_to_float(uint16_t bits) {
  // TODO(04-dtypes): your code here
  TL_TODO("04-dtypes");
}

tl::Tensor type_by_hand(const tl::Tensor& t, tl::ScalarType dtype) {
  // TODO(04-dtypes): your code here
  TL_TODO("04-dtypes");
}

std::string what_what_where(const tl::Tensor& t) {
  // TODO(04-dtypes): your code here
  TL_TODO("04-dtypes");
}

}  // namespace course
