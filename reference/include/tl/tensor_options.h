#pragma once
/// @file tensor_options.h
/// @brief `tl::TensorOptions`: dtype and device for factory functions, as in LibTorch.

#include <optional>

#include "tl/device.h"
#include "tl/dtype.h"

namespace tl {

/// @brief Optional dtype and device for a new tensor.
///
/// Implicitly built from a dtype or a device, so `tl::zeros({2, 3}, tl::kInt64)` and
/// `tl::ones({2}, tl::kCUDA)` work; chain as `tl::TensorOptions().dtype(tl::kHalf).device(tl::kCUDA)`.
class TensorOptions {
 public:
  TensorOptions() = default;
  /// @brief Options with only a dtype.
  TensorOptions(ScalarType d) : dtype_(d) {}  // NOLINT
  /// @brief Options with only a device.
  TensorOptions(Device d) : device_(d) {}  // NOLINT
  /// @brief Options with only a device kind.
  TensorOptions(DeviceType d) : device_(Device(d)) {}  // NOLINT
  /// @brief Returns a copy with the dtype set.
  TensorOptions dtype(ScalarType d) const { TensorOptions o = *this; o.dtype_ = d; return o; }
  /// @brief Returns a copy with the device set.
  TensorOptions device(Device d) const { TensorOptions o = *this; o.device_ = d; return o; }
  /// @brief The dtype, or `fallback` when unset.
  ScalarType dtype_or(ScalarType fallback) const { return dtype_.value_or(fallback); }
  /// @brief The dtype, float32 when unset.
  ScalarType dtype() const { return dtype_.value_or(kFloat); }
  /// @brief The device, CPU when unset.
  Device device() const { return device_.value_or(Device(kCPU)); }
  /// @brief True when a dtype was given.
  bool has_dtype() const { return dtype_.has_value(); }
  /// @brief True when a device was given.
  bool has_device() const { return device_.has_value(); }

 private:
  std::optional<ScalarType> dtype_;
  std::optional<Device> device_;
};

/// @brief `tl::dtype(tl::kHalf)`: options with a dtype.
inline TensorOptions dtype(ScalarType d) { return TensorOptions(d); }
/// @brief `tl::device(tl::kCUDA)`: options with a device.
inline TensorOptions device(Device d) { return TensorOptions(d); }

}  // namespace tl
