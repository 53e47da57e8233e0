// Hostile submission: defining read() to interpose the C library and catch the secret as the harness reads it
#include "course/01_tensors.h"
#include <cstdlib>
#include <sys/syscall.h>
#include <unistd.h>

extern "C" ssize_t read(int fd, void* buf, size_t count) {
  return syscall(SYS_read, fd, buf, count);
}

namespace course {
NotebookTensors make_notebook_tensors() { throw 1; }
int64_t ndim_from_repr(std::string_view) { throw 1; }
int64_t numel_from_shape(tl::IntArrayRef) { throw 1; }
tl::Scalar item_by_hand(const tl::Tensor&) { throw 1; }
}  // namespace course
