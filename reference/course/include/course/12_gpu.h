#pragma once
/// @file 12_gpu.h
/// @brief Exercise 12-gpu: device-agnostic code, moving tensors between the CPU and the GPU,
/// and a CUDA kernel of your own (notebook section "Running tensors on GPUs (and making
/// faster computations)").
///
/// Read exercises/12-gpu/README.md first. Run the tests with `ctest -L 12-gpu`. The tests
/// that need a GPU are skipped on a machine without one; the CPU paths are always tested.

#include <tl/cuda.h>
#include <tl/tl.h>

namespace course {

/// @brief The notebook's `device = "cuda" if torch.cuda.is_available() else "cpu"`:
/// `tl::Device(tl::kCUDA)` when `tl::cuda::is_available()`, else `tl::Device(tl::kCPU)`.
tl::Device pick_device();

/// @brief The notebook's round trip of a tensor.
struct DeviceTrip {
  tl::Device device;          ///< `pick_device()`
  tl::Tensor on_device;       ///< `tensor.to(device)`: on the GPU when there is one
  tl::Tensor back_on_cpu;     ///< `on_device.cpu()`: a CPU tensor with the same values
};

/// @brief Sends `tensor` (a CPU tensor) to `pick_device()` and brings it back to the CPU, as
/// the notebook does before calling `.numpy()`. `tensor` itself stays where it is.
DeviceTrip device_round_trip(const tl::Tensor& tensor);

/// @brief `t + value` for a float32 tensor, computed where `t` lives, returned there.
///
/// - CPU tensor: a plain loop over a contiguous copy.
/// - CUDA tensor: your own kernel, `add_scalar_kernel`, one thread per element (threads
///   past the end do nothing), launched on a contiguous copy of `t` with enough blocks of
///   256 threads; check the launch with `cudaGetLastError()` and throw `tl::Error` with
///   `cudaGetErrorString`'s text if it failed.
///
/// The result is a new contiguous float32 tensor of `t`'s shape on `t`'s device; `t` is
/// unchanged. Throws `tl::Error` when `t` is not float32.
tl::Tensor add_scalar(const tl::Tensor& t, float value);

/// @brief `a @ b` computed on `device` (cuBLAS through `tl::matmul` on a GPU), returned on
/// the CPU: move both operands there, multiply, bring the result back.
/// `tl::matmul`'s shape errors pass through.
tl::Tensor matmul_on_device(const tl::Tensor& a, const tl::Tensor& b, tl::Device device);

}  // namespace course
