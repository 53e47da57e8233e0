// Hostile submission: _exit(0) inside the functions (no atexit handlers, no flushing)
#include "course/01_tensors.h"
#include <unistd.h>

namespace course {
NotebookTensors make_notebook_tensors() { _exit(0); }
int64_t ndim_from_repr(std::string_view) { _exit(0); }
int64_t numel_from_shape(tl::IntArrayRef) { _exit(0); }
tl::Scalar item_by_hand(const tl::Tensor&) { _exit(0); }
}  // namespace course
