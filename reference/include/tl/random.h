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

/// @brief Seeds the default CPU generator (and every CUDA device's, when built with CUDA).
///
/// Like `torch.manual_seed`, the full 64-bit value is remembered (`initial_seed()`), but only
/// its low 32 bits seed the CPU engine, so `manual_seed(5)` and `manual_seed((1ULL << 32) + 5)`
/// give the same CPU numbers.
void manual_seed(uint64_t seed);
/// @brief The seed of the default CPU generator (`torch.initial_seed()`).
uint64_t initial_seed();
/// @brief Seeds the default CPU generator non-deterministically and returns the seed (`torch.seed()`).
uint64_t seed();

/// @brief Uniform samples in [0, 1) (`torch.rand`); float32 unless `options` says otherwise.
///
/// Draws from the default generator of the tensor's device; the values match PyTorch 1.13.1
/// bit for bit after the same seed. Only floating dtypes are allowed (tl::Error otherwise).
/// @code
/// tl::manual_seed(42);
/// auto x = tl::rand({3, 4});   // tensor([[0.8823, 0.9150, 0.3829, 0.9593], ...])
/// @endcode
Tensor rand(IntArrayRef size, const TensorOptions& options = {});
/// @brief `rand` drawing from `generator`.
Tensor rand(IntArrayRef size, std::optional<Generator> generator, const TensorOptions& options = {});
/// @brief Standard normal samples (`torch.randn`).
Tensor randn(IntArrayRef size, const TensorOptions& options = {});
/// @brief `randn` drawing from `generator`.
Tensor randn(IntArrayRef size, std::optional<Generator> generator, const TensorOptions& options = {});
/// @brief Integers in [0, high) (`torch.randint`); int64 unless `options` gives a dtype.
///
/// Example: `tl::randint(10, {2, 3})`, `tl::randint(-5, 5, {4}, tl::kInt8)`.
Tensor randint(int64_t high, IntArrayRef size, const TensorOptions& options = {});
/// @brief `randint(high, ...)` drawing from `generator`.
Tensor randint(int64_t high, IntArrayRef size, std::optional<Generator> generator,
               const TensorOptions& options = {});
/// @brief Integers in [low, high).
Tensor randint(int64_t low, int64_t high, IntArrayRef size, const TensorOptions& options = {});
/// @brief `randint(low, high, ...)` drawing from `generator`.
Tensor randint(int64_t low, int64_t high, IntArrayRef size, std::optional<Generator> generator,
               const TensorOptions& options = {});
/// @brief Normal samples with the given mean and standard deviation (`torch.normal(mean, std, size)`).
Tensor normal(double mean, double std, IntArrayRef size, std::optional<Generator> generator = std::nullopt,
              const TensorOptions& options = {});
/// @brief `rand` with the shape (and, unless overridden, dtype and device) of `like`.
Tensor rand_like(const Tensor& like, const TensorOptions& options = {});
/// @brief `randn` with the shape, dtype and device of `like`.
Tensor randn_like(const Tensor& like, const TensorOptions& options = {});
/// @brief `randint(high)` with the shape, dtype and device of `like`.
Tensor randint_like(const Tensor& like, int64_t high, const TensorOptions& options = {});
/// @brief `randint(low, high)` with the shape, dtype and device of `like`.
Tensor randint_like(const Tensor& like, int64_t low, int64_t high, const TensorOptions& options = {});

}  // namespace tl
