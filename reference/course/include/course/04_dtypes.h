#pragma once
/// @file 04_dtypes.h
/// @brief Exercise 04-dtypes: tensor datatypes, float16 bit patterns and casts (notebook
/// sections "Tensor datatypes", "Getting information from tensors" and "Change tensor
/// datatype").
///
/// Read exercises/04-dtypes/README.md first. Run the tests with `ctest -L 04-dtypes`.

#include <cstdint>
#include <string>

#include <tl/tl.h>

namespace course {

/// @brief The IEEE 754 binary16 (`torch.float16`) bit pattern nearest to `value`.
///
/// 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits. Round to nearest, ties to even;
/// values too large for a half (from 65520 up) become infinity; values below the smallest
/// normal half (2^-14) become subnormals or zero; NaN becomes the quiet NaN `0x7E00` (with
/// the sign bit of `value`). Write the bit manipulation yourself (do not use `tl::Half`).
/// @code
/// course::float_to_half_bits(1.0f);      // 0x3C00
/// course::float_to_half_bits(-2.0f);     // 0xC000
/// course::float_to_half_bits(0.1f);      // 0x2E66 (0.0999755859375)
/// course::float_to_half_bits(65520.0f);  // 0x7C00 (inf)
/// @endcode
uint16_t float_to_half_bits(float value);

/// @brief The exact float32 value of a binary16 bit pattern (every half fits a float).
///
/// Handles zeros (±0), subnormals (exponent 0: `fraction × 2^-24`), normals, ±infinity and
/// NaN (any NaN pattern gives a NaN).
/// @code
/// course::half_bits_to_float(0x3C00);   // 1.0f
/// course::half_bits_to_float(0x0001);   // 5.9604645e-08f (2^-24, the smallest subnormal)
/// @endcode
float half_bits_to_float(uint16_t bits);

/// @brief `tensor.type(dtype)` by hand for a float32 tensor: a new contiguous tensor of
/// `dtype` with each element converted the way PyTorch converts it.
///
/// - `tl::kHalf`: round each value to float16 (your `float_to_half_bits`).
/// - `tl::kChar` (int8): truncate toward zero, then keep the low 8 bits (two's complement),
///   so 200.5 → -56 and 300.7 → 44; NaN, ±inf and anything of magnitude 2^63 or more → 0
///   (what x86's conversion instruction gives).
/// - `tl::kFloat`: a copy.
///
/// `t` may be any float32 tensor: any shape, 0-d, empty, or a non-contiguous view (the result
/// holds its elements in row-major order). Throws `tl::Error` when `t` is not float32 or
/// `dtype` is none of the three.
tl::Tensor type_by_hand(const tl::Tensor& t, tl::ScalarType dtype);

/// @brief The notebook's "what shape, what datatype, where" printout, as one string:
///
///     Shape of tensor: torch.Size([3, 4])
///     Datatype of tensor: torch.float32
///     Device tensor is stored on: cpu
///
/// Three lines joined by `'\n'`, no trailing newline. `std::ostream <<` prints `sizes()`,
/// `dtype()` and `device()` exactly as Python does.
std::string what_what_where(const tl::Tensor& t);

}  // namespace course
