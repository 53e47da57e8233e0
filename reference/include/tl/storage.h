#pragma once
/// @file storage.h
/// @brief The memory block that tensors and their views share.

#include <cstddef>
#include <functional>
#include <memory>

#include "tl/device.h"

namespace tl {

/// @brief One allocation (host or device) shared by every view of a tensor.
///
/// Freed with its deleter when the last tensor using it goes away. `tl::from_blob`
/// wraps caller memory with a no-op or caller-supplied deleter.
class Storage {
 public:
  /// @brief Allocates `nbytes` on `device` (64-byte aligned on the host).
  static std::shared_ptr<Storage> allocate(size_t nbytes, Device device);
  /// @brief Wraps existing memory; `deleter` (may be empty) runs when the storage dies.
  static std::shared_ptr<Storage> wrap(void* data, size_t nbytes, Device device,
                                       std::function<void(void*)> deleter);
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;
  ~Storage();
  /// @brief Start of the block.
  void* data() const { return data_; }
  /// @brief Size in bytes.
  size_t nbytes() const { return nbytes_; }
  /// @brief Where the block lives.
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
