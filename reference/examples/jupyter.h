#pragma once
// Shared by the notebook replays (00_pytorch_fundamentals.cpp, 00_exercises.cpp): printing a
// cell's output the way Jupyter shows it in PyTorch, so the text can be compared line by line
// with the notebook (reference/tests/test_notebook.cpp does, against fixtures written by
// tools/fixtures/gen_notebook.py).

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "tl/tl.h"

// ---- CUDA entry points ----------------------------------------------------------------------
#if __has_include(<tl/cuda.h>)
#include "tl/cuda.h"
#else
// TEMPORARY SHIM, used only until <tl/cuda.h> exists (the include above then takes over).
// It gives the three calls the notebook makes, from what the library offers today.
namespace tl::cuda {
/// True when a CUDA tensor can be made (`torch.cuda.is_available()`).
inline bool is_available() {
  try {
    (void)tl::empty({1}, tl::TensorOptions(tl::Device(tl::kCUDA)));
    return true;
  } catch (const tl::Error&) {
    return false;
  }
}
/// One device when CUDA works (the shim cannot count them), else 0.
inline int64_t device_count() { return is_available() ? 1 : 0; }
/// Does nothing: without CUDA there is nothing to seed (as in PyTorch), and the library has
/// no public way yet to seed only the CUDA generators (tl::manual_seed also reseeds the CPU).
inline void manual_seed(uint64_t /*seed*/) {}
}  // namespace tl::cuda
#endif

namespace nb {

// ---- Python's repr of the values the notebook shows -------------------------------------------
inline std::string py_repr(const tl::Tensor& t) { return tl::repr(t); }
inline std::string py_repr(const tl::Sizes& s) {
  std::ostringstream os;
  os << s;  // torch.Size([2, 3])
  return os.str();
}
inline std::string py_repr(tl::ScalarType t) { return tl::dtype_name(t); }
inline std::string py_repr(const tl::Device& d) {
  std::string out = std::string("device(type='") + (d.is_cuda() ? "cuda" : "cpu") + "'";
  if (d.has_index()) out += ", index=" + std::to_string(d.index());
  return out + ")";
}
inline std::string py_repr(const tl::Scalar& s) {
  std::ostringstream os;
  os << s;  // 7, 45.0, True
  return os.str();
}
inline std::string py_repr(bool b) { return b ? "True" : "False"; }
template <typename T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
std::string py_repr(T v) {
  return std::to_string(v);
}
/// A Python str: 'cpu'.
inline std::string py_repr(std::string_view s) {
  const bool dq = s.find('\'') != std::string_view::npos && s.find('"') == std::string_view::npos;
  const char q = dq ? '"' : '\'';
  std::string out(1, q);
  for (char c : s) {
    if (c == '\\' || c == q) out += '\\';
    out += c;
  }
  return out + q;
}
inline std::string py_repr(const std::string& s) { return py_repr(std::string_view(s)); }
inline std::string py_repr(const char* s) { return py_repr(std::string_view(s)); }

/// What an f-string shows for a tensor: a 0-d tensor formats as its Python number
/// (Tensor.__format__ uses item()), any other as its repr.
inline std::string py_str(const tl::Tensor& t) { return t.dim() == 0 ? py_repr(t.item()) : tl::repr(t); }

/// A tuple as IPython's pretty printer shows it (width 79): on one line when it fits and no
/// element spans lines; otherwise one element per line, continuation lines indented by one.
inline std::string tuple_repr(const std::vector<std::string>& items) {
  const std::string trailer = items.size() == 1 ? "," : "";
  std::string one_line = "(";
  for (size_t i = 0; i < items.size(); ++i) one_line += (i ? ", " : "") + items[i];
  one_line += trailer + ")";
  if (one_line.find('\n') == std::string::npos && one_line.size() <= 79) return one_line;
  std::string out = "(";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ",\n ";
    for (char c : items[i]) out += c == '\n' ? std::string("\n ") : std::string(1, c);
  }
  return out + trailer + ")";
}

/// Jupyter's display of a cell's last expression: `show(x)` for a value, `show(a, b)` for `a, b`.
template <typename T>
void show(const T& value) {
  std::cout << py_repr(value) << "\n";
}
template <typename A, typename B, typename... Rest>
void show(const A& a, const B& b, const Rest&... rest) {
  std::cout << tuple_repr({py_repr(a), py_repr(b), py_repr(rest)...}) << "\n";
}

/// The last line of the traceback Jupyter shows: `RuntimeError: mat1 and mat2 shapes ...`.
inline void show_error(const tl::Error& e) { std::cout << tl::error_kind_name(e.kind()) << ": " << e.what() << "\n"; }

/// The header line that starts each cell's output; the test splits the output on it.
inline void cell(int number, std::string_view title) { std::cout << "=== cell " << number << ": " << title << " ===\n"; }
inline void exercise(int number, std::string_view title) {
  std::cout << "=== exercise " << number << ": " << title << " ===\n";
}

// ---- %%time ------------------------------------------------------------------------------------
/// IPython's %%time: CPU (user, system) and wall time from construction to `print()`.
class CellTimer {
 public:
  CellTimer() : wall_(std::chrono::steady_clock::now()) { cpu(user_, sys_); }
  /// Prints `CPU times: user 178 µs, sys: 62 µs, total: 240 µs` and `Wall time: 248 µs`.
  void print() const {
    double user = 0, sys = 0;
    cpu(user, sys);
    user -= user_;
    sys -= sys_;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count();
    std::cout << "CPU times: user " << format(user) << ", sys: " << format(sys) << ", total: " << format(user + sys)
              << "\nWall time: " << format(wall) << "\n";
  }

 private:
  static void cpu(double& user, double& sys) {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    user = static_cast<double>(u.ru_utime.tv_sec) + static_cast<double>(u.ru_utime.tv_usec) * 1e-6;
    sys = static_cast<double>(u.ru_stime.tv_sec) + static_cast<double>(u.ru_stime.tv_usec) * 1e-6;
  }
  // IPython's _format_time: 3 significant digits in s, ms, µs or ns.
  static std::string format(double seconds) {
    static const char* const units[] = {"s", "ms", "\u00b5s", "ns"};
    static const double scaling[] = {1, 1e3, 1e6, 1e9};
    int order = 3;
    if (seconds > 0) {
      const int exponent = static_cast<int>(std::floor(std::log10(seconds)));
      // Python's // floors; C++'s / truncates toward zero.
      const int floor_div = exponent >= 0 ? exponent / 3 : -((-exponent + 2) / 3);
      order = std::max(0, std::min(-floor_div, 3));
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3g %s", seconds * scaling[order], units[order]);
    return buf;
  }
  std::chrono::steady_clock::time_point wall_;
  double user_ = 0, sys_ = 0;
};

}  // namespace nb
