#pragma once
/// @file device.h
/// @brief Where a tensor lives: `tl::kCPU` or `tl::kCUDA` (`cuda:0`).

#include <cstdint>
#include <iosfwd>
#include <string>

namespace tl {

/// @brief Kind of device. Same names as LibTorch's `c10::DeviceType`.
enum class DeviceType : int8_t { CPU, CUDA };
constexpr DeviceType kCPU = DeviceType::CPU;    ///< The host.
constexpr DeviceType kCUDA = DeviceType::CUDA;  ///< An NVIDIA GPU.

/// @brief A device and its index, e.g. `tl::Device("cuda:0")` or `tl::Device(tl::kCUDA)`.
class Device {
 public:
  /// @brief `Device(kCUDA)` means the current CUDA device (index -1 until resolved).
  Device(DeviceType type, int index = -1) : type_(type), index_(static_cast<int8_t>(index)) {}  // NOLINT
  /// @brief Parses `"cpu"`, `"cuda"`, `"cuda:1"`; throws `tl::Error` on anything else.
  explicit Device(const std::string& spec);
  /// @brief Same as the string form.
  explicit Device(const char* spec) : Device(std::string(spec)) {}
  /// @brief The device kind.
  DeviceType type() const { return type_; }
  /// @brief The index, or -1 when unspecified.
  int index() const { return index_; }
  /// @brief True when an index was given.
  bool has_index() const { return index_ >= 0; }
  /// @brief True for the host.
  bool is_cpu() const { return type_ == kCPU; }
  /// @brief True for a GPU.
  bool is_cuda() const { return type_ == kCUDA; }
  /// @brief `cpu`, `cuda`, `cuda:0`.
  std::string str() const;
  /// @brief Equal when type and index are equal.
  bool operator==(const Device& o) const { return type_ == o.type_ && index_ == o.index_; }
  /// @brief Not equal.
  bool operator!=(const Device& o) const { return !(*this == o); }

 private:
  DeviceType type_;
  int8_t index_;
};

/// @brief Prints `cpu` / `cuda:0`.
std::ostream& operator<<(std::ostream& os, const Device& d);

}  // namespace tl
