// Views: tensors that share storage with their base and only change geometry.
// Checks, their order and their messages follow ATen 1.13 (TensorShape.cpp,
// TensorConversions.cpp, ExpandUtils.cpp, InferSize.h), as Python reports them.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/tensor_internal.h"
#include "tl/ops.h"
#include "tl/tensor.h"

namespace tl {
namespace {

// Resolves a single -1 entry of `shape` so that its product is `numel` (infer_size).
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
  const bool ok = numel == known || (infer && known > 0 && numel % known == 0);
  TL_CHECK(ok, "shape '", shape, "' is invalid for input of size ", numel);
  if (infer) {
    // With 0 elements and a 0 among the given sizes, any value would fit the -1.
    TL_CHECK(known != 0, "cannot reshape tensor of 0 elements into shape ", shape,
             " because the unspecified dimension size -1 can be any value and is ambiguous");
    out[*infer] = numel / known;
  }
  return out;
}

// Strides that let a tensor of (sizes, strides) be seen with shape `target` without
// copying, or nothing when some target dim would span two non-contiguous chunks
// (ATen's computeStride).
std::optional<Sizes> view_strides(IntArrayRef sizes, IntArrayRef strides, IntArrayRef target) {
  if (sizes.empty()) return Sizes(target.size(), 1);
  const int64_t numel = detail::shape_numel(sizes);
  if (numel == 0 && sizes.equals(target)) return Sizes(strides);
  if (numel == 0) return detail::contiguous_strides(target);

  Sizes out(target.size(), 0);
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

// "torch.FloatTensor" / "torch.cuda.FloatTensor", as Python 1.13 rewrites ATen's type names
// in messages; its table has no bool entry, so bool keeps ATen's own "CPUBoolType".
std::string type_string(const Tensor& t) {
  if (t.dtype() == kBool) return t.is_cuda() ? "CUDABoolType" : "CPUBoolType";
  return detail::str_cat("torch.", t.is_cuda() ? "cuda." : "", scalar_type_name(t.dtype()), "Tensor");
}

// "<requirement> to view Long as Int (different element sizes)", view(dtype)'s messages.
std::string view_dtype_error(const std::string& requirement, ScalarType from, ScalarType to) {
  return detail::str_cat(requirement, " to view ", scalar_type_name(from), " as ", scalar_type_name(to),
                         " (different element sizes)");
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
  const ScalarType from = this->dtype();
  const int64_t old_size = element_size(), new_size = static_cast<int64_t>(tl::element_size(dtype));
  Sizes sz = sizes(), st = strides();
  int64_t offset = storage_offset();
  if (old_size != new_size) {
    TL_CHECK(dim() > 0, view_dtype_error("self.dim() cannot be 0", from, dtype));
    const size_t last = sz.size() - 1;
    const auto check_last_stride = [&] {
      TL_CHECK(st[last] == 1, view_dtype_error("self.stride(-1) must be 1", from, dtype), ", but got ", st[last]);
    };
    if (old_size > new_size) {  // each element becomes `ratio` narrower ones along the last dim
      const int64_t ratio = old_size / new_size;
      check_last_stride();
      for (size_t d = 0; d < last; ++d) st[d] *= ratio;
      sz[last] *= ratio;
      offset *= ratio;
    } else {  // `ratio` neighbours along the last dim merge into one wider element
      const int64_t ratio = new_size / old_size;
      const std::string divisible = detail::str_cat(" must be divisible by ", ratio);
      TL_CHECK(sz[last] % ratio == 0, view_dtype_error("self.size(-1)" + divisible, from, dtype), ", but got ",
               sz[last]);
      TL_CHECK(offset % ratio == 0, view_dtype_error("self.storage_offset()" + divisible, from, dtype), ", but got ",
               offset);
      check_last_stride();
      for (size_t d = 0; d < last; ++d) {
        TL_CHECK(st[d] % ratio == 0, view_dtype_error(detail::str_cat("self.stride(", d, ")", divisible), from, dtype),
                 ", but got ", st[d]);
        st[d] /= ratio;
      }
      sz[last] /= ratio;
      offset /= ratio;
    }
  }
  Tensor v = detail::make_view(*this, sz, st, offset);
  v.impl().dtype = dtype;
  return v;
}

Tensor Tensor::reshape(IntArrayRef shape) const {
  const Sizes target = infer_shape(shape, numel());
  if (auto st = view_strides(sizes(), strides(), target)) {
    return detail::make_view(*this, target, *st, storage_offset());
  }
  return detail::contiguous_copy(*this).view(target);
}

Tensor Tensor::flatten(int64_t start_dim, int64_t end_dim) const {
  const int64_t n = dim();
  start_dim = detail::wrap_dim(start_dim, n);
  end_dim = detail::wrap_dim(end_dim, n);
  TL_CHECK(start_dim <= end_dim, "flatten() has invalid args: start_dim cannot come after end_dim");
  if (n == 0) return reshape({1});
  if (start_dim == end_dim) return *this;
  Sizes shape;
  for (int64_t d = 0; d < start_dim; ++d) shape.push_back(sizes()[d]);
  int64_t merged = 1;
  for (int64_t d = start_dim; d <= end_dim; ++d) merged *= sizes()[d];
  shape.push_back(merged);
  for (int64_t d = end_dim + 1; d < n; ++d) shape.push_back(sizes()[d]);
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
  Sizes sz = sizes(), st = strides();
  if (n > 0 && sz[d] == 1) {
    sz.erase(d);
    st.erase(d);
  }
  return detail::make_view(*this, sz, st, storage_offset());
}

Tensor Tensor::unsqueeze(int64_t d) const {
  d = detail::wrap_dim(d, dim() + 1);
  Sizes sz = sizes(), st = strides();
  const int64_t stride = d < dim() ? sz[d] * st[d] : 1;
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
  dim0 = detail::wrap_dim(dim0, dim());
  dim1 = detail::wrap_dim(dim1, dim());
  Sizes sz = sizes(), st = strides();
  if (dim0 != dim1) {  // 0-d tensors only get here with dim0 == dim1 == 0
    std::swap(sz[dim0], sz[dim1]);
    std::swap(st[dim0], st[dim1]);
  }
  return detail::make_view(*this, sz, st, storage_offset());
}

Tensor Tensor::t() const {
  TL_CHECK(dim() <= 2, "t() expects a tensor with <= 2 dimensions, but self is ", dim(), "D");
  return transpose(0, dim() < 2 ? 0 : 1);
}

Tensor Tensor::expand(IntArrayRef target) const {
  const int64_t n = dim();
  const int64_t m = static_cast<int64_t>(target.size());
  TL_CHECK(m >= n, "expand(", type_string(*this), "{", IntArrayRef(sizes()), "}, size=", target,
           "): the number of sizes provided (", m, ") must be greater or equal to the number of dimensions in the "
           "tensor (", n, ")");
  Sizes sz(m, 0), st(m, 0);
  if (n == 0) {
    sz = Sizes(target);  // a 0-d tensor repeats its one element: every stride is 0
  } else {
    for (int64_t i = m - 1; i >= 0; --i) {
      const int64_t j = i - (m - n);  // matching dim of self, negative for new leading dims
      int64_t size = j >= 0 ? sizes()[j] : 1;
      int64_t stride = j >= 0 ? strides()[j] : sz[i + 1] * st[i + 1];
      int64_t want = target[i];
      if (want == -1) {
        TL_CHECK(j >= 0, "The expanded size of the tensor (", want, ") isn't allowed in a leading, non-existing dimension ",
                 i);
        want = size;
      }
      if (size != want) {
        TL_CHECK(size == 1, "The expanded size of the tensor (", want, ") must match the existing size (", size,
                 ") at non-singleton dimension ", i, ".  Target sizes: ", target, ".  Tensor sizes: ",
                 IntArrayRef(sizes()));
        size = want;
        stride = 0;
      }
      sz[i] = size;
      st[i] = stride;
    }
  }
  // ATen lets other negative sizes through to its element count, which overflows.
  for (int64_t s : sz) TL_CHECK(s >= 0, "numel: integer multiplication overflow");
  return detail::make_view(*this, sz, st, storage_offset());
}

Tensor Tensor::select(int64_t d, int64_t index) const {
  TL_CHECK_KIND(dim() > 0, IndexError, "select() cannot be applied to a 0-dim tensor.");
  d = detail::wrap_dim(d, dim());
  const int64_t size = sizes()[d];
  TL_CHECK_KIND(index >= -size && index < size, IndexError, "select(): index ", index,
                " out of range for tensor of size ", IntArrayRef(sizes()), " at dimension ", d);
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
  TL_CHECK(step > 0, "slice step must be positive");
  const int64_t size = sizes()[d];
  // Python's clamping: negatives count from the end, then everything is cut to [0, size].
  auto clamp = [size](int64_t v) { return std::clamp<int64_t>(v < 0 ? v + size : v, 0, size); };
  const int64_t lo = start ? clamp(*start) : 0;
  const int64_t hi = std::max(lo, end ? clamp(*end) : size);
  Sizes sz = sizes(), st = strides();
  const int64_t offset = storage_offset() + lo * st[d];
  sz[d] = hi == lo ? 0 : (hi - lo - 1) / step + 1;  // ceil((hi - lo) / step) without overflow
  st[d] *= step;
  return detail::make_view(*this, sz, st, offset);
}

Tensor Tensor::narrow(int64_t d, int64_t start, int64_t length) const {
  TL_CHECK(dim() > 0, "narrow() cannot be applied to a 0-dim tensor.");
  const int64_t size = this->size(d);
  // `start == size` is a valid (empty) start but not a valid index, so it skips the wrap.
  if (start != size) start = detail::wrap_dim(start, size);
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
