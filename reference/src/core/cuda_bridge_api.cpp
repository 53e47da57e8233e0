// tl::cuda's device queries, on top of the bridge (so they work in every build).
#include "core/cuda_bridge.h"
#include "tl/cuda.h"

namespace tl::cuda {

bool is_available() { return detail::cuda_device_count() > 0; }

int64_t device_count() { return detail::cuda_device_count(); }

void synchronize() { detail::cuda_synchronize(Device(kCUDA, 0)); }

}  // namespace tl::cuda
