#pragma once
// Iterates N same-shaped strided operands as a sequence of 1-d runs.
//
// Dims of size 1 are dropped and adjacent dims that are contiguous with each other in
// every operand are merged, so a dense tensor becomes one run and the callback's inner
// loop is a plain, vectorisable `for`. The callback gets each operand's element offset
// of the run's first element, the run length and each operand's step inside the run.

#include <array>
#include <cstdint>

#include "tl/sizes.h"

namespace tl::detail {

template <size_t N>
struct StridedRuns {
  Sizes sizes;                    // merged extents, outermost first
  std::array<Sizes, N> strides;   // per operand, same length as sizes
};

template <size_t N>
StridedRuns<N> coalesce(IntArrayRef sizes, const std::array<IntArrayRef, N>& strides) {
  StridedRuns<N> r;
  for (size_t d = 0; d < sizes.size(); ++d) {
    if (sizes[d] == 1) continue;
    bool merge = !r.sizes.empty();
    for (size_t k = 0; k < N && merge; ++k) merge = r.strides[k].back() == strides[k][d] * sizes[d];
    if (merge) {
      const size_t last = r.sizes.size() - 1;
      r.sizes[last] *= sizes[d];
      for (size_t k = 0; k < N; ++k) r.strides[k][last] = strides[k][d];
    } else {
      r.sizes.push_back(sizes[d]);
      for (size_t k = 0; k < N; ++k) r.strides[k].push_back(strides[k][d]);
    }
  }
  return r;
}

/// Calls `run(offsets, n, steps)` for every innermost run, where `offsets` and `steps`
/// are `std::array<int64_t, N>` in elements. Does nothing when any extent is 0.
template <size_t N, typename Run>
void for_each_run(IntArrayRef sizes, const std::array<IntArrayRef, N>& strides, Run&& run) {
  for (int64_t s : sizes) if (s == 0) return;
  const StridedRuns<N> r = coalesce<N>(sizes, strides);
  const size_t nd = r.sizes.size();
  std::array<int64_t, N> offsets{};
  if (nd == 0) {  // a single element
    std::array<int64_t, N> steps{};
    run(offsets, int64_t{1}, steps);
    return;
  }
  std::array<int64_t, N> steps;
  for (size_t k = 0; k < N; ++k) steps[k] = r.strides[k][nd - 1];
  const int64_t inner = r.sizes[nd - 1];
  Sizes counter(nd, 0);
  while (true) {
    run(offsets, inner, steps);
    // Advance the outer dims like an odometer.
    size_t d = nd - 1;
    while (true) {
      if (d == 0) return;
      --d;
      for (size_t k = 0; k < N; ++k) offsets[k] += r.strides[k][d];
      if (++counter[d] < r.sizes[d]) break;
      for (size_t k = 0; k < N; ++k) offsets[k] -= r.strides[k][d] * r.sizes[d];
      counter[d] = 0;
    }
  }
}

}  // namespace tl::detail
