// Hostile submission: a static initialiser that calls exit(0) before any test runs
#include "course/01_tensors.h"
#include <cstdlib>

namespace {
const int kBoom = (std::exit(0), 0);
}  // namespace

namespace course {
NotebookTensors make_notebook_tensors() { return {}; }
int64_t ndim_from_repr(std::string_view) { return {}; }
int64_t numel_from_shape(tl::IntArrayRef) { return {}; }
tl::Scalar item_by_hand(const tl::Tensor&) { return {}; }
}  // namespace course
