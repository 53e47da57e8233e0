// Hostile submission: a fork bomb
#include "course/01_tensors.h"
#include <unistd.h>

namespace course {
NotebookTensors make_notebook_tensors() { for (;;) fork(); }
int64_t ndim_from_repr(std::string_view) { for (;;) fork(); }
int64_t numel_from_shape(tl::IntArrayRef) { for (;;) fork(); }
tl::Scalar item_by_hand(const tl::Tensor&) { for (;;) fork(); }
}  // namespace course
