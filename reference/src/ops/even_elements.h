#pragma once
// Copies every other element of a run into a contiguous buffer, for element-wise ops on
// inputs with a step of 2 (`x[:, ::2]`, the real parts of interleaved pairs): packed, their
// loop is the contiguous one, which the compiler vectorises; read in place, it stays scalar
// (a vector loop over a step would need gathers, slower than scalar loads on many CPUs).

#include <cstddef>
#include <cstdint>

namespace tl::detail {

/// True when `gather_even` has a vector version for elements of `elem_size` bytes here
/// (4 or 8 bytes, on an AVX2 CPU); elsewhere packing would cost more than it saves.
bool gather_even_is_fast(size_t elem_size);

/// dst[k] = src[2 * k] for k in [0, n), elements of `elem_size` bytes (4 or 8). Reads no
/// element past src[2 * (n - 1)].
void gather_even(void* dst, const void* src, int64_t n, size_t elem_size);

}  // namespace tl::detail
