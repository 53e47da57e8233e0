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
/// @brief `torch.cuda.is_available()`: true when at least one CUDA device can be used
/// (always false in a build without CUDA). Never throws.
/// @code
/// tl::Device dev = tl::cuda::is_available() ? tl::Device(tl::kCUDA) : tl::Device(tl::kCPU);
/// @endcode
bool is_available();
/// @brief `torch.cuda.device_count()`: number of usable CUDA devices (0 without CUDA, a
/// driver or a GPU). Never throws.
/// @code
/// std::cout << tl::cuda::device_count() << " GPU(s)\n";
/// @endcode
int64_t device_count();
/// @brief `torch.cuda.manual_seed`: seeds the default generator of the current CUDA device
/// (device 0) and restarts its Philox offset at 0. Does nothing when there is no device;
/// never throws.
/// @code
/// tl::cuda::manual_seed(1234);   // later tl::rand(..., cuda) calls repeat after each reseed
/// @endcode
void manual_seed(uint64_t seed);
/// @brief `torch.cuda.manual_seed_all`: seeds the default generator of every CUDA device and
/// restarts their Philox offsets. Does nothing when there is no device; never throws.
/// (`tl::manual_seed` does this too, besides seeding the CPU.)
/// @code
/// tl::cuda::manual_seed_all(42);
/// @endcode
void manual_seed_all(uint64_t seed);
/// @brief `torch.cuda.synchronize()`: waits until every kernel and copy queued on the current
/// device (device 0) has finished, e.g. before reading a timer.
/// @throws tl::Error `Torch not compiled with CUDA enabled` in a build without CUDA, and
/// `CUDA error: no CUDA-capable device is detected` when there is no device.
/// @code
/// if (tl::cuda::is_available()) tl::cuda::synchronize();
/// @endcode
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
  /// @brief A generator for CUDA device `device_index`, seeded with `seed` (PyTorch's default
  /// seed when omitted), offset 0. Needs no GPU: the state lives on the host.
  /// @code
  /// tl::Generator gen(std::make_shared<tl::CUDAGeneratorImpl>(0, 42));
  /// @endcode
  explicit CUDAGeneratorImpl(int device_index = 0, uint64_t seed = default_rng_seed_val);
  /// @brief `cuda:<index>`, the device given at construction.
  /// @code
  /// tl::Device d = tl::CUDAGeneratorImpl(1).device();   // cuda:1
  /// @endcode
  Device device() const override { return Device(kCUDA, device_index_); }
  /// @brief Sets the seed and restarts the offset at 0 (Python's `Generator.manual_seed`).
  /// @code
  /// tl::CUDAGeneratorImpl g;
  /// g.set_current_seed(42);   // g.philox_offset_per_thread() == 0
  /// @endcode
  void set_current_seed(uint64_t seed) override;
  /// @brief The seed (all 64 bits are used: they form the Philox key).
  /// @code
  /// uint64_t s = tl::CUDAGeneratorImpl(0, 42).current_seed();   // 42
  /// @endcode
  uint64_t current_seed() const override { return seed_; }
  /// @brief Seeds with 53 non-deterministic bits, restarts the offset at 0 and returns the seed.
  /// @code
  /// tl::CUDAGeneratorImpl g;
  /// uint64_t s = g.seed();   // g.current_seed() == s
  /// @endcode
  uint64_t seed() override;
  /// @brief The current Philox offset (in 32-bit values per thread; a multiple of 4).
  /// @code
  /// uint64_t off = tl::CUDAGeneratorImpl().philox_offset_per_thread();   // 0
  /// @endcode
  uint64_t philox_offset_per_thread() const { return offset_; }
  /// @brief Moves the offset to `offset`, e.g. to replay a stream from a saved position.
  /// @throws tl::Error `offset must be a multiple of 4` otherwise.
  /// @code
  /// tl::CUDAGeneratorImpl g;
  /// g.set_philox_offset_per_thread(8);
  /// @endcode
  void set_philox_offset_per_thread(uint64_t offset);
  /// @brief (seed, offset) for the next kernel, then advances the offset by `increment`
  /// rounded up to a multiple of 4. The caller holds `mutex_`.
  /// @code
  /// tl::CUDAGeneratorImpl g(0, 42);
  /// auto [seed, offset] = g.philox_engine_inputs(5);   // (42, 0); the offset is now 8
  /// @endcode
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
