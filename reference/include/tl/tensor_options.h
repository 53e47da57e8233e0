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
  /// @brief No dtype and no device: factories then use float32 (or their own default) on the CPU.
  /// @code
  /// auto x = tl::zeros({2}, tl::TensorOptions());   // float32, cpu
  /// @endcode
  TensorOptions() = default;
  /// @brief Options with only a dtype (implicit, as LibTorch's `TensorOptions(ScalarType)`).
  /// @code
  /// auto x = tl::ones({2, 3}, tl::kInt64);   // converts to TensorOptions(tl::kInt64)
  /// @endcode
  TensorOptions(ScalarType d) : dtype_(d) {}  // NOLINT
  /// @brief Options with only a device (implicit); the device index is kept as given.
  /// @code
  /// auto x = tl::zeros({2}, tl::Device("cuda:0"));
  /// @endcode
  TensorOptions(Device d) : device_(d) {}  // NOLINT
  /// @brief Options with only a device kind (implicit): `tl::kCUDA` means the current GPU, `cuda:0`.
  /// @code
  /// auto x = tl::rand({2}, tl::kCUDA);
  /// @endcode
  TensorOptions(DeviceType d) : device_(Device(d)) {}  // NOLINT
  /// @brief Returns a copy with the dtype set (LibTorch's `TensorOptions::dtype(ScalarType)`); this object is unchanged.
  /// @code
  /// auto o = tl::TensorOptions().dtype(tl::kHalf).device(tl::kCUDA);
  /// @endcode
  TensorOptions dtype(ScalarType d) const { TensorOptions o = *this; o.dtype_ = d; return o; }
  /// @brief Returns a copy with the device set (LibTorch's `TensorOptions::device(Device)`); this object is unchanged.
  /// @code
  /// auto o = tl::TensorOptions(tl::kDouble).device(tl::kCPU);
  /// @endcode
  TensorOptions device(Device d) const { TensorOptions o = *this; o.device_ = d; return o; }
  /// @brief The dtype, or `fallback` when unset (how factories with another default, such as
  /// `tl::randint` with int64, read it).
  /// @code
  /// tl::TensorOptions().dtype_or(tl::kLong);             // kLong
  /// tl::TensorOptions(tl::kInt).dtype_or(tl::kLong);     // kInt
  /// @endcode
  ScalarType dtype_or(ScalarType fallback) const { return dtype_.value_or(fallback); }
  /// @brief The dtype, float32 when unset (LibTorch's default dtype).
  /// @code
  /// tl::TensorOptions().dtype();   // kFloat
  /// @endcode
  ScalarType dtype() const { return dtype_.value_or(kFloat); }
  /// @brief The device, CPU when unset.
  /// @code
  /// std::cout << tl::TensorOptions().device();   // cpu
  /// @endcode
  Device device() const { return device_.value_or(Device(kCPU)); }
  /// @brief True when a dtype was given.
  /// @code
  /// tl::TensorOptions(tl::kCUDA).has_dtype();   // false
  /// @endcode
  bool has_dtype() const { return dtype_.has_value(); }
  /// @brief True when a device was given.
  /// @code
  /// tl::TensorOptions(tl::kCUDA).has_device();   // true
  /// @endcode
  bool has_device() const { return device_.has_value(); }

 private:
  std::optional<ScalarType> dtype_;
  std::optional<Device> device_;
};

/// @brief Options with only a dtype, as LibTorch's `torch::dtype(torch::kHalf)`.
/// @code
/// auto x = tl::zeros({2}, tl::dtype(tl::kHalf));
/// @endcode
inline TensorOptions dtype(ScalarType d) { return TensorOptions(d); }
/// @brief Options with only a device, as LibTorch's `torch::device(torch::kCUDA)`.
/// @code
/// auto x = tl::ones({2}, tl::device(tl::kCUDA).dtype(tl::kFloat));
/// @endcode
inline TensorOptions device(Device d) { return TensorOptions(d); }

}  // namespace tl
