// Exercise ex06-device-tensors. The task is in exercises/ex06-device-tensors/README.md.
#include "course/ex06_device_tensors.h"

#include <course/todo.h>

namespace course {

DeviceTensors make_device_tensors(tl::Device device, uint64_t seed) {
  // BEGIN SOLUTION ex06-device-tensors
  tl::manual_seed(seed);
  DeviceTensors out;
  // Drawn on the CPU, then moved: the numbers do not depend on the device.
  out.tensor_A = tl::rand({2, 3}).to(device);
  out.tensor_B = tl::rand({2, 3}).to(device);
  return out;
  // END SOLUTION
}

}  // namespace course
