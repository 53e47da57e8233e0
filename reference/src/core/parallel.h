#pragma once
// A small persistent thread pool for element-wise kernels.
//
// `parallel_for(n, grain, fn)` calls `fn(begin, end)` on disjoint chunks covering [0, n).
// Below `grain` elements, with one thread, or when called from inside another
// parallel_for (or while another thread uses the pool), it is one inline call. Otherwise
// the caller and the pool's workers take chunks from a shared counter, so a worker that
// the OS has descheduled slows nothing down but its own chunk. Threads are created once,
// on first use; idle workers sleep in a futex.
//
// Only for work whose result does not depend on how it is split (element-wise ops,
// copies, reductions whose output elements are independent): floating-point sums over
// one output must keep PyTorch's order and stay serial.

#include <cstdint>
#include <type_traits>
#include <utility>

namespace tl::detail {

/// PyTorch's at::internal::GRAIN_SIZE: element-wise ops use threads from this many elements.
constexpr int64_t kGrainSize = 32768;

/// Threads tl's kernels use: `TL_NUM_THREADS`, else the CPUs this process may run on.
int num_threads();
/// Changes the number of threads (1: everything serial). Not while a parallel_for runs.
void set_num_threads(int n);
/// True inside a parallel_for's chunk.
bool in_parallel_region();

/// Runs `body(ctx, begin, end)` over [0, n) as described above (the untyped core).
void parallel_for_impl(int64_t n, int64_t grain, void (*body)(void*, int64_t, int64_t), void* ctx);

/// Calls `fn(begin, end)` over disjoint chunks of [0, n), on several threads when
/// n >= grain. Chunks hold at least grain / 2 elements.
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

}  // namespace tl::detail
