// Hostile submission: abort() inside the functions
#include "course/01_tensors.h"
#include <cstdlib>

namespace course {
NotebookTensors make_notebook_tensors() { std::abort(); }
int64_t ndim_from_repr(std::string_view) { std::abort(); }
int64_t numel_from_shape(tl::IntArrayRef) { std::abort(); }
tl::Scalar item_by_hand(const tl::Tensor&) { std::abort(); }
}  // namespace course
