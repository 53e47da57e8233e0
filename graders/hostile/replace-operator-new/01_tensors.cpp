// Hostile submission: replacing operator new, which every library calls before main
#include "course/01_tensors.h"
#include <cstdlib>
#include <new>

void* operator new(std::size_t size) {
  if (void* p = std::malloc(size)) return p;
  throw std::bad_alloc();
}

namespace course {
NotebookTensors make_notebook_tensors() { throw 1; }
int64_t ndim_from_repr(std::string_view) { throw 1; }
int64_t numel_from_shape(tl::IntArrayRef) { throw 1; }
tl::Scalar item_by_hand(const tl::Tensor&) { throw 1; }
}  // namespace course
