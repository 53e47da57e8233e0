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

/// @brief The seed a fresh generator starts from (LibTorch's `default_rng_seed_val`):
/// what `tl::initial_seed()` returns before any `tl::manual_seed`.
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
  /// @brief Number of 32-bit words of state (624).
  static constexpr int kStateSize = 624;
  /// @brief An engine seeded with `seed` (only its low 32 bits matter; 5489 is the
  /// reference implementation's default seed). Never throws.
  /// @code
  /// tl::mt19937 a(42), b((1ULL << 32) + 42);   // same outputs, different seed()
  /// @endcode
  explicit mt19937(uint64_t seed = 5489);
  /// @brief The seed this engine was created with (all 64 bits).
  /// @code
  /// uint64_t s = tl::mt19937(42).seed();   // 42
  /// @endcode
  uint64_t seed() const { return seed_; }
  /// @brief The next 32-bit output, as `std::mt19937` and PyTorch's `at::mt19937` give it
  /// (inline: every random number costs one or two calls).
  /// @code
  /// tl::mt19937 engine(42);
  /// uint32_t first = engine();    // 1608637542
  /// @endcode
  uint32_t operator()() {
    if (--left_ == 0) twist();  // a fresh engine has left_ == 1: it twists before its first output
    return temper(state_[static_cast<size_t>(next_++)]);
  }
  /// @brief MT19937's output function: `y` (a state word) tempered by the four shift-and-mask steps.
  /// @code
  /// uint32_t t = tl::mt19937::temper(0);   // 0
  /// @endcode
  static uint32_t temper(uint32_t y) {
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
  }
  /// @brief Writes the next `n` outputs to `out`, the same as `n` calls in a row, but
  /// tempering whole runs of state words at once (in vector code). `out` must hold `n` values.
  /// @code
  /// tl::mt19937 engine(42);
  /// uint32_t buf[4];
  /// engine.fill(buf, 4);   // buf[0] == 1608637542
  /// @endcode
  void fill(uint32_t* out, int64_t n);

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
  /// @brief Destroys the generator state.
  virtual ~GeneratorImpl() = default;
  /// @brief Where the tensors this generator fills live (`cpu`, `cuda:0`, ...).
  /// @code
  /// tl::Device d = tl::detail::createCPUGenerator().impl().device();   // cpu
  /// @endcode
  virtual Device device() const = 0;
  /// @brief Restarts the stream from `seed` (Python's `Generator.manual_seed`). The caller
  /// holds `mutex_` when other threads may draw.
  /// @code
  /// tl::detail::createCPUGenerator().impl().set_current_seed(42);
  /// @endcode
  virtual void set_current_seed(uint64_t seed) = 0;
  /// @brief The seed of the current stream (Python's `Generator.initial_seed`).
  /// @code
  /// uint64_t s = tl::detail::createCPUGenerator(7).impl().current_seed();   // 7
  /// @endcode
  virtual uint64_t current_seed() const = 0;
  /// @brief Reseeds from a non-deterministic source and returns the new seed (Python's
  /// `Generator.seed`).
  /// @code
  /// uint64_t s = tl::detail::createCPUGenerator().impl().seed();
  /// @endcode
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
  /// @brief A generator seeded with `seed` (PyTorch's default seed when omitted).
  /// @code
  /// auto impl = std::make_shared<tl::CPUGeneratorImpl>(42);
  /// tl::Generator gen(impl);
  /// @endcode
  explicit CPUGeneratorImpl(uint64_t seed = default_rng_seed_val);
  /// @brief Always `cpu`.
  /// @code
  /// bool cpu = tl::CPUGeneratorImpl().device().is_cpu();   // true
  /// @endcode
  Device device() const override { return Device(kCPU); }
  /// @brief Reseeds the engine (low 32 bits) and forgets the cached normal samples.
  /// @code
  /// tl::CPUGeneratorImpl g;
  /// g.set_current_seed(42);   // g.random() == 1608637542
  /// @endcode
  void set_current_seed(uint64_t seed) override;
  /// @brief The seed given last (all 64 bits, although only the low 32 seed the engine).
  /// @code
  /// uint64_t s = tl::CPUGeneratorImpl(42).current_seed();   // 42
  /// @endcode
  uint64_t current_seed() const override;
  /// @brief Seeds with 53 non-deterministic bits (from `std::random_device`, so the seed
  /// survives a round trip through a Python float) and returns them.
  /// @code
  /// tl::CPUGeneratorImpl g;
  /// uint64_t s = g.seed();   // g.current_seed() == s
  /// @endcode
  uint64_t seed() override;
  /// @brief One 32-bit engine output (PyTorch's `CPUGeneratorImpl::random()`); the caller
  /// holds `mutex_` when other threads may draw.
  /// @code
  /// tl::CPUGeneratorImpl g(42);
  /// uint32_t r = g.random();   // 1608637542
  /// @endcode
  uint32_t random() { return engine_(); }
  /// @brief Two engine outputs, the first in the high half (PyTorch's `random64()`).
  /// @code
  /// tl::CPUGeneratorImpl g(42);
  /// uint64_t r = g.random64();   // (1608637542 << 32) | second output
  /// @endcode
  uint64_t random64() {
    const uint64_t high = engine_();
    return (high << 32) | engine_();
  }
  /// @brief Writes the next `n` engine outputs to `out`, in order (as `n` calls of `random()`).
  /// @code
  /// tl::CPUGeneratorImpl g(42);
  /// uint32_t buf[8];
  /// g.random_fill(buf, 8);
  /// @endcode
  void random_fill(uint32_t* out, int64_t n) { engine_.fill(out, n); }
  /// @brief The cached float normal sample, if any (empty after seeding).
  /// @code
  /// bool cached = tl::CPUGeneratorImpl().next_float_normal_sample().has_value();   // false
  /// @endcode
  std::optional<float> next_float_normal_sample() const { return next_float_normal_sample_; }
  /// @brief The cached double normal sample, if any (the second Box–Muller value; empty after seeding).
  /// @code
  /// bool cached = tl::CPUGeneratorImpl().next_double_normal_sample().has_value();   // false
  /// @endcode
  std::optional<double> next_double_normal_sample() const { return next_double_normal_sample_; }
  /// @brief Sets (or, with `std::nullopt`, clears) the cached float normal sample.
  /// @code
  /// tl::CPUGeneratorImpl g;
  /// g.set_next_float_normal_sample(std::nullopt);
  /// @endcode
  void set_next_float_normal_sample(std::optional<float> v) { next_float_normal_sample_ = v; }
  /// @brief Sets (or, with `std::nullopt`, clears) the cached double normal sample.
  /// @code
  /// tl::CPUGeneratorImpl g;
  /// g.set_next_double_normal_sample(0.5);   // used by the next element-by-element float64 normal draw
  /// @endcode
  void set_next_double_normal_sample(std::optional<double> v) { next_double_normal_sample_ = v; }
  /// @brief A copy of the engine (its full state), e.g. to save and restore a stream.
  /// @code
  /// tl::CPUGeneratorImpl g(42);
  /// tl::mt19937 saved = g.engine();
  /// g.random();
  /// g.set_engine(saved);   // the next random() is 1608637542 again
  /// @endcode
  mt19937 engine() const { return engine_; }
  /// @brief Replaces the engine state (the cached normal samples are kept); see `engine()`.
  /// @code
  /// tl::CPUGeneratorImpl g;
  /// g.set_engine(tl::mt19937(42));
  /// @endcode
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
  /// @brief An undefined generator (`defined()` is false); random functions given one use
  /// the default generator.
  /// @code
  /// tl::Generator none;
  /// bool d = none.defined();   // false
  /// @endcode
  Generator() = default;
  /// @brief Wraps an implementation object (shared, not copied).
  /// @code
  /// tl::Generator gen(std::make_shared<tl::CPUGeneratorImpl>(42));
  /// @endcode
  explicit Generator(std::shared_ptr<GeneratorImpl> impl) : impl_(std::move(impl)) {}
  /// @brief True unless default-constructed (or built from a null pointer).
  /// @code
  /// bool d = tl::detail::createCPUGenerator().defined();   // true
  /// @endcode
  bool defined() const { return impl_ != nullptr; }
  /// @brief Restarts the stream from `seed` (Python's `Generator.manual_seed`). Not locked:
  /// hold `mutex()` when other threads may draw from the same generator.
  /// @throws tl::Error `Generator is undefined` for an undefined generator.
  /// @code
  /// tl::Generator gen = tl::detail::createCPUGenerator();
  /// gen.set_current_seed(42);
  /// @endcode
  void set_current_seed(uint64_t seed) { impl().set_current_seed(seed); }
  /// @brief The seed of the current stream (Python's `Generator.initial_seed`).
  /// @throws tl::Error `Generator is undefined` for an undefined generator.
  /// @code
  /// uint64_t s = tl::detail::createCPUGenerator(7).current_seed();   // 7
  /// @endcode
  uint64_t current_seed() const { return impl().current_seed(); }
  /// @brief Reseeds non-deterministically and returns the seed (Python's `Generator.seed`).
  /// @throws tl::Error `Generator is undefined` for an undefined generator.
  /// @code
  /// tl::Generator gen = tl::detail::createCPUGenerator();
  /// uint64_t s = gen.seed();
  /// @endcode
  uint64_t seed() { return impl().seed(); }
  /// @brief The device whose tensors the generator fills (`cpu`, `cuda:0`, ...).
  /// @throws tl::Error `Generator is undefined` for an undefined generator.
  /// @code
  /// tl::Device d = tl::detail::createCPUGenerator().device();   // cpu
  /// @endcode
  Device device() const { return impl().device(); }
  /// @brief The lock kernels hold while drawing; hold it to reseed safely while other
  /// threads draw.
  /// @throws tl::Error `Generator is undefined` for an undefined generator.
  /// @code
  /// tl::Generator gen = tl::detail::createCPUGenerator();
  /// std::lock_guard<std::mutex> lock(gen.mutex());
  /// gen.set_current_seed(1);
  /// @endcode
  std::mutex& mutex() const { return impl().mutex_; }
  /// @brief The implementation as `T*` (e.g. `CPUGeneratorImpl`), never null (LibTorch's
  /// `Generator::get<T>()`).
  /// @throws tl::Error `Generator is not of the requested implementation type` when the
  /// implementation is another kind, `Generator is undefined` for an undefined generator.
  /// @code
  /// tl::Generator gen = tl::detail::createCPUGenerator(42);
  /// uint32_t r = gen.get<tl::CPUGeneratorImpl>()->random();   // 1608637542
  /// @endcode
  template <typename T>
  T* get() const {
    T* p = dynamic_cast<T*>(&impl());
    TL_CHECK(p != nullptr, "Generator is not of the requested implementation type");
    return p;
  }
  /// @brief True when both handles share the same state (two undefined handles are equal).
  /// @code
  /// tl::Generator a = tl::detail::createCPUGenerator();
  /// tl::Generator b = a;
  /// bool same = (a == b);   // true: copies share state
  /// @endcode
  bool operator==(const Generator& other) const { return impl_ == other.impl_; }
  /// @brief The implementation object.
  /// @throws tl::Error `Generator is undefined` for an undefined generator.
  /// @code
  /// tl::Generator gen = tl::detail::createCPUGenerator(3);
  /// uint64_t s = gen.impl().current_seed();   // 3
  /// @endcode
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
