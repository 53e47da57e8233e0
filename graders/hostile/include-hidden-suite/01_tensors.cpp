// Hostile submission: #include of the hidden suite's source at compile time (its text would show in the compiler's errors)
#include "course/01_tensors.h"

#include "@REPO@/graders/suites/01-tensors.cpp"

namespace course {
NotebookTensors make_notebook_tensors() { throw 1; }
int64_t ndim_from_repr(std::string_view) { throw 1; }
int64_t numel_from_shape(tl::IntArrayRef) { throw 1; }
tl::Scalar item_by_hand(const tl::Tensor&) { throw 1; }
}  // namespace course
