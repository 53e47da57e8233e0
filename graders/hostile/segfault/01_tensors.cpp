// Hostile submission: a write through a null pointer
#include "course/01_tensors.h"

namespace course {
NotebookTensors make_notebook_tensors() { *static_cast<volatile int*>(nullptr) = 1; __builtin_unreachable(); }
int64_t ndim_from_repr(std::string_view) { *static_cast<volatile int*>(nullptr) = 1; __builtin_unreachable(); }
int64_t numel_from_shape(tl::IntArrayRef) { *static_cast<volatile int*>(nullptr) = 1; __builtin_unreachable(); }
tl::Scalar item_by_hand(const tl::Tensor&) { *static_cast<volatile int*>(nullptr) = 1; __builtin_unreachable(); }
}  // namespace course
