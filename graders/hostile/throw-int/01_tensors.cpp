// Hostile submission: throwing a non-std exception (throw 42)
#include "course/01_tensors.h"

namespace course {
NotebookTensors make_notebook_tensors() { throw 42; }
int64_t ndim_from_repr(std::string_view) { throw 42; }
int64_t numel_from_shape(tl::IntArrayRef) { throw 42; }
tl::Scalar item_by_hand(const tl::Tensor&) { throw 42; }
}  // namespace course
