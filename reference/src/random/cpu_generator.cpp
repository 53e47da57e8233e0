// The CPU generator, the process-wide default generator and the global seeding functions.
#include <random>

#include "core/cuda_bridge.h"
#include "tl/random.h"

namespace tl {

CPUGeneratorImpl::CPUGeneratorImpl(uint64_t seed) : engine_(seed) {}

void CPUGeneratorImpl::set_current_seed(uint64_t seed) {
  // A new stream must not start with the previous stream's cached Box–Muller sample.
  next_float_normal_sample_.reset();
  next_double_normal_sample_.reset();
  engine_ = mt19937(seed);
}

uint64_t CPUGeneratorImpl::current_seed() const { return engine_.seed(); }

uint64_t CPUGeneratorImpl::seed() {
  // 53 bits, as PyTorch, so the seed survives a round trip through a Python float.
  std::random_device device;
  const uint64_t s = ((static_cast<uint64_t>(device()) << 32) | device()) & ((1ULL << 53) - 1);
  set_current_seed(s);
  return s;
}

namespace detail {

const Generator& getDefaultCPUGenerator() {
  static const Generator gen = createCPUGenerator(default_rng_seed_val);
  return gen;
}

Generator createCPUGenerator(uint64_t seed) { return Generator(std::make_shared<CPUGeneratorImpl>(seed)); }

}  // namespace detail

void manual_seed(uint64_t seed) {
  const Generator& gen = detail::getDefaultCPUGenerator();
  {
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.impl().set_current_seed(seed);
  }
  detail::cuda_manual_seed_all(seed);
}

uint64_t initial_seed() {
  const Generator& gen = detail::getDefaultCPUGenerator();
  std::lock_guard<std::mutex> lock(gen.mutex());
  return gen.current_seed();
}

uint64_t seed() {
  const Generator& gen = detail::getDefaultCPUGenerator();
  std::lock_guard<std::mutex> lock(gen.mutex());
  return gen.impl().seed();
}

}  // namespace tl
