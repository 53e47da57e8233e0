// The CPU sum kernel.
//
// Floating-point sums follow PyTorch 1.13's cascade sum (aten/src/ATen/native/cpu/
// SumKernel.cpp as built for AVX2, the capability Debian's build runs) step by step, so
// results match bit for bit: every 2-d block of the TensorIterator order is summed by one of
// four strategies (contiguous inner, contiguous outer, strided inner, strided outer), each
// a multi-level cascade over chunks of 16 with 4 interleaved partial sums. Vector registers
// are emulated with small arrays of lanes: 8 floats, 4 doubles, or 16 halves folded pairwise
// into 8 float lanes. Half sums accumulate in float, but each block's total is rounded to
// half before it is added to the (half) output, as PyTorch 1.13 does.
//
// Integer sums wrap modulo 2^bits, so any order gives the same result.
//
// Threads share a sum where that keeps the bits: separate outputs (sum_block_parallel),
// and within one long contiguous row the cascade's independent top-level blocks
// (sum_row_parallel).
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/parallel.h"
#include "ops/reduce.h"

namespace tl::detail {
namespace {

// The vector shapes of PyTorch's AVX2 build: one load reads kVec elements and folds them
// into kLanes accumulators of type Acc.
template <typename T> struct Cascade;
template <> struct Cascade<float> { using Acc = float; static constexpr int64_t kVec = 8, kLanes = 8; };
template <> struct Cascade<double> { using Acc = double; static constexpr int64_t kVec = 4, kLanes = 4; };
template <> struct Cascade<Half> { using Acc = float; static constexpr int64_t kVec = 16, kLanes = 8; };

// An emulated vector register: a GCC vector, so that a whole register moves and adds as
// one value (one instruction under AVX2) even where the compiler would not vectorise a
// loop over lanes; each lane's arithmetic is the same.
template <typename A, int64_t W>
struct Lanes {
  using Vec [[gnu::vector_size(W * sizeof(A))]] = A;
  Vec v{};
  [[gnu::always_inline]] Lanes& operator+=(const Lanes& o) {
    v += o.v;
    return *this;
  }
};

// A lambda that returns an emulated register (Lanes) must be inlined into its caller: its
// out-of-line body is compiled for the default target, where a 32-byte vector is returned in
// memory, while sum_block_avx2 would call it expecting a ymm register (a psABI mismatch that
// -O0 and sanitizer builds, which do not inline it, turn into wrong results or a crash).
#define TL_INLINE_LAMBDA __attribute__((always_inline))

// PyTorch's multi_row_sum keeps partial sums on 4 levels; after every level_step rows they
// move up one level, so each addition combines numbers of similar magnitude. The top level
// gets the sum of each block of cascade_block_rows(level_power) rows, computed from zeros: blocks are
// independent, and only their sums are added up in order (which lets threads share a row).
constexpr int64_t kLevels = 4;

template <typename V, int64_t NRows>
struct CascadeAcc {
  V acc[kLevels][NRows] = {};
};

// Where a row sum resumes: at row `first` (a multiple of the block size), with the top
// level holding the blocks before it.
template <typename V, int64_t NRows>
struct CascadeStart {
  int64_t first = 0;
  std::array<V, NRows> top{};
};

inline int64_t cascade_level_power(int64_t size) {
  const int64_t ceil_log2 = size <= 2 ? 1 : static_cast<int64_t>(std::bit_width(static_cast<uint64_t>(size - 1)));
  return std::max<int64_t>(4, ceil_log2 / kLevels);
}

// Rows per top-level block: level_step^3.
inline int64_t cascade_block_rows(int64_t level_power) { return int64_t{1} << (3 * level_power); }

// Adds rows [i, end) to `c`, as the serial loop does from row i on (the levels' timing
// depends on the row index, so `i` and `end` are row numbers of the whole sum).
template <typename V, int64_t NRows, typename Load>
[[gnu::always_inline]] inline void cascade_add_rows(CascadeAcc<V, NRows>& c, int64_t level_power, int64_t i,
                                                    int64_t end, Load&& load) {
  const int64_t level_step = int64_t{1} << level_power;
  const int64_t level_mask = level_step - 1;
  while (i + level_step <= end) {
    for (int64_t j = 0; j < level_step; ++j, ++i) {
      for (int64_t k = 0; k < NRows; ++k) c.acc[0][k] += load(i, k);
    }
    for (int64_t j = 1; j < kLevels; ++j) {
      for (int64_t k = 0; k < NRows; ++k) {
        c.acc[j][k] += c.acc[j - 1][k];
        c.acc[j - 1][k] = V{};
      }
      if ((i & (level_mask << (j * level_power))) != 0) break;
    }
  }
  for (; i < end; ++i) {
    for (int64_t k = 0; k < NRows; ++k) c.acc[0][k] += load(i, k);
  }
}

// Sums `size` rows of `NRows` values at once; load(i, k) gives value k of row i. With
// `start`, rows before start->first are already summed into its top level.
template <typename V, int64_t NRows, typename Load>
[[gnu::always_inline]] inline std::array<V, NRows> multi_row_sum(int64_t size, Load&& load,
                                                                 const CascadeStart<V, NRows>* start = nullptr) {
  CascadeAcc<V, NRows> c;
  int64_t i = 0;
  if (start != nullptr) {
    i = start->first;
    for (int64_t k = 0; k < NRows; ++k) c.acc[kLevels - 1][k] = start->top[k];
  }
  cascade_add_rows(c, cascade_level_power(size), i, size, load);
  for (int64_t j = 1; j < kLevels; ++j) {
    for (int64_t k = 0; k < NRows; ++k) c.acc[0][k] += c.acc[j][k];
  }
  std::array<V, NRows> out;
  for (int64_t k = 0; k < NRows; ++k) out[k] = c.acc[0][k];
  return out;
}

// Sums `size` values (load(i) gives value i) as 4 interleaved cascades plus a tail.
constexpr int64_t kIlp = 4;

template <typename V, typename Load>
[[gnu::always_inline]] inline V row_sum(int64_t size, Load&& load, const CascadeStart<V, kIlp>* start = nullptr) {
  const int64_t rows = size / kIlp;
  auto partial = multi_row_sum<V, kIlp>(
      rows, [&](int64_t i, int64_t k) TL_INLINE_LAMBDA { return load(i * kIlp + k); }, start);
  for (int64_t i = rows * kIlp; i < size; ++i) partial[0] += load(i);
  for (int64_t k = 1; k < kIlp; ++k) partial[0] += partial[k];
  return partial[0];
}

// A full vector of contiguous elements, neighbours folded together down to kLanes lanes.
template <typename T>
[[gnu::always_inline]] inline auto load_folded(const T* p) {
  using C = Cascade<T>;
  constexpr int64_t fold = C::kVec / C::kLanes;
  Lanes<typename C::Acc, C::kLanes> r;
  for (int64_t i = 0; i < C::kLanes; ++i) r.v[i] = static_cast<typename C::Acc>(p[i * fold]);
  for (int64_t k = 1; k < fold; ++k) {
    for (int64_t i = 0; i < C::kLanes; ++i) r.v[i] += static_cast<typename C::Acc>(p[i * fold + k]);
  }
  return r;
}

// kLanes contiguous elements widened to the accumulator type.
template <typename T>
[[gnu::always_inline]] inline auto load_widened(const T* p) {
  using C = Cascade<T>;
  Lanes<typename C::Acc, C::kLanes> r;
  for (int64_t i = 0; i < C::kLanes; ++i) r.v[i] = static_cast<typename C::Acc>(p[i]);
  return r;
}

// out += value, with the value first rounded to the output type (a no-op unless T is Half).
template <typename T, typename Acc>
[[gnu::always_inline]] inline void store_add(T* out, Acc value) {
  *out = static_cast<T>(static_cast<Acc>(*out) + static_cast<Acc>(static_cast<T>(value)));
}

// The emulated register of a float sum, and the top-level partial sums of a contiguous row.
template <typename T>
using SumLanes = Lanes<typename Cascade<T>::Acc, Cascade<T>::kLanes>;
template <typename T>
using RowStart = CascadeStart<SumLanes<T>, kIlp>;

// A contiguous row of `size0` elements is summed as rows of kIlp vectors.
template <typename T>
int64_t vector_rows(int64_t size0) {
  return size0 / Cascade<T>::kVec / kIlp;
}

// The top-level partial sums of blocks [b0, b1) of a contiguous row of `size0` elements,
// each computed from zeros as the serial sum does: kBlockLanes numbers per block, at
// top[(b - b0) * kBlockLanes] for block b (plain numbers: heap memory is not aligned for
// the emulated registers).
template <typename T>
constexpr int64_t kBlockLanes = kIlp * Cascade<T>::kLanes;

template <typename T>
[[gnu::always_inline]] inline void row_blocks(const T* row, int64_t size0, int64_t b0, int64_t b1,
                                              typename Cascade<T>::Acc* top) {
  constexpr int64_t kVec = Cascade<T>::kVec;
  const int64_t rows = vector_rows<T>(size0);
  const int64_t level_power = cascade_level_power(rows);
  const int64_t block = cascade_block_rows(level_power);
  for (int64_t b = b0; b < b1; ++b) {
    CascadeAcc<SumLanes<T>, kIlp> c;
    cascade_add_rows(c, level_power, b * block, (b + 1) * block, [&](int64_t i, int64_t k) TL_INLINE_LAMBDA {
      return load_folded(row + (i * kIlp + k) * kVec);
    });
    for (int64_t k = 0; k < kIlp; ++k) {
      for (int64_t lane = 0; lane < Cascade<T>::kLanes; ++lane) {
        top[(b - b0) * kBlockLanes<T> + k * Cascade<T>::kLanes + lane] = c.acc[kLevels - 1][k].v[lane];
      }
    }
  }
}

// One 2-d block of PyTorch's cascade_sum loop. With `start` (a block with one contiguous
// row), the row's sum resumes from it.
template <typename T>
[[gnu::always_inline]] inline void cascade_block(T* out_base, const T* in_base, Loop2d l,
                                                 const RowStart<T>* start = nullptr) {
  using C = Cascade<T>;
  using Acc = typename C::Acc;
  using V = SumLanes<T>;
  T* out = out_base + l.out_offset;
  const T* in = in_base + l.in_offset;
  l = reduced_dim_first(l);
  const int64_t size0 = l.size0, size1 = l.size1;
  const int64_t is0 = l.in_strides[0], is1 = l.in_strides[1];
  if (l.out_strides[0] != 0) {  // nothing reduced here (only size-1 dims): out = out + in
    for (int64_t j = 0; j < size1; ++j) {
      for (int64_t i = 0; i < size0; ++i) {
        T& o = out[i * l.out_strides[0] + j * l.out_strides[1]];
        o = static_cast<T>(static_cast<Acc>(o) + static_cast<Acc>(in[i * is0 + j * is1]));
      }
    }
    return;
  }
  const int64_t os = l.out_strides[1];
  if (is0 == 1 && size0 >= C::kVec) {  // rows contiguous: whole vectors, then a scalar tail
    const int64_t nvec = size0 / C::kVec;
    for (int64_t j = 0; j < size1; ++j) {
      const T* row = in + j * is1;
      const V vacc =
          row_sum<V>(nvec, [&](int64_t i) TL_INLINE_LAMBDA { return load_folded(row + i * C::kVec); }, start);
      Acc acc = 0;
      for (int64_t k = nvec * C::kVec; k < size0; ++k) acc += static_cast<Acc>(row[k]);
      for (int64_t k = 0; k < C::kLanes; ++k) acc += vacc.v[k];
      store_add(out + j * os, acc);
    }
  } else if (is1 == 1 && size1 >= C::kVec) {  // columns contiguous: sum vectors of columns
    constexpr int64_t kBlock = 4 * C::kLanes;
    int64_t j = 0;
    for (; j + kBlock <= size1; j += kBlock) {
      const auto sums = multi_row_sum<V, 4>(
          size0, [&](int64_t i, int64_t k) TL_INLINE_LAMBDA { return load_widened(in + j + i * is0 + k * C::kLanes); });
      for (int64_t r = 0; r < 4; ++r) {
        for (int64_t k = 0; k < C::kLanes; ++k) store_add(out + (j + r * C::kLanes + k) * os, sums[r].v[k]);
      }
    }
    for (; j + C::kLanes <= size1; j += C::kLanes) {
      const V sums = row_sum<V>(size0, [&](int64_t i) TL_INLINE_LAMBDA { return load_widened(in + j + i * is0); });
      for (int64_t k = 0; k < C::kLanes; ++k) store_add(out + (j + k) * os, sums.v[k]);
    }
    for (; j < size1; ++j) {
      const Acc s = row_sum<Acc>(size0, [&](int64_t i) { return static_cast<Acc>(in[j + i * is0]); });
      store_add(out + j * os, s);
    }
  } else if (is0 < is1) {  // strided rows, one at a time
    for (int64_t j = 0; j < size1; ++j) {
      const Acc s = row_sum<Acc>(size0, [&](int64_t i) { return static_cast<Acc>(in[j * is1 + i * is0]); });
      store_add(out + j * os, s);
    }
  } else {  // strided columns, four at a time
    int64_t j = 0;
    for (; j + 3 < size1; j += 4) {
      const auto sums = multi_row_sum<Acc, 4>(
          size0, [&](int64_t i, int64_t k) { return static_cast<Acc>(in[(j + k) * is1 + i * is0]); });
      for (int64_t k = 0; k < 4; ++k) store_add(out + (j + k) * os, sums[k]);
    }
    for (; j < size1; ++j) {
      const Acc s = row_sum<Acc>(size0, [&](int64_t i) { return static_cast<Acc>(in[j * is1 + i * is0]); });
      store_add(out + j * os, s);
    }
  }
}

// a + b for integers with wrap-around (computed unsigned: signed overflow is undefined).
template <typename T>
T wrapping_add(T a, T b) {
  if constexpr (std::is_same_v<T, bool>) {
    return a || b;
  } else {
    using U = std::make_unsigned_t<T>;
    return static_cast<T>(static_cast<U>(static_cast<U>(a) + static_cast<U>(b)));
  }
}

// One 2-d block of an integer or bool sum; the order is free, so rows accumulate in a register.
template <typename T>
[[gnu::always_inline]] inline void integer_block(T* out_base, const T* in_base, Loop2d l) {
  T* out = out_base + l.out_offset;
  const T* in = in_base + l.in_offset;
  l = reduced_dim_first(l);
  for (int64_t j = 0; j < l.size1; ++j) {
    const T* row = in + j * l.in_strides[1];
    T* o = out + j * l.out_strides[1];
    if (l.out_strides[0] == 0) {
      T acc = T(0);
      if (l.in_strides[0] == 1) {
        for (int64_t i = 0; i < l.size0; ++i) acc = wrapping_add(acc, row[i]);
      } else {
        for (int64_t i = 0; i < l.size0; ++i) acc = wrapping_add(acc, row[i * l.in_strides[0]]);
      }
      *o = wrapping_add(*o, acc);
    } else {
      for (int64_t i = 0; i < l.size0; ++i) {
        T& dst = o[i * l.out_strides[0]];
        dst = wrapping_add(dst, row[i * l.in_strides[0]]);
      }
    }
  }
}

template <typename T>
constexpr bool kCascaded = std::is_floating_point_v<T> || std::is_same_v<T, Half>;

// Each kernel compiled twice: portable, and for AVX2, where an emulated register of 8 floats
// is one instruction (the lanes and their order of additions stay the same).
template <typename T>
void cascade_block_portable(T* out, const T* in, const Loop2d& l, const RowStart<T>* start) {
  cascade_block(out, in, l, start);
}
template <typename T>
void row_blocks_portable(const T* row, int64_t size0, int64_t b0, int64_t b1, typename Cascade<T>::Acc* top) {
  row_blocks(row, size0, b0, b1, top);
}
template <typename T>
void integer_block_portable(T* out, const T* in, const Loop2d& l) {
  integer_block(out, in, l);
}

#if TL_X86_KERNELS
template <typename T>
TL_TARGET_AVX2 void cascade_block_avx2(T* out, const T* in, const Loop2d& l, const RowStart<T>* start) {
  cascade_block(out, in, l, start);
}
template <typename T>
TL_TARGET_AVX2 void row_blocks_avx2(const T* row, int64_t size0, int64_t b0, int64_t b1,
                                    typename Cascade<T>::Acc* top) {
  row_blocks(row, size0, b0, b1, top);
}
template <typename T>
TL_TARGET_AVX2 void integer_block_avx2(T* out, const T* in, const Loop2d& l) {
  integer_block(out, in, l);
}
#endif

template <typename T>
void run_cascade_block(T* out, const T* in, const Loop2d& l, const RowStart<T>* start = nullptr) {
#if TL_X86_KERNELS
  if (cpu_has_avx2()) return cascade_block_avx2(out, in, l, start);
#endif
  cascade_block_portable(out, in, l, start);
}

template <typename T>
void run_row_blocks(const T* row, int64_t size0, int64_t b0, int64_t b1, typename Cascade<T>::Acc* top) {
#if TL_X86_KERNELS
  if (cpu_has_avx2()) return row_blocks_avx2(row, size0, b0, b1, top);
#endif
  row_blocks_portable(row, size0, b0, b1, top);
}

template <typename T>
void run_integer_block(T* out, const T* in, const Loop2d& l) {
#if TL_X86_KERNELS
  if (cpu_has_avx2()) return integer_block_avx2(out, in, l);
#endif
  integer_block_portable(out, in, l);
}

template <typename T>
void run_block(T* out, const T* in, const Loop2d& l) {
  if constexpr (kCascaded<T>) run_cascade_block(out, in, l);
  else run_integer_block(out, in, l);
}

// One long contiguous row summed into out[row.out_offset] on several threads, with the bits
// of the serial sum. Floats: the row's top-level blocks are summed in parallel, added up in
// order, and the rest of the row follows serially (see CascadeAcc). Integers wrap, so
// pieces are summed in any order. False when the row is too short to share.
template <typename T>
bool sum_row_parallel(T* out, const T* in, const Loop2d& row) {
  if (row.size0 < 2 * kGrainSize) return false;
  const T* data = in + row.in_offset;
  if constexpr (kCascaded<T>) {
    const int64_t block = cascade_block_rows(cascade_level_power(vector_rows<T>(row.size0)));
    const int64_t blocks = vector_rows<T>(row.size0) / block;
    if (blocks < 2) return false;
    std::vector<typename Cascade<T>::Acc> top(static_cast<size_t>(blocks * kBlockLanes<T>));
    parallel_for(blocks, 1,
                 [&](int64_t b, int64_t e) { run_row_blocks(data, row.size0, b, e, top.data() + b * kBlockLanes<T>); });
    RowStart<T> start;
    start.first = blocks * block;
    for (int64_t b = 0; b < blocks; ++b) {
      for (int64_t k = 0; k < kIlp; ++k) {
        SumLanes<T> t;
        for (int64_t lane = 0; lane < Cascade<T>::kLanes; ++lane) {
          t.v[lane] = top[static_cast<size_t>(b * kBlockLanes<T> + k * Cascade<T>::kLanes + lane)];
        }
        start.top[k] += t;
      }
    }
    run_cascade_block(out, in, row, &start);
  } else {
    const int64_t pieces = row.size0 / kGrainSize;
    const auto partial = std::make_unique<T[]>(static_cast<size_t>(pieces));  // not vector<bool>
    parallel_for(pieces, 1, [&](int64_t b, int64_t e) {
      for (int64_t p = b; p < e; ++p) {
        const int64_t begin = p * row.size0 / pieces, end = (p + 1) * row.size0 / pieces;
        run_integer_block(&partial[p], data + begin, Loop2d{0, 0, end - begin, 1, {0, 0}, {1, 0}});
      }
    });
    T total = T(0);
    for (int64_t p = 0; p < pieces; ++p) total = wrapping_add(total, partial[p]);
    out[row.out_offset] = wrapping_add(out[row.out_offset], total);
  }
  return true;
}

// A block with one reduced and one kept dim is split along the kept one over threads:
// every output keeps its own order of additions, so the bits are the serial ones. Float
// splits fall on multiples of cascade_block's column groups (4 registers wide), the rest
// going to the last piece, so every column takes the same path as in one piece. Blocks
// with too few outputs to split that way may still share each long contiguous row.
template <typename T>
void sum_block_parallel(T* out, const T* in, const Loop2d& block, int64_t numel) {
  const Loop2d l = reduced_dim_first(block);
  int64_t unit = 1;
  if constexpr (kCascaded<T>) unit = 4 * Cascade<T>::kLanes;
  const int64_t pieces = l.size1 / unit;
  if (numel < kGrainSize || num_threads() == 1) return run_block(out, in, block);
  if (l.out_strides[0] == 0 && l.in_strides[0] == 1 && (l.out_strides[1] == 0 || pieces < 2)) {
    for (int64_t j = 0; j < l.size1; ++j) {
      const Loop2d row{l.out_offset + j * l.out_strides[1], l.in_offset + j * l.in_strides[1], l.size0, 1, {0, 0}, {1, 0}};
      if (!sum_row_parallel(out, in, row)) run_block(out, in, row);
    }
    return;
  }
  if (l.out_strides[1] == 0 || pieces < 2) return run_block(out, in, block);
  parallel_for(pieces, std::max<int64_t>(1, kGrainSize / (unit * l.size0)), [&](int64_t b, int64_t e) {
    Loop2d part = l;
    const int64_t j0 = b * unit, j1 = e == pieces ? l.size1 : e * unit;
    part.size1 = j1 - j0;
    part.out_offset += j0 * l.out_strides[1];
    part.in_offset += j0 * l.in_strides[1];
    run_block(out, in, part);
  });
}

}  // namespace

void sum_kernel_cpu(const Tensor& out, const Tensor& in, const ReducePlan& plan) {
  dispatch(in.dtype(), [&]<typename T>() {
    T* o = static_cast<T*>(out.data_ptr());
    const T* x = static_cast<const T*>(in.data_ptr());
    // One block (at most two dims after merging): its outputs may be split over threads.
    // With more dims, blocks can add into the same outputs in turn, so they stay serial.
    if (plan.shape.size() <= 2) {
      for_each_loop2d(plan, [&](const Loop2d& l) { sum_block_parallel<T>(o, x, l, in.numel()); });
    } else {
      for_each_loop2d(plan, [&](const Loop2d& l) { run_block(o, x, l); });
    }
  });
}

}  // namespace tl::detail
