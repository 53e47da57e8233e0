// The thread pool behind tl's element-wise ops and reductions (src/core/parallel.h): every
// index is visited exactly once whatever the thread count, errors reach the caller, nested
// and concurrent calls work, and the pool survives many jobs in a row.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/parallel.h"

namespace {

using tl::detail::kGrainSize;
using tl::detail::parallel_for;

// Restores the thread count a test changed.
class ThreadCount : public ::testing::Test {
 protected:
  void TearDown() override { tl::detail::set_num_threads(saved_); }
  int saved_ = tl::detail::num_threads();
};

// How many times parallel_for visited each index of [0, n).
std::vector<int> visits(int64_t n, int64_t grain) {
  const auto counts = std::make_unique<std::atomic<int>[]>(static_cast<size_t>(n));
  parallel_for(n, grain, [&](int64_t begin, int64_t end) {
    EXPECT_LE(0, begin);
    EXPECT_LT(begin, end);
    EXPECT_LE(end, n);
    for (int64_t i = begin; i < end; ++i) counts[i].fetch_add(1, std::memory_order_relaxed);
  });
  std::vector<int> out(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) out[static_cast<size_t>(i)] = counts[i].load();
  return out;
}

int64_t first_not_once(const std::vector<int>& v) {
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] != 1) return static_cast<int64_t>(i);
  }
  return -1;
}

TEST_F(ThreadCount, EveryIndexExactlyOnce) {
  for (int threads : {1, 2, 3, 8}) {
    tl::detail::set_num_threads(threads);
    for (int64_t n : {int64_t{1}, int64_t{100}, kGrainSize - 1, kGrainSize, kGrainSize + 1, 10 * kGrainSize + 7,
                      int64_t{1} << 21}) {
      for (int64_t grain : {int64_t{1}, int64_t{64}, kGrainSize}) {
        EXPECT_EQ(first_not_once(visits(n, grain)), -1) << threads << " threads, n=" << n << ", grain=" << grain;
      }
    }
  }
}

TEST_F(ThreadCount, MoreChunksThanASegmentCanCount) {
  // Grain 1 on 2^24 items would make 2^24 one-item chunks; the pool caps the count.
  tl::detail::set_num_threads(2);
  EXPECT_EQ(first_not_once(visits(int64_t{1} << 24, 1)), -1);
}

TEST_F(ThreadCount, ErrorsReachTheCallerAndThePoolStaysUsable) {
  for (int threads : {1, 2, 4}) {
    tl::detail::set_num_threads(threads);
    const int64_t n = 8 * kGrainSize;
    EXPECT_THROW(parallel_for(n, kGrainSize,
                              [&](int64_t begin, int64_t end) {
                                if (begin <= n / 2 && n / 2 < end) throw std::runtime_error("chunk failed");
                              }),
                 std::runtime_error);
    EXPECT_EQ(first_not_once(visits(n, kGrainSize)), -1) << threads << " threads";
  }
}

TEST_F(ThreadCount, NestedCallsRunInline) {
  tl::detail::set_num_threads(2);
  const int64_t outer = 4 * kGrainSize, inner = 2 * kGrainSize;
  std::atomic<int64_t> total{0};
  std::atomic<bool> nested_inline{true};
  parallel_for(outer, kGrainSize, [&](int64_t begin, int64_t end) {
    const std::thread::id me = std::this_thread::get_id();
    for (int64_t i = begin; i < end; i += kGrainSize / 4) {
      parallel_for(inner, kGrainSize, [&](int64_t b, int64_t e) {
        if (std::this_thread::get_id() != me) nested_inline = false;
        total += e - b;
      });
    }
  });
  EXPECT_TRUE(nested_inline.load());
  EXPECT_EQ(total.load(), outer / (kGrainSize / 4) * inner);
}

TEST_F(ThreadCount, ConcurrentCallersAndManyJobsInARow) {
  tl::detail::set_num_threads(2);
  constexpr int kCallers = 4, kJobs = 300;
  std::atomic<int> wrong{0};
  std::vector<std::thread> callers;
  for (int c = 0; c < kCallers; ++c) {
    callers.emplace_back([&, c] {
      for (int job = 0; job < kJobs; ++job) {
        const int64_t n = 2 * kGrainSize + 97 * (job % 7) + c;
        std::atomic<int64_t> sum{0};
        parallel_for(n, kGrainSize, [&](int64_t begin, int64_t end) {
          int64_t s = 0;
          for (int64_t i = begin; i < end; ++i) s += i;
          sum += s;
        });
        if (sum.load() != n * (n - 1) / 2) ++wrong;
      }
    });
  }
  for (auto& t : callers) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
