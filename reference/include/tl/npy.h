#pragma once
/// @file npy.h
/// @brief Reading and writing NumPy's `.npy` files, so arrays move between NumPy and C++.
///
/// Python side: `np.save("x.npy", t.numpy())` and `torch.from_numpy(np.load("x.npy"))`.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tl/tensor.h"

namespace tl {

/// @brief Writes `t` to `path` in NumPy's `.npy` format, as `np.save` would.
///
/// The bytes equal those of `np.save(path, t.numpy())` (NumPy 1.24): format 1.0 (2.0 only
/// when the header is too long for 1.0), little-endian, C order; bool is `|b1`, float16
/// `<f2`. Views and transposes are written in their logical (row-major) order; CUDA
/// tensors are copied to the host first. Every dtype of `tl` is supported.
/// @throws tl::Error `save_npy: cannot open 'out/x.npy' for writing: No such file or directory`
/// (or `save_npy: writing '...' failed: ...`) when the file cannot be written, and
/// `save_npy: the tensor is undefined` for a default-constructed tensor.
/// @code
/// tl::save_npy("x.npy", tl::arange(6).reshape({2, 3}));
/// // Python: np.load("x.npy") -> array([[0, 1, 2], [3, 4, 5]])
/// @endcode
void save_npy(const std::string& path, const Tensor& t);

/// @brief The bytes `save_npy` would write for `t` (header and data), for sending `.npy`
/// data elsewhere than a file.
/// @throws tl::Error `save_npy: the tensor is undefined` for a default-constructed tensor.
/// @code
/// std::vector<uint8_t> bytes = tl::save_npy_to_buffer(tl::ones({2}));
/// @endcode
std::vector<uint8_t> save_npy_to_buffer(const Tensor& t);

/// @brief Reads a `.npy` file into a new contiguous CPU tensor.
///
/// Accepts format versions 1.0, 2.0 and 3.0; dtypes `|b1 |u1 |i1 i2 i4 i8 f2 f4 f8` in
/// little (`<`), big (`>`, byte-swapped on load) or native (`=`) byte order; C and Fortran
/// order (a Fortran-order file is returned as a C-contiguous tensor with the same logical
/// values, as `np.ascontiguousarray` would); 0-d and empty arrays.
///
/// Input is treated as untrusted: every problem (bad magic, malformed or truncated header,
/// unsupported dtype such as `<c8`, `|O` or `<U5`, a bad shape, a declared size that is
/// larger than the data present, trailing bytes after the data) throws `tl::Error` naming
/// it, and sizes are checked before anything is allocated. Trailing bytes are an error
/// (NumPy ignores them), because a file that is longer than its header says is corrupt.
/// @throws tl::Error whose message starts with `load_npy: ` and ends with the file name, e.g.
/// `load_npy: cannot open the file: No such file or directory (file 'w.npy')`,
/// `load_npy: unsupported dtype '<c8' ...; tl reads |b1 |u1 |i1 <i2 <i4 <i8 <f2 <f4 <f8 (in any
/// byte order) (file 'w.npy')`, `load_npy: file is truncated: header declares 36 bytes of data
/// but 8 remain (file 'w.npy')`.
/// @code
/// // Python: np.save("w.npy", np.eye(3, dtype=np.float32))
/// tl::Tensor w = tl::load_npy("w.npy");   // float32, shape [3, 3]
/// @endcode
Tensor load_npy(const std::string& path);

/// @brief Like `load_npy`, reading the `.npy` bytes from memory (`size` bytes at `data`,
/// all of which must belong to the array: trailing bytes are an error).
/// @throws tl::Error as `load_npy` (without the file name), and `load_npy: data is a null
/// pointer` for a null `data` with a non-zero `size`.
/// @code
/// std::vector<uint8_t> bytes = tl::save_npy_to_buffer(tl::arange(3));
/// tl::Tensor t = tl::load_npy_from_buffer(bytes.data(), bytes.size());   // tensor([0, 1, 2])
/// @endcode
Tensor load_npy_from_buffer(const void* data, size_t size);

}  // namespace tl
