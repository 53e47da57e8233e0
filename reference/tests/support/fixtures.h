#pragma once
// Loading the JSON fixtures written by tools/fixtures/*.py (PyTorch 1.13.1 golden values).

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tl/tl.h"

namespace tl::testing {

/// Reads `<fixture dir>/<name>` and returns its "data" member; fails the test when absent.
inline nlohmann::json load_fixture(const std::string& name) {
  const std::string path = std::string(TL_FIXTURE_DIR) + "/" + name;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("missing fixture " + path + " (run tools/fixtures/generate.sh)");
  return nlohmann::json::parse(in).at("data");
}

/// "float32" -> kFloat, ...
inline ScalarType dtype_from_name(const std::string& n) {
  if (n == "float32") return kFloat;
  if (n == "float16") return kHalf;
  if (n == "float64") return kDouble;
  if (n == "int8") return kChar;
  if (n == "int16") return kShort;
  if (n == "int32") return kInt;
  if (n == "int64") return kLong;
  if (n == "uint8") return kByte;
  if (n == "bool") return kBool;
  throw std::runtime_error("unknown dtype name " + n);
}

/// A JSON value (number, bool or "nan"/"inf"/"-inf") as a Scalar.
inline Scalar scalar_from_json(const nlohmann::json& v) {
  if (v.is_boolean()) return Scalar(v.get<bool>());
  if (v.is_string()) {
    const auto s = v.get<std::string>();
    if (s == "nan") return Scalar(std::numeric_limits<double>::quiet_NaN());
    if (s == "inf") return Scalar(std::numeric_limits<double>::infinity());
    if (s == "-inf") return Scalar(-std::numeric_limits<double>::infinity());
    throw std::runtime_error("bad value " + s);
  }
  if (v.is_number_integer()) return Scalar(v.get<int64_t>());
  return Scalar(v.get<double>());
}

/// Rebuilds the tensor encoded by common.encode_tensor (bit-exact when "bits" is present).
inline Tensor tensor_from_json(const nlohmann::json& j) {
  const ScalarType dtype = dtype_from_name(j.at("dtype").get<std::string>());
  std::vector<int64_t> shape = j.at("shape").get<std::vector<int64_t>>();
  Tensor t = empty(shape, dtype);
  const auto& values = j.at("values");
  const bool has_bits = j.contains("bits");
  dispatch(dtype, [&]<typename T>() {
    T* p = t.data_ptr<T>();
    for (size_t i = 0; i < values.size(); ++i) {
      if (has_bits) {
        const uint64_t b = j["bits"][i].get<uint64_t>();
        std::memcpy(static_cast<void*>(&p[i]), &b, sizeof(T));  // little-endian: low bytes hold the pattern
      } else {
        p[i] = scalar_from_json(values[i]).to<T>();
      }
    }
  });
  return t;
}

/// Streams anything to a string.
template <typename T>
std::string to_string(const T& v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

/// Exact comparison: same shape, dtype and bit patterns (NaNs equal to NaNs).
inline ::testing::AssertionResult tensors_identical(const Tensor& expected, const Tensor& actual) {
  if (expected.dtype() != actual.dtype())
    return ::testing::AssertionFailure() << "dtype: expected " << expected.dtype() << ", got " << actual.dtype();
  if (!(expected.sizes() == actual.sizes()))
    return ::testing::AssertionFailure() << "shape: expected " << expected.sizes() << ", got " << actual.sizes();
  Tensor e = expected.cpu().contiguous(), a = actual.cpu().contiguous();
  const size_t n = static_cast<size_t>(e.numel()), w = e.element_size();
  const auto* pe = static_cast<const unsigned char*>(e.data_ptr());
  const auto* pa = static_cast<const unsigned char*>(a.data_ptr());
  for (size_t i = 0; i < n; ++i) {
    if (std::memcmp(pe + i * w, pa + i * w, w) != 0) {
      const double ve = e.flatten()[static_cast<int64_t>(i)].item<double>();
      const double va = a.flatten()[static_cast<int64_t>(i)].item<double>();
      if (std::isnan(ve) && std::isnan(va)) continue;
      return ::testing::AssertionFailure() << "element " << i << ": expected " << ve << ", got " << va;
    }
  }
  return ::testing::AssertionSuccess();
}

}  // namespace tl::testing
