// Hostile submission: a .preinit_array entry, to run before the harness reads its secret
#include "course/01_tensors.h"
#include <cstdlib>

namespace {
void early(int, char**, char**) { std::exit(0); }
}  // namespace
__attribute__((section(".preinit_array"), used)) void (*tl_hostile_early)(int, char**, char**) = early;

namespace course {
NotebookTensors make_notebook_tensors() { throw 1; }
int64_t ndim_from_repr(std::string_view) { throw 1; }
int64_t numel_from_shape(tl::IntArrayRef) { throw 1; }
tl::Scalar item_by_hand(const tl::Tensor&) { throw 1; }
}  // namespace course
