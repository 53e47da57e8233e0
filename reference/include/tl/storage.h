#pragma once
/// @file storage.h
/// @brief The memory block that tensors and their views share.

#include <cstddef>
#include <functional>
#include <memory>

#include "tl/device.h"

namespace tl {

/// @brief One allocation (host or device) shared by every view of a tensor (PyTorch's `torch.UntypedStorage`).
///
/// Freed with its deleter when the last tensor using it goes away. `tl::from_blob`
/// wraps caller memory with a no-op or caller-supplied deleter. Not copyable: it is always
/// held through a `std::shared_ptr`.
/// @code
/// auto x = tl::zeros({2, 3});
/// std::shared_ptr<tl::Storage> st = x.storage();
/// st->nbytes();   // 24
/// @endcode
class Storage {
 public:
  /// @brief Allocates `nbytes` of uninitialised memory on `device` (64-byte aligned on the host).
  /// @throws tl::Error `[enforce fail at alloc_cpu.cpp] . DefaultCPUAllocator: not enough memory: you tried to allocate 1099511627776 bytes.`
  ///   when host memory runs out.
  /// @throws tl::Error `Torch not compiled with CUDA enabled` for a CUDA device in a CPU-only build.
  /// @code
  /// auto st = tl::Storage::allocate(1024, tl::Device(tl::kCPU));
  /// @endcode
  static std::shared_ptr<Storage> allocate(size_t nbytes, Device device);
  /// @brief Wraps existing memory of `nbytes` on `device` without copying; `deleter` (may be
  /// empty) runs on `data` when the storage dies.
  /// @code
  /// float* buf = new float[6];
  /// auto st = tl::Storage::wrap(buf, 6 * sizeof(float), tl::Device(tl::kCPU),
  ///                             [](void* p) { delete[] static_cast<float*>(p); });
  /// @endcode
  static std::shared_ptr<Storage> wrap(void* data, size_t nbytes, Device device,
                                       std::function<void(void*)> deleter);
  /// @brief Not copyable: share it through `std::shared_ptr` instead.
  /// @code
  /// std::shared_ptr<tl::Storage> shared = x.storage();   // not: tl::Storage copy = *x.storage();
  /// @endcode
  Storage(const Storage&) = delete;
  /// @brief Not copy-assignable: share it through `std::shared_ptr` instead.
  /// @code
  /// std::shared_ptr<tl::Storage> a = x.storage(), b = y.storage();
  /// a = b;   // re-points the handle; storages themselves are never assigned
  /// @endcode
  Storage& operator=(const Storage&) = delete;
  /// @brief Runs the deleter (if any) on the block: frees it, or returns it to the allocator's cache.
  /// @code
  /// { auto st = tl::Storage::allocate(64, tl::kCPU); }   // freed here
  /// @endcode
  ~Storage();
  /// @brief Start of the block (a device address for CUDA storage).
  /// @code
  /// void* p = x.storage()->data();
  /// @endcode
  void* data() const { return data_; }
  /// @brief Size in bytes.
  /// @code
  /// size_t n = x.storage()->nbytes();
  /// @endcode
  size_t nbytes() const { return nbytes_; }
  /// @brief Where the block lives.
  /// @code
  /// bool host = x.storage()->device().is_cpu();
  /// @endcode
  Device device() const { return device_; }

 private:
  Storage(void* data, size_t nbytes, Device device, std::function<void(void*)> deleter)
      : data_(data), nbytes_(nbytes), device_(device), deleter_(std::move(deleter)) {}
  void* data_;
  size_t nbytes_;
  Device device_;
  std::function<void(void*)> deleter_;
};

}  // namespace tl
