// Hidden suite for 03-zeros-ones-range. Golden values: graders/suites/fixtures/03-zeros-ones-range.json
// (tools/fixtures/gen_course.py: torch.arange / torch.full_like of PyTorch 1.13.1); the
// notebook's tensors are its printed output.
#include <gtest/gtest.h>

#include <functional>
#include <map>

#include <course/03_zeros_ones_range.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::expect_error;
using suite::same_tensor;
using suite::scalar_from_json;
using suite::tensor_from_json;

namespace {

const nlohmann::json& fx() { return suite::fixture("03-zeros-ones-range.json"); }

std::string describe(const nlohmann::json& c) {
  return "arange(" + c["start"].dump() + ", " + c["end"].dump() + ", " + c["step"].dump() + ")";
}

bool all_integers(const nlohmann::json& c) {
  return c["start"].is_number_integer() && c["end"].is_number_integer() && c["step"].is_number_integer();
}

// Runs `check` on the fixture cases selected by `select`; fails when none is selected.
void for_cases(const std::function<bool(const nlohmann::json&)>& select,
               const std::function<void(const nlohmann::json&, tl::Scalar, tl::Scalar, tl::Scalar)>& check) {
  int n = 0;
  for (const auto& c : fx()["arange"]) {
    if (!select(c)) continue;
    ++n;
    check(c, scalar_from_json(c["start"]), scalar_from_json(c["end"]), scalar_from_json(c["step"]));
  }
  ASSERT_GT(n, 0);
}

bool ok(const nlohmann::json& c) { return !c.contains("error"); }
bool failing(const nlohmann::json& c) { return c.contains("error"); }

std::map<std::string, std::function<tl::Tensor()>> likes() {
  return {
      {"notebook", [] { return tl::arange(0, 10, 1); }},
      {"int32_matrix", [] { return tl::ones({2, 3}, tl::kInt); }},
      {"transposed", [] { return tl::zeros({2, 3}).t(); }},
      {"zero_dim_double", [] { return tl::full({}, 3.5, tl::kDouble); }},
      {"empty_half", [] { return tl::zeros({0, 3}, tl::kHalf); }},
      {"bool_matrix", [] { return tl::eye(2, tl::kBool); }},
      {"uint8_3d", [] { return tl::arange(24, tl::kByte).reshape({2, 3, 4}); }},
      {"int8_vector", [] { return tl::arange(-3, 3, tl::kChar); }},
  };
}

}  // namespace

// ---- make_notebook_factories -----------------------------------------------------------

TEST(NotebookFactories, ZerosAreFloat32ThreeByFour) {
  const auto nb = course::make_notebook_factories();
  EXPECT_TRUE(same_tensor(tl::full({3, 4}, 0.0, tl::kFloat), nb.zeros));
}

TEST(NotebookFactories, OnesAreFloat32ThreeByFour) {
  const auto nb = course::make_notebook_factories();
  EXPECT_TRUE(same_tensor(tl::full({3, 4}, 1.0, tl::kFloat), nb.ones));
}

TEST(NotebookFactories, ZeroToTenIsInt64) {
  const auto nb = course::make_notebook_factories();
  EXPECT_TRUE(same_tensor(tl::tensor({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), nb.zero_to_ten));
}

TEST(NotebookFactories, TenZerosLikeZeroToTen) {
  const auto nb = course::make_notebook_factories();
  EXPECT_TRUE(same_tensor(tl::full({10}, 0, tl::kLong), nb.ten_zeros));
  ASSERT_TRUE(nb.zero_to_ten.defined());
  EXPECT_FALSE(nb.ten_zeros.is_same_storage(nb.zero_to_ten)) << "zeros_like makes a new tensor";
}

// ---- arange_length ---------------------------------------------------------------------

TEST(ArangeLength, NotebookRange) { EXPECT_EQ(course::arange_length(0, 10, 1), 10); }

TEST(ArangeLength, IntegerRanges) {
  for_cases([](const auto& c) { return ok(c) && all_integers(c); }, [](const auto& c, auto a, auto b, auto s) {
    EXPECT_EQ(course::arange_length(a, b, s), c["length"].template get<int64_t>()) << describe(c);
  });
}

TEST(ArangeLength, FloatingRanges) {
  for_cases([](const auto& c) { return ok(c) && !all_integers(c); }, [](const auto& c, auto a, auto b, auto s) {
    EXPECT_EQ(course::arange_length(a, b, s), c["length"].template get<int64_t>()) << describe(c);
  });
}

TEST(ArangeLength, EmptyRanges) {
  EXPECT_EQ(course::arange_length(5, 5, 1), 0);
  EXPECT_EQ(course::arange_length(2.5, 2.5, 1), 0);
  EXPECT_EQ(course::arange_length(3, 3, -2), 0);
}

TEST(ArangeLength, LargeIntegersStayExact) {
  const int64_t big = int64_t(1) << 60;
  EXPECT_EQ(course::arange_length(big, big + 10, 3), 4) << "integer ranges must not go through double";
}

TEST(ArangeLength, ZeroStep) {
  for_cases([](const auto& c) { return failing(c) && c["error"] == "step must be nonzero"; },
            [](const auto& c, auto a, auto b, auto s) {
              EXPECT_TRUE(expect_error([&] { course::arange_length(a, b, s); }, c["error"])) << describe(c);
            });
}

TEST(ArangeLength, InfiniteOrNanBounds) {
  for_cases([](const auto& c) { return failing(c) && c["error"].template get<std::string>().rfind("unsupported", 0) == 0; },
            [](const auto& c, auto a, auto b, auto s) {
              EXPECT_TRUE(expect_error([&] { course::arange_length(a, b, s); }, c["error"])) << describe(c);
            });
}

TEST(ArangeLength, StepAgainstTheDirection) {
  for_cases([](const auto& c) { return failing(c) && c["error"].template get<std::string>().rfind("upper bound", 0) == 0; },
            [](const auto& c, auto a, auto b, auto s) {
              EXPECT_TRUE(expect_error([&] { course::arange_length(a, b, s); }, c["error"])) << describe(c);
            });
}

// ---- arange_by_hand --------------------------------------------------------------------

TEST(ArangeByHand, NotebookRange) {
  EXPECT_TRUE(same_tensor(tl::tensor({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), course::arange_by_hand(0, 10, 1)));
}

TEST(ArangeByHand, DefaultStepIsOne) {
  EXPECT_TRUE(same_tensor(tl::tensor({1.f, 2.f, 3.f, 4.f, 5.f, 6.f, 7.f}), course::arange_by_hand(1.0, 8.0)));
}

TEST(ArangeByHand, IntegerRangesAreInt64) {
  for_cases([](const auto& c) { return ok(c) && all_integers(c); }, [](const auto& c, auto a, auto b, auto s) {
    EXPECT_TRUE(same_tensor(tensor_from_json(c["expected"]), course::arange_by_hand(a, b, s))) << describe(c);
  });
}

TEST(ArangeByHand, FloatingRangesAreFloat32BitForBit) {
  for_cases([](const auto& c) { return ok(c) && !all_integers(c); }, [](const auto& c, auto a, auto b, auto s) {
    EXPECT_TRUE(same_tensor(tensor_from_json(c["expected"]), course::arange_by_hand(a, b, s))) << describe(c);
  });
}

TEST(ArangeByHand, ErrorsAsPyTorch) {
  for_cases(failing, [](const auto& c, auto a, auto b, auto s) {
    EXPECT_TRUE(expect_error([&] { course::arange_by_hand(a, b, s); }, c["error"])) << describe(c);
  });
}

TEST(ArangeByHand, EmptyRangeIsOneDimensional) {
  const tl::Tensor t = course::arange_by_hand(5, 5, 1);
  EXPECT_TRUE(same_tensor(tl::zeros({0}, tl::kLong), t));
}

// ---- full_like_by_hand -----------------------------------------------------------------

TEST(FullLikeByHand, NotebookZerosLike) {
  const tl::Tensor zero_to_ten = tl::arange(0, 10, 1);
  EXPECT_TRUE(same_tensor(tl::full({10}, 0, tl::kLong), course::full_like_by_hand(zero_to_ten, 0)));
}

TEST(FullLikeByHand, EveryDtypeAndValue) {
  auto make = likes();
  for (const auto& c : fx()["full_like"]) {
    const tl::Tensor like = make.at(c["like"])();
    const tl::Scalar v = scalar_from_json(c["value"]);
    EXPECT_TRUE(same_tensor(tensor_from_json(c["expected"]), course::full_like_by_hand(like, v)))
        << "full_like(" << c["like"] << " " << suite::show(like) << ", " << c["value"] << ")";
  }
}

TEST(FullLikeByHand, KeepsShapeOfViews) {
  const tl::Tensor like = tl::zeros({2, 3}).t();
  const tl::Tensor got = course::full_like_by_hand(like, 2.5);
  EXPECT_TRUE(same_tensor(tl::full({3, 2}, 2.5), got));
}

TEST(FullLikeByHand, NewMemoryAndTheInputIsUntouched) {
  const tl::Tensor like = tl::arange(6).reshape({2, 3});
  const tl::Tensor got = course::full_like_by_hand(like, 9);
  EXPECT_TRUE(suite::owns_storage(like, got, "full_like_by_hand's result"));
  EXPECT_TRUE(same_tensor(tl::arange(6).reshape({2, 3}), like)) << "the input must not change";
}

TEST(FullLikeByHand, ZeroDimAndEmpty) {
  EXPECT_TRUE(same_tensor(tl::full({}, 1.0, tl::kDouble), course::full_like_by_hand(tl::full({}, 3.5, tl::kDouble), 1)));
  EXPECT_TRUE(same_tensor(tl::zeros({0, 3}, tl::kHalf), course::full_like_by_hand(tl::zeros({0, 3}, tl::kHalf), 7)));
}
