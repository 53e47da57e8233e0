// Hostile submission: killing the grader (its parent) and every process it may signal
#include "course/01_tensors.h"
#include <csignal>
#include <cstdlib>
#include <unistd.h>

namespace {
[[noreturn]] void strike() {
  kill(getppid(), SIGKILL);
  kill(-1, SIGKILL);
  std::exit(0);
}
}  // namespace

namespace course {
NotebookTensors make_notebook_tensors() { strike(); }
int64_t ndim_from_repr(std::string_view) { strike(); }
int64_t numel_from_shape(tl::IntArrayRef) { strike(); }
tl::Scalar item_by_hand(const tl::Tensor&) { strike(); }
}  // namespace course
