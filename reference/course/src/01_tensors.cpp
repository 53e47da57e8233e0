// Exercise 01-tensors. The task is in exercises/01-tensors/README.md.
#include "course/01_tensors.h"

#include <course/todo.h>

namespace course {

NotebookTensors make_notebook_tensors() {
  // BEGIN SOLUTION 01-tensors
  NotebookTensors nb;
  nb.scalar = tl::tensor(7);
  nb.vector = tl::tensor({7, 7});
  nb.MATRIX = tl::tensor({{7, 8}, {9, 10}});
  nb.TENSOR = tl::tensor({{{1, 2, 3}, {3, 6, 9}, {2, 4, 5}}});
  return nb;
  // END SOLUTION
}

int64_t ndim_from_repr(std::string_view repr) {
  // BEGIN SOLUTION 01-tensors
  constexpr std::string_view prefix = "tensor(";
  TL_CHECK(repr.substr(0, prefix.size()) == prefix, "ndim_from_repr: expected text starting with \"tensor(\", got \"",
           repr, "\"");
  // An empty tensor hides its dims in "size=(a, b, ...)": count the entries there.
  const size_t size_at = repr.find("size=(");
  if (size_at != std::string_view::npos) {
    const size_t close = repr.find(')', size_at);
    const std::string_view inside = repr.substr(size_at + 6, close - (size_at + 6));
    int64_t entries = 0;
    bool in_number = false;
    for (char c : inside) {
      const bool digit = c >= '0' && c <= '9';
      if (digit && !in_number) ++entries;
      in_number = digit;
    }
    return entries;
  }
  int64_t brackets = 0;
  for (size_t i = prefix.size(); i < repr.size() && repr[i] == '['; ++i) ++brackets;
  return brackets;
  // END SOLUTION
}

int64_t numel_from_shape(tl::IntArrayRef shape) {
  // BEGIN SOLUTION 01-tensors
  int64_t n = 1;  // the empty product: a 0-d tensor holds one value
  for (int64_t s : shape) {
    TL_CHECK(s >= 0, "numel_from_shape: negative size ", s, " in shape ", shape);
    n *= s;
  }
  return n;
  // END SOLUTION
}

tl::Scalar item_by_hand(const tl::Tensor& t) {
  // BEGIN SOLUTION 01-tensors
  TL_CHECK(t.numel() == 1, "a Tensor with ", t.numel(), " elements cannot be converted to Scalar");
  const tl::Tensor host = t.cpu();  // the CPU cannot read GPU memory directly
  const void* p = host.data_ptr();  // points at the element, storage offset included
  return tl::dispatch(host.dtype(), [&]<typename T>() { return tl::Scalar(*static_cast<const T*>(p)); });
  // END SOLUTION
}

}  // namespace course
