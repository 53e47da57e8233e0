// Hidden suite for ex04-seed-0. Golden values: graders/suites/fixtures/ex04-seed-0.json
// (tools/fixtures/gen_course_part2.py: manual_seed(seed), rand(7, 7), rand(1, 7), matmul with
// the transpose, then rand(3), PyTorch 1.13.1).
#include <gtest/gtest.h>

#include <course/ex04_seed_0.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::same_tensor;
using suite::tensor_from_json;

namespace {

const nlohmann::json& fx() { return suite::fixture("ex04-seed-0.json"); }

const nlohmann::json& run_for(uint64_t seed) { return suite::run_for_seed(fx(), seed); }

void check_run(const nlohmann::json& r) {
  const uint64_t seed = r["seed"];
  tl::rand({5});  // earlier draws must not matter: the function seeds
  const course::SeededMatmul got = course::seeded_matmul(seed);
  EXPECT_TRUE(same_tensor(tensor_from_json(r["tensor"]), got.tensor)) << "tensor (rand(7, 7)) for seed " << seed;
  EXPECT_TRUE(same_tensor(tensor_from_json(r["row"]), got.row)) << "row (rand(1, 7), drawn after the tensor) for seed " << seed;
  EXPECT_TRUE(suite::close_tensor(tensor_from_json(r["product"]), got.product, 1e-5, 1e-6)) << "product for seed " << seed;
}

}  // namespace

TEST(Seed0, NotebookProduct) {
  const auto& r = run_for(0);
  const course::SeededMatmul got = course::seeded_matmul(0);
  EXPECT_TRUE(suite::close_tensor(tensor_from_json(r["product"]), got.product, 1e-5, 1e-6));
  ASSERT_TRUE(got.product.defined());
  EXPECT_EQ(r["printed"].get<std::string>(), tl::repr(got.product)) << "the notebook prints tensor([[1.8542], [1.9611], ...";
}

TEST(Seed0, NotebookTensorAndRow) {
  const auto& r = run_for(0);
  const course::SeededMatmul got = course::seeded_matmul(0);
  EXPECT_TRUE(same_tensor(tensor_from_json(r["tensor"]), got.tensor)) << "tensor: torch.rand(7, 7) after seed 0";
  EXPECT_TRUE(same_tensor(tensor_from_json(r["row"]), got.row)) << "row: torch.rand(1, 7), drawn after the (7, 7) tensor";
}

TEST(Seed0, DefaultSeedIsZero) {
  const auto& r = run_for(0);
  const course::SeededMatmul got = course::seeded_matmul();
  EXPECT_TRUE(same_tensor(tensor_from_json(r["tensor"]), got.tensor));
}

TEST(Seed0, EverySeed) {
  for (const auto& r : fx()["runs"]) check_run(r);
}

TEST(Seed0, FullSixtyFourBitSeed) {
  check_run(run_for((1ull << 32) + 42));
  EXPECT_EQ(tl::initial_seed(), (1ull << 32) + 42) << "the whole seed goes to tl::manual_seed";
}

TEST(Seed0, RepeatableAfterOtherDraws) {
  const course::SeededMatmul a = course::seeded_matmul(0);
  tl::rand({100});
  const course::SeededMatmul b = course::seeded_matmul(0);
  EXPECT_TRUE(same_tensor(a.tensor, b.tensor)) << "the same seed must give the same tensor";
  EXPECT_TRUE(same_tensor(a.product, b.product)) << "the same seed must give the same product";
}

TEST(Seed0, SeedsTheDefaultGenerator) {
  // After the exercise the default generator has drawn exactly 49 + 7 numbers.
  for (const auto& r : fx()["runs"]) {
    const uint64_t seed = r["seed"];
    course::seeded_matmul(seed);
    EXPECT_EQ(tl::initial_seed(), seed) << "seeded_matmul(" << seed << ") should call tl::manual_seed(" << seed << ")";
    EXPECT_TRUE(same_tensor(tensor_from_json(r["after"]), tl::rand({3})))
        << "tl::rand({3}) right after seeded_matmul(" << seed << "): draw rand(7, 7) and rand(1, 7), nothing else";
  }
}

TEST(Seed0, ShapesAndDtypes) {
  const course::SeededMatmul got = course::seeded_matmul(0);
  ASSERT_TRUE(got.tensor.defined() && got.row.defined() && got.product.defined());
  EXPECT_TRUE(suite::same_shape({7, 7}, got.tensor.sizes())) << "tensor";
  EXPECT_TRUE(suite::same_shape({1, 7}, got.row.sizes())) << "row";
  EXPECT_TRUE(suite::same_shape({7, 1}, got.product.sizes())) << "product";
  EXPECT_EQ(got.product.dtype(), tl::kFloat);
}

TEST(Seed0, ProductIsOfTheReturnedTensors) {
  const course::SeededMatmul got = course::seeded_matmul(1234);
  ASSERT_TRUE(got.tensor.defined() && got.row.defined());
  // A by-hand dot product per row, in double: independent of how matmul sums.
  for (int64_t i = 0; i < 7; ++i) {
    double dot = 0;
    for (int64_t j = 0; j < 7; ++j) dot += double(got.tensor[i][j].item<float>()) * got.row[0][j].item<float>();
    EXPECT_NEAR(dot, got.product[i][0].item<double>(), 1e-5) << "product[" << i << "][0] should be tensor[" << i << "] . row";
  }
}
