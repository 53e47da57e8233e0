#pragma once
/// @file generator.h
/// @brief Random number generators: `tl::Generator`, the CPU's Mersenne Twister and the
/// default generator, as in LibTorch (`at::Generator`, `at::CPUGeneratorImpl`).
///
/// Every random tensor on the CPU comes from a `CPUGeneratorImpl`: a 32-bit MT19937 engine
/// that is bit-identical to PyTorch's, so `tl::manual_seed(42); tl::rand({3})` gives the
/// notebook's `0.8823, 0.9150, 0.3829`.

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>

#include "tl/device.h"
#include "tl/error.h"

namespace tl {

/// @brief The seed a fresh CPU generator starts from (LibTorch's `default_rng_seed_val`).
constexpr uint64_t default_rng_seed_val = 67280421310721ULL;

/// @brief The 32-bit Mersenne Twister (MT19937) as PyTorch runs it (`at::mt19937`).
///
/// Seeding keeps only the low 32 bits of the seed (Matsumoto and Nishimura's
/// `init_genrand`); each call returns the next tempered 32-bit output.
///
/// Example:
/// @code
/// tl::mt19937 engine(42);
/// uint32_t r = engine();   // 1608637542, the draw behind the notebook's 0.8823
/// @endcode
class mt19937 {
 public:
  /// @brief Number of 32-bit words of state.
  static constexpr int kStateSize = 624;
  /// @brief An engine seeded with `seed` (only its low 32 bits matter).
  explicit mt19937(uint64_t seed = 5489);
  /// @brief The seed this engine was created with (all 64 bits).
  uint64_t seed() const { return seed_; }
  /// @brief The next 32-bit output (inline: every random number costs one or two calls).
  uint32_t operator()() {
    if (--left_ == 0) twist();  // a fresh engine has left_ == 1: it twists before its first output
    uint32_t y = state_[static_cast<size_t>(next_++)];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
  }

 private:
  void twist();  // regenerates all 624 words of state
  uint64_t seed_;
  int left_;     // outputs left before the next twist, plus one
  int next_;     // index of the next state word to temper
  std::array<uint32_t, kStateSize> state_;
};

/// @brief The state behind a `Generator`: one per device kind.
///
/// The CPU has `CPUGeneratorImpl`; a CUDA backend derives its Philox generator from this
/// class too, so every random function can take any `Generator` and check its device.
class GeneratorImpl {
 public:
  virtual ~GeneratorImpl() = default;
  /// @brief Where the tensors this generator fills live.
  virtual Device device() const = 0;
  /// @brief Restarts the stream from `seed` (Python's `Generator.manual_seed`).
  virtual void set_current_seed(uint64_t seed) = 0;
  /// @brief The seed of the current stream (Python's `Generator.initial_seed`).
  virtual uint64_t current_seed() const = 0;
  /// @brief Reseeds from a non-deterministic source and returns the new seed.
  virtual uint64_t seed() = 0;
  /// @brief Held while a kernel draws, so threads sharing a generator see whole tensors.
  std::mutex mutex_;
};

/// @brief The CPU generator: an MT19937 engine plus the cached second Box–Muller sample.
///
/// `random()` and `random64()` are the raw draws every CPU distribution is built from:
/// float32 uniforms use the low 24 bits of one `random()`, float64 the low 53 bits of one
/// `random64()`.
///
/// Example:
/// @code
/// tl::Generator gen = tl::detail::createCPUGenerator(42);
/// auto* cpu = gen.get<tl::CPUGeneratorImpl>();
/// uint32_t r = cpu->random();                        // 1608637542
/// float u = (r & 0xFFFFFF) * (1.0f / (1 << 24));     // 0.8823, as tl::rand
/// @endcode
class CPUGeneratorImpl : public GeneratorImpl {
 public:
  /// @brief A generator seeded with `seed`.
  explicit CPUGeneratorImpl(uint64_t seed = default_rng_seed_val);
  /// @brief Always `cpu`.
  Device device() const override { return Device(kCPU); }
  /// @brief Reseeds the engine and forgets the cached normal samples.
  void set_current_seed(uint64_t seed) override;
  /// @brief The seed given last (all 64 bits, although only the low 32 seed the engine).
  uint64_t current_seed() const override;
  /// @brief Seeds with 53 non-deterministic bits and returns them.
  uint64_t seed() override;
  /// @brief One 32-bit engine output.
  uint32_t random() { return engine_(); }
  /// @brief Two engine outputs, the first in the high half.
  uint64_t random64() {
    const uint64_t high = engine_();
    return (high << 32) | engine_();
  }
  /// @brief The cached float normal sample, if any.
  std::optional<float> next_float_normal_sample() const { return next_float_normal_sample_; }
  /// @brief The cached double normal sample, if any (the second Box–Muller value).
  std::optional<double> next_double_normal_sample() const { return next_double_normal_sample_; }
  /// @brief Sets or clears the cached float normal sample.
  void set_next_float_normal_sample(std::optional<float> v) { next_float_normal_sample_ = v; }
  /// @brief Sets or clears the cached double normal sample.
  void set_next_double_normal_sample(std::optional<double> v) { next_double_normal_sample_ = v; }
  /// @brief A copy of the engine (its full state).
  mt19937 engine() const { return engine_; }
  /// @brief Replaces the engine state (the cached normal samples are kept).
  void set_engine(const mt19937& engine) { engine_ = engine; }

 private:
  mt19937 engine_;
  std::optional<float> next_float_normal_sample_;
  std::optional<double> next_double_normal_sample_;
};

/// @brief A shared handle to a random generator, as LibTorch's `at::Generator`.
///
/// Copies share the same state. Pass one to `tl::rand(size, gen)` and friends to draw
/// from a private stream instead of the default generator.
///
/// Example:
/// @code
/// tl::Generator gen = tl::detail::createCPUGenerator();
/// gen.set_current_seed(42);             // Python: torch.Generator().manual_seed(42)
/// auto a = tl::rand({3}, gen);          // tensor([0.8823, 0.9150, 0.3829])
/// @endcode
class Generator {
 public:
  /// @brief An undefined generator (`defined()` is false).
  Generator() = default;
  /// @brief Wraps an implementation object.
  explicit Generator(std::shared_ptr<GeneratorImpl> impl) : impl_(std::move(impl)) {}
  /// @brief True unless default-constructed.
  bool defined() const { return impl_ != nullptr; }
  /// @brief Restarts the stream from `seed`.
  void set_current_seed(uint64_t seed) { impl().set_current_seed(seed); }
  /// @brief The seed of the current stream.
  uint64_t current_seed() const { return impl().current_seed(); }
  /// @brief Reseeds non-deterministically and returns the seed.
  uint64_t seed() { return impl().seed(); }
  /// @brief The device of the generator.
  Device device() const { return impl().device(); }
  /// @brief The lock kernels hold while drawing.
  std::mutex& mutex() const { return impl().mutex_; }
  /// @brief The implementation as `T` (e.g. `CPUGeneratorImpl`); throws when it is another kind.
  template <typename T>
  T* get() const {
    T* p = dynamic_cast<T*>(&impl());
    TL_CHECK(p != nullptr, "Generator is not of the requested implementation type");
    return p;
  }
  /// @brief True when both handles share the same state.
  bool operator==(const Generator& other) const { return impl_ == other.impl_; }
  /// @brief The implementation object.
  GeneratorImpl& impl() const {
    TL_CHECK(impl_ != nullptr, "Generator is undefined");
    return *impl_;
  }

 private:
  std::shared_ptr<GeneratorImpl> impl_;
};

namespace detail {
/// @brief The process-wide CPU generator that `tl::manual_seed` seeds and that random
/// functions use when no generator is given (LibTorch's `at::detail::getDefaultCPUGenerator`).
const Generator& getDefaultCPUGenerator();
/// @brief A new, independent CPU generator (LibTorch's `at::detail::createCPUGenerator`).
Generator createCPUGenerator(uint64_t seed = default_rng_seed_val);
}  // namespace detail

}  // namespace tl
