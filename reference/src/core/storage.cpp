#include "tl/storage.h"

#include <cstdlib>
#include <mutex>
#include <new>
#include <utility>
#include <vector>

#include "tl/error.h"
#include "core/cuda_bridge.h"

namespace tl {

namespace {

// Freed host blocks of 1 MiB and more are kept (256 MiB at most, oldest dropped first) and
// handed out again for the same size: a fresh block costs a page fault per 4 KiB when it
// is first written (16384 of them for a 64 MB tensor, most of a large element-wise op's
// time), a reused one none. A failed allocation empties the cache and tries again.
constexpr size_t kCacheMin = size_t{1} << 20, kCacheMax = size_t{256} << 20, kCacheRound = size_t{64} << 10;

class BlockCache {
 public:
  void* take(size_t bytes) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (size_t i = blocks_.size(); i-- > 0;) {  // most recent first: warmest in cache
      if (blocks_[i].second != bytes) continue;
      void* p = blocks_[i].first;
      blocks_.erase(blocks_.begin() + static_cast<std::ptrdiff_t>(i));
      total_ -= bytes;
      return p;
    }
    return nullptr;
  }
  void give(void* p, size_t bytes) {
    if (bytes > kCacheMax) return std::free(p);
    std::lock_guard<std::mutex> lock(mutex_);
    while (total_ + bytes > kCacheMax) {
      std::free(blocks_.front().first);
      total_ -= blocks_.front().second;
      blocks_.erase(blocks_.begin());
    }
    blocks_.emplace_back(p, bytes);
    total_ += bytes;
  }
  // Frees every cached block; false when there was none.
  bool flush() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [p, bytes] : blocks_) std::free(p);
    const bool any = !blocks_.empty();
    blocks_.clear();
    total_ = 0;
    return any;
  }

 private:
  std::mutex mutex_;
  std::vector<std::pair<void*, size_t>> blocks_;  // oldest first
  size_t total_ = 0;
};

// Never destroyed: tensors in static objects may be freed after it would be.
BlockCache& block_cache() {
  static BlockCache* cache = new BlockCache;
  return *cache;
}

}  // namespace

std::shared_ptr<Storage> Storage::allocate(size_t nbytes, Device device) {
  if (device.is_cuda()) {
    void* p = detail::cuda_malloc(nbytes, device);
    return wrap(p, nbytes, device, [device](void* q) { detail::cuda_free(q, device); });
  }
  // aligned_alloc needs a size that is a multiple of the alignment.
  constexpr size_t kAlign = 64;
  const size_t rounded = nbytes < kCacheMin ? (nbytes + kAlign - 1) / kAlign * kAlign
                                            : (nbytes + kCacheRound - 1) / kCacheRound * kCacheRound;
  if (rounded >= kCacheMin) {
    if (void* p = block_cache().take(rounded)) return wrap(p, nbytes, Device(kCPU), [rounded](void* q) { block_cache().give(q, rounded); });
  }
  void* p = std::aligned_alloc(kAlign, rounded == 0 ? kAlign : rounded);
  if (p == nullptr && block_cache().flush()) p = std::aligned_alloc(kAlign, rounded);
  if (p == nullptr) {
    throw Error(detail::str_cat("[enforce fail at alloc_cpu.cpp] . DefaultCPUAllocator: not enough memory: you tried to allocate ",
                                nbytes, " bytes."));
  }
  if (rounded >= kCacheMin) return wrap(p, nbytes, Device(kCPU), [rounded](void* q) { block_cache().give(q, rounded); });
  return wrap(p, nbytes, Device(kCPU), [](void* q) { std::free(q); });
}

std::shared_ptr<Storage> Storage::wrap(void* data, size_t nbytes, Device device,
                                       std::function<void(void*)> deleter) {
  return std::shared_ptr<Storage>(new Storage(data, nbytes, device, std::move(deleter)));
}

Storage::~Storage() {
  if (deleter_) deleter_(data_);
}

}  // namespace tl
