// Exercise 10-indexing. The task is in exercises/10-indexing/README.md.
#include "course/10_indexing.h"

#include <algorithm>

#include <course/todo.h>

namespace course {

NotebookIndexing notebook_indexing(const tl::Tensor& x) {
  // BEGIN SOLUTION 10-indexing
  using tl::indexing::Slice;
  NotebookIndexing r;
  r.first = x[0];
  r.second = x[0][0];
  r.third = x[0][0][0].item<int64_t>();
  r.col0 = x.index({Slice(), 0});
  r.col1 = x.index({Slice(), Slice(), 1});
  r.center = x.index({Slice(), 1, 1});
  r.row = x.index({0, 0, Slice()});
  return r;
  // END SOLUTION
}

int64_t element_offset(const tl::Tensor& x, tl::IntArrayRef index) {
  // BEGIN SOLUTION 10-indexing
  TL_CHECK_KIND(static_cast<int64_t>(index.size()) <= x.dim(), IndexError, "too many indices for tensor of dimension ",
                x.dim());
  int64_t offset = x.storage_offset();
  for (size_t d = 0; d < index.size(); ++d) {
    const int64_t size = x.size(static_cast<int64_t>(d));
    TL_CHECK_KIND(index[d] >= -size && index[d] < size, IndexError, "index ", index[d],
                  " is out of bounds for dimension ", d, " with size ", size);
    const int64_t i = index[d] < 0 ? index[d] + size : index[d];
    offset += i * x.stride(static_cast<int64_t>(d));
  }
  return offset;
  // END SOLUTION
}

SliceBounds slice_bounds(int64_t size, std::optional<int64_t> start, std::optional<int64_t> stop, int64_t step) {
  // BEGIN SOLUTION 10-indexing
  TL_CHECK_KIND(step > 0, ValueError, "step must be greater than zero");
  int64_t s = start.value_or(0), e = stop.value_or(size);
  if (s < 0) s += size;
  if (e < 0) e += size;
  s = std::clamp<int64_t>(s, 0, size);
  e = std::clamp<int64_t>(e, s, size);
  return {s, (e - s + step - 1) / step};
  // END SOLUTION
}

}  // namespace course
