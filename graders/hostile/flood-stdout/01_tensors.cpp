// Hostile submission: writing to stdout without end
#include "course/01_tensors.h"
#include <cstring>
#include <unistd.h>

namespace {
[[noreturn]] void flood() {
  static char block[1 << 16];
  std::memset(block, 'x', sizeof block);
  for (;;) (void)!write(1, block, sizeof block);
}
}  // namespace

namespace course {
NotebookTensors make_notebook_tensors() { flood(); }
int64_t ndim_from_repr(std::string_view) { flood(); }
int64_t numel_from_shape(tl::IntArrayRef) { flood(); }
tl::Scalar item_by_hand(const tl::Tensor&) { flood(); }
}  // namespace course
