#pragma once
/// @file random.h
/// @brief Random tensors and seeds: `manual_seed`, `rand`, `randn`, `randint`, `normal`,
/// `*_like`, with PyTorch 1.13's CPU numbers bit for bit.
///
/// The in-place forms are Tensor members: `x.uniform_(from, to)`, `x.normal_(mean, std)`,
/// `x.random_(from, to)`. Every function takes an optional `tl::Generator`; without one it
/// draws from the default generator of the tensor's device.
///
/// Example (the notebook's "random tensors" section):
/// @code
/// tl::manual_seed(42);
/// auto a = tl::rand({3, 4});        // tensor([[0.8823, 0.9150, 0.3829, 0.9593], ...
/// tl::manual_seed(42);
/// auto b = tl::rand({3, 4});
/// bool same = tl::equal(a, b);      // true
/// @endcode

#include <cstdint>
#include <optional>

#include "tl/generator.h"
#include "tl/tensor.h"

namespace tl {

/// @brief `torch.manual_seed`: seeds the default CPU generator and, when built with CUDA, the
/// default generator of every CUDA device.
///
/// Like `torch.manual_seed`, the full 64-bit value is remembered (`initial_seed()`), but only
/// its low 32 bits seed the CPU engine, so `manual_seed(5)` and `manual_seed((1ULL << 32) + 5)`
/// give the same CPU numbers. Also forgets a cached normal sample. Never throws.
/// @code
/// tl::manual_seed(42);
/// auto a = tl::rand({2});   // tensor([0.8823, 0.9150])
/// @endcode
void manual_seed(uint64_t seed);
/// @brief `torch.initial_seed()`: the seed of the default CPU generator (all 64 bits).
///
/// `default_rng_seed_val` (67280421310721) until `manual_seed` or `seed` is called.
/// @code
/// tl::manual_seed(7);
/// uint64_t s = tl::initial_seed();   // 7
/// @endcode
uint64_t initial_seed();
/// @brief `torch.seed()`: seeds the default CPU generator with 53 non-deterministic bits and
/// returns them (CUDA generators are not touched).
/// @code
/// uint64_t s = tl::seed();   // record it to replay the run with tl::manual_seed(s)
/// @endcode
uint64_t seed();

/// @brief `torch.rand`: uniform samples in [0, 1) of shape `size`; float32 unless `options` says otherwise.
///
/// Draws from the default generator of the tensor's device; the values match PyTorch 1.13.1
/// bit for bit after the same seed. Only floating dtypes (float16, float32, float64) are allowed.
/// @throws tl::Error for another dtype: `"check_uniform_bounds" not implemented for 'Long'`;
/// for a negative size (`Trying to create tensor with negative dimension ...`).
/// @code
/// tl::manual_seed(42);
/// auto x = tl::rand({3, 4});   // tensor([[0.8823, 0.9150, 0.3829, 0.9593], ...])
/// @endcode
Tensor rand(IntArrayRef size, const TensorOptions& options = {});
/// @brief `torch.rand(size, generator=...)`: `rand` drawing from `generator` (the default
/// generator when it is `std::nullopt` or undefined).
///
/// The generator's device must match the tensor's.
/// @throws tl::Error as `rand`, and `Expected a 'cpu' device type for generator but found
/// 'cuda'` for a CUDA generator with a CPU tensor.
/// @code
/// tl::Generator gen = tl::detail::createCPUGenerator(42);
/// auto x = tl::rand({3}, gen);   // tensor([0.8823, 0.9150, 0.3829]); the default generator is untouched
/// @endcode
Tensor rand(IntArrayRef size, std::optional<Generator> generator, const TensorOptions& options = {});
/// @brief `torch.randn`: standard normal samples (mean 0, std 1) of shape `size`; float32
/// unless `options` says otherwise.
///
/// Bit-identical to PyTorch 1.13.1's CPU numbers, including its vectorised path for
/// contiguous tensors of 16 or more elements. Only floating dtypes are allowed.
/// @throws tl::Error for another dtype: `"normal_kernel_cpu" not implemented for 'Long'`.
/// @code
/// tl::manual_seed(42);
/// auto z = tl::randn({2, 3});   // float32, shape (2, 3)
/// @endcode
Tensor randn(IntArrayRef size, const TensorOptions& options = {});
/// @brief `torch.randn(size, generator=...)`: `randn` drawing from `generator`.
/// @throws tl::Error as `randn`, and for a generator of another device type (as `rand`).
/// @code
/// tl::Generator gen = tl::detail::createCPUGenerator(0);
/// auto z = tl::randn({4}, gen, tl::kFloat64);
/// @endcode
Tensor randn(IntArrayRef size, std::optional<Generator> generator, const TensorOptions& options = {});
/// @brief `torch.randint(high, size)`: uniform integers in [0, high) of shape `size`; int64
/// unless `options` gives a dtype (floating dtypes hold integer values).
/// @throws tl::Error `random_ expects 'from' to be less than 'to', but got from=0 >= to=0`
/// for `high <= 0`, and `to - 1 is out of bounds for unsigned char` (and so on, with the dtype's
/// C++ name) when the range does not fit the dtype.
/// @code
/// auto dice = tl::randint(6, {10});               // int64 values 0..5
/// auto small = tl::randint(10, {2, 3}, tl::kInt8);
/// @endcode
Tensor randint(int64_t high, IntArrayRef size, const TensorOptions& options = {});
/// @brief `torch.randint(high, size, generator=...)`: `randint(high, size)` drawing from `generator`.
/// @throws tl::Error as `randint(high, size)`, and for a generator of another device type.
/// @code
/// tl::Generator gen = tl::detail::createCPUGenerator(1);
/// auto x = tl::randint(10, {5}, gen);
/// @endcode
Tensor randint(int64_t high, IntArrayRef size, std::optional<Generator> generator,
               const TensorOptions& options = {});
/// @brief `torch.randint(low, high, size)`: uniform integers in [low, high); int64 unless
/// `options` gives a dtype.
/// @throws tl::Error `random_ expects 'from' to be less than 'to', but got from=5 >= to=5`
/// when `low >= high`; `from is out of bounds for signed char` / `to - 1 is out of bounds for
/// signed char` (with the dtype's C++ name) when a bound does not fit the dtype.
/// @code
/// auto x = tl::randint(-5, 5, {4}, tl::kInt8);   // int8 values -5..4
/// @endcode
Tensor randint(int64_t low, int64_t high, IntArrayRef size, const TensorOptions& options = {});
/// @brief `torch.randint(low, high, size, generator=...)`: `randint(low, high, size)` drawing
/// from `generator`.
/// @throws tl::Error as `randint(low, high, size)`, and for a generator of another device type.
/// @code
/// tl::Generator gen = tl::detail::createCPUGenerator(1);
/// auto x = tl::randint(1, 7, {3}, gen);   // values 1..6
/// @endcode
Tensor randint(int64_t low, int64_t high, IntArrayRef size, std::optional<Generator> generator,
               const TensorOptions& options = {});
/// @brief `torch.normal(mean, std, size)`: normal samples with the given mean and standard
/// deviation; float32 unless `options` says otherwise.
///
/// Filled by `Tensor::normal_(mean, std, generator)`, so the values match PyTorch's after the same seed.
/// @throws tl::Error `normal expects std >= 0.0, but found std -1` for a negative `std`, and
/// as `randn` for a non-floating dtype.
/// @code
/// auto noise = tl::normal(0.0, 0.1, {3, 3});
/// @endcode
Tensor normal(double mean, double std, IntArrayRef size, std::optional<Generator> generator = std::nullopt,
              const TensorOptions& options = {});
/// @brief `torch.rand_like`: `rand` with the shape of `like`, and its dtype and device unless
/// `options` overrides them.
/// @throws tl::Error as `rand` (e.g. for an int64 `like`: `"check_uniform_bounds" not
/// implemented for 'Long'`).
/// @code
/// auto w = tl::rand_like(tl::zeros({2, 2}, tl::kFloat64));   // float64, shape (2, 2)
/// @endcode
Tensor rand_like(const Tensor& like, const TensorOptions& options = {});
/// @brief `torch.randn_like`: `randn` with the shape of `like`, and its dtype and device
/// unless `options` overrides them.
/// @throws tl::Error as `randn` for a non-floating dtype.
/// @code
/// auto n = tl::randn_like(tl::zeros({4}));   // float32, shape (4)
/// @endcode
Tensor randn_like(const Tensor& like, const TensorOptions& options = {});
/// @brief `torch.randint_like(like, high)`: integers in [0, high) with the shape of `like`, and
/// its dtype and device unless `options` overrides them.
/// @throws tl::Error as `randint(high, size)`.
/// @code
/// auto labels = tl::randint_like(tl::zeros({8}, tl::kLong), 3);   // int64 values 0..2
/// @endcode
Tensor randint_like(const Tensor& like, int64_t high, const TensorOptions& options = {});
/// @brief `torch.randint_like(like, low, high)`: integers in [low, high) with the shape of
/// `like`, and its dtype and device unless `options` overrides them.
/// @throws tl::Error as `randint(low, high, size)`.
/// @code
/// auto x = tl::randint_like(tl::zeros({2, 2}), -1, 2);   // float32 holding -1, 0 or 1
/// @endcode
Tensor randint_like(const Tensor& like, int64_t low, int64_t high, const TensorOptions& options = {});

}  // namespace tl
