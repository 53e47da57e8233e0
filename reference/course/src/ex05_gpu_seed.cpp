// Exercise ex05-gpu-seed. The task is in exercises/ex05-gpu-seed/README.md.
#include "course/ex05_gpu_seed.h"

#include <course/todo.h>

namespace course {

bool seed_gpu(uint64_t seed) {
  // BEGIN SOLUTION ex05-gpu-seed
  // Not tl::manual_seed: that would reseed the CPU generator too.
  tl::cuda::manual_seed(seed);  // does nothing without a GPU, as in PyTorch
  return tl::cuda::is_available();
  // END SOLUTION
}

}  // namespace course
