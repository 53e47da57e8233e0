// Exercise 10-indexing. The task is in exercises/10-indexing/README.md.
#include "course/10_indexing.h"

#include <algorithm>

#include <course/todo.h>

namespace course {

NotebookIndexing notebook_indexing(const tl::Tensor& x) {
  // TODO(10-indexing): your code here
  TL_TODO("10-indexing");
}

int64_t element_offset(const tl::Tensor& x, tl::IntArrayRef index) {
  // TODO(10-indexing): your code here
  TL_TODO("10-indexing");
}

SliceBounds slice_bounds(int64_t size, std::optional<int64_t> start, std::optional<int64_t> stop, int64_t step) {
  // TODO(10-indexing): your code here
  TL_TODO("10-indexing");
}

}  // namespace course
