// Hostile submission: printing gtest's success lines (and fake JSON), then exit(0)
#include "course/01_tensors.h"
#include <cstdio>
#include <cstdlib>

namespace {
[[noreturn]] void pretend() {
  const char* lines = "[       OK ] Everything (0 ms)\n[  PASSED  ] 1 test.\n{\"score\": 100, \"status\": \"passed\"}\n";
  std::fputs(lines, stdout);
  std::fputs(lines, stderr);
  std::exit(0);
}
}  // namespace

namespace course {
NotebookTensors make_notebook_tensors() { pretend(); }
int64_t ndim_from_repr(std::string_view) { pretend(); }
int64_t numel_from_shape(tl::IntArrayRef) { pretend(); }
tl::Scalar item_by_hand(const tl::Tensor&) { pretend(); }
}  // namespace course
