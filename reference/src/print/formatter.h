#pragma once
// The elements a tensor print shows, and PyTorch's _Formatter that picks one common
// width and notation for all of them (torch/_tensor_str.py).

#include <cstdint>
#include <string>
#include <vector>

#include "tl/print.h"

namespace tl::detail {

/// The printed elements (after summarisation) in printed order, widened to one type.
struct PrintedValues {
  enum class Kind { Bool, Integer, Floating };
  Kind kind = Kind::Floating;
  std::vector<int64_t> ints;   ///< Bool (0/1) and Integer kinds.
  std::vector<double> floats;  ///< Floating kind (float16/float32 values widened exactly).
  size_t size() const { return kind == Kind::Floating ? floats.size() : ints.size(); }
};

/// Chooses notation and width from every printed element, then formats each one
/// right-aligned to that width (longer strings such as `-inf` are not cut).
class ElementFormatter {
 public:
  ElementFormatter(const PrintedValues& values, const PrintOptions& options);
  /// Width of the widest finite element; nan/inf do not count, as in PyTorch.
  size_t width() const { return max_width_; }
  /// Appends element `i` of the values given to the constructor, padded on the left.
  void append(std::string& out, size_t i) const;

 private:
  void format_plain(std::string& out, size_t i) const;
  void format_float(std::string& out, double v) const;

  const PrintedValues& values_;
  int precision_;
  bool int_mode_ = true;  // every finite non-zero float is integral: print `3.`
  bool sci_mode_ = false;
  size_t max_width_ = 1;
  mutable std::string scratch_;
};

}  // namespace tl::detail
