// Exercise 06-matmul. The task is in exercises/06-matmul/README.md.
#include "course/06_matmul.h"

#include <algorithm>

#include <course/todo.h>

namespace course {

bool inner_dims_match(tl::IntArrayRef a, tl::IntArrayRef b) {
  // BEGIN SOLUTION 06-matmul
  if (a.empty() || b.empty()) return false;
  const int64_t inner_b = b.size() == 1 ? b[0] : b[b.size() - 2];
  return a.back() == inner_b;
  // END SOLUTION
}

std::optional<tl::Sizes> matmul_output_shape(tl::IntArrayRef a, tl::IntArrayRef b) {
  // BEGIN SOLUTION 06-matmul
  if (a.empty() || b.empty() || !inner_dims_match(a, b)) return std::nullopt;
  // Promote 1-d operands to matrices, remembering which dims to drop at the end.
  std::vector<int64_t> ma = a.vec(), mb = b.vec();
  const bool a_vec = ma.size() == 1, b_vec = mb.size() == 1;
  if (a_vec) ma.insert(ma.begin(), 1);
  if (b_vec) mb.push_back(1);
  // Broadcast the batch dims (everything before the last two).
  const size_t ba = ma.size() - 2, bb = mb.size() - 2, nb = std::max(ba, bb);
  std::vector<int64_t> out(nb);
  for (size_t k = 0; k < nb; ++k) {
    const int64_t sa = k < ba ? ma[ba - 1 - k] : 1;
    const int64_t sb = k < bb ? mb[bb - 1 - k] : 1;
    if (sa != sb && sa != 1 && sb != 1) return std::nullopt;
    out[nb - 1 - k] = sa == 1 ? sb : sa;
  }
  if (!a_vec) out.push_back(ma[ma.size() - 2]);
  if (!b_vec) out.push_back(mb.back());
  return tl::Sizes(out);
  // END SOLUTION
}

tl::Tensor matmul_by_hand(const tl::Tensor& a, const tl::Tensor& b) {
  // BEGIN SOLUTION 06-matmul
  auto supported = [](tl::ScalarType t) { return t != tl::kBool && t != tl::kHalf; };
  if (a.dim() == 1 && b.dim() == 1) {
    TL_CHECK(a.dtype() == b.dtype(), "dot : expected both vectors to have same dtype, but found ",
             tl::scalar_type_name(a.dtype()), " and ", tl::scalar_type_name(b.dtype()));
    TL_CHECK(a.numel() == b.numel(), "inconsistent tensor size, expected tensor [", a.numel(), "] and src [", b.numel(),
             "] to have the same number of elements, but got ", a.numel(), " and ", b.numel(), " elements respectively");
    TL_CHECK(supported(a.dtype()), "\"dot\" not implemented for '", tl::scalar_type_name(a.dtype()), "'");
  } else {
    TL_CHECK(a.dim() == 2 && b.dim() == 2, "matmul_by_hand: only 1-d @ 1-d and 2-d @ 2-d, got ", a.dim(), "-d @ ",
             b.dim(), "-d");
    TL_CHECK(a.size(1) == b.size(0), "mat1 and mat2 shapes cannot be multiplied (", a.size(0), "x", a.size(1), " and ",
             b.size(0), "x", b.size(1), ")");
    TL_CHECK(supported(a.dtype()), "\"addmm_impl_cpu_\" not implemented for '", tl::scalar_type_name(a.dtype()), "'");
    TL_CHECK(a.dtype() == b.dtype(), "expected scalar type ", tl::scalar_type_name(a.dtype()), " but found ",
             tl::scalar_type_name(b.dtype()));
  }
  // A dot product is a (1 x k) @ (k x 1) product whose result has no dims.
  const bool dot = a.dim() == 1;
  const int64_t n = dot ? 1 : a.size(0), k = dot ? a.size(0) : a.size(1), m = dot ? 1 : b.size(1);
  const int64_t a_row = dot ? 0 : a.stride(0), a_col = dot ? a.stride(0) : a.stride(1);
  const int64_t b_row = b.stride(0), b_col = dot ? 0 : b.stride(1);
  tl::Tensor out = dot ? tl::empty({}, a.dtype()) : tl::empty({n, m}, a.dtype());
  tl::dispatch(a.dtype(), [&]<typename T>() {
    if constexpr (!std::is_same_v<T, bool> && !std::is_same_v<T, tl::Half>) {
      const T* pa = a.data_ptr<T>();
      const T* pb = b.data_ptr<T>();
      T* po = out.data_ptr<T>();
      for (int64_t i = 0; i < n; ++i)
        for (int64_t j = 0; j < m; ++j) {
          T acc = 0;
          for (int64_t p = 0; p < k; ++p) acc = static_cast<T>(acc + pa[i * a_row + p * a_col] * pb[p * b_row + j * b_col]);
          po[i * m + j] = acc;
        }
    }
  });
  return out;
  // END SOLUTION
}

tl::Tensor multiply_fixing_shapes(const tl::Tensor& a, const tl::Tensor& b) {
  // BEGIN SOLUTION 06-matmul
  if (a.dim() == 2 && b.dim() == 2 && a.size(1) != b.size(0) && a.size(1) == b.size(1)) {
    return tl::matmul(a, b.t());  // transposing b swaps its dims so the inner ones meet
  }
  return tl::matmul(a, b);  // fine as it is, or an error no transpose of b can fix
  // END SOLUTION
}

}  // namespace course
