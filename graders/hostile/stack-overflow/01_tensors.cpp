// Hostile submission: unbounded recursion
#include "course/01_tensors.h"

namespace {
int deeper(int n) {
  volatile char frame[4096];
  frame[0] = static_cast<char>(n);
  return deeper(n + 1) + frame[0];
}
}  // namespace

namespace course {
NotebookTensors make_notebook_tensors() { deeper(0); __builtin_unreachable(); }
int64_t ndim_from_repr(std::string_view) { deeper(0); __builtin_unreachable(); }
int64_t numel_from_shape(tl::IntArrayRef) { deeper(0); __builtin_unreachable(); }
tl::Scalar item_by_hand(const tl::Tensor&) { deeper(0); __builtin_unreachable(); }
}  // namespace course
