// Exercise 11-numpy. The task is in exercises/11-numpy/README.md.
#include "course/11_numpy.h"

#include <cstring>
#include <sstream>

#include <course/todo.h>

namespace course {

tl::Tensor tensor_from_vector(std::vector<double>& array) {
  // TODO(11-numpy): your code here
  TL_TODO("11-numpy");
}

std::vector<float> vector_from_tensor(const tl::Tensor& t) {
  // TODO(11-numpy): your code here
  TL_TODO("11-numpy");
}

std::vector<uint8_t> npy_bytes(const tl::Tensor& t) {
  // TODO(11-numpy): your code here
  TL_TODO("11-numpy");
}

tl::Tensor load_npy_as_float32(const std::string& path) {
  // TODO(11-numpy): your code here
  TL_TODO("11-numpy");
}

}  // namespace course
