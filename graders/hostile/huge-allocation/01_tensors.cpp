// Hostile submission: allocating and touching 64 GiB
#include "course/01_tensors.h"
#include <cstring>
#include <cstddef>

namespace {
[[noreturn]] void hog() {
  const size_t size = size_t(64) << 30;
  char* p = new char[size];
  std::memset(p, 1, size);
  throw p;
}
}  // namespace

namespace course {
NotebookTensors make_notebook_tensors() { hog(); }
int64_t ndim_from_repr(std::string_view) { hog(); }
int64_t numel_from_shape(tl::IntArrayRef) { hog(); }
tl::Scalar item_by_hand(const tl::Tensor&) { hog(); }
}  // namespace course
