// The MT19937 engine's seeding and state regeneration, bit-identical to PyTorch's
// at::mt19937 (Matsumoto & Nishimura's init_genrand and the standard twist); the
// tempered output is inline in tl/generator.h.
#include "tl/generator.h"

namespace tl {

namespace {
constexpr int kShift = 397;  // the "M" of MT19937: the word mixed into each twist
constexpr uint32_t kMatrixA = 0x9908b0dfu;
constexpr uint32_t kUpperBit = 0x80000000u;
constexpr uint32_t kLowerBits = 0x7fffffffu;
}  // namespace

mt19937::mt19937(uint64_t seed) : seed_(seed), left_(1), next_(0) {
  state_[0] = static_cast<uint32_t>(seed & 0xffffffffu);
  for (int j = 1; j < kStateSize; ++j) {
    const uint32_t prev = state_[j - 1];
    state_[j] = 1812433253u * (prev ^ (prev >> 30)) + static_cast<uint32_t>(j);
  }
}

void mt19937::twist() {
  // state[k] mixes words k, k + 1 and k + 397 (mod 624); three loops avoid the modulo.
  auto mix = [](uint32_t far, uint32_t word, uint32_t next_word) {
    const uint32_t y = (word & kUpperBit) | (next_word & kLowerBits);
    return far ^ (y >> 1) ^ ((next_word & 1u) ? kMatrixA : 0u);
  };
  int k = 0;
  for (; k < kStateSize - kShift; ++k) state_[k] = mix(state_[k + kShift], state_[k], state_[k + 1]);
  for (; k < kStateSize - 1; ++k) state_[k] = mix(state_[k + kShift - kStateSize], state_[k], state_[k + 1]);
  state_[k] = mix(state_[kShift - 1], state_[k], state_[0]);
  left_ = kStateSize;
  next_ = 0;
}

}  // namespace tl
