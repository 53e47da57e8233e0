// PyTorch's _Formatter: one notation and one width for all printed elements.
#include "print/formatter.h"

#include <algorithm>
#include <cmath>

#include "print/number_format.h"

namespace tl::detail {

ElementFormatter::ElementFormatter(const PrintedValues& values, const PrintOptions& options)
    : values_(values), precision_(options.precision) {
  if (values.kind != PrintedValues::Kind::Floating) {
    std::string s;
    for (size_t i = 0; i < values.size(); ++i) {
      s.clear();
      format_plain(s, i);
      max_width_ = std::max(max_width_, s.size());
    }
    return;  // the sci_mode option has no effect on integers
  }

  // Only finite non-zero values decide the notation.
  double min_abs = 0, max_abs = 0;
  bool any = false;
  for (double v : values.floats) {
    if (!std::isfinite(v) || v == 0) continue;
    const double a = std::fabs(v);
    min_abs = any ? std::min(min_abs, a) : a;
    max_abs = any ? std::max(max_abs, a) : a;
    any = true;
    if (v != std::ceil(v)) int_mode_ = false;
  }
  // PyTorch returns early here, so a forced sci_mode is ignored for all-zero/non-finite data.
  if (!any) return;

  const bool wide_range = max_abs / min_abs > 1000.0 || max_abs > 1.0e8;
  sci_mode_ = int_mode_ ? wide_range : wide_range || min_abs < 1.0e-4;
  std::string s;
  for (double v : values.floats) {
    if (!std::isfinite(v) || v == 0) continue;
    s.clear();
    format_float(s, v);
    max_width_ = std::max(max_width_, s.size());
  }
  // The width stays as measured above even when the option overrides the notation.
  if (options.sci_mode.has_value()) sci_mode_ = *options.sci_mode;
}

void ElementFormatter::format_plain(std::string& out, size_t i) const {
  const int64_t v = values_.ints[i];
  if (values_.kind == PrintedValues::Kind::Bool) out += v ? "True" : "False";
  else out += std::to_string(v);
}

void ElementFormatter::format_float(std::string& out, double v) const {
  if (sci_mode_) {
    append_scientific(out, v, precision_);
  } else if (int_mode_) {
    append_fixed(out, v, 0);
    if (std::isfinite(v)) out += '.';
  } else {
    append_fixed(out, v, precision_);
  }
}

void ElementFormatter::append(std::string& out, size_t i) const {
  scratch_.clear();
  if (values_.kind == PrintedValues::Kind::Floating) format_float(scratch_, values_.floats[i]);
  else format_plain(scratch_, i);
  if (scratch_.size() < max_width_) out.append(max_width_ - scratch_.size(), ' ');
  out += scratch_;
}

}  // namespace tl::detail
