// Joining tensors: tl::cat along an existing dim, tl::stack along a new one.
// Checks, their order and their messages follow ATen 1.13 (cat_meta, get_stack_inputs).
#include <vector>

#include "core/tensor_internal.h"
#include "tl/ops.h"
#include "tl/tensor.h"

namespace tl {
namespace {

// PyTorch still accepts the legacy empty tensor, shape (0,), in any cat and skips it.
bool skipped_by_cat(const Tensor& t) { return t.dim() == 1 && t.sizes()[0] == 0; }

}  // namespace

Tensor cat(const std::vector<Tensor>& tensors, int64_t dim) {
  TL_CHECK(!tensors.empty(), "torch.cat(): expected a non-empty list of Tensors");
  for (size_t i = 0; i < tensors.size(); ++i) {
    TL_CHECK(tensors[i].dim() > 0, "zero-dimensional tensor (at position ", i, ") cannot be concatenated");
  }
  // Every input, skipped or not, takes part in the dtype and device of the result.
  ScalarType dtype = tensors[0].dtype();
  const Device device = tensors[0].device();
  for (const Tensor& t : tensors) {
    dtype = promote_types(dtype, t.dtype());
    detail::common_device(tensors[0], t);  // throws on a device mismatch
  }

  const Tensor* ref = nullptr;  // the first input that is not skipped sets the shape
  for (const Tensor& t : tensors) {
    if (!skipped_by_cat(t)) {
      ref = &t;
      break;
    }
  }
  if (ref == nullptr) return detail::make_tensor({0}, dtype, device);

  dim = detail::wrap_dim(dim, ref->dim());
  Sizes out_sizes = ref->sizes();
  out_sizes[dim] = 0;
  for (size_t i = 0; i < tensors.size(); ++i) {
    const Tensor& t = tensors[i];
    if (skipped_by_cat(t)) continue;
    TL_CHECK(t.dim() == ref->dim(), "Tensors must have same number of dimensions: got ", ref->dim(), " and ", t.dim());
    for (int64_t d = 0; d < t.dim(); ++d) {
      if (d == dim) continue;
      TL_CHECK(t.sizes()[d] == ref->sizes()[d], "Sizes of tensors must match except in dimension ", dim,
               ". Expected size ", ref->sizes()[d], " but got size ", t.sizes()[d], " for tensor number ", i,
               " in the list.");
    }
    out_sizes[dim] += t.sizes()[dim];
  }

  Tensor out = detail::make_tensor(out_sizes, dtype, device);
  int64_t offset = 0;
  for (const Tensor& t : tensors) {
    if (skipped_by_cat(t)) continue;
    const int64_t n = t.sizes()[dim];
    out.narrow(dim, offset, n).copy_(t);  // copy_ casts to the result dtype
    offset += n;
  }
  return out;
}

Tensor stack(const std::vector<Tensor>& tensors, int64_t dim) {
  TL_CHECK(!tensors.empty(), "stack expects a non-empty TensorList");
  dim = detail::wrap_dim(dim, tensors[0].dim() + 1);
  const Sizes& entry_shape = tensors[0].sizes();
  std::vector<Tensor> inputs;
  inputs.reserve(tensors.size());
  for (size_t i = 0; i < tensors.size(); ++i) {
    TL_CHECK(tensors[i].sizes() == entry_shape, "stack expects each tensor to be equal size, but got ",
             IntArrayRef(entry_shape), " at entry 0 and ", IntArrayRef(tensors[i].sizes()), " at entry ", i);
    inputs.push_back(tensors[i].unsqueeze(dim));
  }
  return cat(inputs, dim);
}

}  // namespace tl
