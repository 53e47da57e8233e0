#pragma once
/// @file cuda.h
/// @brief The GPU: `tl::cuda::is_available()`, `device_count()`, the CUDA seed, and the
/// Philox-based CUDA generator, as LibTorch's `torch::cuda` and `at::CUDAGeneratorImpl`.
///
/// Example (the notebook's GPU section and its exercise 5):
/// @code
/// auto device = tl::cuda::is_available() ? tl::Device(tl::kCUDA) : tl::Device(tl::kCPU);
/// tl::cuda::manual_seed(1234);                        // torch.cuda.manual_seed(1234)
/// auto x = tl::rand({2, 3}, tl::TensorOptions().device(device));
/// std::cout << x.to(tl::kCPU) << "\n";
/// @endcode
///
/// A build without CUDA (or a machine without a GPU or driver) reports no devices; seeding
/// then does nothing, and creating a CUDA tensor throws `tl::Error`.

#include <cstdint>
#include <utility>

#include "tl/generator.h"

namespace tl {

namespace cuda {
/// @brief True when at least one CUDA device can be used. Never throws.
bool is_available();
/// @brief Number of usable CUDA devices (0 without a driver or GPU). Never throws.
int64_t device_count();
/// @brief Seeds the default generator of the current CUDA device (`torch.cuda.manual_seed`)
/// and restarts its Philox offset at 0. Does nothing when there is no device.
void manual_seed(uint64_t seed);
/// @brief Seeds the default generator of every CUDA device (`torch.cuda.manual_seed_all`).
void manual_seed_all(uint64_t seed);
/// @brief Waits until every kernel and copy queued on the current device has finished.
/// Throws when CUDA is not available.
void synchronize();
}  // namespace cuda

/// @brief The generator behind random numbers on a CUDA device: a seed and an offset into
/// the Philox4x32-10 stream, as PyTorch's `CUDAGeneratorImpl`.
///
/// Each random kernel runs `curand_init(seed, thread index, offset)` in every thread and
/// moves the offset on by the number of values a thread may draw, so consecutive calls
/// continue the stream and `set_current_seed` restarts it.
class CUDAGeneratorImpl : public GeneratorImpl {
 public:
  /// @brief A generator for CUDA device `device_index` with PyTorch's default seed.
  explicit CUDAGeneratorImpl(int device_index = 0, uint64_t seed = default_rng_seed_val);
  /// @brief `cuda:<index>`.
  Device device() const override { return Device(kCUDA, device_index_); }
  /// @brief Sets the seed and restarts the offset at 0.
  void set_current_seed(uint64_t seed) override;
  /// @brief The seed (all 64 bits are used: they form the Philox key).
  uint64_t current_seed() const override { return seed_; }
  /// @brief Seeds non-deterministically and returns the seed.
  uint64_t seed() override;
  /// @brief The current Philox offset (in 32-bit values per thread).
  uint64_t philox_offset_per_thread() const { return offset_; }
  /// @brief Moves the offset to `offset` (a multiple of 4).
  void set_philox_offset_per_thread(uint64_t offset);
  /// @brief (seed, offset) for the next kernel, then advances the offset by `increment`
  /// rounded up to a multiple of 4. The caller holds `mutex_`.
  std::pair<uint64_t, uint64_t> philox_engine_inputs(uint64_t increment);

 private:
  int device_index_;
  uint64_t seed_;
  uint64_t offset_ = 0;
};

namespace detail {
/// @brief The default generator of CUDA device `device_index` (-1: device 0); created on
/// first use. Throws when there is no such device.
const Generator& getDefaultCUDAGenerator(int device_index = -1);
/// @brief A new, independent CUDA generator.
Generator createCUDAGenerator(int device_index = -1, uint64_t seed = default_rng_seed_val);
}  // namespace detail

}  // namespace tl
