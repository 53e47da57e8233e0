#pragma once
/// @file device.h
/// @brief Where a tensor lives: `tl::kCPU` or `tl::kCUDA` (`cuda:0`).

#include <cstdint>
#include <iosfwd>
#include <string>

namespace tl {

/// @brief Kind of device. Same names as LibTorch's `c10::DeviceType`.
/// @code
/// tl::Device d(tl::DeviceType::CUDA, 0);   // cuda:0
/// @endcode
enum class DeviceType : int8_t {
  CPU,  ///< The host (`cpu`).
  CUDA  ///< An NVIDIA GPU (`cuda`).
};
constexpr DeviceType kCPU = DeviceType::CPU;    ///< The host.
constexpr DeviceType kCUDA = DeviceType::CUDA;  ///< An NVIDIA GPU.

/// @brief A device and its index, e.g. `tl::Device("cuda:0")` or `tl::Device(tl::kCUDA)`.
class Device {
 public:
  /// @brief A device of kind `type` with an optional index (implicit from a `DeviceType`, as
  /// LibTorch's `c10::Device`); `Device(kCUDA)` means the current CUDA device (index -1, which a
  /// new tensor resolves to `cuda:0`). The index is not checked here.
  /// @code
  /// tl::Device gpu(tl::kCUDA, 1);    // cuda:1
  /// tl::Device host = tl::kCPU;      // cpu
  /// @endcode
  Device(DeviceType type, int index = -1) : type_(type), index_(static_cast<int8_t>(index)) {}  // NOLINT
  /// @brief Parses `"cpu"`, `"cpu:0"`, `"cuda"`, `"cuda:1"` (Python's `torch.device("cuda:1")`).
  /// @throws tl::Error `Expected one of cpu, cuda device type at start of device string: gpu`.
  /// @throws tl::Error `Invalid device string: 'cuda:x'` when the index is not 1 or 2 digits.
  /// @throws tl::Error `CPU device index must be -1 or zero, got 1`.
  /// @code
  /// tl::Device d(std::string("cuda:0"));   // d.index() == 0
  /// @endcode
  explicit Device(const std::string& spec);
  /// @brief Same as the string form: parses `"cpu"`, `"cuda"`, `"cuda:1"`; same errors.
  /// @code
  /// auto x = tl::zeros({2}, tl::Device("cuda:0"));
  /// @endcode
  explicit Device(const char* spec) : Device(std::string(spec)) {}
  /// @brief The device kind (`torch.device.type`).
  /// @code
  /// bool gpu = tl::Device("cuda:0").type() == tl::kCUDA;   // true
  /// @endcode
  DeviceType type() const { return type_; }
  /// @brief The index (`torch.device.index`), or -1 when unspecified.
  /// @code
  /// tl::Device("cuda:1").index();   // 1
  /// tl::Device("cuda").index();     // -1
  /// @endcode
  int index() const { return index_; }
  /// @brief True when an index was given.
  /// @code
  /// tl::Device(tl::kCUDA).has_index();   // false
  /// @endcode
  bool has_index() const { return index_ >= 0; }
  /// @brief True for the host.
  /// @code
  /// tl::Device("cpu").is_cpu();   // true
  /// @endcode
  bool is_cpu() const { return type_ == kCPU; }
  /// @brief True for a GPU.
  /// @code
  /// tl::Device("cuda:0").is_cuda();   // true
  /// @endcode
  bool is_cuda() const { return type_ == kCUDA; }
  /// @brief The text form: `cpu`, `cuda`, or with an index `cuda:0` (Python's `str(device)`).
  /// @code
  /// std::string s = tl::Device(tl::kCUDA, 0).str();   // "cuda:0"
  /// @endcode
  std::string str() const;
  /// @brief Equal when type and index are equal, so `cuda` (index -1) differs from `cuda:0`.
  /// @code
  /// tl::Device("cuda:0") == tl::Device(tl::kCUDA, 0);   // true
  /// tl::Device("cuda") == tl::Device("cuda:0");         // false
  /// @endcode
  bool operator==(const Device& o) const { return type_ == o.type_ && index_ == o.index_; }
  /// @brief Not equal: `!(*this == o)`.
  /// @code
  /// x.device() != tl::Device(tl::kCPU);   // true for a CUDA tensor
  /// @endcode
  bool operator!=(const Device& o) const { return !(*this == o); }

 private:
  DeviceType type_;
  int8_t index_;
};

/// @brief Prints `str()`: `cpu`, `cuda`, `cuda:0`.
/// @code
/// std::cout << tl::zeros({1}).device();   // cpu
/// @endcode
std::ostream& operator<<(std::ostream& os, const Device& d);

}  // namespace tl
