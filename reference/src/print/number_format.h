#pragma once
// Python's formatting of numbers ("{:.4f}", "{:.4e}", repr(float)), which tensor and
// Scalar printing must reproduce character for character.

#include <string>

namespace tl::detail {

/// Appends Python's `"{:.<precision>f}".format(v)`: exact decimal rounding (ties to
/// even on the binary value); NaN prints `nan` whatever its sign bit, infinities `inf`/`-inf`.
void append_fixed(std::string& out, double v, int precision);

/// Appends Python's `"{:.<precision>e}".format(v)` (`1.5000e+08`, exponent of 2+ digits).
void append_scientific(std::string& out, double v, int precision);

/// Python's `repr(v)` for a float: the shortest string that reads back as `v`, in fixed
/// notation for decimal exponents in [-5, 16) (`7.0`, `0.0001`), else `1e+16`, `1.5e-05`.
std::string python_float_repr(double v);

}  // namespace tl::detail
