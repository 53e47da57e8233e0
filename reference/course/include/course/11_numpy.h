#pragma once
/// @file 11_numpy.h
/// @brief Exercise 11-numpy: moving data between `tl` and plain C++ memory (zero copy and
/// copies) and NumPy's `.npy` file format, byte by byte (notebook section "PyTorch tensors &
/// NumPy").
///
/// Read exercises/11-numpy/README.md first. Run the tests with `ctest -L 11-numpy`.

#include <cstdint>
#include <string>
#include <vector>

#include <tl/interop.h>
#include <tl/npy.h>
#include <tl/tl.h>

namespace course {

/// @brief `torch.from_numpy(array)` in C++: a 1-d float64 tensor that **shares** `array`'s
/// memory (no copy): writing `array[i]` changes the tensor and the other way round.
///
/// Use `tl::from_blob`. The vector must outlive the tensor (and must not be resized).
tl::Tensor tensor_from_vector(std::vector<double>& array);

/// @brief `tensor.numpy()` turned into an independent copy: the elements of a float32
/// tensor in row-major order, in a new vector. Later changes to the tensor do not reach the
/// vector. Works for any view, and for a tensor on the GPU (copy it to the CPU first).
/// Throws `tl::Error` when `t` is not float32.
std::vector<float> vector_from_tensor(const tl::Tensor& t);

/// @brief The bytes `np.save` (NumPy 1.24) writes for `t`, built by hand: format 1.0.
///
/// 1. the magic string `\x93NUMPY`, then the version bytes `1` and `0`;
/// 2. the header length `HLEN` as a little-endian uint16;
/// 3. the header, `HLEN` bytes of ASCII: the dict
///    `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }` then, for NumPy's
///    "growth room", `21 - len(str(shape[0]))` spaces (none for a 0-d shape), then
///    padding: 1 to 64 more characters (never 0), spaces ending with one `\n`, so that the
///    whole prefix, 10 + HLEN bytes, is a multiple of 64;
/// 4. the elements in row-major (C) order, little-endian.
///
/// `descr` per dtype: float32 `<f4`, float64 `<f8`, float16 `<f2`, int64 `<i8`, int32 `<i4`,
/// int16 `<i2`, int8 `|i1`, uint8 `|u1`, bool `|b1`. Shapes are Python tuples: `()`,
/// `(7,)`, `(3, 4)`. `t` may be any view (write its logical order).
std::vector<uint8_t> npy_bytes(const tl::Tensor& t);

/// @brief Reads a `.npy` file written by NumPy (`tl::load_npy`) and returns it as float32,
/// the notebook's `torch.from_numpy(array).type(torch.float32)`: NumPy's default float64 (or
/// any other dtype) becomes PyTorch's default float32.
tl::Tensor load_npy_as_float32(const std::string& path);

}  // namespace course
