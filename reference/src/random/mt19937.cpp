// The MT19937 engine's seeding, state regeneration and bulk output, bit-identical to
// PyTorch's at::mt19937 (Matsumoto & Nishimura's init_genrand and the standard twist); the
// tempered output of one call is inline in tl/generator.h.
#include <algorithm>

#include "core/parallel.h"
#include "tl/generator.h"

namespace tl {

namespace {
constexpr int kStateSize = mt19937::kStateSize;
constexpr int kShift = 397;  // the "M" of MT19937: the word mixed into each twist
constexpr uint32_t kMatrixA = 0x9908b0dfu;
constexpr uint32_t kUpperBit = 0x80000000u;
constexpr uint32_t kLowerBits = 0x7fffffffu;

// New state word k from words k, k + 1 and k + 397 (mod 624). Branch-free (the odd-word
// term is a mask), so the loops below vectorise.
[[gnu::always_inline]] inline uint32_t mix(uint32_t far, uint32_t word, uint32_t next_word) {
  const uint32_t y = (word & kUpperBit) | (next_word & kLowerBits);
  return far ^ (y >> 1) ^ ((0u - (next_word & 1u)) & kMatrixA);
}

// Three loops avoid the modulo. Each reads words at or ahead of k that this twist has not
// rewritten yet, or (second loop) words 227 behind it that it already has: no dependence
// shorter than a vector, so each loop runs 8 words at a time under AVX2.
[[gnu::always_inline]] inline void twist_words(uint32_t* s) {
  int k = 0;
  for (; k < kStateSize - kShift; ++k) s[k] = mix(s[k + kShift], s[k], s[k + 1]);
  for (; k < kStateSize - 1; ++k) s[k] = mix(s[k + kShift - kStateSize], s[k], s[k + 1]);
  s[k] = mix(s[kShift - 1], s[k], s[0]);
}

[[gnu::always_inline]] inline void temper_words(uint32_t* __restrict out, const uint32_t* __restrict s, int64_t n) {
  for (int64_t i = 0; i < n; ++i) out[i] = mt19937::temper(s[i]);
}

void twist_portable(uint32_t* s) { twist_words(s); }
void temper_portable(uint32_t* out, const uint32_t* s, int64_t n) { temper_words(out, s, n); }
#if TL_X86_KERNELS
TL_TARGET_AVX2 void twist_avx2(uint32_t* s) { twist_words(s); }
TL_TARGET_AVX2 void temper_avx2(uint32_t* out, const uint32_t* s, int64_t n) { temper_words(out, s, n); }
#endif
}  // namespace

mt19937::mt19937(uint64_t seed) : seed_(seed), left_(1), next_(0) {
  state_[0] = static_cast<uint32_t>(seed & 0xffffffffu);
  for (int j = 1; j < kStateSize; ++j) {
    const uint32_t prev = state_[j - 1];
    state_[j] = 1812433253u * (prev ^ (prev >> 30)) + static_cast<uint32_t>(j);
  }
}

void mt19937::twist() {
#if TL_X86_KERNELS
  if (detail::cpu_has_avx2()) twist_avx2(state_.data());
  else
#endif
    twist_portable(state_.data());
  left_ = kStateSize;
  next_ = 0;
}

void mt19937::fill(uint32_t* out, int64_t n) {
  // operator() keeps left_ one above the words not yet taken (it decrements first).
  while (n > 0) {
    if (left_ == 1) {
      twist();
      left_ = kStateSize + 1;  // twist() counts the word operator() takes right after it
    }
    const int64_t m = std::min<int64_t>(n, left_ - 1);
#if TL_X86_KERNELS
    if (detail::cpu_has_avx2()) temper_avx2(out, state_.data() + next_, m);
    else
#endif
      temper_portable(out, state_.data() + next_, m);
    next_ += static_cast<int>(m);
    left_ -= static_cast<int>(m);
    out += m;
    n -= m;
  }
}

}  // namespace tl
