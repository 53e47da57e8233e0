// The thread pool behind detail::parallel_for (see parallel.h).
//
// One job at a time. A job is a range of chunks cut into one segment per thread: thread t
// (the caller is thread 0) first claims the chunks of segment t, in order, then helps with
// the others'. So each thread works on the same part of the data from one job to the next
// (like OpenMP's static schedule: the data it wrote last time is still in its own cache),
// while a thread the OS has descheduled holds back only the chunk it has claimed.
//
// A segment is one atomic word: the job's generation, the next chunk and the end. A claim
// is a compare-and-swap on it, so a worker waking late can never claim a chunk of a later
// job, and no claim ever reads a field the caller is rewriting. The caller returns once
// every chunk is done (`done_`), without waiting for workers that never woke up.
//
// Between jobs a worker waits awake for a while (spin_then_wait), since waking a sleeping
// thread takes longer than most jobs. On a machine whose other cores are busy (other
// processes), a worker may get no CPU in time and sharing only costs. After each shared
// job the caller compares the wall time with its own pace; when sharing made the job
// slower, it runs serially for a while (1 ms, doubling up to 1 s) before trying again, as
// OpenMP runtimes with dynamic threads adjust to load, and the workers, which get no job
// meanwhile, sleep.
#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <memory>
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

// A segment's word: generation << 44 | next chunk << 22 | end chunk.
constexpr int kIndexBits = 22;
constexpr uint64_t kIndexMask = (uint64_t{1} << kIndexBits) - 1;
constexpr uint64_t kGenMask = (uint64_t{1} << (64 - 2 * kIndexBits)) - 1;
constexpr int64_t kMaxChunks = static_cast<int64_t>(kIndexMask);
constexpr uint64_t segment_word(uint64_t gen, int64_t next, int64_t end) {
  return gen << (2 * kIndexBits) | static_cast<uint64_t>(next) << kIndexBits | static_cast<uint64_t>(end);
}
// How long a thread waits awake before it sleeps in a futex. Waking a sleeping thread takes
// from tens of microseconds to milliseconds (in a VM, the idle virtual CPU has to be
// scheduled again), longer than most element-wise ops: a worker between ops that come back
// to back must still be awake for the next one. It pauses in a loop at first, then yields
// its CPU at each check, so that other runnable threads (another process, OpenBLAS's
// workers) lose little to it; OpenMP runtimes and OpenBLAS wait in the same two ways.
constexpr int64_t kPauseNs = 50'000, kAwakeNs = 2'000'000;

// Waits until `value` differs from `old`; sleeps early once `stay_awake()` says false.
template <typename T, typename StayAwake>
void spin_then_wait(const std::atomic<T>& value, T old, StayAwake&& stay_awake) {
  const auto start = std::chrono::steady_clock::now();
  const auto waited = [&] { return std::chrono::steady_clock::now() - start; };
  for (int spin = 1; value.load(std::memory_order_acquire) == old; ++spin) {
    if (spin % 256 != 0) {
      TL_CPU_RELAX();
    } else if (waited() > std::chrono::nanoseconds(kAwakeNs) || !stay_awake()) {
      value.wait(old, std::memory_order_acquire);
      return;
    } else if (waited() > std::chrono::nanoseconds(kPauseNs)) {
      std::this_thread::yield();
    }
  }
}

class Pool {
 public:
  explicit Pool(int workers) : segments_(std::make_unique<Segment[]>(static_cast<size_t>(workers) + 1)) {
    for (int i = 0; i < workers; ++i) {
      try {
        std::thread(&Pool::work, this, i + 1).detach();
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
    generation_ = (generation_ + 1) & kGenMask;
    const int threads = workers_ + 1;
    for (int t = 0; t < threads; ++t) {
      segments_[t].word.store(segment_word(generation_, chunks * t / threads, chunks * (t + 1) / threads),
                              std::memory_order_relaxed);
    }
    job_.store(generation_, std::memory_order_release);
    wake_.fetch_add(1, std::memory_order_release);
    wake_.notify_all();
    const int64_t start = now_ns();
    t_in_parallel = true;
    const int64_t mine = run_chunks(generation_, 0);
    t_in_parallel = false;
    const int64_t own = now_ns() - start;
    // Wait for the chunks other threads claimed.
    for (int64_t d = done_.load(std::memory_order_acquire); d != chunks; d = done_.load(std::memory_order_acquire)) {
      spin_then_wait(done_, d, [] { return true; });
    }
    const int64_t total = now_ns() - start;
    // Sharing hurt when the job took longer than the caller's pace for all its chunks (a
    // worker the OS preempted in the middle of a chunk). A job the caller ran alone (the
    // others woke too late) cost nothing and says nothing about the load.
    if (mine < chunks) {
      const bool hurt = total * mine > own * chunks;
      backoff_ns_ = hurt ? std::clamp<int64_t>(2 * backoff_ns_, kMinBackoff, kMaxBackoff) : 0;
      serial_until_.store(hurt ? now_ns() + backoff_ns_ : 0, std::memory_order_relaxed);
    }
    if (error_) std::rethrow_exception(error_);
    return true;
  }

  // True while a recent job showed that the other threads get no CPU in time.
  bool backing_off() const {
    const int64_t until = serial_until_.load(std::memory_order_relaxed);
    return until != 0 && now_ns() < until;
  }

  // Stops the workers; the last one to leave deletes the pool (which no caller uses any
  // more: set_num_threads runs while no parallel_for does).
  void retire() {
    if (workers_ == 0) {
      delete this;
      return;
    }
    stopping_.store(true);
    wake_.fetch_add(1);
    wake_.notify_all();
  }

 private:
  struct alignas(64) Segment {
    std::atomic<uint64_t> word{0};
  };

  static int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }

  // Claims and runs chunks of the job of generation `gen`, segment `home` first, until none
  // are left; returns how many this thread ran.
  int64_t run_chunks(uint64_t gen, int home) {
    const int threads = workers_ + 1;
    int64_t ran = 0;
    for (int s = 0; s < threads; ++s) {
      std::atomic<uint64_t>& word = segments_[(home + s) % threads].word;
      uint64_t v = word.load(std::memory_order_acquire);
      while (true) {
        if ((v >> (2 * kIndexBits)) != gen) return ran;  // a later job: this one is done
        const auto index = static_cast<int64_t>((v >> kIndexBits) & kIndexMask);
        if (index >= static_cast<int64_t>(v & kIndexMask)) break;  // segment used up
        // A successful claim of a chunk of `gen` means the job is still live (until this
        // chunk is counted done), so the fields below belong to it.
        if (!word.compare_exchange_weak(v, v + (uint64_t{1} << kIndexBits), std::memory_order_acquire)) continue;
        const int64_t chunks = chunks_;
        const int64_t begin = index * chunk_;
        const int64_t end = std::min(n_, begin + chunk_);
        try {
          body_(ctx_, begin, end);
        } catch (...) {
          std::lock_guard<std::mutex> g(error_mutex_);
          if (!error_) error_ = std::current_exception();
        }
        ++ran;
        if (done_.fetch_add(1, std::memory_order_acq_rel) + 1 == chunks) done_.notify_one();
        v = word.load(std::memory_order_acquire);
      }
    }
    return ran;
  }

  void work(int id) {
    t_in_parallel = true;
    uint32_t seen = wake_.load(std::memory_order_acquire);
    while (true) {
      // No job comes while the pool runs serially: when that lasts longer than the awake
      // time (the other CPUs are busy), the CPU goes to whoever keeps it busy.
      spin_then_wait(wake_, seen, [this] { return serial_until_.load(std::memory_order_relaxed) < now_ns() + kAwakeNs; });
      seen = wake_.load(std::memory_order_acquire);
      if (stopping_.load()) {
        const int workers = workers_;  // read first: the last worker to leave deletes the pool
        if (left_.fetch_add(1) + 1 == workers) delete this;
        return;
      }
      run_chunks(job_.load(std::memory_order_acquire), id);
    }
  }

  static constexpr int64_t kMinBackoff = 1'000'000, kMaxBackoff = 1'000'000'000;  // ns
  std::unique_ptr<Segment[]> segments_;
  int workers_ = 0;
  int64_t backoff_ns_ = 0;
  std::atomic<int64_t> serial_until_{0};
  std::mutex busy_;
  std::atomic<uint32_t> wake_{0};
  std::atomic<uint64_t> job_{0};
  std::atomic<int64_t> done_{0};
  std::atomic<bool> stopping_{false};
  std::atomic<int> left_{0};  // workers that have stopped
  uint64_t generation_ = 0;
  void (*body_)(void*, int64_t, int64_t) = nullptr;
  void* ctx_ = nullptr;
  int64_t n_ = 0, chunk_ = 1, chunks_ = 0;
  std::mutex error_mutex_;
  std::exception_ptr error_;
};

// Leaked on purpose: workers are detached and may outlive static destructors.
std::atomic<Pool*> g_pool{nullptr};
// A forked child's copy of the parent's pool (without its threads), kept reachable.
Pool* g_parent_pool = nullptr;
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
    std::call_once(once, [] { pthread_atfork(nullptr, nullptr, [] { g_parent_pool = g_pool.exchange(nullptr); }); });
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
  if (Pool* p = g_pool.exchange(nullptr)) p->retire();  // the next parallel_for starts a new one
}

bool in_parallel_region() { return t_in_parallel; }

void parallel_for_impl(int64_t n, int64_t grain, void (*body)(void*, int64_t, int64_t), void* ctx) {
  Pool* p = pool();
  const int threads = p->workers() + 1;
  // Small chunks, between an eighth and half of the grain: claiming one costs an atomic,
  // and on a busy machine a thread the OS preempts holds back only the chunk it has.
  // At most kMaxChunks of them (a segment word's index field).
  const int64_t chunk = std::max(std::clamp((n + 4 * threads - 1) / (4 * threads), std::max<int64_t>(1, grain / 8),
                                            std::max<int64_t>(1, grain / 2)),
                                 (n + kMaxChunks - 1) / kMaxChunks);
  const int64_t chunks = (n + chunk - 1) / chunk;
  if (threads == 1 || chunks == 1 || p->backing_off() || !p->try_run(chunks, chunk, n, body, ctx)) body(ctx, 0, n);
}

}  // namespace tl::detail
