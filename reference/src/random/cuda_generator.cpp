// The CUDA generator's bookkeeping (seed and Philox offset), the default generator of each
// device, and the CUDA seeding functions. Host-only code, built in every configuration: a
// build or machine without CUDA simply has no devices to seed.
#include <deque>
#include <mutex>
#include <random>

#include "core/cuda_bridge.h"
#include "tl/cuda.h"

namespace tl {

CUDAGeneratorImpl::CUDAGeneratorImpl(int device_index, uint64_t seed) : device_index_(device_index), seed_(seed) {}

void CUDAGeneratorImpl::set_current_seed(uint64_t seed) {
  seed_ = seed;
  offset_ = 0;
}

uint64_t CUDAGeneratorImpl::seed() {
  // 53 bits, like the CPU generator, so the seed survives a trip through a Python float.
  std::random_device device;
  const uint64_t s = ((static_cast<uint64_t>(device()) << 32) | device()) & ((1ULL << 53) - 1);
  set_current_seed(s);
  return s;
}

void CUDAGeneratorImpl::set_philox_offset_per_thread(uint64_t offset) {
  TL_CHECK(offset % 4 == 0, "offset must be a multiple of 4");
  offset_ = offset;
}

std::pair<uint64_t, uint64_t> CUDAGeneratorImpl::philox_engine_inputs(uint64_t increment) {
  // Offsets stay multiples of 4 so that every kernel starts on a fresh Philox block.
  increment = (increment + 3) / 4 * 4;
  const uint64_t offset = offset_;
  offset_ += increment;
  return {seed_, offset};
}

namespace detail {

namespace {
int resolve(int device_index) { return device_index < 0 ? 0 : device_index; }
}  // namespace

const Generator& getDefaultCUDAGenerator(int device_index) {
  static std::mutex mutex;
  static std::deque<Generator> generators;  // index = device; a deque keeps references stable
  const int count = cuda_device_count();
  const int index = resolve(device_index);
  TL_CHECK(index < count, "CUDA error: invalid device ordinal (no CUDA device ", index, "; ", count,
           " available)");
  std::lock_guard<std::mutex> lock(mutex);
  while (static_cast<int>(generators.size()) < count) {
    generators.push_back(createCUDAGenerator(static_cast<int>(generators.size())));
  }
  return generators[static_cast<size_t>(index)];
}

Generator createCUDAGenerator(int device_index, uint64_t seed) {
  return Generator(std::make_shared<CUDAGeneratorImpl>(resolve(device_index), seed));
}

void cuda_manual_seed_all(uint64_t seed) {
  for (int i = 0; i < cuda_device_count(); ++i) {
    const Generator& gen = getDefaultCUDAGenerator(i);
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.impl().set_current_seed(seed);
  }
}

}  // namespace detail

namespace cuda {

void manual_seed(uint64_t seed) {
  if (detail::cuda_device_count() == 0) return;  // like PyTorch: nothing to seed, no error
  const Generator& gen = detail::getDefaultCUDAGenerator(0);
  std::lock_guard<std::mutex> lock(gen.mutex());
  gen.impl().set_current_seed(seed);
}

void manual_seed_all(uint64_t seed) { detail::cuda_manual_seed_all(seed); }

}  // namespace cuda

}  // namespace tl
