// Hostile submission: reading the hidden suite, the reference solution, the grader's files and another exercise's fixture at run time
#include "course/01_tensors.h"
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace {
void try_read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  if (in && !text.str().empty()) {
    std::printf("LEAKED %s:\n%s\n", path.c_str(), text.str().substr(0, 4000).c_str());
  } else {
    std::printf("cannot read %s\n", path.c_str());
  }
}
int64_t snoop() {
  for (const char* path : {"@REPO@/graders/suites/01-tensors.cpp", "@REPO@/reference/course/src/01_tensors.cpp",
                           "@REPO@/graders/rubric.json", "/autograder/source/graders/suites/01-tensors.cpp",
                           "fixtures/02-random.json", "fixtures/../02-random/02-random.json",
                           "../../fixtures/02-random/02-random.json"}) {
    try_read(path);
  }
  return -1;
}
}  // namespace

namespace course {
NotebookTensors make_notebook_tensors() { snoop(); throw 1; }
int64_t ndim_from_repr(std::string_view) { snoop(); throw 1; }
int64_t numel_from_shape(tl::IntArrayRef) { snoop(); throw 1; }
tl::Scalar item_by_hand(const tl::Tensor&) { snoop(); throw 1; }
}  // namespace course
