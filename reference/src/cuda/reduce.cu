// Reductions over any set of dims: sum, and min/max with the index of the first extreme.
// One block reduces one output element (a grid-stride loop over the outputs): its threads
// stride over the reduced elements, then combine in shared memory in a fixed order, so a
// result never depends on timing.
#include <algorithm>
#include <limits>

#include "cuda/device_math.cuh"
#include "tl/error.h"

namespace tl::cuda_backend {
namespace {

// Sums accumulate in float (half, float), double, or 64-bit integers that wrap.
template <typename T>
struct SumReducer {
  using O = opmath_t<T>;
  using acc = std::conditional_t<std::is_floating_point_v<O>, O, uint64_t>;
  __device__ acc identity() const { return acc(0); }
  __device__ acc make(O v, int64_t) const {
    if constexpr (std::is_floating_point_v<O>) return v;
    else return static_cast<uint64_t>(static_cast<int64_t>(v));
  }
  __device__ acc combine(acc a, acc b) const { return a + b; }
  __device__ void write(acc a, T* values, int64_t*, int64_t at) const {
    if constexpr (std::is_floating_point_v<O>) store(values + at, a);
    else values[at] = static_cast<T>(static_cast<int64_t>(a));
  }
};

// The extreme value and its index. NaN beats every number (PyTorch propagates it); among
// equal values the lower index wins, which makes the combine order irrelevant.
template <typename T, bool kMax>
struct MinMaxReducer {
  using O = opmath_t<T>;
  struct acc {
    O v;
    int64_t i;
  };
  O weakest;  // loses to every element: -inf / lowest for max, +inf / max for min
  __device__ static bool is_nan(O v) {
    if constexpr (std::is_floating_point_v<O>) return isnan(v);
    else return false;
  }
  __device__ acc identity() const { return {weakest, INT64_MAX}; }  // an index no element has
  __device__ acc make(O v, int64_t i) const { return {v, i}; }
  __device__ acc combine(acc a, acc b) const {
    const bool na = is_nan(a.v), nb = is_nan(b.v);
    if (na || nb) return (na && (!nb || a.i < b.i)) ? a : b;
    const bool a_wins = kMax ? a.v > b.v : a.v < b.v;
    return (a_wins || (a.v == b.v && a.i < b.i)) ? a : b;
  }
  __device__ void write(acc a, T* values, int64_t* indices, int64_t at) const {
    if (values != nullptr) store(values + at, a.v);
    if (indices != nullptr) indices[at] = a.i;
  }
};

// The identity of a min (max) reduction over T, in T's math type.
template <typename T>
opmath_t<T> weakest_value(bool max) {
  using O = opmath_t<T>;
  using L = std::numeric_limits<O>;
  if constexpr (std::is_floating_point_v<O>) return max ? -L::infinity() : L::infinity();
  else return max ? L::lowest() : L::max();
}

template <typename T, typename Reducer>
__global__ void reduce_kernel(int64_t n_out, int64_t n_in, ReduceGeometry g, Reducer reducer, T* values,
                              int64_t* indices) {
  using Acc = typename Reducer::acc;
  extern __shared__ __align__(16) unsigned char shared_bytes[];
  Acc* shared = reinterpret_cast<Acc*>(shared_bytes);
  const T* in = static_cast<const T*>(g.in_outer.data);
  const bool flat = g.inner.ndim <= 1;  // the common case: no index arithmetic per element
  const int64_t step = g.inner.ndim == 1 ? g.in_inner.strides[0] : 0;
  for (int64_t o = blockIdx.x; o < n_out; o += gridDim.x) {
    const T* base = in + offset_of(o, g.outer, g.in_outer.strides);
    Acc acc = reducer.identity();
    for (int64_t r = threadIdx.x; r < n_in; r += blockDim.x) {
      const int64_t off = flat ? r * step : offset_of(r, g.inner, g.in_inner.strides);
      acc = reducer.combine(acc, reducer.make(load(base + off), r));
    }
    shared[threadIdx.x] = acc;
    __syncthreads();
    for (unsigned s = blockDim.x / 2; s > 0; s >>= 1) {
      if (threadIdx.x < s) shared[threadIdx.x] = reducer.combine(shared[threadIdx.x], shared[threadIdx.x + s]);
      __syncthreads();
    }
    if (threadIdx.x == 0) reducer.write(shared[0], values, indices, offset_of(o, g.outer, g.out_outer.strides));
    __syncthreads();  // shared[0] is read before the next output overwrites it
  }
}

template <typename T, typename Reducer>
void run(const ReduceGeometry& g, Reducer reducer, void* values, int64_t* indices) {
  const int64_t n_out = numel(g.outer), n_in = numel(g.inner);
  if (n_out == 0) return;
  unsigned block = 32;  // a power of two, no larger than the reduction needs
  while (block < 256 && block < n_in) block *= 2;
  const auto grid = static_cast<unsigned>(std::min<int64_t>(n_out, 65535));
  const size_t shared = block * sizeof(typename Reducer::acc);
  reduce_kernel<T><<<grid, block, shared>>>(n_out, n_in, g, reducer, static_cast<T*>(values), indices);
}

}  // namespace

void launch_reduce(detail::CudaReduceOp op, ScalarType type, const ReduceGeometry& geometry, void* values,
                   int64_t* indices) {
  dispatch_type(type, [&](auto tag) {
    using T = typename decltype(tag)::type;
    switch (op) {
      case detail::CudaReduceOp::Sum:
        if constexpr (std::is_same_v<T, bool>) {
          throw Error("\"sum_cuda\" not implemented for 'Bool'");
        } else {
          return run<T>(geometry, SumReducer<T>{}, values, indices);
        }
      case detail::CudaReduceOp::Min:
        return run<T>(geometry, MinMaxReducer<T, false>{weakest_value<T>(false)}, values, indices);
      case detail::CudaReduceOp::Max:
        return run<T>(geometry, MinMaxReducer<T, true>{weakest_value<T>(true)}, values, indices);
    }
  });
  check_launch("reduce_kernel");
}

}  // namespace tl::cuda_backend
