// Hidden suite for 08-aggregation. Golden values: graders/suites/fixtures/08-aggregation.json
// (tools/fixtures/gen_course.py: min/max/mean/sum/argmax/argmin of PyTorch 1.13.1).
#include <gtest/gtest.h>

#include <functional>
#include <map>

#include <course/08_aggregation.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::expect_error;
using suite::same_tensor;
using suite::tensor_from_json;
using tl::indexing::Slice;

namespace {

const nlohmann::json& fx() { return suite::fixture("08-aggregation.json"); }

// The C++ twins of gen_08()'s view functions (the others use the tensor as it is).
tl::Tensor view_of(const std::string& name, const tl::Tensor& t) {
  if (name == "transposed") return t.t();
  if (name == "strided") return t.index({Slice(1, std::nullopt, 3)});
  if (name == "column") return t.index({Slice(), 2});
  if (name == "permuted") return t.permute({2, 0, 1});
  return t;
}

struct Case {
  std::string name;
  tl::Tensor input;
  const nlohmann::json* json;
};

std::vector<Case> cases(const std::function<bool(const std::string&, const nlohmann::json&)>& select) {
  std::vector<Case> out;
  for (const auto& c : fx()["cases"]) {
    const std::string name = c["name"];
    if (!select(name, c)) continue;
    out.push_back({name, view_of(name, tensor_from_json(c["base"])), &c});
  }
  EXPECT_FALSE(out.empty());
  return out;
}

std::string what(const Case& c) { return "for the case '" + c.name + "': " + suite::show(c.input); }

void check_positions(const std::function<bool(const std::string&)>& select) {
  for (const auto& c : cases([&](const std::string& n, const nlohmann::json& j) { return select(n) && j.contains("argmax"); })) {
    EXPECT_EQ((*c.json)["argmax"].get<int64_t>(), course::argmax_by_hand(c.input)) << "argmax_by_hand " << what(c);
    EXPECT_EQ((*c.json)["argmin"].get<int64_t>(), course::argmin_by_hand(c.input)) << "argmin_by_hand " << what(c);
  }
}

}  // namespace

// ---- mean_any --------------------------------------------------------------------------

TEST(MeanAny, NotebookIntegers) {
  EXPECT_TRUE(same_tensor(tl::full({}, 45.0, tl::kFloat), course::mean_any(tl::arange(0, 100, 10))))
      << "mean of tensor([0, 10, ..., 90]) should be tensor(45.)";
}

TEST(MeanAny, IntegerAndBoolTensorsBecomeFloat32) {
  for (const auto& c : cases([](const std::string&, const nlohmann::json& j) {
         return j["base"]["dtype"] != "float32" && j["base"]["dtype"] != "float64" && j["base"]["dtype"] != "float16";
       })) {
    EXPECT_TRUE(suite::close_tensor(tensor_from_json((*c.json)["mean"]), course::mean_any(c.input), 1e-6, 1e-6))
        << "mean_any " << what(c);
  }
}

TEST(MeanAny, FloatingTensorsKeepTheirDtype) {
  for (const auto& c : cases([](const std::string&, const nlohmann::json& j) {
         return j["base"]["dtype"] == "float32" || j["base"]["dtype"] == "float64" || j["base"]["dtype"] == "float16";
       })) {
    EXPECT_TRUE(suite::close_tensor(tensor_from_json((*c.json)["mean"]), course::mean_any(c.input), 1e-5, 1e-6))
        << "mean_any " << what(c);
  }
}

TEST(MeanAny, EmptyTensorsGiveNaN) {
  for (const auto& c : cases([](const std::string& n, const nlohmann::json&) { return suite::one_of(n, {"empty_float", "empty_int"}); })) {
    EXPECT_TRUE(same_tensor(tensor_from_json((*c.json)["mean"]), course::mean_any(c.input))) << "mean_any " << what(c);
  }
}

TEST(MeanAny, InputIsUnchanged) {
  const tl::Tensor x = tl::arange(0, 100, 10);
  (void)course::mean_any(x);
  EXPECT_TRUE(same_tensor(tl::arange(0, 100, 10), x)) << "the input keeps its dtype and values";
}

// ---- aggregate -------------------------------------------------------------------------

TEST(Aggregate, NotebookCell) {
  const auto a = course::aggregate(tl::arange(0, 100, 10));
  EXPECT_TRUE(same_tensor(tl::full({}, 0, tl::kLong), a.min)) << "min";
  EXPECT_TRUE(same_tensor(tl::full({}, 90, tl::kLong), a.max)) << "max";
  EXPECT_TRUE(same_tensor(tl::full({}, 45.0, tl::kFloat), a.mean)) << "mean";
  EXPECT_TRUE(same_tensor(tl::full({}, 450, tl::kLong), a.sum)) << "sum";
}

TEST(Aggregate, EveryDtypeAndLayout) {
  for (const auto& c : cases([](const std::string&, const nlohmann::json& j) { return j.contains("min"); })) {
    const auto a = course::aggregate(c.input);
    const auto& j = *c.json;
    EXPECT_TRUE(same_tensor(tensor_from_json(j["min"]), a.min)) << "min " << what(c);
    EXPECT_TRUE(same_tensor(tensor_from_json(j["max"]), a.max)) << "max " << what(c);
    EXPECT_TRUE(suite::close_tensor(tensor_from_json(j["mean"]), a.mean, 1e-5, 1e-6)) << "mean " << what(c);
    const tl::Tensor sum = tensor_from_json(j["sum"]);
    EXPECT_TRUE(sum.is_floating_point() ? suite::close_tensor(sum, a.sum, 1e-5, 1e-5) : same_tensor(sum, a.sum))
        << "sum " << what(c);
  }
}

// ---- argmax_by_hand / argmin_by_hand ---------------------------------------------------

TEST(ArgmaxArgmin, NotebookPositions) {
  EXPECT_EQ(8, course::argmax_by_hand(tl::arange(10, 100, 10))) << "Index where max value occurs";
  EXPECT_EQ(0, course::argmin_by_hand(tl::arange(10, 100, 10))) << "Index where min value occurs";
}

TEST(ArgmaxArgmin, FirstOccurrenceWinsTies) {
  check_positions([](const std::string& n) { return suite::one_of(n, {"ties", "signed_zero", "int32", "uint8", "int8_negative", "float16"}); });
}

TEST(ArgmaxArgmin, NaNWinsBoth) {
  check_positions([](const std::string& n) { return suite::one_of(n, {"nan_first_wins", "nan_at_start"}); });
}

TEST(ArgmaxArgmin, Infinities) { check_positions([](const std::string& n) { return n == "infinities"; }); }

TEST(ArgmaxArgmin, LargeInt64ValuesCompareExactly) {
  check_positions([](const std::string& n) { return n == "int64_large"; });
}

TEST(ArgmaxArgmin, FloatingTypes) {
  check_positions([](const std::string& n) { return suite::one_of(n, {"float32_random", "float64_random", "float16"}); });
}

TEST(ArgmaxArgmin, FlatPositionOfMultiDimTensors) {
  check_positions([](const std::string& n) { return suite::one_of(n, {"three_d", "int16", "one_element", "zero_dim"}); });
}

TEST(ArgmaxArgmin, ViewsAreReadInRowMajorOrder) {
  check_positions([](const std::string& n) { return suite::one_of(n, {"transposed", "strided", "column", "permuted"}); });
}

TEST(ArgmaxArgmin, EveryFixtureCase) { check_positions([](const std::string&) { return true; }); }

TEST(ArgmaxArgmin, BoolIsNotSupported) {
  // A copy: the vector cases() returns is a temporary.
  const Case c = cases([](const std::string& n, const nlohmann::json&) { return n == "bool"; }).at(0);
  EXPECT_TRUE(expect_error([&] { course::argmax_by_hand(c.input); }, (*c.json)["argmax_error"]["message"]));
  EXPECT_TRUE(expect_error([&] { course::argmin_by_hand(c.input); }, (*c.json)["argmin_error"]["message"]));
}

TEST(ArgmaxArgmin, EmptyIsAnIndexError) {
  for (const auto& c : cases([](const std::string& n, const nlohmann::json&) { return suite::one_of(n, {"empty_float", "empty_int"}); })) {
    EXPECT_TRUE(suite::expect_error_kind([&] { course::argmax_by_hand(c.input); }, tl::ErrorKind::IndexError,
                                         (*c.json)["argmax_error"]["message"]))
        << what(c);
    EXPECT_TRUE(suite::expect_error_kind([&] { course::argmin_by_hand(c.input); }, tl::ErrorKind::IndexError,
                                         (*c.json)["argmin_error"]["message"]))
        << what(c);
  }
}
