// `std::cout << t` and `tl::repr(t)`: PyTorch 1.13's Tensor.__repr__ (torch/_tensor_str.py).
#include <algorithm>
#include <ostream>
#include <string>
#include <type_traits>
#include <vector>

#include "print/formatter.h"
#include "tl/print.h"
#include "tl/tensor.h"

namespace tl {
namespace {

constexpr int64_t kEllipsis = -1;     // marks where "..." stands in a summarised dim
constexpr char kPrefix[] = "tensor(";
constexpr int kIndent = sizeof(kPrefix) - 1;

using ShownIndices = std::vector<std::vector<int64_t>>;

// Per dim, the indices that get printed: all of them, or the edge items around an
// ellipsis when summarising (the same choice as get_summarized_data).
ShownIndices shown_indices(IntArrayRef sizes, bool summarize, int64_t edgeitems) {
  ShownIndices shown(sizes.size());
  for (size_t d = 0; d < sizes.size(); ++d) {
    const int64_t n = sizes[d];
    auto& idx = shown[d];
    if (summarize && n > 2 * edgeitems) {
      for (int64_t i = 0; i < edgeitems; ++i) idx.push_back(i);
      idx.push_back(kEllipsis);
      // Python's self[-0:] is the whole dim, so edgeitems 0 keeps everything after "...".
      for (int64_t i = edgeitems == 0 ? 0 : n - edgeitems; i < n; ++i) idx.push_back(i);
    } else {
      for (int64_t i = 0; i < n; ++i) idx.push_back(i);
    }
  }
  return shown;
}

// Reads the shown elements through the strides, in printed order; only these are touched,
// so summarising a huge tensor stays cheap.
template <typename T>
void gather(const T* data, const Tensor& t, const ShownIndices& shown, size_t d, int64_t offset,
            detail::PrintedValues& out) {
  if (d == shown.size()) {
    const T v = data[offset];
    if constexpr (std::is_same_v<T, bool>) out.ints.push_back(v ? 1 : 0);
    else if constexpr (std::is_integral_v<T>) out.ints.push_back(static_cast<int64_t>(v));
    else if constexpr (std::is_same_v<T, Half>) out.floats.push_back(static_cast<float>(v));  // as t.float()
    else out.floats.push_back(static_cast<double>(v));
    return;
  }
  const int64_t stride = t.strides()[d];
  for (int64_t i : shown[d])
    if (i != kEllipsis) gather(data, t, shown, d + 1, offset + i * stride, out);
}

detail::PrintedValues gather_values(const Tensor& t, const ShownIndices& shown) {
  detail::PrintedValues values;
  values.kind = t.dtype() == kBool ? detail::PrintedValues::Kind::Bool
                : t.is_floating_point() ? detail::PrintedValues::Kind::Floating
                                        : detail::PrintedValues::Kind::Integer;
  dispatch(t.dtype(), [&]<typename T>() { gather(static_cast<const T*>(t.data_ptr()), t, shown, 0, 0, values); });
  return values;
}

// Lays the formatted elements out in nested brackets (_tensor_str_with_formatter).
class Layout {
 public:
  Layout(const ShownIndices& shown, const detail::ElementFormatter& fmt, int64_t linewidth, std::string& out)
      : shown_(shown), fmt_(fmt), linewidth_(linewidth), out_(out) {}

  void tensor(size_t d, int64_t indent) {
    if (d + 1 == shown_.size()) return vector(indent);
    // Blocks of an n-d tensor are separated by n-1 newlines.
    const size_t newlines = shown_.size() - d - 1;
    out_ += '[';
    bool first = true;
    for (int64_t i : shown_[d]) {
      if (!first) separator(newlines, indent + 1);
      first = false;
      if (i == kEllipsis) out_ += "...";
      else tensor(d + 1, indent + 1);
    }
    out_ += ']';
  }

 private:
  void vector(int64_t indent) {
    const int64_t element_length = static_cast<int64_t>(fmt_.width()) + 2;  // ", " included
    const int64_t room = linewidth_ - indent;
    const int64_t per_line = room > 0 ? std::max<int64_t>(1, room / element_length) : 1;
    out_ += '[';
    int64_t count = 0;
    for (int64_t i : shown_.back()) {
      if (count > 0) {
        if (count % per_line == 0) separator(1, indent + 1);
        else out_ += ", ";
      }
      ++count;
      if (i == kEllipsis) out_ += " ...";
      else fmt_.append(out_, next_++);
    }
    out_ += ']';
  }

  void separator(size_t newlines, int64_t spaces) {
    out_ += ',';
    out_.append(newlines, '\n');
    out_.append(static_cast<size_t>(spaces), ' ');
  }

  const ShownIndices& shown_;
  const detail::ElementFormatter& fmt_;
  int64_t linewidth_;
  std::string& out_;
  size_t next_ = 0;  // index of the next element in printed order
};

// The bracketed values of a non-empty host tensor (_tensor_str).
void append_values(std::string& out, const Tensor& t, const PrintOptions& opts) {
  const bool summarize = static_cast<double>(t.numel()) > opts.threshold;
  // PyTorch's get_summarized_data stacks zero slices here and fails with this message.
  TL_CHECK(!(summarize && opts.edgeitems == 0 && t.dim() >= 2), "stack expects a non-empty TensorList");
  const ShownIndices shown = shown_indices(t.sizes(), summarize, opts.edgeitems);
  const detail::PrintedValues values = gather_values(t, shown);
  const detail::ElementFormatter fmt(values, opts);
  if (t.dim() == 0) fmt.append(out, 0);
  else Layout(shown, fmt, opts.linewidth, out).tensor(0, kIndent);
}

// Python's str(tuple(shape)): "(0, 3)", "(0,)".
std::string tuple_string(IntArrayRef sizes) {
  std::string s = "(";
  for (size_t i = 0; i < sizes.size(); ++i) s += (i ? ", " : "") + std::to_string(sizes[i]);
  return s + (sizes.size() == 1 ? ",)" : ")");
}

// Appends ", suffix" per suffix, moving one to a new line when it would pass the line width
// (_add_suffixes, including its count of the last line's length).
void append_suffixes(std::string& out, const std::vector<std::string>& suffixes, int64_t linewidth) {
  const size_t nl = out.rfind('\n');
  int64_t last_line = static_cast<int64_t>(out.size()) + (nl == std::string::npos ? 2 : 1 - static_cast<int64_t>(nl));
  for (const std::string& suffix : suffixes) {
    const auto len = static_cast<int64_t>(suffix.size());
    if (last_line + len + 2 > linewidth) {
      out += ",\n";
      out.append(kIndent, ' ');
      last_line = kIndent + len;
    } else {
      out += ", ";
      last_line += len + 2;
    }
    out += suffix;
  }
  out += ')';
}

// The whole repr of a host tensor shown as living on `device`.
std::string render(const Tensor& t, const Device& device) {
  const PrintOptions opts = get_printoptions();
  std::string out = kPrefix;
  std::vector<std::string> suffixes;
  if (!device.is_cpu()) suffixes.push_back("device='" + device.str() + "'");
  if (t.numel() == 0) {
    out += "[]";
    // An empty tensor shows its shape unless 1-d, and any dtype but the default float32.
    if (t.dim() != 1) suffixes.push_back("size=" + tuple_string(t.sizes()));
    if (t.dtype() != kFloat) suffixes.push_back("dtype=" + dtype_name(t.dtype()));
  } else {
    const ScalarType dt = t.dtype();
    if (dt != kFloat && dt != kLong && dt != kBool) suffixes.push_back("dtype=" + dtype_name(dt));
    append_values(out, t, opts);
  }
  append_suffixes(out, suffixes, opts.linewidth);
  return out;
}

}  // namespace

std::string repr(const Tensor& t) {
  if (!t.defined()) return "[ Tensor (undefined) ]";  // LibTorch's text; Python has no such tensor
  return render(t.is_cpu() ? t : t.cpu(), t.device());
}

std::ostream& operator<<(std::ostream& os, const Tensor& t) { return os << repr(t); }

namespace detail {
std::string repr_on_device(const Tensor& t, const Device& shown) {
  TL_CHECK(t.defined(), "Tensor is undefined");
  return render(t.is_cpu() ? t : t.cpu(), shown);
}
}  // namespace detail

}  // namespace tl
