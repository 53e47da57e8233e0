#pragma once
// A host model of the random numbers PyTorch 1.13 draws on a CUDA device.
//
// The device side (src/cuda/random.cu) calls curand itself; this file re-derives the same
// stream on the CPU so that its numbers can be unit-tested without a GPU and compared with
// the device's when there is one:
//   * Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror and Shaw,
//     "Parallel random numbers: as easy as 1, 2, 3" (SC'11), with the multipliers and
//     Weyl constants published there (and used by Random123 and curand);
//   * curand's Philox state: key = seed, the 128-bit counter's high half = subsequence,
//     its low half = offset / 4 (curand_init), four outputs per counter value;
//   * curand's mappings of raw 32-bit draws to uniform and normal numbers;
//   * PyTorch 1.13's launch shape and offset bookkeeping (calc_execution_policy in
//     aten/src/ATen/native/cuda/DistributionTemplates.h).

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tl::detail {

using PhiloxCounter = std::array<uint32_t, 4>;
using PhiloxKey = std::array<uint32_t, 2>;

/// One Philox4x32-10 block: 10 rounds over `ctr` under `key`.
PhiloxCounter philox4x32_10(PhiloxCounter ctr, PhiloxKey key);

/// curand's `curandStatePhilox4_32_10_t` on the host.
class PhiloxStream {
 public:
  /// The state `curand_init(seed, subsequence, offset, &state)` produces.
  PhiloxStream(uint64_t seed, uint64_t subsequence, uint64_t offset);
  /// `curand(&state)`: the next 32-bit output.
  uint32_t next();
  /// `curand4(&state)`: the next four outputs.
  std::array<uint32_t, 4> next4();

 private:
  void advance(uint64_t n);  // adds n to the counter's low 64 bits, carrying into the high half
  PhiloxCounter counter_{};
  PhiloxKey key_{};
  PhiloxCounter output_{};   // philox4x32_10(counter_, key_)
  unsigned position_ = 0;    // outputs of output_ already used (curand's STATE)
};

/// `_curand_uniform`: a float in (0, 1] from one draw.
float curand_uniform_from(uint32_t x);
/// `_curand_uniform_double_hq`: a double in (0, 1] from two draws.
double curand_uniform_double_from(uint32_t x, uint32_t y);
/// `_curand_box_muller`: two normal floats from two draws. The device computes the angle with
/// the fast `__sincosf`, so these agree with it to a few units in the last place, not bit for bit.
std::array<float, 2> curand_box_muller_from(uint32_t x, uint32_t y);
/// `_curand_box_muller_double`: two normal doubles from four draws (same caveat: `sincospi`).
std::array<double, 2> curand_box_muller_double_from(uint32_t x0, uint32_t x1, uint32_t y0, uint32_t y1);

/// Block size of PyTorch's random kernels.
constexpr uint32_t kPhiloxBlockSize = 256;

/// How PyTorch 1.13 launches a random kernel over `numel` (> 0) elements.
struct PhiloxLaunch {
  uint32_t grid;              ///< blocks: min(ceil(numel / 256), SMs * (max threads per SM / 256))
  uint64_t offset_increment;  ///< what the generator's Philox offset advances by
};
/// `calc_execution_policy`: the offset always assumes four values per curand call, even
/// where a kernel (double) takes two.
PhiloxLaunch philox_launch(int64_t numel, int multiprocessors, int max_threads_per_multiprocessor);

/// The grid-stride loop of PyTorch's `distribution_elementwise_grid_stride_kernel`, run
/// serially: thread t starts its stream at `curand_init(seed, t, offset)`, and each step
/// `draw(stream)` yields `unroll` values of which component k goes to element
/// `index + k * threads`. `put(element, value)` receives them.
template <typename Draw, typename Put>
void philox_grid_stride(int64_t numel, uint32_t grid, int unroll, uint64_t seed, uint64_t offset, Draw&& draw,
                        Put&& put) {
  const int64_t threads = static_cast<int64_t>(grid) * kPhiloxBlockSize;
  const int64_t step = threads * unroll;
  const int64_t rounded = numel <= 0 ? 0 : ((numel - 1) / step + 1) * step;
  for (int64_t t = 0; t < threads && t < numel; ++t) {
    PhiloxStream stream(seed, static_cast<uint64_t>(t), offset);
    for (int64_t index = t; index < rounded; index += step) {
      const auto values = draw(stream);
      for (int k = 0; k < unroll; ++k) {
        const int64_t element = index + threads * k;
        if (element < numel) put(element, values[static_cast<size_t>(k)]);
      }
    }
  }
}

/// PyTorch 1.13's CUDA `uniform_(from, to)` of `numel` float32 elements in memory order,
/// drawn at (seed, offset) with `grid` blocks: curand_uniform4, 1.0 mapped to 0, then
/// `u * (to - from) + from` fused.
std::vector<float> philox_uniform_float(int64_t numel, uint64_t seed, uint64_t offset, uint32_t grid,
                                        float from = 0.0f, float to = 1.0f);
/// The same for float64: curand_uniform2_double, two values per call.
std::vector<double> philox_uniform_double(int64_t numel, uint64_t seed, uint64_t offset, uint32_t grid,
                                          double from = 0.0, double to = 1.0);
/// PyTorch 1.13's CUDA `normal_(mean, std)` of float32 elements: curand_normal4, `n * std + mean`.
std::vector<float> philox_normal_float(int64_t numel, uint64_t seed, uint64_t offset, uint32_t grid,
                                       float mean = 0.0f, float std = 1.0f);
/// The same for float64: curand_normal2_double.
std::vector<double> philox_normal_double(int64_t numel, uint64_t seed, uint64_t offset, uint32_t grid,
                                         double mean = 0.0, double std = 1.0);

}  // namespace tl::detail
