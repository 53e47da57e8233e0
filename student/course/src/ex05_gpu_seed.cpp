// Exercise ex05-gpu-seed. The task is in exercises/ex05-gpu-seed/README.md.
#include "course/ex05_gpu_seed.h"

#include <course/todo.h>

namespace course {

bool seed_gpu(uint64_t seed) {
  // TODO(ex05-gpu-seed): your code here
  TL_TODO("ex05-gpu-seed");
}

}  // namespace course
