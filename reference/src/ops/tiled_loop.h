#pragma once
// Element-wise ops over operands laid out in different dim orders (a matrix plus a
// transposed one), walked tile by tile.
//
// cpu_loop walks the output's dense dim innermost, so a transposed input is read one
// element per cache line, and with strides of a power of two the lines evict each other
// (and each read may miss the TLB). Here each tile of such an input is first gathered
// along its own dense dim into a small buffer, then the op's run callback goes over the
// tile's rows with the buffer as a contiguous operand: the same arithmetic per element,
// so the same bits (copy.cpp's copy_tiled does the same for permuted copies).

#include <algorithm>
#include <array>
#include <cstdint>

#include "core/parallel.h"
#include "core/strided_loop.h"

namespace tl::detail {

/// Runs `run` over the coalesced dims `r` ([0] is the output, [j] reads `run.in[j - 1]`,
/// elements of type T) tile by tile and returns true, when the output is dense along the
/// inner dim and an input is densest along another dim; otherwise returns false. `run`
/// is cpu_loop's RunOp: `run(offsets, n, steps)` computes one 1-d run.
template <typename T, size_t M, typename Run>
bool run_tiled(const StridedRuns<M>& r, const Run& run) {
  constexpr int64_t kTile = 32;
  const size_t nd = r.sizes.size(), inner = nd - 1;
  if (nd < 2 || r.strides[0][inner] != 1 || r.sizes[inner] < 8) return false;
  const auto mag = [](int64_t s) { return s < 0 ? -s : s; };
  std::array<bool, M> gather{};
  size_t k = inner;  // the dim the first gathered input is densest along
  for (size_t j = 1; j < M; ++j) {
    const int64_t s = mag(r.strides[j][inner]);
    // A value broadcast along the run keeps whole runs: ops may treat it specially over
    // the run's length (AddScaledOp::run_scalar_rhs), which a tile would cut.
    if (s == 0) return false;
    if (s == 1) continue;
    gather[j] = true;
    for (size_t d = 0; d < inner && k == inner; ++d)
      if (r.strides[j][d] != 0 && mag(r.strides[j][d]) < s) k = d;
  }
  if (k == inner || r.sizes[k] < 8) return false;
  const int64_t rows = r.sizes[k], cols = r.sizes[inner];
  const int64_t row_tiles = (rows + kTile - 1) / kTile;
  int64_t outer = 1;  // every other dim
  for (size_t d = 0; d < inner; ++d)
    if (d != k) outer *= r.sizes[d];
  parallel_for(outer * row_tiles, std::max<int64_t>(1, kGrainSize / (kTile * cols)), [&](int64_t begin, int64_t end) {
    T buf[M - 1][kTile][kTile];  // a tile of each gathered input, rows dense
    Run tile_run = run;
    for (size_t j = 1; j < M; ++j)
      if (gather[j]) tile_run.in[j - 1] = &buf[j - 1][0][0];
    std::array<int64_t, M> off, step;
    for (size_t j = 0; j < M; ++j) step[j] = gather[j] ? 1 : r.strides[j][inner];
    for (int64_t item = begin; item < end; ++item) {
      std::array<int64_t, M> base{};  // the tile row's first element, per operand
      int64_t rest = item / row_tiles;
      for (size_t d = inner; d-- > 0;) {
        if (d == k) continue;
        const int64_t i = rest % r.sizes[d];
        rest /= r.sizes[d];
        for (size_t j = 0; j < M; ++j) base[j] += i * r.strides[j][d];
      }
      const int64_t r0 = item % row_tiles * kTile, nr = std::min(kTile, rows - r0);
      for (size_t j = 0; j < M; ++j) base[j] += r0 * r.strides[j][k];
      for (int64_t c0 = 0; c0 < cols; c0 += kTile) {
        const int64_t nc = std::min(kTile, cols - c0);
        for (size_t j = 1; j < M; ++j) {
          if (!gather[j]) continue;
          const int64_t sr = r.strides[j][k], sc = r.strides[j][inner];
          for (int64_t c = 0; c < nc; ++c) {  // along the input's dense dim
            const T* s = run.in[j - 1] + base[j] + (c0 + c) * sc;
            for (int64_t row = 0; row < nr; ++row) buf[j - 1][row][c] = s[row * sr];
          }
        }
        for (int64_t row = 0; row < nr; ++row) {
          for (size_t j = 0; j < M; ++j)
            off[j] = gather[j] ? row * kTile : base[j] + row * r.strides[j][k] + c0 * r.strides[j][inner];
          tile_run(off, nc, step);
        }
      }
    }
  });
  return true;
}

}  // namespace tl::detail
