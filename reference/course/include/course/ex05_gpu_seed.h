#pragma once
/// @file ex05_gpu_seed.h
/// @brief Exercise ex05-gpu-seed: the notebook's exercise 5, "is there a GPU equivalent of
/// `torch.manual_seed()`? If there is, set the GPU random seed to 1234".
///
/// Read exercises/ex05-gpu-seed/README.md first. Run the tests with `ctest -L ex05-gpu-seed`.

#include <cstdint>

#include <tl/cuda.h>
#include <tl/tl.h>

namespace course {

/// @brief Sets the GPU's random seed to `seed` (Python's `torch.cuda.manual_seed(seed)`) and
/// says whether there was a GPU to seed (`tl::cuda::is_available()`).
///
/// Only the GPU's generator changes: the CPU's default generator (what `tl::manual_seed`
/// seeds, what `tl::rand` on the CPU draws from) is left exactly as it was. Without a GPU,
/// seeding it does nothing (as in PyTorch), and the function returns false.
/// @code
/// bool seeded = course::seed_gpu(1234);   // true on a machine with a CUDA GPU
/// @endcode
bool seed_gpu(uint64_t seed = 1234);

}  // namespace course
