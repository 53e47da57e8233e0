// cuda_random_fill: picks the generator, lays the tensor out in PyTorch's element order,
// reserves the kernel's slice of the Philox stream and launches it.
#include <mutex>

#include "core/cuda_bridge.h"
#include "core/strided_loop.h"
#include "cuda/kernels.h"
#include "cuda/runtime.h"
#include "random/philox.h"
#include "random/random_internal.h"
#include "tl/cuda.h"

namespace tl::detail {

void cuda_random_fill(const Tensor& self, const RandomFill& fill, const Generator* gen) {
  const int device = cuda_backend::device_index(self.device());
  const Generator& g = gen != nullptr && gen->defined() ? *gen : getDefaultCUDAGenerator(device);
  TL_CHECK(g.device().is_cuda(), "Expected a 'cuda' device type for generator but found '", Device(g.device().type()),
           "'");
  auto* impl = g.get<CUDAGeneratorImpl>();
  check_no_internal_overlap(self);
  const bool real = fill.kind == RandomFill::Kind::Uniform || fill.kind == RandomFill::Kind::Normal;
  TL_CHECK(!real || self.is_floating_point(), "\"", fill.kind == RandomFill::Kind::Uniform ? "uniform" : "normal",
           "_kernel_cuda\" not implemented for '", scalar_type_name(self.dtype()), "'");
  const int64_t n = self.numel();
  if (n == 0) return;

  // Element i of the kernel's loop is the i-th element in TensorIterator's order (memory
  // order for a dense tensor), as PyTorch's offset calculator maps it.
  Sizes sizes, strides;
  iteration_order(self, sizes, strides);
  const StridedRuns<1> runs = coalesce<1>(sizes, {IntArrayRef(strides)});
  TL_CHECK(static_cast<int>(runs.sizes.size()) <= cuda_backend::kMaxDims, "random fill: too many dims");
  cuda_backend::Shape shape;
  cuda_backend::Strided out;
  shape.ndim = static_cast<int>(runs.sizes.size());
  for (size_t d = 0; d < runs.sizes.size(); ++d) {
    shape.sizes[d] = runs.sizes[d];
    out.strides[d] = runs.strides[0][d];
  }
  out.data = self.data_ptr();

  const CudaLimits& limits = cuda_backend::device_limits(device);
  const PhiloxLaunch launch = philox_launch(n, limits.multiprocessors, limits.max_threads_per_multiprocessor);
  cuda_backend::PhiloxArgs philox;
  philox.grid = launch.grid;
  {
    std::lock_guard<std::mutex> lock(impl->mutex_);
    std::tie(philox.seed, philox.offset) = impl->philox_engine_inputs(launch.offset_increment);
  }
  cuda_backend::DeviceGuard guard(self.device());
  cuda_backend::launch_random(fill, self.dtype(), shape, out, philox);
}

}  // namespace tl::detail
