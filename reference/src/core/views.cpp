// Views: tensors that share storage with their base and only change geometry.
#include <algorithm>
#include <numeric>

#include "core/tensor_internal.h"
#include "tl/ops.h"
#include "tl/tensor.h"

namespace tl {
namespace {

// Infers a single -1 entry in `shape` so the product equals `numel`.
Sizes infer_shape(IntArrayRef shape, int64_t numel) {
  Sizes out(shape);
  int64_t known = 1;
  std::optional<size_t> infer;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == -1) {
      TL_CHECK(!infer, "only one dimension can be inferred");
      infer = i;
    } else {
      TL_CHECK(shape[i] >= 0, "invalid shape dimension ", shape[i]);
      known *= shape[i];
    }
  }
  const bool ok = infer ? (known != 0 && numel % known == 0) : known == numel;
  TL_CHECK(ok, "shape '", shape, "' is invalid for input of size ", numel);
  if (infer) out[*infer] = numel / known;
  return out;
}

// Strides for viewing a tensor of (sizes, strides) with shape `target`, if possible
// without copying (the rule of PyTorch's computeStride).
std::optional<Sizes> view_strides(IntArrayRef sizes, IntArrayRef strides, IntArrayRef target) {
  Sizes out(target.size(), 0);
  if (sizes.empty()) return detail::contiguous_strides(target);
  int64_t numel = 1;
  for (int64_t s : sizes) numel *= s;
  if (numel == 0) return detail::contiguous_strides(target);
  int64_t view_d = static_cast<int64_t>(target.size()) - 1;
  int64_t chunk_base_stride = strides.back();
  int64_t tensor_numel = 1, view_numel = 1;
  for (int64_t d = static_cast<int64_t>(sizes.size()) - 1; d >= 0; --d) {
    tensor_numel *= sizes[d];
    // At the start of a contiguous chunk, lay out view dims until they cover it.
    if (d == 0 || (sizes[d - 1] != 1 && strides[d - 1] != tensor_numel * chunk_base_stride)) {
      while (view_d >= 0 && (view_numel < tensor_numel || target[view_d] == 1)) {
        out[view_d] = view_numel * chunk_base_stride;
        view_numel *= target[view_d];
        --view_d;
      }
      if (view_numel != tensor_numel) return std::nullopt;
      if (d > 0) {
        chunk_base_stride = strides[d - 1];
        tensor_numel = 1;
        view_numel = 1;
      }
    }
  }
  if (view_d != -1) return std::nullopt;
  return out;
}

}  // namespace

Tensor Tensor::view(IntArrayRef shape) const {
  const Sizes target = infer_shape(shape, numel());
  auto st = view_strides(sizes(), strides(), target);
  TL_CHECK(st.has_value(),
           "view size is not compatible with input tensor's size and stride (at least one dimension spans "
           "across two contiguous subspaces). Use .reshape(...) instead.");
  return detail::make_view(*this, target, *st, storage_offset());
}

Tensor Tensor::view(ScalarType dtype) const {
  TL_CHECK(tl::element_size(dtype) == tl::element_size(this->dtype()),
           "Viewing a tensor as a new dtype with a different number of bytes per element is not supported.");
  Tensor v = detail::make_view(*this, sizes(), strides(), storage_offset());
  v.impl().dtype = dtype;
  return v;
}

Tensor Tensor::reshape(IntArrayRef shape) const {
  const Sizes target = infer_shape(shape, numel());
  if (auto st = view_strides(sizes(), strides(), target)) {
    return detail::make_view(*this, target, *st, storage_offset());
  }
  return clone().view(target);
}

Tensor Tensor::flatten(int64_t start_dim, int64_t end_dim) const {
  const int64_t n = dim();
  if (n == 0) return reshape({1});
  start_dim = detail::wrap_dim(start_dim, n);
  end_dim = detail::wrap_dim(end_dim, n);
  TL_CHECK(start_dim <= end_dim, "flatten() has invalid args: start_dim cannot come after end_dim");
  Sizes shape;
  for (int64_t d = 0; d < start_dim; ++d) shape.push_back(size(d));
  int64_t merged = 1;
  for (int64_t d = start_dim; d <= end_dim; ++d) merged *= size(d);
  shape.push_back(merged);
  for (int64_t d = end_dim + 1; d < n; ++d) shape.push_back(size(d));
  return reshape(shape);
}

Tensor Tensor::squeeze() const {
  Sizes sz, st;
  for (int64_t d = 0; d < dim(); ++d) {
    if (sizes()[d] != 1) {
      sz.push_back(sizes()[d]);
      st.push_back(strides()[d]);
    }
  }
  return detail::make_view(*this, sz, st, storage_offset());
}

Tensor Tensor::squeeze(int64_t d) const {
  const int64_t n = dim();
  d = detail::wrap_dim(d, n);
  if (n == 0 || sizes()[d] != 1) return detail::make_view(*this, sizes(), strides(), storage_offset());
  Sizes sz = sizes(), st = strides();
  sz.erase(d);
  st.erase(d);
  return detail::make_view(*this, sz, st, storage_offset());
}

Tensor Tensor::unsqueeze(int64_t d) const {
  d = detail::wrap_dim(d, dim() + 1);
  Sizes sz = sizes(), st = strides();
  const int64_t stride = d < dim() ? sizes()[d] * strides()[d] : 1;
  sz.insert(d, 1);
  st.insert(d, stride);
  return detail::make_view(*this, sz, st, storage_offset());
}

Tensor Tensor::permute(IntArrayRef dims) const {
  const int64_t n = dim();
  TL_CHECK(static_cast<int64_t>(dims.size()) == n,
           "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the "
           "desired ordering of dimensions i.e. input.dim() = ", n, " is not equal to len(dims) = ", dims.size());
  Sizes sz(n, 0), st(n, 0);
  std::vector<bool> seen(n, false);
  for (int64_t i = 0; i < n; ++i) {
    const int64_t d = detail::wrap_dim(dims[i], n);
    TL_CHECK(!seen[d], "permute(): duplicate dims are not allowed.");
    seen[d] = true;
    sz[i] = sizes()[d];
    st[i] = strides()[d];
  }
  return detail::make_view(*this, sz, st, storage_offset());
}

Tensor Tensor::transpose(int64_t dim0, int64_t dim1) const {
  const int64_t n = dim();
  if (n == 0) {
    detail::wrap_dim(dim0, n);
    detail::wrap_dim(dim1, n);
    return detail::make_view(*this, sizes(), strides(), storage_offset());
  }
  dim0 = detail::wrap_dim(dim0, n);
  dim1 = detail::wrap_dim(dim1, n);
  Sizes sz = sizes(), st = strides();
  std::swap(sz[dim0], sz[dim1]);
  std::swap(st[dim0], st[dim1]);
  return detail::make_view(*this, sz, st, storage_offset());
}

Tensor Tensor::t() const {
  TL_CHECK(dim() <= 2, "t() expects a tensor with <= 2 dimensions, but self is ", dim(), "D");
  return dim() < 2 ? transpose(0, 0) : transpose(0, 1);
}

Tensor Tensor::expand(IntArrayRef target) const {
  const int64_t n = dim();
  const int64_t m = static_cast<int64_t>(target.size());
  TL_CHECK(m >= n, "expand(torch.", scalar_type_name(dtype()), "Tensor{", IntArrayRef(sizes()), "}, size=", target,
           "): the number of sizes provided (", m, ") must be greater or equal to the number of dimensions in the tensor (",
           n, ")");
  Sizes sz(m, 0), st(m, 0);
  for (int64_t i = m - 1; i >= 0; --i) {
    const int64_t j = i - (m - n);
    const int64_t want = target[i];
    if (j < 0) {
      TL_CHECK(want >= 0, "The expanded size of the tensor (", want,
               ") isn't allowed in a leading, non-existing dimension ", i);
      sz[i] = want;
      st[i] = 0;
      continue;
    }
    const int64_t have = sizes()[j];
    if (want == -1 || want == have) {
      sz[i] = have;
      st[i] = strides()[j];
    } else {
      TL_CHECK(have == 1, "The expanded size of the tensor (", want, ") must match the existing size (", have,
               ") at non-singleton dimension ", i, ".  Target sizes: ", target, ".  Tensor sizes: ", IntArrayRef(sizes()));
      sz[i] = want;
      st[i] = 0;
    }
  }
  return detail::make_view(*this, sz, st, storage_offset());
}

Tensor Tensor::select(int64_t d, int64_t index) const {
  TL_CHECK_KIND(dim() > 0, IndexError, "select() cannot be applied to a 0-dim tensor.");
  d = detail::wrap_dim(d, dim());
  const int64_t size = sizes()[d];
  TL_CHECK_KIND(index >= -size && index < size, IndexError, "index ", index, " is out of bounds for dimension ", d,
                " with size ", size);
  if (index < 0) index += size;
  Sizes sz = sizes(), st = strides();
  const int64_t offset = storage_offset() + index * st[d];
  sz.erase(d);
  st.erase(d);
  return detail::make_view(*this, sz, st, offset);
}

Tensor Tensor::slice(int64_t d, std::optional<int64_t> start, std::optional<int64_t> end, int64_t step) const {
  TL_CHECK_KIND(dim() > 0, IndexError, "slice() cannot be applied to a 0-dim tensor.");
  d = detail::wrap_dim(d, dim());
  TL_CHECK_KIND(step > 0, ValueError, "step must be greater than zero");
  const int64_t size = sizes()[d];
  auto clamp = [size](int64_t v) {
    if (v < 0) v += size;
    return std::clamp<int64_t>(v, 0, size);
  };
  const int64_t lo = start ? clamp(*start) : 0;
  const int64_t hi = std::max(lo, end ? clamp(*end) : size);
  Sizes sz = sizes(), st = strides();
  const int64_t offset = storage_offset() + lo * st[d];
  sz[d] = (hi - lo + step - 1) / step;
  st[d] *= step;
  return detail::make_view(*this, sz, st, offset);
}

Tensor Tensor::narrow(int64_t d, int64_t start, int64_t length) const {
  TL_CHECK_KIND(dim() > 0, IndexError, "narrow() cannot be applied to a 0-dim tensor.");
  d = detail::wrap_dim(d, dim());
  const int64_t size = sizes()[d];
  TL_CHECK_KIND(start >= -size && start <= size, IndexError, "start out of range (expected to be in range of [", -size,
                ", ", size, "], but got ", start, ")");
  if (start < 0) start += size;
  TL_CHECK(length >= 0 && start <= size - length, "start (", start, ") + length (", length,
           ") exceeds dimension size (", size, ").");
  return slice(d, start, start + length, 1);
}

Tensor reshape(const Tensor& a, IntArrayRef shape) { return a.reshape(shape); }
Tensor squeeze(const Tensor& a) { return a.squeeze(); }
Tensor squeeze(const Tensor& a, int64_t d) { return a.squeeze(d); }
Tensor unsqueeze(const Tensor& a, int64_t d) { return a.unsqueeze(d); }
Tensor permute(const Tensor& a, IntArrayRef dims) { return a.permute(dims); }
Tensor flatten(const Tensor& a, int64_t start_dim, int64_t end_dim) { return a.flatten(start_dim, end_dim); }
Tensor transpose(const Tensor& a, int64_t dim0, int64_t dim1) { return a.transpose(dim0, dim1); }
Tensor t(const Tensor& a) { return a.t(); }

}  // namespace tl
