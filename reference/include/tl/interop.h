#pragma once
/// @file interop.h
/// @brief Moving data between `tl` and plain C++ memory: `from_blob` (zero copy),
/// `from_vector` and `to_vector` (copies).

#include <cstdint>
#include <cstring>
#include <functional>
#include <type_traits>
#include <vector>

#include "tl/tensor.h"

namespace tl {

/// @brief Views caller memory as a contiguous tensor of shape `sizes`, without copying.
///
/// LibTorch semantics: the tensor shares `data` (writes are seen both ways) and never
/// frees it, so `data` must outlive the tensor and all of its views. The dtype comes from
/// `options` (float32 by default); with a CUDA device in `options`, `data` must be a
/// device pointer. The caller must make sure `data` holds enough elements of that dtype.
/// @throws tl::Error for a negative size (`Trying to create tensor with negative dimension -1:
/// [-1]`) or a null `data` with elements (`from_blob: data is a null pointer but the tensor has
/// 6 elements`).
/// @code
/// float buf[6] = {1, 2, 3, 4, 5, 6};
/// tl::Tensor t = tl::from_blob(buf, {2, 3});   // tensor([[1., 2., 3.], [4., 5., 6.]])
/// t[0][0].fill_(9);                             // buf[0] is now 9
/// @endcode
Tensor from_blob(void* data, IntArrayRef sizes, const TensorOptions& options = {});

/// @brief Like `from_blob(data, sizes, options)` with explicit `strides` (in elements).
///
/// Strides must be non-negative and have one entry per dim; the caller must make sure `data`
/// spans every element they reach.
/// @throws tl::Error as `from_blob(data, sizes, options)`, and `dimensionality of sizes (2)
/// must match dimensionality of strides (1)`, `from_blob: negative strides are not supported,
/// got strides: [-1, 1]`.
/// @code
/// int64_t m[6] = {1, 2, 3, 4, 5, 6};                       // a 2x3 matrix, row-major
/// auto col = tl::from_blob(m, {2, 3}, {1, 2}, tl::kLong);   // read as 3x2 column-major: [[1, 3, 5], [2, 4, 6]]
/// @endcode
Tensor from_blob(void* data, IntArrayRef sizes, IntArrayRef strides, const TensorOptions& options = {});

/// @brief Like `from_blob(data, sizes, options)`, but calls `deleter(data)` once, when the
/// last tensor sharing the memory is destroyed (ownership passes to the tensor). When
/// `from_blob` throws (a bad shape), the deleter does not run and the caller keeps `data`.
/// @throws tl::Error as `from_blob(data, sizes, options)`.
/// @code
/// auto* p = new float[4]{0, 1, 2, 3};
/// auto t = tl::from_blob(p, {4}, [](void* q) { delete[] static_cast<float*>(q); });
/// @endcode
Tensor from_blob(void* data, IntArrayRef sizes, const std::function<void(void*)>& deleter,
                 const TensorOptions& options = {});

/// @brief `from_blob` with both explicit strides and a deleter: the rules and errors of
/// `from_blob(data, sizes, strides, options)` and the ownership of
/// `from_blob(data, sizes, deleter, options)`.
/// @throws tl::Error as `from_blob(data, sizes, strides, options)`; the deleter then does not run.
/// @code
/// auto* p = new double[6]{0, 1, 2, 3, 4, 5};
/// auto t = tl::from_blob(p, {3, 2}, {1, 3}, [](void* q) { delete[] static_cast<double*>(q); }, tl::kDouble);
/// // t is [[0, 3], [1, 4], [2, 5]]; p is freed with t
/// @endcode
Tensor from_blob(void* data, IntArrayRef sizes, IntArrayRef strides, const std::function<void(void*)>& deleter,
                 const TensorOptions& options = {});

namespace detail {
/// Copies `count` elements of `dtype` from `src` into a new CPU tensor of `shape` (1-d when
/// `shape` is empty); throws when the shape does not hold `count` elements.
Tensor tensor_from_buffer(const void* src, int64_t count, ScalarType dtype, IntArrayRef shape);
/// A contiguous host copy of `t` after checking that its dtype is `expected`.
Tensor host_contiguous_checked(const Tensor& t, ScalarType expected);
}  // namespace detail

/// @brief A new CPU tensor holding a copy of `values`, with the dtype of `T`.
///
/// `shape` empty gives a 1-d tensor of `values.size()` elements; otherwise `shape` must hold
/// exactly `values.size()` elements (`from_vector: shape [2, 2] holds 4 elements but the
/// vector has 3`). `T` is one of `float`, `double`, `tl::Half`, `int8_t`, `int16_t`, `int32_t`,
/// `int64_t`, `uint8_t`, `bool`.
/// @throws tl::Error when `shape` does not hold `values.size()` elements (message above) or
/// has a negative entry.
/// @code
/// std::vector<float> v = {1, 2, 3, 4, 5, 6};
/// tl::Tensor t = tl::from_vector(v, {2, 3});   // float32, shape [2, 3]
/// @endcode
template <typename T>
Tensor from_vector(const std::vector<T>& values, IntArrayRef shape = {}) {
  constexpr ScalarType dtype = CppTypeToScalarType<T>::value;
  if constexpr (std::is_same_v<T, bool>) {
    // std::vector<bool> is bit-packed: unpack to one byte per element first.
    std::vector<uint8_t> bytes(values.begin(), values.end());
    return detail::tensor_from_buffer(bytes.data(), static_cast<int64_t>(bytes.size()), dtype, shape);
  } else {
    return detail::tensor_from_buffer(values.data(), static_cast<int64_t>(values.size()), dtype, shape);
  }
}

/// @brief The elements of `t` in row-major (logical) order, copied into a vector.
///
/// Works for any layout (views, transposes) and device. The dtype must match `T` exactly,
/// as `data_ptr<T>()` requires; otherwise it throws `expected scalar type Float but found
/// Long`. Casting is explicit on purpose: write `tl::to_vector<float>(t.to(tl::kFloat))`.
/// @throws tl::Error `expected scalar type Float but found Long` (with the actual names) when
/// `t`'s dtype is not `T`'s.
/// @code
/// auto t = tl::arange(6).reshape({2, 3}).t();
/// std::vector<int64_t> v = tl::to_vector<int64_t>(t);   // {0, 3, 1, 4, 2, 5}
/// @endcode
template <typename T>
std::vector<T> to_vector(const Tensor& t) {
  const Tensor host = detail::host_contiguous_checked(t, CppTypeToScalarType<T>::value);
  const size_t n = static_cast<size_t>(host.numel());
  std::vector<T> out(n);
  if (n == 0) return out;
  if constexpr (std::is_same_v<T, bool>) {
    const auto* p = static_cast<const bool*>(host.data_ptr());
    for (size_t i = 0; i < n; ++i) out[i] = p[i];
  } else {
    std::memcpy(out.data(), host.data_ptr(), n * sizeof(T));
  }
  return out;
}

}  // namespace tl
