// Python-compatible number formatting on top of std::to_chars, which like CPython rounds
// exactly and does not depend on the C locale.
#include "print/number_format.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace tl::detail {
namespace {

// Python spells non-finite values the same way in every float format.
bool append_non_finite(std::string& out, double v) {
  if (std::isnan(v)) {
    out += "nan";
    return true;
  }
  if (std::isinf(v)) {
    out += v < 0 ? "-inf" : "inf";
    return true;
  }
  return false;
}

void append_chars(std::string& out, double v, std::chars_format fmt, int precision) {
  // Longest case: sign, 309 integer digits, point, `precision` decimals (fixed) — the
  // exponent form is shorter.
  const size_t cap = 320 + static_cast<size_t>(precision);
  const size_t start = out.size();
  out.resize(start + cap);
  const auto res = std::to_chars(out.data() + start, out.data() + out.size(), v, fmt, precision);
  out.resize(static_cast<size_t>(res.ptr - out.data()));
}

}  // namespace

void append_fixed(std::string& out, double v, int precision) {
  if (!append_non_finite(out, v)) append_chars(out, v, std::chars_format::fixed, precision);
}

void append_scientific(std::string& out, double v, int precision) {
  if (!append_non_finite(out, v)) append_chars(out, v, std::chars_format::scientific, precision);
}

std::string python_float_repr(double v) {
  std::string out;
  if (append_non_finite(out, v)) return out;
  // Shortest round-trip digits in exponent form, e.g. "-1.2345e+02", then re-laid out.
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  const std::string s(buf, res.ptr);
  const size_t e_pos = s.find('e');
  const bool negative = s[0] == '-';
  std::string digits;
  for (size_t i = negative ? 1 : 0; i < e_pos; ++i)
    if (s[i] != '.') digits += s[i];
  const int exponent = std::atoi(s.c_str() + e_pos + 1);
  const int ndigits = static_cast<int>(digits.size());
  const int point = exponent + 1;  // digits before the decimal point in fixed notation

  if (negative) out += '-';
  if (exponent < -4 || exponent >= 16) {
    out += digits[0];
    if (ndigits > 1) {
      out += '.';
      out.append(digits, 1, std::string::npos);
    }
    out += exponent < 0 ? "e-" : "e+";
    const int mag = std::abs(exponent);
    if (mag < 10) out += '0';
    out += std::to_string(mag);
  } else if (point <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-point), '0');
    out += digits;
  } else if (point >= ndigits) {
    out += digits;
    out.append(static_cast<size_t>(point - ndigits), '0');
    out += ".0";
  } else {
    out.append(digits, 0, static_cast<size_t>(point));
    out += '.';
    out.append(digits, static_cast<size_t>(point), std::string::npos);
  }
  return out;
}

}  // namespace tl::detail
