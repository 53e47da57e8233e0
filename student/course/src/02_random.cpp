// Exercise 02-random. The task is in exercises/02-random/README.md.
#include "course/02_random.h"

#include <mutex>
#include <random>

#include <course/todo.h>

namespace course {

float uniform_from_bits(uint32_t bits) {
  // TODO(02-random): your code here
  TL_TODO("02-random");
}

tl::Tensor rand_by_hand(const tl::Generator& gen, tl::IntArrayRef size, tl::ScalarType dtype) {
  // TODO(02-random): your code here
  TL_TODO("02-random");
}

tl::Tensor rand_from_std_mt19937(uint64_t seed, tl::IntArrayRef size) {
  // TODO(02-random): your code here
  TL_TODO("02-random");
}

std::pair<tl::Tensor, tl::Tensor> reseeded_pair(uint64_t seed) {
  // TODO(02-random): your code here
  TL_TODO("02-random");
}

}  // namespace course
