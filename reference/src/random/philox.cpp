// The host model of PyTorch's CUDA random numbers: Philox4x32-10, curand's state and
// mappings, PyTorch 1.13's launch shape (see philox.h).
#include "random/philox.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <tuple>
#include <utility>

namespace tl::detail {
namespace {

// The round multipliers and the key's Weyl increments (golden ratio and sqrt(3) - 1) of
// Philox4x32 as published by Salmon et al.
constexpr uint32_t kMul0 = 0xD2511F53u, kMul1 = 0xCD9E8D57u;
constexpr uint32_t kWeyl0 = 0x9E3779B9u, kWeyl1 = 0xBB67AE85u;

PhiloxCounter philox_round(const PhiloxCounter& c, const PhiloxKey& k) {
  const uint64_t p0 = static_cast<uint64_t>(kMul0) * c[0];
  const uint64_t p1 = static_cast<uint64_t>(kMul1) * c[2];
  const auto hi0 = static_cast<uint32_t>(p0 >> 32), lo0 = static_cast<uint32_t>(p0);
  const auto hi1 = static_cast<uint32_t>(p1 >> 32), lo1 = static_cast<uint32_t>(p1);
  return {hi1 ^ c[1] ^ k[0], lo1, hi0 ^ c[3] ^ k[1], lo0};
}

// curand's constants: 2^-32 and 2^-53 spelled as its headers spell them (both exact), and
// 2^-32 * 2pi with 2pi rounded to float first.
constexpr float k2Pow32Inv = 2.3283064e-10f;
constexpr float k2Pow32Inv2Pi = 2.3283064e-10f * 6.2831855f;
constexpr double k2Pow53Inv = 1.1102230246251565e-16;

// curand's 53-bit draw: x xor (y << 21).
uint64_t bits53(uint32_t x, uint32_t y) { return static_cast<uint64_t>(x) ^ (static_cast<uint64_t>(y) << 21); }

}  // namespace

PhiloxCounter philox4x32_10(PhiloxCounter ctr, PhiloxKey key) {
  for (int round = 0; round < 10; ++round) {
    if (round > 0) {
      key[0] += kWeyl0;
      key[1] += kWeyl1;
    }
    ctr = philox_round(ctr, key);
  }
  return ctr;
}

PhiloxStream::PhiloxStream(uint64_t seed, uint64_t subsequence, uint64_t offset) {
  key_ = {static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)};
  // The subsequence is the counter's high 64 bits; the offset counts 32-bit outputs.
  counter_[2] = static_cast<uint32_t>(subsequence);
  counter_[3] = static_cast<uint32_t>(subsequence >> 32);
  position_ = static_cast<unsigned>(offset % 4);
  advance(offset / 4);
}

void PhiloxStream::advance(uint64_t n) {
  const uint64_t low = (static_cast<uint64_t>(counter_[1]) << 32 | counter_[0]) + n;
  uint64_t high = static_cast<uint64_t>(counter_[3]) << 32 | counter_[2];
  if (low < n) ++high;
  counter_ = {static_cast<uint32_t>(low), static_cast<uint32_t>(low >> 32), static_cast<uint32_t>(high),
              static_cast<uint32_t>(high >> 32)};
  output_ = philox4x32_10(counter_, key_);
}

uint32_t PhiloxStream::next() {
  const uint32_t value = output_[position_++];
  if (position_ == 4) {
    position_ = 0;
    advance(1);
  }
  return value;
}

std::array<uint32_t, 4> PhiloxStream::next4() {
  // Four outputs starting at the current position; the counter moves on by one block.
  const PhiloxCounter current = output_;
  advance(1);
  std::array<uint32_t, 4> r{};
  for (unsigned i = 0; i < 4; ++i) {
    const unsigned j = position_ + i;
    r[i] = j < 4 ? current[j] : output_[j - 4];
  }
  return r;
}

float curand_uniform_from(uint32_t x) {
  // The device fuses the multiply-add; the product is exact, so one rounding either way.
  return std::fma(static_cast<float>(x), k2Pow32Inv, k2Pow32Inv / 2.0f);
}

double curand_uniform_double_from(uint32_t x, uint32_t y) {
  return std::fma(static_cast<double>(bits53(x, y)), k2Pow53Inv, k2Pow53Inv / 2.0);
}

std::array<float, 2> curand_box_muller_from(uint32_t x, uint32_t y) {
  const float u = curand_uniform_from(x);
  const float v = std::fma(static_cast<float>(y), k2Pow32Inv2Pi, k2Pow32Inv2Pi / 2.0f);
  const float s = std::sqrt(-2.0f * std::log(u));
  return {std::sin(v) * s, std::cos(v) * s};
}

std::array<double, 2> curand_box_muller_double_from(uint32_t x0, uint32_t x1, uint32_t y0, uint32_t y1) {
  const double u = curand_uniform_double_from(x0, x1);
  const double v = std::fma(static_cast<double>(bits53(y0, y1)), k2Pow53Inv * 2.0, k2Pow53Inv);  // in (0, 2]
  const double s = std::sqrt(-2.0 * std::log(u));
  return {std::sin(v * std::numbers::pi) * s, std::cos(v * std::numbers::pi) * s};
}

PhiloxLaunch philox_launch(int64_t numel, int multiprocessors, int max_threads_per_multiprocessor) {
  const auto n = static_cast<uint64_t>(numel);
  const uint64_t blocks = (n + kPhiloxBlockSize - 1) / kPhiloxBlockSize;
  const uint64_t resident = static_cast<uint64_t>(multiprocessors) *
                            (static_cast<uint64_t>(max_threads_per_multiprocessor) / kPhiloxBlockSize);
  const auto grid = static_cast<uint32_t>(std::min(blocks, resident));
  constexpr uint64_t kValuesPerCall = 4;  // PyTorch 1.13 counts 4 per thread per loop step
  const uint64_t steps = (n - 1) / (kPhiloxBlockSize * grid * kValuesPerCall) + 1;
  return {grid, steps * kValuesPerCall};
}

namespace {

// `numel` values in memory order: `draw(stream)` yields one call's values (as many as its
// array holds, the loop's unroll), `finish(value)` maps each to the element it becomes.
template <typename T, typename Draw, typename Finish>
std::vector<T> philox_values(int64_t numel, uint64_t seed, uint64_t offset, uint32_t grid, Draw&& draw,
                             Finish&& finish) {
  using Values = decltype(draw(std::declval<PhiloxStream&>()));
  std::vector<T> out(static_cast<size_t>(std::max<int64_t>(numel, 0)));
  philox_grid_stride(numel, grid, static_cast<int>(std::tuple_size_v<Values>), seed, offset, draw,
                     [&](int64_t i, T v) { out[static_cast<size_t>(i)] = finish(v); });
  return out;
}

}  // namespace

std::vector<float> philox_uniform_float(int64_t numel, uint64_t seed, uint64_t offset, uint32_t grid, float from,
                                        float to) {
  const float range = to - from;
  return philox_values<float>(
      numel, seed, offset, grid,
      [](PhiloxStream& s) {
        const auto r = s.next4();
        return std::array<float, 4>{curand_uniform_from(r[0]), curand_uniform_from(r[1]), curand_uniform_from(r[2]),
                                    curand_uniform_from(r[3])};
      },
      [&](float u) { return std::fma(u == 1.0f ? 0.0f : u, range, from); });
}

std::vector<double> philox_uniform_double(int64_t numel, uint64_t seed, uint64_t offset, uint32_t grid, double from,
                                          double to) {
  const double range = to - from;
  return philox_values<double>(
      numel, seed, offset, grid,
      [](PhiloxStream& s) {
        const auto r = s.next4();
        return std::array<double, 2>{curand_uniform_double_from(r[0], r[1]), curand_uniform_double_from(r[2], r[3])};
      },
      [&](double u) { return std::fma(u == 1.0 ? 0.0 : u, range, from); });
}

std::vector<float> philox_normal_float(int64_t numel, uint64_t seed, uint64_t offset, uint32_t grid, float mean,
                                       float std) {
  return philox_values<float>(
      numel, seed, offset, grid,
      [](PhiloxStream& s) {
        const auto r = s.next4();
        const auto a = curand_box_muller_from(r[0], r[1]);
        const auto b = curand_box_muller_from(r[2], r[3]);
        return std::array<float, 4>{a[0], a[1], b[0], b[1]};
      },
      [&](float n) { return std::fma(n, std, mean); });
}

std::vector<double> philox_normal_double(int64_t numel, uint64_t seed, uint64_t offset, uint32_t grid, double mean,
                                         double std) {
  return philox_values<double>(
      numel, seed, offset, grid,
      [](PhiloxStream& s) {
        const auto r = s.next4();
        return curand_box_muller_double_from(r[0], r[1], r[2], r[3]);
      },
      [&](double n) { return std::fma(n, std, mean); });
}

}  // namespace tl::detail
