// matmul, mm, bmm and the dot / matrix-vector products they reduce to.
//
// Each follows PyTorch 1.13's CPU path (aten/src/ATen/native/LinearAlgebra.cpp, Blas.cpp):
// which BLAS routine a shape goes to, how batch dims are folded or broadcast, which
// operands are passed transposed instead of copied, the checks and their messages. Float
// results therefore come from the same OpenBLAS calls as PyTorch's, bit for bit.
#include <algorithm>
#include <type_traits>

#include "core/cuda_bridge.h"
#include "core/tensor_internal.h"
#include "ops/gemm.h"
#include "tl/ops.h"
#include "tl/tensor.h"

// The small-batch kernel rounds each product before adding it, as PyTorch's does.
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace tl {
namespace {

// Runs fn.template operator()<T>() for the dtypes PyTorch's CPU BLAS paths accept; float16
// and bool raise PyTorch's `"<op>" not implemented for 'Half'`.
template <typename Fn>
void dispatch_blas(ScalarType t, const char* op, Fn&& fn) {
  TL_CHECK(t != kHalf && t != kBool, "\"", op, "\" not implemented for '", scalar_type_name(t), "'");
  dispatch(t, [&]<typename T>() {
    if constexpr (!std::is_same_v<T, Half> && !std::is_same_v<T, bool>) fn.template operator()<T>();
  });
}

void zero(Tensor t) { t.fill_(0); }

// result = m1 @ m2 for 2-d tensors, as PyTorch's addmm_impl_cpu_ with beta 0. `result` is
// row-major (fresh, or one matrix of a fresh batch), so it is handed to column-major BLAS
// as C^T = m2^T m1^T; an operand whose rows or columns are contiguous goes in as it is,
// with a transpose flag, and only other layouts are copied.
void mm_into(const Tensor& result, Tensor m1, Tensor m2) {
  if (result.numel() == 0) return;
  if (m1.sizes()[1] == 0) {
    zero(result);
    return;
  }
  const Sizes& rs = result.strides();
  const Sizes& rz = result.sizes();
  // C is column-major as is (a single column) or read as its transpose.
  const bool tc = !(rs[0] == 1 && (rz[1] == 1 || rs[1] >= std::max<int64_t>(1, rz[0])));
  if (tc) std::swap(m1, m2);
  const int64_t m = rz[tc ? 1 : 0], n = rz[tc ? 0 : 1], k = m1.sizes()[tc ? 0 : 1];
  const size_t r = tc ? 1 : 0, q = tc ? 0 : 1;  // index of the "row" and "column" strides
  // An operand goes to BLAS untransposed, transposed, or as a contiguous copy.
  auto pick = [&](const Tensor& t, int64_t rows, int64_t cols, bool& trans) -> Tensor {
    const Sizes& s = t.strides();
    if (s[r] == 1 && s[q] >= std::max<int64_t>(1, rows)) {
      trans = false;
      return t;
    }
    if (s[q] == 1 && s[r] >= std::max<int64_t>(1, cols)) {
      trans = true;
      return t;
    }
    trans = !tc;
    return detail::contiguous_copy(t);
  };
  bool ta = false, tb = false;
  const Tensor a = pick(m1, m, k, ta);
  const Tensor b = pick(m2, k, n, tb);
  const int64_t lda = a.strides()[ta == tc ? 1 : 0];
  const int64_t ldb = b.strides()[tb == tc ? 1 : 0];
  const int64_t ldc = result.strides()[tc ? 0 : 1];
  if (result.is_cuda()) {  // cuBLAS takes the same column-major arguments (float32/64 and float16)
    for (const Tensor* t : {&a, &b}) {
      TL_CHECK(t->dtype() == result.dtype(), "expected scalar type ", scalar_type_name(result.dtype()),
               " but found ", scalar_type_name(t->dtype()));
    }
    detail::cuda_gemm(result.dtype(), result.device(), ta, tb, m, n, k, a.data_ptr(), lda, 0, b.data_ptr(), ldb, 0,
                      result.data_ptr(), ldc, 0, 1);
    return;
  }
  dispatch_blas(result.dtype(), "addmm_impl_cpu_", [&]<typename T>() {
    detail::gemm<T>(ta, tb, m, n, k, a.data_ptr<T>(), lda, b.data_ptr<T>(), ldb, result.data_ptr<T>(), ldc);
  });
}

// PyTorch's bmm kernel for small matrices (fewer than 400 multiply-adds each): plain loops,
// each product rounded before it is added.
template <typename T>
void bmm_small(const Tensor& result, const Tensor& b1, const Tensor& b2) {
  const int64_t bs = result.sizes()[0], is = result.sizes()[1], js = result.sizes()[2], ks = b1.sizes()[2];
  T* r = result.data_ptr<T>();
  const T* s = b1.data_ptr<T>();
  const T* m = b2.data_ptr<T>();
  const Sizes &rst = result.strides(), &sst = b1.strides(), &mst = b2.strides();
  for (int64_t b = 0; b < bs; ++b) {
    for (int64_t i = 0; i < is; ++i) {
      for (int64_t j = 0; j < js; ++j) {
        T acc = T(0);
        for (int64_t k = 0; k < ks; ++k) {
          const T x = s[b * sst[0] + i * sst[1] + k * sst[2]], y = m[b * mst[0] + k * mst[1] + j * mst[2]];
          if constexpr (std::is_floating_point_v<T>) {
            const T p = x * y;
            acc = acc + p;
          } else {  // wrap around like PyTorch's integer kernels, without signed overflow
            using U = std::conditional_t<(sizeof(T) < 4), uint32_t, std::make_unsigned_t<T>>;
            acc = static_cast<T>(static_cast<U>(static_cast<U>(acc) + static_cast<U>(x) * static_cast<U>(y)));
          }
        }
        r[b * rst[0] + i * rst[1] + j * rst[2]] = acc;
      }
    }
  }
}

Device matmul_device(const Tensor& a, const Tensor& b, const char* op) {
  return detail::common_device(a, b);
}

// torch.dot.
Tensor dot(const Tensor& a, const Tensor& b) {
  TL_CHECK(a.dim() == 1 && b.dim() == 1, "1D tensors expected, but got ", a.dim(), "D and ", b.dim(), "D tensors");
  TL_CHECK(a.dtype() == b.dtype(), "dot : expected both vectors to have same dtype, but found ",
           scalar_type_name(a.dtype()), " and ", scalar_type_name(b.dtype()));
  TL_CHECK(a.numel() == b.numel(), "inconsistent tensor size, expected tensor [", a.numel(), "] and src [",
           b.numel(), "] to have the same number of elements, but got ", a.numel(), " and ", b.numel(),
           " elements respectively");
  const Device device = matmul_device(a, b, "dot");
  // cuBLAS, as a 1x1 product. The 0-d shape is spelled out: a bare `view({})` would pick the
  // view(ScalarType) overload ({} value-initialises the enum to kByte) and reinterpret the
  // result's bytes as uint8.
  if (device.is_cuda()) return mm(a.unsqueeze(0), b.unsqueeze(1)).view(IntArrayRef());
  Tensor out = detail::make_tensor({}, a.dtype(), device);
  dispatch_blas(a.dtype(), "dot", [&]<typename T>() {
    *out.data_ptr<T>() = detail::dot<T>(a.numel(), a.data_ptr<T>(), a.strides()[0], b.data_ptr<T>(), b.strides()[0]);
  });
  return out;
}

// torch.mv (PyTorch's addmv with beta 0): BLAS gemv on the matrix as it is laid out.
Tensor mv(const Tensor& mat, const Tensor& vec) {
  TL_CHECK(mat.dim() == 2 && vec.dim() == 1, "vector + matrix @ vector expected, got 1, ", mat.dim(), ", ",
           vec.dim());
  const int64_t rows = mat.sizes()[0], cols = mat.sizes()[1];
  TL_CHECK(cols == vec.sizes()[0], "size mismatch, got ", rows, ", ", rows, "x", cols, ",", vec.sizes()[0]);
  const Device device = matmul_device(mat, vec, "mv");
  if (device.is_cuda()) return mm(mat, vec.unsqueeze(1)).squeeze(1);  // cuBLAS, as a one-column product
  Tensor out = detail::make_tensor({rows}, vec.dtype(), device);  // PyTorch takes the vector's options
  if (mat.numel() == 0) {
    zero(out);
    return out;
  }
  // Leading dimension valid for BLAS (a single column may have any).
  auto lda_ok = [](int64_t m, int64_t n, int64_t lda) { return n == 1 || lda >= std::max<int64_t>(1, m); };
  const Sizes& s = mat.strides();
  dispatch_blas(mat.dtype(), "addmv_impl_cpu", [&]<typename T>() {
    const T* x = vec.data_ptr<T>();
    T* y = out.data_ptr<T>();
    if (s[0] == 1 && lda_ok(rows, cols, s[1])) {
      detail::gemv<T>(false, rows, cols, mat.data_ptr<T>(), s[1], x, vec.strides()[0], y, 1);
    } else if (s[1] == 1 && lda_ok(cols, rows, s[0])) {
      detail::gemv<T>(true, cols, rows, mat.data_ptr<T>(), s[0], x, vec.strides()[0], y, 1);
    } else {
      const Tensor c = mat.contiguous();
      detail::gemv<T>(true, cols, rows, c.data_ptr<T>(), c.strides()[0], x, vec.strides()[0], y, 1);
    }
  });
  return out;
}

// torch.broadcast_shapes for the batch dims of matmul, with PyTorch's message.
Sizes broadcast_batch(IntArrayRef a, IntArrayRef b) {
  const size_t n = std::max(a.size(), b.size());
  Sizes out(n, 1);
  for (size_t i = 0; i < n; ++i) {
    const int64_t sa = i + a.size() >= n ? a[i + a.size() - n] : 1;
    const int64_t sb = i + b.size() >= n ? b[i + b.size() - n] : 1;
    TL_CHECK(sa == sb || sa == 1 || sb == 1, "The size of tensor a (", sa, ") must match the size of tensor b (", sb,
             ") at non-singleton dimension ", i);
    out[i] = sa == 1 ? sb : sa;
  }
  return out;
}

// Whether matmul folds the batch dims of `t` (3+ dims) into matrix rows and calls mm/mv
// (PyTorch 1.13's should_fold): always, except a 3-d tensor with its last two dims
// transposed times a matrix, which bmm handles without a copy.
bool should_fold(const Tensor& t, int64_t other_dim) {
  if (t.dim() < 3 || (other_dim != 1 && other_dim != 2)) return false;
  const Sizes &sz = t.sizes(), &st = t.strides();
  return !(t.dim() == 3 && other_dim == 2 && st[2] != 1 && st[0] == sz[1] * sz[2]);
}

Sizes without_last(IntArrayRef s, size_t n) { return Sizes(IntArrayRef(s.data(), s.size() - n)); }

int64_t product(IntArrayRef s) {
  int64_t p = 1;
  for (int64_t v : s) p *= v;
  return p;
}

// matmul when one side has 3+ dims and the other is folded into a single matrix product.
Tensor matmul_folded(const Tensor& t1, const Tensor& t2) {
  const bool transpose = t2.dim() > t1.dim();  // fold t2: compute (t2^T t1^T)^T
  const Tensor a = transpose ? t2.transpose(-1, -2) : t1;
  const Tensor b = !transpose ? t2 : t1.dim() == 2 ? t1.t() : t1;
  Sizes out_shape = without_last(a.sizes(), 1);
  const Tensor folded = a.reshape({product(out_shape), a.sizes().back()});
  if (b.dim() == 1) return mv(folded, b).view(out_shape);
  out_shape.push_back(b.sizes()[1]);
  const Tensor out = mm(folded, b).view(out_shape);
  return transpose ? out.transpose(-1, -2).contiguous() : out;
}

// matmul of two tensors with 2+ dims, at least one with 3+: broadcast the batch dims and bmm.
Tensor matmul_batched(const Tensor& t1, const Tensor& t2) {
  const int64_t n = t1.sizes()[t1.dim() - 2], m1 = t1.sizes().back();
  const int64_t m2 = t2.sizes()[t2.dim() - 2], p = t2.sizes().back();
  Sizes shape = broadcast_batch(without_last(t1.sizes(), 2), without_last(t2.sizes(), 2));
  const int64_t batch = product(shape);
  Sizes shape1 = shape, shape2 = shape;
  shape1.push_back(n);
  shape1.push_back(m1);
  shape2.push_back(m2);
  shape2.push_back(p);
  const Tensor b1 = t1.expand(shape1).reshape({batch, n, m1});
  const Tensor b2 = t2.expand(shape2).reshape({batch, m2, p});
  shape.push_back(n);
  shape.push_back(p);
  return bmm(b1, b2).view(shape);
}

}  // namespace

Tensor mm(const Tensor& a, const Tensor& b) {
  TL_CHECK(a.dim() == 2, "self must be a matrix");
  TL_CHECK(b.dim() == 2, "mat2 must be a matrix");
  TL_CHECK(a.sizes()[1] == b.sizes()[0], "mat1 and mat2 shapes cannot be multiplied (", a.sizes()[0], "x",
           a.sizes()[1], " and ", b.sizes()[0], "x", b.sizes()[1], ")");
  const Device device = matmul_device(a, b, "mm");
  Tensor out = detail::make_tensor({a.sizes()[0], b.sizes()[1]}, a.dtype(), device);
  mm_into(out, a, b);
  return out;
}

Tensor bmm(const Tensor& a, const Tensor& b) {
  TL_CHECK(a.dim() == 3, "batch1 must be a 3D tensor");
  TL_CHECK(b.dim() == 3, "batch2 must be a 3D tensor");
  const int64_t bs = a.sizes()[0], rows = a.sizes()[1], inner = a.sizes()[2], cols = b.sizes()[2];
  TL_CHECK(b.sizes()[0] == bs && b.sizes()[1] == inner, "Expected size for first two dimensions of batch2 tensor to be: [",
           bs, ", ", inner, "] but got: [", b.sizes()[0], ", ", b.sizes()[1], "].");
  const Device device = matmul_device(a, b, "bmm");
  // PyTorch gives the result batch2's dtype; a mismatch surfaces when the kernel reads it.
  Tensor out = detail::make_tensor({bs, rows, cols}, b.dtype(), device);
  if (out.numel() == 0) return out;
  if (inner == 0) {
    zero(out);
  } else if (inner * rows * cols < 400 && device.is_cpu()) {
    dispatch_blas(a.dtype(), "bmm", [&]<typename T>() { bmm_small<T>(out, a, b); });
  } else {
    for (int64_t i = 0; i < bs; ++i) mm_into(out.select(0, i), a.select(0, i), b.select(0, i));
  }
  return out;
}

Tensor matmul(const Tensor& a, const Tensor& b) {
  const int64_t da = a.dim(), db = b.dim();
  TL_CHECK(da != 0 && db != 0, "both arguments to matmul need to be at least 1D, but they are ", da, "D and ", db,
           "D");
  if (da == 1 && db == 1) return dot(a, b);
  if (da == 2 && db == 1) return mv(a, b);
  if (da == 1 && db == 2) return mm(a.unsqueeze(0), b).squeeze(0);
  if (da == 2 && db == 2) return mm(a, b);
  if (should_fold(a, db) || should_fold(b, da)) return matmul_folded(a, b);
  return matmul_batched(a, b);
}

Tensor Tensor::matmul(const Tensor& other) const { return tl::matmul(*this, other); }
Tensor Tensor::mm(const Tensor& other) const { return tl::mm(*this, other); }

}  // namespace tl
