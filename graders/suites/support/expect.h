#pragma once
// Shared helpers for the hidden suites: PyTorch fixtures, and comparisons whose failure
// messages tell a student what was expected and what came back (dtype, shape, the first
// differing element), never library internals.
//
// Rules the helpers enforce so that no test can pass on an untouched stub:
//  - expect_error() fails when the call throws tl::NotImplemented (the stub) or nothing;
//  - every comparison fails on an undefined tensor.

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include <tl/tl.h>

namespace suite {

// ---- fixtures ------------------------------------------------------------------------

/// Folder of the JSON fixtures written by tools/fixtures/gen_course.py.
inline std::filesystem::path fixture_dir() {
#ifdef TL_SUITE_FIXTURE_DIR
  return TL_SUITE_FIXTURE_DIR;
#else
  return std::filesystem::path(__FILE__).parent_path().parent_path() / "fixtures";
#endif
}

/// The "data" member of graders/suites/fixtures/<name>; throws when missing.
inline const nlohmann::json& fixture(const std::string& name) {
  static std::map<std::string, nlohmann::json> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  const auto path = fixture_dir() / name;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("missing fixture " + path.string() + " (run tools/fixtures/gen_course.py)");
  return cache[name] = nlohmann::json::parse(in).at("data");
}

/// The entry of a seeded fixture's "runs" list made with `seed`; throws when there is none.
inline const nlohmann::json& run_for_seed(const nlohmann::json& data, uint64_t seed) {
  for (const auto& r : data.at("runs"))
    if (r.at("seed").get<uint64_t>() == seed) return r;
  throw std::runtime_error("no fixture run for seed " + std::to_string(seed));
}

/// "float32" -> tl::kFloat, ...
inline tl::ScalarType dtype_from_name(const std::string& n) {
  static const std::map<std::string, tl::ScalarType> names = {
      {"float32", tl::kFloat}, {"float16", tl::kHalf}, {"float64", tl::kDouble},
      {"int8", tl::kChar},     {"int16", tl::kShort},  {"int32", tl::kInt},
      {"int64", tl::kLong},    {"uint8", tl::kByte},   {"bool", tl::kBool}};
  auto it = names.find(n);
  if (it == names.end()) throw std::runtime_error("unknown dtype name " + n);
  return it->second;
}

/// A fixture number (or "nan"/"inf"/"-inf", or a bool) as a Scalar.
inline tl::Scalar scalar_from_json(const nlohmann::json& v) {
  if (v.is_boolean()) return tl::Scalar(v.get<bool>());
  if (v.is_string()) {
    const auto s = v.get<std::string>();
    if (s == "nan") return tl::Scalar(std::numeric_limits<double>::quiet_NaN());
    if (s == "-nan") return tl::Scalar(-std::numeric_limits<double>::quiet_NaN());
    if (s == "inf") return tl::Scalar(std::numeric_limits<double>::infinity());
    if (s == "-inf") return tl::Scalar(-std::numeric_limits<double>::infinity());
    throw std::runtime_error("bad fixture value " + s);
  }
  if (v.is_number_integer()) return tl::Scalar(v.get<int64_t>());
  return tl::Scalar(v.get<double>());
}

/// A fixture number as a double.
inline double double_from_json(const nlohmann::json& v) { return scalar_from_json(v).to_double(); }

/// Rebuilds a tensor written by common.encode_tensor (bit-exact when "bits" is present).
inline tl::Tensor tensor_from_json(const nlohmann::json& j) {
  const tl::ScalarType dtype = dtype_from_name(j.at("dtype").get<std::string>());
  const std::vector<int64_t> shape = j.at("shape").get<std::vector<int64_t>>();
  tl::Tensor t = tl::empty(shape, dtype);
  const auto& values = j.at("values");
  const bool has_bits = j.contains("bits");
  tl::dispatch(dtype, [&]<typename T>() {
    T* p = t.data_ptr<T>();
    for (size_t i = 0; i < values.size(); ++i) {
      if (has_bits) {
        const uint64_t b = j["bits"][i].get<uint64_t>();
        std::memcpy(static_cast<void*>(&p[i]), &b, sizeof(T));  // little-endian: the low bytes hold the pattern
      } else {
        p[i] = scalar_from_json(values[i]).to<T>();
      }
    }
  });
  return t;
}

/// A JSON list of ints as a shape.
inline std::vector<int64_t> shape_from_json(const nlohmann::json& j) { return j.get<std::vector<int64_t>>(); }

// ---- describing values -----------------------------------------------------------------

template <typename T>
std::string str(const T& v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

/// `[1, 2]` for a list of ints.
inline std::string str_list(tl::IntArrayRef v) {
  std::ostringstream os;
  os << "[";
  for (size_t i = 0; i < v.size(); ++i) os << (i ? ", " : "") << v[i];
  os << "]";
  return os.str();
}

/// Row-major multi-index of flat position `flat` in `shape`, as `[i, j, k]`.
inline std::string index_of(int64_t flat, tl::IntArrayRef shape) {
  std::vector<int64_t> idx(shape.size());
  for (size_t d = shape.size(); d-- > 0;) {
    idx[d] = shape[d] ? flat % shape[d] : 0;
    flat = shape[d] ? flat / shape[d] : 0;
  }
  return str_list(idx);
}

/// Element `i` (row-major) of a contiguous CPU tensor as a double; bool as 0/1.
inline double element(const tl::Tensor& contiguous, int64_t i) {
  return tl::dispatch(contiguous.dtype(), [&]<typename T>() -> double {
    return static_cast<double>(static_cast<const T*>(contiguous.data_ptr())[i]);
  });
}

/// A printable number: integers without decimals, floats with enough digits to differ.
inline std::string num(double v, tl::ScalarType dtype) {
  std::ostringstream os;
  if (dtype == tl::kBool) {
    os << (v != 0 ? "True" : "False");
  } else if (tl::is_floating_point(dtype)) {
    os.precision(dtype == tl::kDouble ? 17 : 9);
    os << v;
  } else {
    os << static_cast<int64_t>(v);
  }
  return os.str();
}

/// The tensor as PyTorch would print it, shortened for a failure message.
inline std::string show(const tl::Tensor& t) {
  if (!t.defined()) return "an undefined tensor";
  std::string s;
  try {
    s = tl::repr(t);
  } catch (const std::exception&) {
    s = "a tensor of shape " + str(t.sizes());
  }
  if (s.size() > 600) s = s.substr(0, 600) + " ...";
  return s;
}

// ---- tensor comparisons ----------------------------------------------------------------

/// Checks dtype, shape, then values: bit for bit when `exact` (NaN matches any NaN),
/// else within `atol + rtol * |expected|`.
inline ::testing::AssertionResult compare_tensors(const tl::Tensor& expected, const tl::Tensor& actual,
                                                  double rtol, double atol, bool exact) {
  if (!actual.defined()) return ::testing::AssertionFailure() << "expected " << show(expected) << ", got an undefined tensor";
  if (expected.dtype() != actual.dtype())
    return ::testing::AssertionFailure() << "wrong dtype: expected " << expected.dtype() << ", got " << actual.dtype()
                                         << "\n  expected: " << show(expected) << "\n  got:      " << show(actual);
  if (!(expected.sizes() == actual.sizes()))
    return ::testing::AssertionFailure() << "wrong shape: expected " << expected.sizes() << ", got " << actual.sizes()
                                         << "\n  expected: " << show(expected) << "\n  got:      " << show(actual);
  const tl::Tensor e = expected.cpu().contiguous(), a = actual.cpu().contiguous();
  const int64_t n = e.numel();
  const size_t w = static_cast<size_t>(e.element_size());
  const auto* pe = static_cast<const unsigned char*>(e.data_ptr());
  const auto* pa = static_cast<const unsigned char*>(a.data_ptr());
  for (int64_t i = 0; i < n; ++i) {
    const double ve = element(e, i), va = element(a, i);
    bool same;
    if (std::isnan(ve) || std::isnan(va)) {
      same = std::isnan(ve) && std::isnan(va);
    } else if (exact) {
      same = std::memcmp(pe + i * w, pa + i * w, w) == 0;
    } else {
      same = ve == va || std::fabs(ve - va) <= atol + rtol * std::fabs(ve);
    }
    if (!same)
      return ::testing::AssertionFailure()
             << "wrong value at index " << index_of(i, e.sizes()) << ": expected " << num(ve, e.dtype()) << ", got "
             << num(va, e.dtype()) << (exact ? "" : " (beyond tolerance)") << "\n  expected: " << show(expected)
             << "\n  got:      " << show(actual);
  }
  return ::testing::AssertionSuccess();
}

/// Same dtype, shape and bit patterns.
inline ::testing::AssertionResult same_tensor(const tl::Tensor& expected, const tl::Tensor& actual) {
  return compare_tensors(expected, actual, 0, 0, true);
}

/// Same dtype and shape; values within `atol + rtol * |expected|`.
inline ::testing::AssertionResult close_tensor(const tl::Tensor& expected, const tl::Tensor& actual,
                                               double rtol = 1e-5, double atol = 1e-6) {
  return compare_tensors(expected, actual, rtol, atol, false);
}

/// `actual` views the same memory as `base` (a view, not a copy).
inline ::testing::AssertionResult shares_storage(const tl::Tensor& base, const tl::Tensor& actual, const std::string& what) {
  if (!actual.defined()) return ::testing::AssertionFailure() << what << ": got an undefined tensor";
  if (!base.is_same_storage(actual))
    return ::testing::AssertionFailure() << what << " should be a view sharing memory with the original tensor, "
                                         << "but it is a copy (writes to one would not show in the other)";
  return ::testing::AssertionSuccess();
}

/// `actual` owns memory of its own (a copy, not a view).
inline ::testing::AssertionResult owns_storage(const tl::Tensor& base, const tl::Tensor& actual, const std::string& what) {
  if (!actual.defined()) return ::testing::AssertionFailure() << what << ": got an undefined tensor";
  if (base.is_same_storage(actual))
    return ::testing::AssertionFailure() << what << " should be a new tensor with its own memory, "
                                         << "but it shares memory with the original";
  return ::testing::AssertionSuccess();
}

/// A result (when defined) on the device type of `device`: ops must not move their data.
inline ::testing::AssertionResult stays_on(const tl::Tensor& result, tl::Device device) {
  if (!result.defined() || result.device().type() == device.type()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "the result should stay on " << device << ", got one on " << result.device();
}

/// True when `name` is one of `names` (selecting fixture cases by name).
inline bool one_of(const std::string& name, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (name == n) return true;
  return false;
}

/// Same shape list.
inline ::testing::AssertionResult same_shape(tl::IntArrayRef expected, tl::IntArrayRef actual) {
  if (expected.equals(actual)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "wrong shape: expected " << str_list(expected) << ", got " << str_list(actual);
}

// ---- errors ----------------------------------------------------------------------------

/// How strictly expect_error compares the message.
enum class Match { Exact, Contains, Any };

/// Runs `fn`, which must throw a tl::Error (not the stub's tl::NotImplemented) whose
/// message equals (or contains) `message`.
inline ::testing::AssertionResult expect_error(const std::function<void()>& fn, const std::string& message,
                                               Match match = Match::Exact) {
  try {
    fn();
  } catch (const tl::NotImplemented& e) {
    return ::testing::AssertionFailure() << "not implemented yet: " << e.what();
  } catch (const tl::Error& e) {
    const std::string got = e.what();
    const bool ok = match == Match::Any || (match == Match::Exact ? got == message : got.find(message) != std::string::npos);
    if (ok) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "threw tl::Error with the wrong message:\n  expected"
                                         << (match == Match::Contains ? " a message containing: " : ": ") << message
                                         << "\n  got: " << got;
  } catch (const std::exception& e) {
    return ::testing::AssertionFailure() << "expected a tl::Error (\"" << message << "\"), but got another exception: "
                                         << e.what();
  } catch (...) {
    return ::testing::AssertionFailure() << "expected a tl::Error (\"" << message << "\"), but got a non-standard exception";
  }
  return ::testing::AssertionFailure() << "expected a tl::Error (\"" << message << "\"), but nothing was thrown";
}

/// Same as expect_error, additionally checking the Python exception kind.
inline ::testing::AssertionResult expect_error_kind(const std::function<void()>& fn, tl::ErrorKind kind,
                                                    const std::string& message, Match match = Match::Exact) {
  auto r = expect_error(fn, message, match);
  if (!r) return r;
  try {
    fn();
  } catch (const tl::Error& e) {
    if (e.kind() != kind)
      return ::testing::AssertionFailure() << "right message, but it should be an " << tl::error_kind_name(kind)
                                           << ", not an " << tl::error_kind_name(e.kind());
  }
  return ::testing::AssertionSuccess();
}

}  // namespace suite
