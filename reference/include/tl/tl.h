#pragma once
/// @file tl.h
/// @brief The umbrella header: everything a course program needs. `#include <tl/tl.h>`.
///
/// The counterpart of LibTorch's `#include <torch/torch.h>`: it includes every public header
/// of `tl` (tensors, factories, operations, random numbers, indexing, printing, NumPy interop,
/// CUDA and `tl::nn`) and declares nothing itself.
/// @code
/// #include <tl/tl.h>
/// #include <iostream>
///
/// int main() {
///   tl::manual_seed(42);
///   std::cout << tl::rand({2, 3}) << "\n";   // tensor([[0.8823, 0.9150, 0.3829], ...
/// }
/// @endcode

#include "tl/cuda.h"        // IWYU pragma: export
#include "tl/device.h"      // IWYU pragma: export
#include "tl/dtype.h"       // IWYU pragma: export
#include "tl/error.h"       // IWYU pragma: export
#include "tl/factory.h"     // IWYU pragma: export
#include "tl/generator.h"   // IWYU pragma: export
#include "tl/indexing.h"    // IWYU pragma: export
#include "tl/interop.h"     // IWYU pragma: export
#include "tl/nn/init.h"     // IWYU pragma: export
#include "tl/nn/linear.h"   // IWYU pragma: export
#include "tl/nn/module.h"   // IWYU pragma: export
#include "tl/npy.h"         // IWYU pragma: export
#include "tl/ops.h"         // IWYU pragma: export
#include "tl/print.h"       // IWYU pragma: export
#include "tl/random.h"      // IWYU pragma: export
#include "tl/scalar.h"      // IWYU pragma: export
#include "tl/tensor.h"      // IWYU pragma: export
