#pragma once
/// @file 02_random.h
/// @brief Exercise 02-random: random tensors and seeds, from the raw 32-bit draws of
/// PyTorch's Mersenne Twister to `tl::rand` (notebook sections "Random tensors" and
/// "Reproducibility").
///
/// Read exercises/02-random/README.md first. Run the tests with `ctest -L 02-random`.

#include <cstdint>
#include <utility>

#include <tl/generator.h>
#include <tl/random.h>
#include <tl/tl.h>

namespace course {

/// @brief PyTorch's mapping of one 32-bit random draw to a float32 in [0, 1).
///
/// Keep the low 24 bits (a float32 has a 24-bit significand) and scale by 2^-24:
/// `(bits & 0xFFFFFF) * 2^-24`. Every value is exact, so the result is bit for bit what
/// `torch.rand` stores.
/// @code
/// course::uniform_from_bits(1608637542u);   // 0.88226926f, the notebook's first 0.8823
/// course::uniform_from_bits(0xFFFFFFFFu);   // 0.99999994f, the largest value below 1
/// @endcode
float uniform_from_bits(uint32_t bits);

/// @brief `tl::rand(size, gen, dtype)` by hand: fills a new CPU tensor of `size`, element by
/// element in row-major order, from `gen`'s raw draws.
///
/// Take the `tl::CPUGeneratorImpl` behind `gen` (`gen.get<tl::CPUGeneratorImpl>()`), hold
/// `gen.mutex()` while drawing, and map each draw as PyTorch does:
/// - `tl::kFloat` (float32): one `random()` → low 24 bits × 2^-24 (`uniform_from_bits`);
/// - `tl::kDouble` (float64): one `random64()` (two draws, the first in the high half) →
///   low 53 bits × 2^-53;
/// - `tl::kHalf` (float16): one `random()` → low 11 bits × 2^-11.
///
/// The result equals `tl::rand(size, gen, dtype)` called on a generator in the same state,
/// and leaves `gen` in the same state as that call would. An empty `size` (`{}`) is a 0-d
/// tensor holding one value; a size with a 0 draws nothing.
///
/// Throws `tl::Error` with PyTorch's message for a non-floating dtype, naming it as LibTorch
/// does (`tl::scalar_type_name`): `"check_uniform_bounds" not implemented for 'Long'`.
tl::Tensor rand_by_hand(const tl::Generator& gen, tl::IntArrayRef size, tl::ScalarType dtype = tl::kFloat);

/// @brief Shows that PyTorch's CPU generator is the standard Mersenne Twister: a float32
/// tensor of `size` filled from `std::mt19937` seeded with the low 32 bits of `seed`.
///
/// Equals `tl::manual_seed(seed); tl::rand(size)` bit for bit, without touching `tl`'s
/// generators.
tl::Tensor rand_from_std_mt19937(uint64_t seed, tl::IntArrayRef size);

/// @brief The notebook's reproducibility cell: `random_tensor_C` and `random_tensor_D`,
/// two float32 (3, 4) tensors from the default generator, reseeded with `seed` before each.
///
/// With seed 42 both are `tensor([[0.8823, 0.9150, 0.3829, 0.9593], ...])` and `C == D`
/// everywhere. Use `tl::manual_seed` and `tl::rand`.
std::pair<tl::Tensor, tl::Tensor> reseeded_pair(uint64_t seed);

}  // namespace course
