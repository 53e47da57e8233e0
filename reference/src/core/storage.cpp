#include "tl/storage.h"

#include <cstdlib>
#include <new>

#include "tl/error.h"
#include "core/cuda_bridge.h"

namespace tl {

std::shared_ptr<Storage> Storage::allocate(size_t nbytes, Device device) {
  if (device.is_cuda()) {
    void* p = detail::cuda_malloc(nbytes, device);
    return wrap(p, nbytes, device, [device](void* q) { detail::cuda_free(q, device); });
  }
  // aligned_alloc needs a size that is a multiple of the alignment.
  constexpr size_t kAlign = 64;
  const size_t rounded = (nbytes + kAlign - 1) / kAlign * kAlign;
  void* p = std::aligned_alloc(kAlign, rounded == 0 ? kAlign : rounded);
  if (p == nullptr) {
    throw Error(detail::str_cat("[enforce fail at alloc_cpu.cpp] . DefaultCPUAllocator: not enough memory: you tried to allocate ",
                                nbytes, " bytes."));
  }
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
