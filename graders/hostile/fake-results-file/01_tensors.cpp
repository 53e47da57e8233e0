// Hostile submission: writing a full-marks results.json into the working directory, /tmp and the grader's --out path
#include "course/01_tensors.h"
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include <unistd.h>

namespace {
const char* const kFake = "{\"score\": 1000, \"tests\": []}\n";
void plant(const std::string& path) {
  std::ofstream(path) << kFake;
}
// The grader's command line is world-readable: find its --out argument.
std::string grader_out_path() {
  std::ifstream cmdline("/proc/" + std::to_string(getppid()) + "/cmdline");
  std::vector<std::string> args;
  for (std::string arg; std::getline(cmdline, arg, '\0');) args.push_back(arg);
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--out") return args[i + 1];
  }
  return "results.json";
}
[[noreturn]] void fake() {
  plant("results.json");
  plant("/tmp/results.json");
  plant(grader_out_path());
  _exit(0);
}
}  // namespace

namespace course {
NotebookTensors make_notebook_tensors() { fake(); }
int64_t ndim_from_repr(std::string_view) { fake(); }
int64_t numel_from_shape(tl::IntArrayRef) { fake(); }
tl::Scalar item_by_hand(const tl::Tensor&) { fake(); }
}  // namespace course
