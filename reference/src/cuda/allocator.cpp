// A simple caching allocator for device memory. cudaMalloc and cudaFree are slow and
// cudaFree synchronizes the device, so freed blocks are kept per device and handed out
// again for requests of a similar size. All work runs on each device's default stream, in
// order, so a block freed by the host may be reused at once: kernels that still read it
// were queued before any kernel that writes it again.
#include <map>
#include <mutex>
#include <unordered_map>

#include "core/cuda_bridge.h"
#include "cuda/runtime.h"
#include "tl/error.h"

namespace tl {
namespace {

constexpr size_t kGranule = 512;  // every block is a multiple of this

class CachingAllocator {
 public:
  void* allocate(size_t nbytes, int device) {
    const size_t size = (nbytes + kGranule - 1) / kGranule * kGranule;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto& cache = free_[device];
      // The smallest cached block that fits, unless it would waste more than half of itself.
      auto it = cache.lower_bound(size);
      if (it != cache.end() && it->first <= 2 * size) {
        void* p = it->second;
        live_[p] = {it->first, device};
        cache.erase(it);
        return p;
      }
    }
    cuda_backend::DeviceGuard guard(Device(kCUDA, device));
    void* p = nullptr;
    cudaError_t status = cudaMalloc(&p, size);
    if (status == cudaErrorMemoryAllocation) {
      (void)cudaGetLastError();
      release_cached(device);  // give the cache back to the driver and try once more
      status = cudaMalloc(&p, size);
    }
    cuda_backend::check(status, "cudaMalloc");
    std::lock_guard<std::mutex> lock(mutex_);
    live_[p] = {size, device};
    return p;
  }

  void free(void* p) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = live_.find(p);
    if (it == live_.end()) return;  // not ours (cannot happen through Storage)
    free_[it->second.device].emplace(it->second.size, p);
    live_.erase(it);
  }

 private:
  struct Block {
    size_t size;
    int device;
  };

  void release_cached(int device) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [size, p] : free_[device]) (void)cudaFree(p);
    free_[device].clear();
  }

  std::mutex mutex_;
  std::unordered_map<void*, Block> live_;
  std::map<int, std::multimap<size_t, void*>> free_;  // device -> size -> block
};

// Never destroyed: tensors in static storage may be freed after main returns.
CachingAllocator& allocator() {
  static auto* instance = new CachingAllocator;
  return *instance;
}

}  // namespace

namespace detail {

void* cuda_malloc(size_t nbytes, Device device) {
  TL_CHECK(cuda_device_count() > 0, "No CUDA GPUs are available");
  if (nbytes == 0) return nullptr;
  return allocator().allocate(nbytes, cuda_backend::device_index(device));
}

void cuda_free(void* p, Device) {
  if (p != nullptr) allocator().free(p);
}

}  // namespace detail
}  // namespace tl
