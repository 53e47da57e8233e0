// Hostile submission: sleeping far past the time limit
#include "course/01_tensors.h"
#include <unistd.h>

namespace course {
NotebookTensors make_notebook_tensors() { for (;;) sleep(1000); }
int64_t ndim_from_repr(std::string_view) { for (;;) sleep(1000); }
int64_t numel_from_shape(tl::IntArrayRef) { for (;;) sleep(1000); }
tl::Scalar item_by_hand(const tl::Tensor&) { for (;;) sleep(1000); }
}  // namespace course
