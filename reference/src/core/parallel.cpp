// The thread pool behind detail::parallel_for (see parallel.h).
//
// One job at a time. A job is a range of chunks; the caller and the workers claim chunks
// with a compare-and-swap on `next_`, which carries the job's generation in its high bits
// so that a worker waking late can never claim a chunk of a later job. The caller returns
// once every chunk is done (`done_`), without waiting for workers that never woke up.
//
// On a machine whose other cores are busy (other processes), a woken worker may get no CPU
// in time and sharing only costs. After each job the caller compares the wall time with
// its own pace; when sharing did not pay it runs serially for a while (1 ms, doubling up
// to 1 s) before trying again, as OpenMP runtimes with dynamic threads adjust to load.
#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#endif
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define TL_CPU_RELAX() _mm_pause()
#else
#define TL_CPU_RELAX() std::this_thread::yield()
#endif

namespace tl::detail {
namespace {

thread_local bool t_in_parallel = false;

int env_threads(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr) return 0;
  const int n = std::atoi(v);
  return n > 0 ? n : 0;
}

int default_threads() {
  if (int n = env_threads("TL_NUM_THREADS")) return n;
  if (int n = env_threads("OMP_NUM_THREADS")) return n;
#if defined(__linux__)
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) return std::max(1, CPU_COUNT(&set));
#endif
  return std::max(1u, std::thread::hardware_concurrency());
}

std::atomic<int> g_threads{0};  // 0: not decided yet

constexpr int kGenShift = 40;  // next_ = generation << 40 | next chunk index
constexpr uint64_t kIndexMask = (uint64_t{1} << kGenShift) - 1;
constexpr int kSpins = 2000;   // pause loops (tens of microseconds) before sleeping

class Pool {
 public:
  explicit Pool(int workers) {
    for (int i = 0; i < workers; ++i) {
      try {
        std::thread(&Pool::work, this).detach();
        ++workers_;
      } catch (...) {  // a process limit on threads: use the ones we have
        break;
      }
    }
  }

  int workers() const { return workers_; }

  // False when another thread owns the pool; the caller then runs serially.
  bool try_run(int64_t chunks, int64_t chunk, int64_t n, void (*body)(void*, int64_t, int64_t), void* ctx) {
    std::unique_lock<std::mutex> lock(busy_, std::try_to_lock);
    if (!lock.owns_lock()) return false;
    body_ = body;
    ctx_ = ctx;
    n_ = n;
    chunk_ = chunk;
    chunks_ = chunks;
    error_ = nullptr;
    done_.store(0, std::memory_order_relaxed);
    generation_ = (generation_ + 1) & ((uint64_t{1} << (64 - kGenShift)) - 1);
    next_.store(generation_ << kGenShift, std::memory_order_release);
    wake_.fetch_add(1, std::memory_order_release);
    wake_.notify_all();
    const int64_t start = now_ns();
    t_in_parallel = true;
    const int64_t mine = run_chunks(generation_);
    t_in_parallel = false;
    const int64_t own = now_ns() - start;
    // Wait for the chunks other threads claimed.
    for (int spin = 0;; ++spin) {
      const int64_t d = done_.load(std::memory_order_acquire);
      if (d == chunks) break;
      if (spin < kSpins) TL_CPU_RELAX();
      else done_.wait(d, std::memory_order_acquire);
    }
    const int64_t total = now_ns() - start;
    // Sharing paid when the job took clearly less than the caller's pace for all chunks.
    const bool paid = mine < chunks && total * mine * 5 < own * chunks * 4;
    backoff_ns_ = paid ? 0 : std::clamp<int64_t>(2 * backoff_ns_, kMinBackoff, kMaxBackoff);
    serial_until_.store(paid ? 0 : now_ns() + backoff_ns_, std::memory_order_relaxed);
    if (error_) std::rethrow_exception(error_);
    return true;
  }

  // True while a recent job showed that the other threads get no CPU in time.
  bool backing_off() const {
    const int64_t until = serial_until_.load(std::memory_order_relaxed);
    return until != 0 && now_ns() < until;
  }

  void stop() {
    stopping_.store(true);
    wake_.fetch_add(1);
    wake_.notify_all();
  }

 private:
  static int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }

  // Claims and runs chunks of the job of generation `gen` until none are left; returns
  // how many this thread ran.
  int64_t run_chunks(uint64_t gen) {
    int64_t ran = 0;
    uint64_t v = next_.load(std::memory_order_acquire);
    while (true) {
      if ((v >> kGenShift) != gen) return ran;
      const auto index = static_cast<int64_t>(v & kIndexMask);
      // A successful claim of an index of `gen` means the job is still live, so its
      // fields below belong to it.
      if (index >= chunks_) return ran;
      if (!next_.compare_exchange_weak(v, v + 1, std::memory_order_acquire)) continue;
      const int64_t begin = index * chunk_;
      const int64_t end = std::min(n_, begin + chunk_);
      try {
        body_(ctx_, begin, end);
      } catch (...) {
        std::lock_guard<std::mutex> g(error_mutex_);
        if (!error_) error_ = std::current_exception();
      }
      ++ran;
      if (done_.fetch_add(1, std::memory_order_acq_rel) + 1 == chunks_) done_.notify_one();
      v = next_.load(std::memory_order_acquire);
    }
  }

  void work() {
    t_in_parallel = true;
    uint32_t seen = wake_.load(std::memory_order_acquire);
    while (true) {
      // Spin a little first: element-wise ops tend to come back to back.
      for (int spin = 0; spin < kSpins && wake_.load(std::memory_order_acquire) == seen; ++spin) TL_CPU_RELAX();
      wake_.wait(seen, std::memory_order_acquire);
      seen = wake_.load(std::memory_order_acquire);
      if (stopping_.load()) return;
      const uint64_t v = next_.load(std::memory_order_acquire);
      run_chunks(v >> kGenShift);
    }
  }

  static constexpr int64_t kMinBackoff = 1'000'000, kMaxBackoff = 1'000'000'000;  // ns
  int workers_ = 0;
  int64_t backoff_ns_ = 0;
  std::atomic<int64_t> serial_until_{0};
  std::mutex busy_;
  std::atomic<uint32_t> wake_{0};
  std::atomic<uint64_t> next_{0};
  std::atomic<int64_t> done_{0};
  std::atomic<bool> stopping_{false};
  uint64_t generation_ = 0;
  void (*body_)(void*, int64_t, int64_t) = nullptr;
  void* ctx_ = nullptr;
  int64_t n_ = 0, chunk_ = 1, chunks_ = 0;
  std::mutex error_mutex_;
  std::exception_ptr error_;
};

// Leaked on purpose: workers are detached and may outlive static destructors.
std::atomic<Pool*> g_pool{nullptr};
std::mutex g_pool_mutex;

Pool* pool() {
  Pool* p = g_pool.load(std::memory_order_acquire);
  if (p != nullptr) return p;
  std::lock_guard<std::mutex> lock(g_pool_mutex);
  p = g_pool.load(std::memory_order_relaxed);
  if (p == nullptr) {
#if defined(__linux__)
    // A forked child has none of the parent's threads: start a new pool there.
    static std::once_flag once;
    std::call_once(once, [] { pthread_atfork(nullptr, nullptr, [] { g_pool.store(nullptr); }); });
#endif
    p = new Pool(num_threads() - 1);
    g_pool.store(p, std::memory_order_release);
  }
  return p;
}

}  // namespace

int num_threads() {
  int n = g_threads.load(std::memory_order_relaxed);
  if (n == 0) {
    n = default_threads();
    g_threads.store(n, std::memory_order_relaxed);
  }
  return n;
}

void set_num_threads(int n) {
  n = std::max(1, n);
  std::lock_guard<std::mutex> lock(g_pool_mutex);
  g_threads.store(n);
  if (Pool* p = g_pool.exchange(nullptr)) p->stop();  // the next parallel_for starts a new one
}

bool in_parallel_region() { return t_in_parallel; }

void parallel_for_impl(int64_t n, int64_t grain, void (*body)(void*, int64_t, int64_t), void* ctx) {
  Pool* p = pool();
  const int threads = p->workers() + 1;
  // Small chunks, between an eighth and half of the grain: claiming one costs an atomic,
  // and on a busy machine a thread the OS preempts holds back only the chunk it has.
  const int64_t chunk = std::clamp((n + 4 * threads - 1) / (4 * threads), std::max<int64_t>(1, grain / 8),
                                   std::max<int64_t>(1, grain / 2));
  const int64_t chunks = (n + chunk - 1) / chunk;
  if (threads == 1 || chunks == 1 || p->backing_off() || !p->try_run(chunks, chunk, n, body, ctx)) body(ctx, 0, n);
}

}  // namespace tl::detail
