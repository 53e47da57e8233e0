#pragma once
// The machinery every element-wise op runs through (binary.cpp, unary.cpp, compare.cpp).
//
// An op has a device-independent front end that mirrors PyTorch's TensorIterator: it
// promotes the dtypes (promotion.cpp), broadcasts the shapes and lays out the output
// (broadcast.cpp), converts inputs of another dtype, and checks in-place writes. It
// then hands equal-dtype operands to a CPU kernel: `cpu_loop` with a small functor per
// op, one template for every dtype. A CUDA kernel can later take the same Prepared
// operands. Numbers (Scalars) are never materialised: the kernel reads them as stride-0
// values already converted to the compute dtype.

#include <array>
#include <cmath>
#include <limits>
#include <span>
#include <type_traits>

#include "core/checked_scalar.h"
#include "core/cuda_bridge.h"
#include "core/memory_overlap.h"
#include "core/parallel.h"
#include "core/strided_loop.h"
#include "core/tensor_internal.h"
#include "ops/even_elements.h"
#include "ops/tiled_loop.h"
#include "tl/tensor.h"

namespace tl::detail {

/// An input of an element-wise op: a tensor, or a number taking part as PyTorch's
/// "wrapped scalar" (lowest promotion priority, a 0-d operand that is never allocated).
struct Operand {
  Operand(const Tensor& t) : tensor(t) {}  // NOLINT(google-explicit-constructor)
  Operand(const Scalar& s) : scalar(s), is_scalar(true) {}  // NOLINT(google-explicit-constructor)
  /// The dtype PyTorch gives the operand: a number is bool, int64 or float64.
  ScalarType dtype() const {
    if (!is_scalar) return tensor.dtype();
    return scalar.is_boolean() ? kBool : scalar.is_integral() ? kLong : kDouble;
  }
  /// Shape; a number is 0-d.
  IntArrayRef sizes() const { return is_scalar ? IntArrayRef() : IntArrayRef(tensor.sizes()); }

  Tensor tensor;
  Scalar scalar;
  bool is_scalar = false;
};

// ---- promotion.cpp --------------------------------------------------------------
/// `torch.result_type` over any operands: dim>0 tensors outrank 0-d tensors, which
/// outrank numbers; a lower rank only matters when it is of a higher kind.
ScalarType result_type(std::span<const Operand> ops);

// ---- broadcast.cpp --------------------------------------------------------------
/// The broadcast shape of all operands (PyTorch's "The size of tensor a ..." on mismatch).
Sizes broadcast_operands(std::span<const Operand> ops);
/// `t`'s strides aligned to `shape`: 0 for missing and broadcast dims.
Sizes broadcast_strides(const Tensor& t, IntArrayRef shape);
/// TensorIterator's dim order for operands of `shape` with (broadcast) `strides`:
/// fastest-moving dim first, decided by the first operand whose strides tell.
Sizes iteration_order(IntArrayRef shape, std::span<const Sizes> strides);
/// A new output of `shape` laid out as TensorIterator lays it out for these inputs
/// (contiguous, or following the inputs' dim order, e.g. transposed for transposed inputs).
Tensor empty_elementwise_output(IntArrayRef shape, ScalarType dtype, Device device,
                                std::span<const Operand> inputs);
/// A new tensor like `t` with another dtype (and device), keeping `t`'s strides when it is
/// dense, else dense strides in `t`'s dim order (PyTorch's `empty_like` with
/// `MemoryFormat::Preserve`, which clone and `to` use).
Tensor empty_preserving(const Tensor& t, ScalarType dtype, Device device);
inline Tensor empty_preserving(const Tensor& t, ScalarType dtype) { return empty_preserving(t, dtype, t.device()); }
/// A new tensor of `shape`, laid out as TensorIterator lays out an output whose inputs
/// have these (broadcast) strides: in their dim order, contiguous when it is row-major.
Tensor empty_in_iteration_order(IntArrayRef shape, ScalarType dtype, Device device, std::span<const Sizes> strides);
/// Throws PyTorch's errors when writing to `out` would read or write an element twice.
void check_inplace_overlap(const Tensor& out, std::span<const Operand> inputs);

// ---- setup shared by every element-wise op -------------------------------------

/// The operands a kernel runs on: every tensor input has the compute dtype.
template <size_t N>
struct Prepared {
  Tensor out;                  ///< Written by the kernel (compute dtype, or bool for comparisons).
  std::array<Operand, N> in;   ///< Inputs, converted to the compute dtype.
};

/// The device all tensor operands share.
template <size_t N>
Device common_device_of(const std::array<Operand, N>& in) {
  const Tensor* first = nullptr;
  Device device(kCPU);
  for (const Operand& op : in) {
    if (op.is_scalar) continue;
    if (first == nullptr) {
      first = &op.tensor;
      device = first->device();
    } else {
      device = common_device(*first, op.tensor);  // a 0-d CPU tensor first yields to a CUDA one
    }
  }
  return device;
}

/// An operand as the CUDA bridge takes it (the tensor is referenced, not copied).
inline CudaInput cuda_input(const Operand& op) {
  return op.is_scalar ? CudaInput(op.scalar) : CudaInput(op.tensor);
}

/// PyTorch casts inputs of another dtype to the compute dtype before the loop (`to` keeps
/// their layout).
template <size_t N>
void convert_inputs(std::array<Operand, N>& in, ScalarType compute) {
  for (Operand& op : in)
    if (!op.is_scalar && op.tensor.dtype() != compute) op.tensor = op.tensor.to(compute);
}

/// Sets up an out-of-place op: broadcast, convert, allocate the output.
template <size_t N>
Prepared<N> prepare(std::array<Operand, N> in, ScalarType compute, ScalarType out_dtype) {
  const Sizes shape = broadcast_operands(in);
  const Device device = common_device_of(in);
  convert_inputs(in, compute);
  Tensor out = empty_elementwise_output(shape, out_dtype, device, in);
  return {std::move(out), std::move(in)};
}

/// The checks of a write into `self` from `in` (self among them), in TensorIterator's
/// order: no element written twice or read after it changed, then `self`'s shape must
/// be the broadcast shape ("output with shape [3] doesn't match the broadcast shape [2, 3]").
void check_inplace_write(const Tensor& self, std::span<const Operand> in);
/// Sets up `self op= other`: the checks of PyTorch's in-place ops, in PyTorch's order.
/// When `self` cannot hold the compute dtype directly, `out` is a temporary that
/// `finish_inplace` copies back.
Prepared<2> prepare_inplace(const Tensor& self, const Operand& other, ScalarType compute);
/// Writes a temporary result back into `self` (a no-op when the kernel wrote `self`).
void finish_inplace(const Tensor& self, const Prepared<2>& p);

// ---- element arithmetic with PyTorch's CPU semantics ---------------------------

/// Unsigned type integer arithmetic wraps in, avoiding C++'s signed-overflow UB
/// (and int promotion of narrow types, which could overflow `int` in a product).
template <typename T>
using WrapType = std::conditional_t<(sizeof(T) < sizeof(unsigned)), unsigned, std::make_unsigned_t<T>>;

/// `a + b`: integers wrap, bool is "or", half rounds the float sum.
template <typename T>
inline T plus(T a, T b) {
  if constexpr (std::is_same_v<T, bool>) return a || b;
  else if constexpr (std::is_integral_v<T>) return static_cast<T>(static_cast<WrapType<T>>(a) + static_cast<WrapType<T>>(b));
  else if constexpr (std::is_same_v<T, Half>) return Half(static_cast<float>(a) + static_cast<float>(b));
  else return a + b;
}

/// `a - b` (not for bool).
template <typename T>
inline T minus(T a, T b) {
  if constexpr (std::is_integral_v<T>) return static_cast<T>(static_cast<WrapType<T>>(a) - static_cast<WrapType<T>>(b));
  else if constexpr (std::is_same_v<T, Half>) return Half(static_cast<float>(a) - static_cast<float>(b));
  else return a - b;
}

/// `a * b`: integers wrap, bool is "and".
template <typename T>
inline T times(T a, T b) {
  if constexpr (std::is_same_v<T, bool>) return a && b;
  else if constexpr (std::is_integral_v<T>) return static_cast<T>(static_cast<WrapType<T>>(a) * static_cast<WrapType<T>>(b));
  else if constexpr (std::is_same_v<T, Half>) return Half(static_cast<float>(a) * static_cast<float>(b));
  else return a * b;
}

// ---- the generic CPU loop --------------------------------------------------------

/// Ops may specialise the run where the output and the first input are contiguous and
/// the second input is one fixed value (PyTorch's kernels treat it specially too).
template <typename Op, typename R, typename T>
concept HasScalarRhsRun = requires(const Op& op, R* o, const T* a, T b, int64_t n) { op.run_scalar_rhs(o, a, b, n); };

// Runs with arbitrary steps stay scalar, out of line: vectorised, they become AVX2 gathers,
// which are slower than scalar loads on many x86 CPUs (AMD before Zen 4, for one); PyTorch's
// basic_loop is scalar there too.
#if defined(__GNUC__) && !defined(__clang__)
#define TL_SCALAR_LOOP __attribute__((noinline, optimize("no-tree-vectorize")))
#else
#define TL_SCALAR_LOOP __attribute__((noinline))
#endif

template <typename R, typename T, typename Op>
TL_SCALAR_LOOP void run_1d_strided(const Op& op, R* o, int64_t so, const T* a, int64_t sa, int64_t n) {
#if defined(__clang__)
#pragma clang loop vectorize(disable)
#endif
  for (int64_t i = 0; i < n; ++i) o[i * so] = op(a[i * sa]);
}

template <typename R, typename T, typename Op>
TL_SCALAR_LOOP void run_1d_strided(const Op& op, R* o, int64_t so, const T* a, int64_t sa, const T* b, int64_t sb,
                                   int64_t n) {
#if defined(__clang__)
#pragma clang loop vectorize(disable)
#endif
  for (int64_t i = 0; i < n; ++i) o[i * so] = op(a[i * sa], b[i * sb]);
}

// Inputs with a step of 2 into a contiguous output are packed a block at a time
// (even_elements.h), and the block runs as the contiguous loop.
constexpr int64_t kPackBlock = 256;

template <typename T>
[[gnu::always_inline]] inline const T* packed_block(T* buffer, const T* p, int64_t step, int64_t n) {
  if (step != 2) return p;
  gather_even(buffer, p, n, sizeof(T));
  return buffer;
}

/// One 1-d run of a unary op. The contiguous case is a plain loop the compiler vectorises.
template <typename R, typename T, typename Op>
[[gnu::always_inline]] inline void run_1d(const Op& op, R* o, int64_t so, const T* a, int64_t sa, int64_t n) {
  if (so == 1 && sa == 1) {
    for (int64_t i = 0; i < n; ++i) o[i] = op(a[i]);
  } else if (so == 1 && sa == 2 && gather_even_is_fast(sizeof(T))) {
    alignas(32) T abuf[kPackBlock];
    for (int64_t i = 0; i < n; i += kPackBlock) {
      const int64_t m = std::min(kPackBlock, n - i);
      gather_even(abuf, a + 2 * i, m, sizeof(T));
      R* po = o + i;
      for (int64_t k = 0; k < m; ++k) po[k] = op(abuf[k]);
    }
  } else {
    run_1d_strided(op, o, so, a, sa, n);
  }
}

/// One 1-d run of a binary op, with the common layouts as separate plain loops.
template <typename R, typename T, typename Op>
[[gnu::always_inline]] inline void run_1d(const Op& op, R* o, int64_t so, const T* a, int64_t sa, const T* b, int64_t sb,
                                          int64_t n) {
  if (so == 1 && sa == 1 && sb == 1) {
    for (int64_t i = 0; i < n; ++i) o[i] = op(a[i], b[i]);
  } else if (so == 1 && sa == 1 && sb == 0) {
    if constexpr (HasScalarRhsRun<Op, R, T>) {
      op.run_scalar_rhs(o, a, *b, n);
    } else {
      const T bv = *b;
      for (int64_t i = 0; i < n; ++i) o[i] = op(a[i], bv);
    }
  } else if (so == 1 && sa == 0 && sb == 1) {
    const T av = *a;
    for (int64_t i = 0; i < n; ++i) o[i] = op(av, b[i]);
  } else if (so == 1 && (sa == 2 || sb == 2) && (sa == 1 || sa == 2) && (sb == 1 || sb == 2) &&
             gather_even_is_fast(sizeof(T))) {
    alignas(32) T abuf[kPackBlock], bbuf[kPackBlock];
    for (int64_t i = 0; i < n; i += kPackBlock) {
      const int64_t m = std::min(kPackBlock, n - i);
      const T* pa = packed_block(abuf, a + i * sa, sa, m);
      const T* pb = packed_block(bbuf, b + i * sb, sb, m);
      R* po = o + i;
      for (int64_t k = 0; k < m; ++k) po[k] = op(pa[k], pb[k]);
    }
  } else {
    run_1d_strided(op, o, so, a, sa, b, sb, n);
  }
}

/// The callback cpu_loop hands to parallel_for_each_run: one 1-d run of `op`.
template <typename R, typename T, size_t N, typename Op>
struct RunOp {
  const Op& op;
  R* out;
  std::array<const T*, N> in;
  [[gnu::always_inline]] void operator()(const std::array<int64_t, N + 1>& off, int64_t n,
                                         const std::array<int64_t, N + 1>& step) const {
    if constexpr (N == 1) {
      run_1d(op, out + off[0], step[0], in[0] + off[1], step[1], n);
    } else {
      run_1d(op, out + off[0], step[0], in[0] + off[1], step[1], in[1] + off[2], step[2], n);
    }
  }
};

#if TL_X86_KERNELS
/// The same run compiled for AVX2 (twice the vector width of the x86-64 baseline). The
/// library is built with -ffp-contract=off, so the arithmetic is the same, only wider.
template <typename R, typename T, size_t N, typename Op>
struct RunOpAvx2 : RunOp<R, T, N, Op> {
  TL_TARGET_AVX2 void operator()(const std::array<int64_t, N + 1>& off, int64_t n,
                                 const std::array<int64_t, N + 1>& step) const {
    RunOp<R, T, N, Op>::operator()(off, n, step);
  }
};
#endif

/// Runs `op` over every element: `out[i] = op(in[0][i], ...)`. Tensor inputs have dtype
/// `T` and `out` dtype `R`; numbers are converted to `T` once. Iterates in TensorIterator's
/// dim order, as 1-d runs over coalesced dims.
template <typename R, typename T, size_t N, typename Op>
void cpu_loop(const Prepared<N>& p, const Op& op) {
  static_assert(N == 1 || N == 2, "unary or binary ops");
  const Tensor& out = p.out;
  check_cpu(out, "element-wise ops");
  const IntArrayRef shape = out.sizes();
  const size_t nd = shape.size();
  std::array<Sizes, N + 1> strides;  // [0] is the output
  std::array<const T*, N> data{};
  std::array<T, N> values{};
  strides[0] = out.strides();
  for (size_t k = 0; k < N; ++k) {
    const Operand& in = p.in[k];
    if (in.is_scalar) {
      values[k] = in.scalar.to<T>();
      data[k] = &values[k];
      strides[k + 1] = Sizes(nd, 0);
    } else {
      check_cpu(in.tensor, "element-wise ops");
      data[k] = static_cast<const T*>(in.tensor.data_ptr());
      strides[k + 1] = broadcast_strides(in.tensor, shape);
    }
  }
  // for_each_run wants the outermost dim first: reverse TensorIterator's order.
  const Sizes order = iteration_order(shape, strides);
  Sizes sizes(nd, 0);
  std::array<Sizes, N + 1> permuted;
  std::array<IntArrayRef, N + 1> refs;
  for (size_t k = 0; k <= N; ++k) permuted[k] = Sizes(nd, 0);
  for (size_t d = 0; d < nd; ++d) {
    const auto src = static_cast<size_t>(order[nd - 1 - d]);
    sizes[d] = shape[src];
    for (size_t k = 0; k <= N; ++k) permuted[k][d] = strides[k][src];
  }
  for (size_t k = 0; k <= N; ++k) refs[k] = permuted[k];
  R* o = static_cast<R*>(out.data_ptr());
  // An input that walks memory across the output's rows (a transposed one) goes tile by
  // tile (tiled_loop.h); a cheap look at the innermost strides skips the check for the rest.
  bool strided_input = false;
  for (size_t k = 1; k <= N && nd > 0; ++k) strided_input |= permuted[k][nd - 1] > 1 || permuted[k][nd - 1] < -1;
  // Elements are independent: large ops use every thread (one below PyTorch's grain size).
  const auto go = [&](const auto& run) {
    if (strided_input && run_tiled<T>(coalesce<N + 1>(sizes, refs), run)) return;
    parallel_for_each_run<N + 1>(sizes, refs, kGrainSize, run);
  };
  const RunOp<R, T, N, Op> run{op, o, data};
#if TL_X86_KERNELS
  if (cpu_has_avx2()) return go(RunOpAvx2<R, T, N, Op>{run});
#endif
  go(run);
}

}  // namespace tl::detail
