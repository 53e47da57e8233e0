// Exercise ex06-device-tensors. The task is in exercises/ex06-device-tensors/README.md.
#include "course/ex06_device_tensors.h"

#include <course/todo.h>

namespace course {

DeviceTensors make_device_tensors(tl::Device device, uint64_t seed) {
  // TODO(ex06-device-tensors): your code here
  TL_TODO("ex06-device-tensors");
}

}  // namespace course
