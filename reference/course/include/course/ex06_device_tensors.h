#pragma once
/// @file ex06_device_tensors.h
/// @brief Exercise ex06-device-tensors: the notebook's exercise 6, "Create two random tensors
/// of shape (2, 3) and send them both to the GPU. Set `torch.manual_seed(1234)` when creating
/// the tensors".
///
/// Read exercises/ex06-device-tensors/README.md first. Run the tests with
/// `ctest -L ex06-device-tensors`.

#include <cstdint>

#include <tl/tl.h>

namespace course {

/// @brief The two tensors of exercise 6.
struct DeviceTensors {
  tl::Tensor tensor_A;  ///< (2, 3), float32, drawn first, on the device
  tl::Tensor tensor_B;  ///< (2, 3), float32, drawn second, on the device
};

/// @brief `torch.manual_seed(seed)`, then `tensor_A = torch.rand(2, 3).to(device)` and
/// `tensor_B = torch.rand(2, 3).to(device)`.
///
/// The tensors are drawn on the CPU and then moved, so they hold the CPU generator's numbers
/// whatever the device (seed 1234: `tensor([[0.0290, 0.4019, 0.2598], [0.3666, 0.0583, 0.7006]])`
/// and `tensor([[0.0518, 0.4681, 0.6738], [0.3315, 0.7837, 0.5631]])`). `device` is
/// `tl::kCPU` or `tl::kCUDA`; both results live there.
DeviceTensors make_device_tensors(tl::Device device, uint64_t seed = 1234);

}  // namespace course
