// Random fills with PyTorch 1.13's CUDA scheme (DistributionTemplates.h): a grid-stride
// loop in which thread t draws from curand_init(seed, t, offset); each draw yields
// kUnroll values, and value k goes to element `index + k * threads`.
#include <curand_kernel.h>

#include "cuda/device_math.cuh"
#include "tl/error.h"

namespace tl::cuda_backend {
namespace {

struct Uniform4 {
  __device__ float4 operator()(curandStatePhilox4_32_10_t* s) const { return curand_uniform4(s); }
};
struct Uniform2Double {
  __device__ double2 operator()(curandStatePhilox4_32_10_t* s) const { return curand_uniform2_double(s); }
};
struct Normal4 {
  __device__ float4 operator()(curandStatePhilox4_32_10_t* s) const { return curand_normal4(s); }
};
struct Normal2Double {
  __device__ double2 operator()(curandStatePhilox4_32_10_t* s) const { return curand_normal2_double(s); }
};
struct Bits4 {
  __device__ uint4 operator()(curandStatePhilox4_32_10_t* s) const { return curand4(s); }
};
struct Bits2x64 {  // two 64-bit values from one curand4: (x << 32 | y, z << 32 | w)
  __device__ ulonglong2 operator()(curandStatePhilox4_32_10_t* s) const {
    const uint4 r = curand4(s);
    ulonglong2 v;
    v.x = static_cast<unsigned long long>(r.x) << 32 | r.y;
    v.y = static_cast<unsigned long long>(r.z) << 32 | r.w;
    return v;
  }
};

// `u * range + from` with curand's (0, 1] turned into [0, 1) by mapping 1 to 0.
template <typename T>
struct UniformTransform {
  using A = opmath_t<T>;
  A range, from;
  __device__ T operator()(A u) const { return cast<T>(fma(u == A(1) ? A(0) : u, range, from)); }
};
template <typename T>
struct NormalTransform {
  using A = opmath_t<T>;
  A mean, std;
  __device__ T operator()(A n) const { return cast<T>(fma(n, std, mean)); }
};
// base + r % range (range 0: all 64 bits), PyTorch's uniform_int_from_to / uniform_int.
template <typename T>
struct IntegerTransform {
  uint64_t range;
  int64_t base;
  __device__ T operator()(uint64_t r) const {
    const uint64_t v = range == 0 ? r : r % range + static_cast<uint64_t>(base);
    return cast<T>(static_cast<int64_t>(v));
  }
};

template <typename T, int kUnroll, typename Draw, typename Transform>
__global__ void __launch_bounds__(256) random_kernel(int64_t numel, PhiloxArgs philox, Shape shape, Strided out,
                                                     bool contiguous, Draw draw, Transform transform) {
  const int64_t index = global_thread();
  curandStatePhilox4_32_10_t state;
  curand_init(philox.seed, static_cast<unsigned long long>(index), philox.offset, &state);
  const int64_t threads = grid_threads();
  const int64_t step = threads * kUnroll;
  const int64_t rounded = ((numel - 1) / step + 1) * step;
  T* p = static_cast<T*>(out.data);
  for (int64_t linear = index; linear < rounded; linear += step) {
    const auto r = draw(&state);
    const auto* values = &r.x;
#pragma unroll
    for (int k = 0; k < kUnroll; ++k) {
      const int64_t element = linear + threads * k;
      if (element < numel) p[contiguous ? element : offset_of(element, shape, out.strides)] = transform(values[k]);
    }
  }
}

template <typename T, int kUnroll, typename Draw, typename Transform>
void run(int64_t n, const PhiloxArgs& philox, const Shape& shape, const Strided& out, Draw draw,
         Transform transform) {
  random_kernel<T, kUnroll><<<philox.grid, 256>>>(n, philox, shape, out, in_order(shape, out), draw, transform);
}

// The modulus of random_() without bounds: 2 for bool, max + 1 for integers, 2^digits + 1
// for floating types (every integer the type holds exactly).
template <typename T>
uint64_t full_modulus() {
  if constexpr (std::is_same_v<T, bool>) return 2;
  else if constexpr (std::is_same_v<T, half_t>) return (uint64_t{1} << 11) + 1;
  else if constexpr (std::is_same_v<T, float>) return (uint64_t{1} << 24) + 1;
  else if constexpr (std::is_same_v<T, double>) return (uint64_t{1} << 53) + 1;
  else return static_cast<uint64_t>(std::numeric_limits<T>::max()) + 1;
}

}  // namespace

void launch_random(const detail::RandomFill& fill, ScalarType type, const Shape& shape, const Strided& out,
                   const PhiloxArgs& philox) {
  const int64_t n = numel(shape);
  if (n == 0) return;
  using Kind = detail::RandomFill::Kind;
  dispatch_type(type, [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = opmath_t<T>;
    constexpr bool is_double = std::is_same_v<T, double>;
    if (fill.kind == Kind::Uniform || fill.kind == Kind::Normal) {
      if constexpr (std::is_floating_point_v<A>) {
        if (fill.kind == Kind::Uniform) {
          // from and to are first rounded to T; their difference is computed in T too.
          A from, to;
          if constexpr (std::is_same_v<T, half_t>) {
            const Half f(static_cast<float>(fill.a)), t(static_cast<float>(fill.b));
            from = f;
            to = t;
            const A range = Half(to - from);
            UniformTransform<T> transform{range, from};
            return run<T, 4>(n, philox, shape, out, Uniform4{}, transform);
          } else {
            from = static_cast<A>(fill.a);
            to = static_cast<A>(fill.b);
            UniformTransform<T> transform{to - from, from};
            if constexpr (is_double) return run<T, 2>(n, philox, shape, out, Uniform2Double{}, transform);
            else return run<T, 4>(n, philox, shape, out, Uniform4{}, transform);
          }
        }
        NormalTransform<T> transform{static_cast<A>(fill.a), static_cast<A>(fill.b)};
        if constexpr (is_double) return run<T, 2>(n, philox, shape, out, Normal2Double{}, transform);
        else return run<T, 4>(n, philox, shape, out, Normal4{}, transform);
      }
      throw Error(detail::str_cat("\"", fill.kind == Kind::Uniform ? "uniform" : "normal",
                                  "_kernel_cuda\" not implemented for '", scalar_type_name(type), "'"));
    }
    // Integers: 64-bit draws for int64/double (and float, int64 with a range of 2^32 or
    // more), else 32-bit ones.
    constexpr bool wide_type = std::is_same_v<T, int64_t> || is_double || std::is_same_v<T, float>;
    const bool full = fill.kind == Kind::Random;
    const uint64_t range = full ? full_modulus<T>() : fill.range;
    const int64_t base = full ? 0 : fill.base;
    const bool wide = full ? (is_double || std::is_same_v<T, int64_t>)
                           : wide_type && (range == 0 || range >= (uint64_t{1} << 32));
    IntegerTransform<T> transform{range, base};
    if (wide) {
      run<T, 2>(n, philox, shape, out, Bits2x64{}, transform);
    } else {
      run<T, 4>(n, philox, shape, out, Bits4{}, transform);
    }
  });
  check_launch("random_kernel");
}

}  // namespace tl::cuda_backend
