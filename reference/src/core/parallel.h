#pragma once
// A small persistent thread pool for element-wise kernels.
//
// `parallel_for(n, grain, fn)` calls `fn(begin, end)` on disjoint chunks covering [0, n).
// Below `grain` elements, with one thread, or when called from inside another
// parallel_for (or while another thread uses the pool), it is one inline call. Otherwise
// the caller and the pool's workers take small chunks from a shared counter, so a worker
// that the OS has descheduled holds back at most its one chunk; when sharing does not pay
// (the other cores are busy), the pool runs jobs serially for a while (parallel.cpp).
// Threads are created once, on first use; idle workers sleep in a futex.
//
// Only for work whose result does not depend on how it is split (element-wise ops,
// copies, reductions whose output elements are independent): a floating-point sum over
// one output must keep PyTorch's order, so sum_kernel_cpu.cpp shares only the parts of it
// that PyTorch's cascade computes independently.

#include <algorithm>
#include <array>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "core/strided_loop.h"

// x86 kernels compiled for AVX2 + FMA (+ F16C) next to the portable ones, picked at run
// time. tl is built with -ffp-contract=off, so FMA code fuses only where a kernel says
// std::fma or _mm256_fmadd_ps: the same bits on every CPU.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#define TL_X86_KERNELS 1
#define TL_TARGET_AVX2 __attribute__((target("avx2,fma,f16c")))
#else
#define TL_X86_KERNELS 0
#define TL_TARGET_AVX2
#endif

namespace tl::detail {

/// PyTorch's at::internal::GRAIN_SIZE: element-wise ops use threads from this many elements.
constexpr int64_t kGrainSize = 32768;

/// Threads tl's kernels use: `TL_NUM_THREADS`, else the CPUs this process may run on.
int num_threads();
/// Changes the number of threads (1: everything serial). Not while a parallel_for runs.
void set_num_threads(int n);
/// True inside a parallel_for's chunk.
bool in_parallel_region();

/// True when the CPU runs the `TL_TARGET_AVX2` kernels (AVX2, FMA and F16C: every AVX2 CPU).
inline bool cpu_has_avx2() {
#if TL_X86_KERNELS
  // clang has no "f16c" for __builtin_cpu_supports, so F16C is read from CPUID leaf 1.
  static const bool yes = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && [] {
    unsigned a = 0, b = 0, c = 0, d = 0;
    return __get_cpuid(1, &a, &b, &c, &d) != 0 && (c & bit_F16C) != 0;
  }();
  return yes;
#else
  return false;
#endif
}

/// Runs `body(ctx, begin, end)` over [0, n) as described above (the untyped core).
void parallel_for_impl(int64_t n, int64_t grain, void (*body)(void*, int64_t, int64_t), void* ctx);

/// Calls `fn(begin, end)` over disjoint chunks of [0, n), on several threads when
/// n >= grain. Chunks hold between grain / 8 and grain / 2 elements.
template <typename F>
void parallel_for(int64_t n, int64_t grain, F&& fn) {
  if (n <= 0) return;
  if (n < grain || num_threads() == 1 || in_parallel_region()) {
    fn(int64_t{0}, n);
    return;
  }
  using Fn = std::remove_reference_t<F>;
  parallel_for_impl(n, grain, [](void* ctx, int64_t b, int64_t e) { (*static_cast<Fn*>(ctx))(b, e); },
                    const_cast<void*>(static_cast<const void*>(&fn)));
}

/// `for_each_run` (strided_loop.h) on several threads from `grain` elements on: the same
/// callback, called for pieces of the runs. A run longer than 2 * kRunPiece is cut into
/// pieces that start at multiples of kRunPiece from the run's start, so a callback whose
/// loop structure depends on the run length (PyTorch's vector blocks and tails) computes
/// what it computes on the whole run.
constexpr int64_t kRunPiece = 16384;

template <size_t N, typename Run>
void parallel_for_each_run(IntArrayRef sizes, const std::array<IntArrayRef, N>& strides, int64_t grain, Run&& run) {
  int64_t numel = 1;
  for (int64_t s : sizes) numel *= s;
  if (numel < grain || numel == 0 || num_threads() == 1 || in_parallel_region()) {
    for_each_run<N>(sizes, strides, run);
    return;
  }
  const StridedRuns<N> r = coalesce<N>(sizes, strides);
  const size_t nd = r.sizes.size();
  if (nd == 0) {
    for_each_run<N>(sizes, strides, run);
    return;
  }
  std::array<int64_t, N> steps;
  for (size_t k = 0; k < N; ++k) steps[k] = r.strides[k][nd - 1];
  const int64_t len = r.sizes[nd - 1];
  const int64_t piece = len > 2 * kRunPiece ? kRunPiece : len;
  const int64_t pieces = (len + piece - 1) / piece;  // per run
  const int64_t items = numel / len * pieces;
  parallel_for(items, std::max<int64_t>(1, grain / piece), [&](int64_t begin, int64_t end) {
    // Position of the first item's run: an odometer over the outer dims.
    int64_t run_index = begin / pieces, p = begin % pieces;
    Sizes counter(nd, 0);
    std::array<int64_t, N> base{};
    for (size_t d = nd - 1; d-- > 0;) {
      counter[d] = run_index % r.sizes[d];
      run_index /= r.sizes[d];
      for (size_t k = 0; k < N; ++k) base[k] += counter[d] * r.strides[k][d];
    }
    for (int64_t item = begin; item < end; ++item) {
      const int64_t start = p * piece;
      std::array<int64_t, N> off;
      for (size_t k = 0; k < N; ++k) off[k] = base[k] + start * steps[k];
      run(off, std::min(piece, len - start), steps);
      if (++p < pieces) continue;
      p = 0;
      for (size_t d = nd - 1; d-- > 0;) {
        for (size_t k = 0; k < N; ++k) base[k] += r.strides[k][d];
        if (++counter[d] < r.sizes[d]) break;
        for (size_t k = 0; k < N; ++k) base[k] -= r.strides[k][d] * r.sizes[d];
        counter[d] = 0;
      }
    }
  });
}

}  // namespace tl::detail
