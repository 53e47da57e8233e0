// Hidden suite for ex03-matmul-7x7. Golden values: graders/suites/fixtures/ex03-matmul-7x7.json
// (tools/fixtures/gen_course_part2.py: torch.matmul(a, b.T), PyTorch 1.13.1).
#include <gtest/gtest.h>

#include <string>

#include <course/ex03_matmul_7x7.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::tensor_from_json;

namespace {

const nlohmann::json& fx() { return suite::fixture("ex03-matmul-7x7.json"); }

const nlohmann::json& find_case(const std::string& name) {
  for (const auto& c : fx()["cases"])
    if (c["name"] == name) return c;
  throw std::runtime_error("no fixture case " + name);
}

// Runs one fixture case; floating results may differ from PyTorch's in the last bits (the
// order of the sums), integers must be exact.
::testing::AssertionResult run_case(const std::string& name) {
  const auto& c = find_case(name);
  tl::Tensor a = tensor_from_json(c["a"]);
  if (c["transpose_a"].get<bool>()) a = a.t();
  const tl::Tensor b = tensor_from_json(c["b"]);
  const tl::Tensor expected = tensor_from_json(c["expected"]);
  const tl::Tensor got = course::matmul_with_row(a, b);
  auto r = expected.is_floating_point()
               ? suite::close_tensor(expected, got, expected.dtype() == tl::kDouble ? 1e-12 : 1e-5, 1e-6)
               : suite::same_tensor(expected, got);
  if (!r) r << "\n  for a tensor of shape " << a.sizes() << " and a row of shape " << b.sizes() << " (" << name << ")";
  return r;
}

}  // namespace

TEST(MatmulWithRow, NotebookSeed0) { EXPECT_TRUE(run_case("notebook_seed0")); }

TEST(MatmulWithRow, AnotherSevenBySeven) { EXPECT_TRUE(run_case("seed42")); }

TEST(MatmulWithRow, RectangularTensor) { EXPECT_TRUE(run_case("rectangular_3x5")); }

TEST(MatmulWithRow, TallTensor) { EXPECT_TRUE(run_case("tall_20x7")); }

TEST(MatmulWithRow, OneByOne) { EXPECT_TRUE(run_case("one_by_one")); }

TEST(MatmulWithRow, Float64StaysFloat64) { EXPECT_TRUE(run_case("float64")); }

TEST(MatmulWithRow, Int64StaysInt64) { EXPECT_TRUE(run_case("int64")); }

TEST(MatmulWithRow, TransposedInput) { EXPECT_TRUE(run_case("transposed_input")); }

TEST(MatmulWithRow, ResultIsAColumn) {
  for (int64_t n : {1, 2, 7, 11}) {
    const tl::Tensor got = course::matmul_with_row(tl::ones({n, 7}), tl::ones({1, 7}));
    ASSERT_TRUE(got.defined());
    EXPECT_TRUE(suite::same_shape({n, 1}, got.sizes())) << "for a tensor of shape [" << n << ", 7]";
  }
}

TEST(MatmulWithRow, InputsAreNotChanged) {
  const auto& c = find_case("notebook_seed0");
  const tl::Tensor a = tensor_from_json(c["a"]), b = tensor_from_json(c["b"]);
  const tl::Tensor a0 = a.clone(), b0 = b.clone();
  course::matmul_with_row(a, b);
  EXPECT_TRUE(suite::same_tensor(a0, a)) << "the (7, 7) tensor was modified";
  EXPECT_TRUE(suite::same_tensor(b0, b)) << "the (1, 7) row was modified (transpose gives a view: do not write to it)";
  EXPECT_TRUE(suite::same_shape({1, 7}, b.sizes())) << "the row's shape changed";
}

TEST(MatmulWithRow, ShapeErrorComesThrough) {
  for (const auto& e : fx()["errors"]) {
    const tl::Tensor a = tl::rand(suite::shape_from_json(e["a"]));
    const tl::Tensor b = tl::rand(suite::shape_from_json(e["b"]));
    EXPECT_TRUE(suite::expect_error([&] { course::matmul_with_row(a, b); }, e["message"]))
        << "for a tensor of shape " << a.sizes() << " and a row of shape " << b.sizes();
  }
}
