// Hostile submission: an endless loop
#include "course/01_tensors.h"

namespace course {
NotebookTensors make_notebook_tensors() { for (volatile unsigned i = 0;; i = i + 1) {} }
int64_t ndim_from_repr(std::string_view) { for (volatile unsigned i = 0;; i = i + 1) {} }
int64_t numel_from_shape(tl::IntArrayRef) { for (volatile unsigned i = 0;; i = i + 1) {} }
tl::Scalar item_by_hand(const tl::Tensor&) { for (volatile unsigned i = 0;; i = i + 1) {} }
}  // namespace course
