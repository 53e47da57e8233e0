// Hostile submission: exit(0) inside the functions, hoping exit status 0 counts as a pass
#include "course/01_tensors.h"
#include <cstdlib>

namespace course {
NotebookTensors make_notebook_tensors() { std::exit(0); }
int64_t ndim_from_repr(std::string_view) { std::exit(0); }
int64_t numel_from_shape(tl::IntArrayRef) { std::exit(0); }
tl::Scalar item_by_hand(const tl::Tensor&) { std::exit(0); }
}  // namespace course
