// Exercise 09-reshape. The task is in exercises/09-reshape/README.md.
#include "course/09_reshape.h"

#include <optional>
#include <sstream>

#include <course/todo.h>

namespace course {

Reshapes reshape_stack_squeeze(tl::Tensor x) {
  // BEGIN SOLUTION 09-reshape
  using tl::indexing::Slice;
  const int64_t n = x.numel();
  Reshapes r;
  r.x_reshaped = x.reshape({1, n});  // x is contiguous: reshape returns a view
  r.z = x.view({1, n});
  r.z.index_put_({Slice(), 0}, 5);  // z[:, 0] = 5 writes into x's memory
  r.x_stacked = tl::stack({x, x, x, x}, 0);
  r.x_squeezed = r.x_reshaped.squeeze();
  r.x_unsqueezed = r.x_squeezed.unsqueeze(0);
  return r;
  // END SOLUTION
}

tl::Tensor permute_to_chw(const tl::Tensor& image_hwc) {
  // BEGIN SOLUTION 09-reshape
  return image_hwc.permute({2, 0, 1});  // shifts axis 0->1, 1->2, 2->0
  // END SOLUTION
}

tl::Sizes infer_shape(tl::IntArrayRef shape, int64_t numel) {
  // BEGIN SOLUTION 09-reshape
  std::optional<size_t> infer_dim;
  int64_t known = 1;  // product of the given sizes
  for (size_t d = 0; d < shape.size(); ++d) {
    if (shape[d] == -1) {
      TL_CHECK(!infer_dim, "only one dimension can be inferred");
      infer_dim = d;
    } else {
      TL_CHECK(shape[d] >= 0, "invalid shape dimension ", shape[d]);
      known *= shape[d];
    }
  }
  tl::Sizes out(shape);
  if (numel == known || (infer_dim && known > 0 && numel % known == 0)) {
    if (infer_dim) {
      TL_CHECK(known != 0, "cannot reshape tensor of 0 elements into shape ", shape,
               " because the unspecified dimension size -1 can be any value and is ambiguous");
      out[*infer_dim] = numel / known;
    }
    return out;
  }
  TL_CHECK(false, "shape '", shape, "' is invalid for input of size ", numel);
  return out;
  // END SOLUTION
}

tl::Tensor stack_by_hand(const std::vector<tl::Tensor>& tensors, int64_t dim) {
  // BEGIN SOLUTION 09-reshape
  TL_CHECK(!tensors.empty(), "stack expects a non-empty TensorList");
  const tl::Tensor& first = tensors[0];
  const int64_t ndim = first.dim() + 1;  // dims of the result
  TL_CHECK_KIND(dim >= -ndim && dim < ndim, IndexError, "Dimension out of range (expected to be in range of [", -ndim,
                ", ", ndim - 1, "], but got ", dim, ")");
  if (dim < 0) dim += ndim;
  tl::ScalarType dtype = first.dtype();
  for (size_t i = 1; i < tensors.size(); ++i) {
    TL_CHECK(tensors[i].sizes() == first.sizes(), "stack expects each tensor to be equal size, but got ",
             tl::IntArrayRef(first.sizes()), " at entry 0 and ", tl::IntArrayRef(tensors[i].sizes()), " at entry ", i);
    dtype = tl::promote_types(dtype, tensors[i].dtype());
  }
  tl::Sizes shape = first.sizes();
  shape.insert(static_cast<size_t>(dim), static_cast<int64_t>(tensors.size()));
  tl::Tensor out = tl::empty(shape, tl::TensorOptions(dtype).device(first.device()));
  for (size_t i = 0; i < tensors.size(); ++i) out.select(dim, static_cast<int64_t>(i)).copy_(tensors[i]);
  return out;
  // END SOLUTION
}

}  // namespace course
