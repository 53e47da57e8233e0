#pragma once
// The view-op words (and clone, contiguous, to) of tools/fixtures/gen_views.py and gen_indexing.py, applied to tl
// tensors, and a check that an expression raises PyTorch's error.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "support/fixtures.h"
#include "tl/tl.h"

namespace tl::testing {

/// A JSON integer or null as an optional (Python's None).
inline std::optional<int64_t> optional_int(const nlohmann::json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<int64_t>();
}

/// Applies one op such as ["view", [2, 3]] or ["slice", 1, null, null, 2] (see gen_views.py).
inline Tensor apply_view_op(const Tensor& t, const nlohmann::json& op) {
  const std::string name = op.at(0).get<std::string>();
  auto i = [&](size_t k) { return op.at(k).get<int64_t>(); };
  auto list = [&](size_t k) { return op.at(k).get<std::vector<int64_t>>(); };
  if (name == "view") return t.view(list(1));
  if (name == "view_dtype") return t.view(dtype_from_name(op.at(1).get<std::string>()));
  if (name == "reshape") return t.reshape(list(1));
  if (name == "flatten") {
    if (op.size() == 1) return t.flatten();
    return op.size() == 2 ? t.flatten(i(1)) : t.flatten(i(1), i(2));
  }
  if (name == "squeeze") return op.size() == 1 ? t.squeeze() : t.squeeze(i(1));
  if (name == "unsqueeze") return t.unsqueeze(i(1));
  if (name == "permute") return t.permute(list(1));
  if (name == "transpose") return t.transpose(i(1), i(2));
  if (name == "t") return t.t();
  if (name == "expand") return t.expand(list(1));
  if (name == "select") return t.select(i(1), i(2));
  if (name == "slice") return t.slice(i(1), optional_int(op.at(2)), optional_int(op.at(3)), i(4));
  if (name == "narrow") return t.narrow(i(1), i(2), i(3));
  if (name == "clone") return t.clone();
  if (name == "contiguous") return t.contiguous();
  if (name == "to") return t.to(dtype_from_name(op.at(1).get<std::string>()));
  throw std::runtime_error("unknown view op " + name);
}

/// Applies a list of ops in order.
inline Tensor apply_view_chain(Tensor t, const nlohmann::json& chain) {
  for (const auto& op : chain) t = apply_view_op(t, op);
  return t;
}

/// Passes when `fn` throws a tl::Error with exactly the fixture's {"kind", "message"}.
template <typename Fn>
::testing::AssertionResult throws_pytorch_error(Fn&& fn, const nlohmann::json& expected) {
  const std::string kind = expected.at("kind").get<std::string>();
  const std::string message = expected.at("message").get<std::string>();
  try {
    fn();
  } catch (const Error& e) {
    if (e.what() != message || error_kind_name(e.kind()) != kind) {
      return ::testing::AssertionFailure() << "expected " << kind << ": " << message << "\n     got "
                                           << error_kind_name(e.kind()) << ": " << e.what();
    }
    return ::testing::AssertionSuccess();
  } catch (const std::exception& e) {
    return ::testing::AssertionFailure() << "expected tl::Error " << kind << ", got another exception: " << e.what();
  }
  return ::testing::AssertionFailure() << "expected " << kind << ": " << message << ", but nothing was thrown";
}

}  // namespace tl::testing
