// Hostile submission: a setsid'd grandchild that outlives the test, then writes PASS lines to every inherited fd
#include "course/01_tensors.h"
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <string>
#include <unistd.h>

namespace {
void linger() {
  if (fork() != 0) return;
  setsid();
  if (fork() != 0) _exit(0);
  sleep(3);
  DIR* fds = opendir("/proc/self/fd");
  while (dirent* e = fds != nullptr ? readdir(fds) : nullptr) {
    const int fd = std::atoi(e->d_name);
    const char line[] = "0123456789abcdef0123456789abcdef PASS NotebookTensors.ScalarIsZeroDimInt64Seven\n";
    if (fd > 2) (void)!write(fd, line, sizeof line - 1);
  }
  FILE* f = std::fopen("/tmp/tl-hostile-was-here", "w");
  if (f != nullptr) std::fclose(f);
  _exit(0);
}
}  // namespace

namespace course {
NotebookTensors make_notebook_tensors() { linger(); throw 1; }
int64_t ndim_from_repr(std::string_view) { linger(); throw 1; }
int64_t numel_from_shape(tl::IntArrayRef) { linger(); throw 1; }
tl::Scalar item_by_hand(const tl::Tensor&) { linger(); throw 1; }
}  // namespace course
