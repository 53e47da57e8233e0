// Exercise 02-random. The task is in exercises/02-random/README.md.
#include "course/02_random.h"

#include <mutex>
#include <random>

#include <course/todo.h>

namespace course {

float uniform_from_bits(uint32_t bits) {
  // BEGIN SOLUTION 02-random
  // 24 bits fit a float's significand exactly, so the product is exact too.
  return static_cast<float>(bits & 0xFFFFFFu) * (1.0f / 16777216.0f);
  // END SOLUTION
}

tl::Tensor rand_by_hand(const tl::Generator& gen, tl::IntArrayRef size, tl::ScalarType dtype) {
  // BEGIN SOLUTION 02-random
  TL_CHECK(tl::is_floating_point(dtype), "\"check_uniform_bounds\" not implemented for '",
           tl::scalar_type_name(dtype), "'");
  tl::Tensor out = tl::empty(size, dtype);
  const int64_t n = out.numel();
  tl::CPUGeneratorImpl* cpu = gen.get<tl::CPUGeneratorImpl>();
  std::lock_guard<std::mutex> lock(gen.mutex());  // a whole tensor comes from one stretch of the stream
  if (dtype == tl::kFloat) {
    float* p = out.data_ptr<float>();
    for (int64_t i = 0; i < n; ++i) p[i] = static_cast<float>(cpu->random() & 0xFFFFFFu) / 16777216.0f;
  } else if (dtype == tl::kDouble) {
    double* p = out.data_ptr<double>();
    for (int64_t i = 0; i < n; ++i)
      p[i] = static_cast<double>(cpu->random64() & ((uint64_t(1) << 53) - 1)) / 9007199254740992.0;
  } else {
    tl::Half* p = out.data_ptr<tl::Half>();
    for (int64_t i = 0; i < n; ++i) p[i] = tl::Half(static_cast<float>(cpu->random() & 0x7FFu) / 2048.0f);
  }
  return out;
  // END SOLUTION
}

tl::Tensor rand_from_std_mt19937(uint64_t seed, tl::IntArrayRef size) {
  // BEGIN SOLUTION 02-random
  std::mt19937 engine(static_cast<uint32_t>(seed));  // PyTorch seeds with the low 32 bits
  tl::Tensor out = tl::empty(size, tl::kFloat);
  float* p = out.data_ptr<float>();
  for (int64_t i = 0; i < out.numel(); ++i) p[i] = static_cast<float>(engine() & 0xFFFFFFu) / 16777216.0f;
  return out;
  // END SOLUTION
}

std::pair<tl::Tensor, tl::Tensor> reseeded_pair(uint64_t seed) {
  // BEGIN SOLUTION 02-random
  tl::manual_seed(seed);
  tl::Tensor random_tensor_C = tl::rand({3, 4});
  // Without reseeding, D would continue the stream and differ from C.
  tl::manual_seed(seed);
  tl::Tensor random_tensor_D = tl::rand({3, 4});
  return {random_tensor_C, random_tensor_D};
  // END SOLUTION
}

}  // namespace course
