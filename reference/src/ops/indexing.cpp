// Python-style indexing: `x.index({Slice(), 0})` is `x[:, 0]`, `x.index_put_({Slice(), 0}, 5)`
// is `x[:, 0] = 5`. Integers, slices, None and Ellipsis give views (ATen's TensorIndexing.h
// get_item / set_item); bools are PyTorch's one piece of advanced indexing here and copy.
#include <array>
#include <cstring>
#include <span>
#include <vector>

#include "core/checked_scalar.h"
#include "core/tensor_internal.h"
#include "ops/binary_kernel.h"
#include "tl/indexing.h"
#include "tl/tensor.h"

namespace tl {
namespace indexing {

TensorIndex::TensorIndex(const char* s) : kind_(Kind::Ellipsis) {
  TL_CHECK_KIND(s != nullptr && std::strcmp(s, "...") == 0, ValueError,
                "Expected \"...\" to represent an ellipsis index, but got \"", s ? s : "", "\"");
}

}  // namespace indexing

namespace {

using indexing::TensorIndex;
using Kind = TensorIndex::Kind;
using Indices = std::span<const TensorIndex>;

// Errors LibTorch raises before any dim is touched.
void check_indices(Indices indices, const char* op) {
  TL_CHECK(!indices.empty(), "Passing an empty index list to Tensor::", op, "() is not valid syntax");
  int ellipses = 0;
  for (const TensorIndex& ix : indices) {
    if (ix.kind() == Kind::Slice) TL_CHECK_KIND(ix.slice().step() != 0, ValueError, "slice step cannot be zero");
    ellipses += ix.kind() == Kind::Ellipsis;
  }
  // PyTorch 1.13 accepts several ellipses and lets each skip dims again (reading past the
  // shape); like NumPy, tl refuses them.
  TL_CHECK_KIND(ellipses <= 1, IndexError, "an index can only have a single ellipsis ('...')");
}

// `x[i]`: select, with indexing's own messages. `position` is the index's place in the list,
// which PyTorch reports as the dimension.
Tensor apply_select(const Tensor& t, int64_t dim, int64_t index, size_t position) {
  TL_CHECK_KIND(!(index == 0 && dim == 0 && t.dim() == 0), IndexError,
                "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to "
                "convert a 0-dim tensor to a number");
  // ATen reads the size of a 0-d tensor's missing dim 0 as 0.
  const int64_t size = dim < t.dim() ? t.sizes()[dim] : 0;
  TL_CHECK_KIND(index >= -size && index < size, IndexError, "index ", index, " is out of bounds for dimension ",
                position, " with size ", size);
  return t.select(dim, index);
}

// The view part of an index: what integers, slices, None and Ellipsis select, with a
// size-1 dim inserted for each bool, as ATen's applySlicing builds it.
struct Sliced {
  Tensor view;
  std::vector<int64_t> bool_dims;  // dims of `view` indexed by a bool, increasing
  bool all_true = true;
};

Sliced apply_slicing(const Tensor& self, Indices indices) {
  int64_t specified = 0;  // dims the index consumes
  for (const TensorIndex& ix : indices) specified += ix.kind() == Kind::Integer || ix.kind() == Kind::Slice;
  // A lone index skips this check, so `scalar[0]` gets its own message.
  if (indices.size() > 1) {
    TL_CHECK_KIND(specified <= self.dim(), IndexError, "too many indices for tensor of dimension ", self.dim());
  }
  Sliced r{self, {}, true};
  int64_t dim = 0;
  for (size_t i = 0; i < indices.size(); ++i) {
    const TensorIndex& ix = indices[i];
    switch (ix.kind()) {
      case Kind::Integer:
        r.view = apply_select(r.view, dim, ix.integer(), i);
        break;
      case Kind::Slice: {
        const indexing::Slice& s = ix.slice();
        TL_CHECK_KIND(s.step() > 0, ValueError, "step must be greater than zero");
        r.view = r.view.slice(dim++, s.start(), s.stop(), s.step());
        break;
      }
      case Kind::Ellipsis:
        dim += self.dim() - specified;
        break;
      case Kind::None:
        r.view = r.view.unsqueeze(dim++);
        break;
      case Kind::Boolean:
        r.view = r.view.unsqueeze(dim);
        r.bool_dims.push_back(dim++);
        r.all_true = r.all_true && ix.integer() != 0;
        break;
    }
  }
  // `x[...]` is a new handle (an alias), never `x` itself.
  if (r.view.is_same(self)) r.view = detail::make_view(self, self.sizes(), self.strides(), self.storage_offset());
  return r;
}

// Where advanced indexing puts the bools' result: they index with [0] (true) or [] (false),
// which broadcast to one dim of size 1, or 0 if any is false. That dim replaces the bool
// dims in place when they are adjacent, else it goes first (NumPy's rule).
size_t bool_dim_position(const Sliced& r) {
  const auto& dims = r.bool_dims;
  const bool adjacent = dims.back() - dims.front() + 1 == static_cast<int64_t>(dims.size());
  return adjacent ? static_cast<size_t>(dims.front()) : 0;
}

Tensor bool_result(const Sliced& r) {
  const auto& dims = r.bool_dims;
  Sizes sz, st;
  for (int64_t d = 0, k = 0; d < r.view.dim(); ++d) {
    if (k < static_cast<int64_t>(dims.size()) && dims[k] == d) {
      ++k;
      continue;
    }
    sz.push_back(r.view.sizes()[d]);
    st.push_back(r.view.strides()[d]);
  }
  const size_t pos = bool_dim_position(r);
  sz.insert(pos, r.all_true ? 1 : 0);
  st.insert(pos, 0);  // as PyTorch restrides an indexed dim: it takes no part in the output's dim order
  return detail::make_view(r.view, sz, st, r.view.storage_offset());
}

// Advanced indexing gathers into new memory, laid out as PyTorch's index kernel lays its
// output: in the dim order of the source, then of the index tensor ([0] or [] reshaped
// to 1s around its one dim, so stride 1 wherever the result has size 1).
Tensor gather_bool_result(const Sliced& r) {
  const Tensor view = bool_result(r);
  const size_t pos = bool_dim_position(r);
  Sizes index_strides(static_cast<size_t>(view.dim()), 0);
  for (size_t d = 0; d < index_strides.size(); ++d) index_strides[d] = d == pos || view.sizes()[d] == 1 ? 1 : 0;
  const std::array<Sizes, 2> strides{view.strides(), index_strides};
  Tensor out = detail::empty_in_iteration_order(view.sizes(), view.dtype(), view.device(), strides);
  out.copy_(view);
  return out;
}

// A 0-d CPU tensor of `dtype` holding `v` (ATen's scalarToTensor).
Tensor scalar_to_tensor(const Scalar& v, ScalarType dtype) {
  Tensor t = detail::make_tensor({}, dtype, Device(kCPU));
  // 2^63 fits int64 by the check (it equals int64's max as a double); x86 stores INT64_MIN.
  dispatch(dtype, [&]<typename T>() { *static_cast<T*>(t.data_ptr()) = detail::checked_scalar<T>(v); });
  return t;
}

// Leading size-1 dims of a value are dropped before broadcasting (NumPy compatibility).
Sizes strip_leading_ones(IntArrayRef sizes) {
  size_t first = 0;
  while (first < sizes.size() && sizes[first] == 1) ++first;
  return Sizes(IntArrayRef(sizes.data() + first, sizes.size() - first));
}

// ATen's is_expandable_to.
bool expandable(IntArrayRef shape, IntArrayRef desired) {
  if (shape.size() > desired.size()) return false;
  for (size_t i = 1; i <= shape.size(); ++i) {
    const int64_t s = shape[shape.size() - i];
    if (s != 1 && s != desired[desired.size() - i]) return false;
  }
  return true;
}

// Writes `src` into the view `dst` (ATen's indexing copy_to).
void copy_to(Tensor dst, const Tensor& src) {
  if (dst.sizes() == src.sizes()) {
    dst.copy_(src);
  } else if (src.dim() == 0 && src.is_cpu()) {
    dst.copy_(scalar_to_tensor(src.item(), dst.dtype()));  // fill_: the number must fit
  } else {
    dst.copy_(src.view(strip_leading_ones(src.sizes())).expand(dst.sizes()));
  }
}

void set_item(const Tensor& self, Indices indices, const Tensor& value) {
  if (indices.size() == 1 && indices[0].kind() == Kind::Boolean) {
    // A lone bool is no advanced index here: false writes nothing, true writes through a new dim.
    if (indices[0].integer() != 0) copy_to(self.unsqueeze(0), value);
    return;
  }
  const Sliced r = apply_slicing(self, indices);
  if (r.bool_dims.empty()) {
    copy_to(r.view, value);
    return;
  }
  const Tensor target = bool_result(r);
  const Sizes value_sizes = strip_leading_ones(value.sizes());
  TL_CHECK(expandable(value_sizes, target.sizes()), "shape mismatch: value tensor of shape ", IntArrayRef(value_sizes),
           " cannot be broadcast to indexing result of shape ", IntArrayRef(target.sizes()));
  TL_CHECK(value.dtype() == self.dtype(), "Index put requires the source and destination dtypes match, got ",
           scalar_type_name(self.dtype()), " for the destination and ", scalar_type_name(value.dtype()),
           " for the source.");
  if (r.all_true) Tensor(target).copy_(value.view(value_sizes));
}

}  // namespace

Tensor Tensor::index(std::initializer_list<indexing::TensorIndex> list) const {
  const Indices indices(list.begin(), list.size());
  check_indices(indices, "index");
  const Sliced r = apply_slicing(*this, indices);
  if (r.bool_dims.empty()) return r.view;
  return gather_bool_result(r);
}

Tensor& Tensor::index_put_(std::initializer_list<indexing::TensorIndex> list, const Tensor& value) {
  const Indices indices(list.begin(), list.size());
  check_indices(indices, "index_put_");
  set_item(*this, indices, value);
  return *this;
}

Tensor& Tensor::index_put_(std::initializer_list<indexing::TensorIndex> list, const Scalar& value) {
  const Indices indices(list.begin(), list.size());
  check_indices(indices, "index_put_");
  set_item(*this, indices, scalar_to_tensor(value, dtype()));
  return *this;
}

}  // namespace tl
