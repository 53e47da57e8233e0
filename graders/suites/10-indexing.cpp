// Hidden suite for 10-indexing. Golden values: graders/suites/fixtures/10-indexing.json
// (tools/fixtures/gen_course.py: indexing results, strides and storage offsets of PyTorch 1.13.1).
#include <gtest/gtest.h>

#include <functional>
#include <map>

#include <course/10_indexing.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::expect_error_kind;
using suite::same_tensor;
using suite::tensor_from_json;
using tl::indexing::Slice;

namespace {

const nlohmann::json& fx() { return suite::fixture("10-indexing.json"); }

// The C++ twins of gen_10()'s inputs.
tl::Tensor input(const std::string& name) {
  if (name == "notebook") return tl::arange(1, 10).reshape({1, 3, 3});
  if (name == "batch") return tl::arange(24).reshape({2, 3, 4});
  if (name == "permuted") return tl::arange(60).reshape({3, 4, 5}).permute({2, 0, 1});
  if (name == "four_d") return tl::arange(48).reshape({2, 2, 3, 4});
  if (name == "offset_view") return tl::arange(100).reshape({4, 5, 5}).index({Slice(1, std::nullopt), Slice(1, std::nullopt), Slice(2, std::nullopt)});
  throw std::runtime_error("unknown input " + name);
}

::testing::AssertionResult same_view(const tl::Tensor& x, const nlohmann::json& want, const tl::Tensor& got, const std::string& what) {
  auto r = same_tensor(tensor_from_json(want["values"]), got);
  if (!r) return r << " (" << what << ")";
  r = suite::shares_storage(x, got, what);
  if (!r) return r;
  if (!suite::same_shape(suite::shape_from_json(want["strides"]), got.strides()))
    return ::testing::AssertionFailure() << what << ": strides should be " << suite::str_list(suite::shape_from_json(want["strides"]))
                                         << ", got " << suite::str_list(got.strides());
  if (want["offset"].get<int64_t>() != got.storage_offset())
    return ::testing::AssertionFailure() << what << ": storage offset should be " << want["offset"] << ", got " << got.storage_offset();
  return ::testing::AssertionSuccess();
}

void check_field(const std::string& field, const std::string& expr) {
  for (const auto& [name, c] : fx()["notebook"].items()) {
    const tl::Tensor x = input(name);
    const auto r = course::notebook_indexing(x);
    const tl::Tensor got = field == "first" ? r.first : field == "second" ? r.second : field == "col0" ? r.col0
                         : field == "col1" ? r.col1 : field == "center" ? r.center : r.row;
    EXPECT_TRUE(same_view(x, c[field], got, expr)) << "for x = " << suite::show(x);
  }
}

void check_offsets(const std::function<bool(const nlohmann::json&)>& select) {
  int n = 0;
  for (const auto& c : fx()["offsets"]) {
    if (!select(c)) continue;
    ++n;
    const tl::Tensor x = input(c["input"]);
    const auto idx = suite::shape_from_json(c["index"]);
    const std::string what = "element_offset(x, " + suite::str_list(idx) + ") for x of shape " + suite::str(x.sizes()) +
                             ", strides " + suite::str_list(x.strides()) + ", storage offset " + std::to_string(x.storage_offset());
    if (c.contains("offset")) {
      EXPECT_EQ(c["offset"].get<int64_t>(), course::element_offset(x, idx)) << what;
    } else {
      EXPECT_TRUE(expect_error_kind([&] { course::element_offset(x, idx); }, tl::ErrorKind::IndexError, c["error"]["message"]))
          << what;
    }
  }
  ASSERT_GT(n, 0);
}

bool has_negative(const nlohmann::json& c) {
  for (const auto& v : c["index"])
    if (v.get<int64_t>() < 0) return true;
  return false;
}

void check_slices(const std::function<bool(const nlohmann::json&)>& select) {
  int n = 0;
  for (const auto& c : fx()["slices"]) {
    if (!select(c)) continue;
    ++n;
    auto opt = [](const nlohmann::json& v) { return v.is_null() ? std::nullopt : std::optional<int64_t>(v.get<int64_t>()); };
    const int64_t size = c["size"], step = c["step"];
    const auto b = course::slice_bounds(size, opt(c["start"]), opt(c["stop"]), step);
    const std::string what = "slice_bounds(" + std::to_string(size) + ", " + c["start"].dump() + ", " + c["stop"].dump() +
                             ", " + std::to_string(step) + ")";
    EXPECT_EQ(c["length"].get<int64_t>(), b.length) << what << ": length";
    EXPECT_EQ(c["first"].get<int64_t>(), b.start) << what << ": start";
  }
  ASSERT_GT(n, 0);
}

}  // namespace

// ---- notebook_indexing -----------------------------------------------------------------

TEST(NotebookIndexing, FirstSquareBracket) { check_field("first", "x[0]"); }
TEST(NotebookIndexing, SecondSquareBracket) { check_field("second", "x[0][0]"); }

TEST(NotebookIndexing, ThirdSquareBracketIsANumber) {
  for (const auto& [name, c] : fx()["notebook"].items()) {
    EXPECT_EQ(c["third"].get<int64_t>(), course::notebook_indexing(input(name)).third) << "x[0][0][0] for " << name;
  }
}

TEST(NotebookIndexing, AllOfDimZeroIndexZeroOfDimOne) { check_field("col0", "x[:, 0]"); }
TEST(NotebookIndexing, IndexOneOfTheLastDim) { check_field("col1", "x[:, :, 1]"); }
TEST(NotebookIndexing, CenterElement) { check_field("center", "x[:, 1, 1]"); }
TEST(NotebookIndexing, FirstRow) { check_field("row", "x[0, 0, :]"); }

TEST(NotebookIndexing, WritingThroughAViewChangesX) {
  tl::Tensor x = tl::arange(1, 10).reshape({1, 3, 3});
  auto r = course::notebook_indexing(x);
  ASSERT_TRUE(r.center.defined());
  r.center.fill_(50);
  EXPECT_EQ(x.index({0, 1, 1}).item<int64_t>(), 50) << "x[:, 1, 1] should be a view: filling it must change x";
}

// ---- element_offset --------------------------------------------------------------------

TEST(ElementOffset, NotebookTensor) {
  check_offsets([](const auto& c) { return c["input"] == "notebook" && c.contains("offset") && !has_negative(c); });
}

TEST(ElementOffset, PartialIndices) {
  check_offsets([](const auto& c) { return c.contains("offset") && c["index"].size() < 3; });
}

TEST(ElementOffset, NegativeIndices) {
  check_offsets([](const auto& c) { return c.contains("offset") && has_negative(c); });
}

TEST(ElementOffset, ViewsWithOtherStridesAndOffsets) {
  check_offsets([](const auto& c) { return c.contains("offset") && (c["input"] == "permuted" || c["input"] == "offset_view"); });
}

TEST(ElementOffset, FourDims) { check_offsets([](const auto& c) { return c["input"] == "four_d"; }); }

TEST(ElementOffset, OutOfBounds) {
  check_offsets([](const auto& c) {
    return c.contains("error") && c["error"]["message"].template get<std::string>().rfind("index", 0) == 0;
  });
}

TEST(ElementOffset, TooManyIndices) {
  check_offsets([](const auto& c) {
    return c.contains("error") && c["error"]["message"].template get<std::string>().rfind("too many", 0) == 0;
  });
}

TEST(ElementOffset, EmptyIndexIsTheTensorsOwnOffset) {
  const tl::Tensor x = input("offset_view");
  EXPECT_EQ(x.storage_offset(), course::element_offset(x, {}));
}

// ---- slice_bounds ----------------------------------------------------------------------

TEST(SliceBounds, NotebookColon) {
  const auto b = course::slice_bounds(3, std::nullopt, std::nullopt, 1);
  EXPECT_EQ(0, b.start);
  EXPECT_EQ(3, b.length);
}

TEST(SliceBounds, Steps) { check_slices([](const auto& c) { return c["step"] != 1; }); }

TEST(SliceBounds, NegativeStartAndStop) {
  check_slices([](const auto& c) {
    return (!c["start"].is_null() && c["start"].template get<int64_t>() < 0) || (!c["stop"].is_null() && c["stop"].template get<int64_t>() < 0);
  });
}

TEST(SliceBounds, OutOfRangeIsClampedNotAnError) {
  check_slices([](const auto& c) {
    const int64_t size = c["size"];
    auto out = [&](const nlohmann::json& v) { return !v.is_null() && (v.template get<int64_t>() > size || v.template get<int64_t>() < -size); };
    return out(c["start"]) || out(c["stop"]);
  });
}

TEST(SliceBounds, EmptySlices) { check_slices([](const auto& c) { return c["length"] == 0; }); }

TEST(SliceBounds, EveryFixtureCase) { check_slices([](const auto&) { return true; }); }

TEST(SliceBounds, StepMustBePositive) {
  const std::string msg = fx()["slice_error"]["message"];
  EXPECT_TRUE(expect_error_kind([] { course::slice_bounds(5, std::nullopt, std::nullopt, -1); }, tl::ErrorKind::ValueError, msg));
  EXPECT_TRUE(expect_error_kind([] { course::slice_bounds(5, 1, 3, 0); }, tl::ErrorKind::ValueError, msg));
}
