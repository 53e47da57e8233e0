// Type promotion (torch.result_type, can_cast, promote_types) and broadcasting rules
// against PyTorch 1.13.1 (fixtures from tools/fixtures/gen_elementwise.py).
#include <gtest/gtest.h>

#include "support/fixtures.h"
#include "tl/tl.h"

namespace {

using nlohmann::json;
using tl::testing::dtype_from_name;
using tl::testing::scalar_from_json;

const json& fixture() {
  static const json data = tl::testing::load_fixture("promotion.json");
  return data;
}

TEST(ResultType, TensorsOfEveryRankMatchPytorch) {
  // dim>0 tensors outrank 0-d tensors; a 0-d tensor only matters when of a higher kind.
  int n = 0;
  for (const json& c : fixture().at("tensors")) {
    const tl::ScalarType a = dtype_from_name(c.at("a")), b = dtype_from_name(c.at("b"));
    SCOPED_TRACE(c.at("a").get<std::string>() + " " + c.at("b").get<std::string>());
    const tl::Tensor nd_a = tl::zeros({2}, a), nd_b = tl::zeros({2}, b);
    const tl::Tensor zd_a = tl::zeros({}, a), zd_b = tl::zeros({}, b);
    EXPECT_EQ(tl::promote_types(a, b), dtype_from_name(c.at("promote_types")));
    EXPECT_EQ(tl::result_type(nd_a, nd_b), dtype_from_name(c.at("nd_nd")));
    EXPECT_EQ(tl::result_type(nd_a, zd_b), dtype_from_name(c.at("nd_0d")));
    EXPECT_EQ(tl::result_type(zd_a, nd_b), dtype_from_name(c.at("0d_nd")));
    EXPECT_EQ(tl::result_type(zd_a, zd_b), dtype_from_name(c.at("0d_0d")));
    ++n;
  }
  EXPECT_EQ(n, tl::kNumScalarTypes * tl::kNumScalarTypes);
}

TEST(ResultType, NumbersMatchPytorch) {
  // A Python number never widens a tensor of its kind: int8 + 300 stays int8,
  // int + 1.5 is float32 (the default dtype), float16 + 1.5 stays float16.
  int n = 0;
  for (const json& c : fixture().at("scalars")) {
    const tl::ScalarType a = dtype_from_name(c.at("a"));
    const tl::Scalar s = scalar_from_json(c.at("scalar"));
    SCOPED_TRACE(c.at("a").get<std::string>() + " " + c.at("scalar").dump());
    EXPECT_EQ(tl::result_type(tl::zeros({2}, a), s), dtype_from_name(c.at("nd")));
    EXPECT_EQ(tl::result_type(tl::zeros({}, a), s), dtype_from_name(c.at("0d")));
    ++n;
  }
  EXPECT_EQ(n, tl::kNumScalarTypes * 6);
}

TEST(ResultType, HandPickedRules) {
  EXPECT_EQ(tl::result_type(tl::tensor({1, 2}), 2.5), tl::kFloat);
  EXPECT_EQ(tl::result_type(tl::tensor({true}), 1), tl::kLong);
  EXPECT_EQ(tl::result_type(tl::zeros({3}, tl::kUInt8), -1), tl::kUInt8);
  EXPECT_EQ(tl::result_type(tl::zeros({3}, tl::kHalf), 1e10), tl::kHalf);
  EXPECT_EQ(tl::result_type(tl::zeros({3}, tl::kInt32), tl::zeros({}, tl::kDouble)), tl::kDouble);
  EXPECT_EQ(tl::result_type(tl::zeros({3}, tl::kInt8), tl::zeros({}, tl::kInt64)), tl::kInt8);
}

TEST(CanCast, MatchesPytorch) {
  for (const json& c : fixture().at("tensors")) {
    SCOPED_TRACE(c.at("a").get<std::string>() + " -> " + c.at("b").get<std::string>());
    EXPECT_EQ(tl::can_cast(dtype_from_name(c.at("a")), dtype_from_name(c.at("b"))), c.at("can_cast").get<bool>());
  }
}

TEST(BroadcastShapes, ShapesAndErrorsMatchPytorch) {
  int errors = 0;
  for (const json& c : fixture().at("shapes")) {
    const auto a = c.at("a").get<std::vector<int64_t>>(), b = c.at("b").get<std::vector<int64_t>>();
    SCOPED_TRACE(c.dump());
    const json& expected = c.at("expected");
    if (expected.contains("error")) {
      ++errors;
      try {
        tl::broadcast_shapes(a, b);
        ADD_FAILURE() << "expected an error";
      } catch (const tl::Error& e) {
        EXPECT_EQ(std::string(e.what()), expected["error"].at("message").get<std::string>());
        EXPECT_EQ(e.kind(), tl::ErrorKind::RuntimeError);
      }
    } else {
      EXPECT_EQ(tl::broadcast_shapes(a, b).vec(), expected.at("shape").get<std::vector<int64_t>>());
    }
  }
  EXPECT_GT(errors, 2);
}

TEST(BroadcastShapes, MessageNamesTheOutputDim) {
  try {
    tl::broadcast_shapes({2, 3}, {4});
    FAIL() << "expected an error";
  } catch (const tl::Error& e) {
    EXPECT_STREQ(e.what(), "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1");
  }
  EXPECT_EQ(tl::broadcast_shapes({}, {}).vec(), std::vector<int64_t>{});
  EXPECT_EQ(tl::broadcast_shapes({0}, {1}).vec(), std::vector<int64_t>{0});
}

}  // namespace
