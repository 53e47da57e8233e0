// matmul, mm and bmm against PyTorch 1.13.1 (fixture matmul.json from
// tools/fixtures/gen_matmul.py): every shape case of torch.matmul, layouts, dtypes, errors,
// and the notebook's matrix multiplication cells and exercises.
//
// Integer results and float results marked "exact" are compared bit for bit. The others go
// through OpenBLAS kernels that the CPU selects at run time (PyTorch here uses the same
// OpenBLAS, so on the machine that made the fixtures they agree bit for bit too); on another
// CPU the kernel may add in another order, so they are compared within the rounding bound of
// any summation order, 2 * k * u * (|a| @ |b|), with u the unit roundoff and k the inner size.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "support/fixtures.h"
#include "support/view_ops.h"
#include "tl/tl.h"

namespace {

using nlohmann::json;
using tl::testing::apply_view_chain;
using tl::testing::tensor_from_json;
using tl::testing::tensors_identical;
using tl::testing::throws_pytorch_error;

const json& cases() {
  static const json d = tl::testing::load_fixture("matmul.json").at("cases");
  return d;
}

tl::Tensor operand(const json& j) { return apply_view_chain(tensor_from_json(j.at("base")), j.at("chain")); }

tl::Tensor run(const std::string& fn, const tl::Tensor& a, const tl::Tensor& b) {
  if (fn == "matmul") return tl::matmul(a, b);
  if (fn == "mm") return tl::mm(a, b);
  if (fn == "bmm") return tl::bmm(a, b);
  throw std::runtime_error("unknown fn " + fn);
}

// |actual - expected| <= 2 k u scale elementwise (see the file comment).
::testing::AssertionResult within_rounding(const tl::Tensor& expected, const tl::Tensor& actual, const tl::Tensor& scale,
                                           int64_t k) {
  if (expected.dtype() != actual.dtype() || !(expected.sizes() == actual.sizes())) {
    return tensors_identical(expected, actual);  // reports the dtype or shape difference
  }
  const double u = expected.dtype() == tl::kFloat ? 0x1p-24 : 0x1p-53;
  const tl::Tensor e = expected.to(tl::kDouble).contiguous().reshape({-1});
  const tl::Tensor a = actual.to(tl::kDouble).contiguous().reshape({-1});
  const tl::Tensor s = scale.contiguous().reshape({-1});
  for (int64_t i = 0; i < e.numel(); ++i) {
    const double ve = e.data_ptr<double>()[i], va = a.data_ptr<double>()[i];
    const double bound = 2.0 * static_cast<double>(k) * u * s.data_ptr<double>()[i];
    if (!(std::fabs(ve - va) <= bound)) {
      return ::testing::AssertionFailure() << "element " << i << ": expected " << ve << ", got " << va
                                           << " (allowed difference " << bound << ")";
    }
  }
  return ::testing::AssertionSuccess();
}

TEST(MatmulFixture, EveryResultMatchesPytorch) {
  ASSERT_GE(cases().size(), 200u);
  int exact = 0, bounded = 0;
  for (const json& c : cases()) {
    if (c.contains("error")) continue;
    SCOPED_TRACE(c.at("name").get<std::string>());
    const tl::Tensor a = operand(c.at("a")), b = operand(c.at("b"));
    const tl::Tensor r = run(c.at("fn").get<std::string>(), a, b);
    const tl::Tensor expected = tensor_from_json(c.at("expected"));
    if (!c.contains("exact") || c.at("exact").get<bool>()) {
      EXPECT_TRUE(tensors_identical(expected, r));
      ++exact;
    } else {
      EXPECT_TRUE(within_rounding(expected, r, tensor_from_json(c.at("scale")), a.sizes().back()));
      ++bounded;
    }
  }
  EXPECT_GE(exact, 100);
  EXPECT_GE(bounded, 50);
}

TEST(MatmulFixture, EveryErrorMatchesPytorch) {
  int checked = 0;
  for (const json& c : cases()) {
    if (!c.contains("error")) continue;
    SCOPED_TRACE(c.at("name").get<std::string>());
    const tl::Tensor a = operand(c.at("a")), b = operand(c.at("b"));
    EXPECT_TRUE(throws_pytorch_error([&] { run(c.at("fn").get<std::string>(), a, b); }, c.at("error")));
    ++checked;
  }
  EXPECT_GE(checked, 40);
}

// ---- the notebook's cells --------------------------------------------------------------------------

TEST(MatmulNotebook, ElementwiseVersusMatrixProduct) {
  const tl::Tensor tensor = tl::tensor({1, 2, 3});
  const tl::Tensor r = tl::matmul(tensor, tensor);
  EXPECT_EQ(r.dim(), 0);
  EXPECT_EQ(r.item<int64_t>(), 14);
  EXPECT_EQ(tensor.matmul(tensor).item<int64_t>(), 14);
}

TEST(MatmulNotebook, ShapeErrorsAndTheTransposeFix) {
  const tl::Tensor A = tl::tensor({{1, 2}, {3, 4}, {5, 6}}, tl::kFloat32);
  const tl::Tensor B = tl::tensor({{7, 10}, {8, 11}, {9, 12}}, tl::kFloat32);
  try {
    tl::matmul(A, B);
    ADD_FAILURE() << "(3, 2) @ (3, 2) must throw";
  } catch (const tl::Error& e) {
    EXPECT_STREQ(e.what(), "mat1 and mat2 shapes cannot be multiplied (3x2 and 3x2)");
  }
  const tl::Tensor expected = tl::tensor({{27, 30, 33}, {61, 68, 75}, {95, 106, 117}}, tl::kFloat32);
  EXPECT_TRUE(tensors_identical(expected, tl::matmul(A, B.t())));
  EXPECT_TRUE(tensors_identical(expected, tl::mm(A, B.t())));
  EXPECT_TRUE(tensors_identical(expected, A.mm(B.t())));
  EXPECT_EQ(tl::matmul(A.t(), B).sizes(), (tl::Sizes{2, 2}));
}

TEST(MatmulNotebook, ShapeRules) {
  EXPECT_EQ(tl::matmul(tl::ones({2, 3}), tl::ones({3, 2})).sizes(), (tl::Sizes{2, 2}));
  EXPECT_EQ(tl::matmul(tl::ones({3, 2}), tl::ones({2, 3})).sizes(), (tl::Sizes{3, 3}));
  EXPECT_THROW(tl::matmul(tl::ones({3, 2}), tl::ones({3, 2})), tl::Error);
}

// ---- kernels beyond the fixture's sizes -----------------------------------------------------------

// Naive int64 product of row-major matrices, wrapping like the library.
std::vector<int64_t> naive(const std::vector<int64_t>& a, const std::vector<int64_t>& b, int64_t m, int64_t k, int64_t n) {
  std::vector<int64_t> c(static_cast<size_t>(m * n), 0);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t l = 0; l < k; ++l)
      for (int64_t j = 0; j < n; ++j)
        c[i * n + j] = static_cast<int64_t>(static_cast<uint64_t>(c[i * n + j]) +
                                            static_cast<uint64_t>(a[i * k + l]) * static_cast<uint64_t>(b[l * n + j]));
  return c;
}

std::vector<int64_t> pattern(int64_t n, int64_t mult) {
  std::vector<int64_t> v(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) v[i] = (i * mult) % 23 - 11;
  return v;
}

tl::Tensor from(const std::vector<int64_t>& v, tl::IntArrayRef shape) {
  tl::Tensor t = tl::empty({static_cast<int64_t>(v.size())}, tl::kLong);
  std::copy(v.begin(), v.end(), t.data_ptr<int64_t>());
  return t.reshape(shape);
}

TEST(Matmul, BlockedIntegerGemmAcrossBlockEdges) {
  // Sizes past the built-in GEMM's 128-wide blocks, in every layout.
  const int64_t m = 150, k = 300, n = 131;
  const auto va = pattern(m * k, 7), vb = pattern(k * n, 13);
  const tl::Tensor expected = from(naive(va, vb, m, k, n), {m, n});
  const tl::Tensor a = from(va, {m, k}), b = from(vb, {k, n});
  EXPECT_TRUE(tensors_identical(expected, tl::matmul(a, b)));
  EXPECT_TRUE(tensors_identical(expected, tl::matmul(a.t().contiguous().t(), b)));
  EXPECT_TRUE(tensors_identical(expected, tl::matmul(a, b.t().contiguous().t())));
  EXPECT_TRUE(tensors_identical(expected.to(tl::kInt32), tl::matmul(a.to(tl::kInt32), b.to(tl::kInt32))));
  // Small integers are exact in float32 too, whatever the summation order.
  EXPECT_TRUE(tensors_identical(expected.to(tl::kFloat), tl::matmul(a.to(tl::kFloat), b.to(tl::kFloat))));
  EXPECT_TRUE(tensors_identical(expected.to(tl::kDouble), tl::matmul(a.to(tl::kDouble).t().contiguous().t(), b.to(tl::kDouble))));
}

TEST(Matmul, IntegerBatchedAndVectorForms) {
  const auto va = pattern(3 * 40 * 50, 5), vb = pattern(50 * 20, 3);
  const tl::Tensor a = from(va, {3, 40, 50}), b = from(vb, {50, 20});
  const tl::Tensor r = tl::matmul(a, b);
  ASSERT_EQ(r.sizes(), (tl::Sizes{3, 40, 20}));
  for (int64_t i = 0; i < 3; ++i) {
    const std::vector<int64_t> ai(va.begin() + i * 2000, va.begin() + (i + 1) * 2000);
    EXPECT_TRUE(tensors_identical(from(naive(ai, vb, 40, 50, 20), {40, 20}), r[i]));
  }
  const tl::Tensor v = from(pattern(50, 1), {50});
  EXPECT_TRUE(tensors_identical(from(naive(va, pattern(50, 1), 120, 50, 1), {3, 40}), tl::matmul(a, v)));
}

TEST(Matmul, ResultsAreFresh) {
  const tl::Tensor a = tl::ones({2, 2});
  tl::Tensor r = tl::matmul(a, a);
  EXPECT_FALSE(r.is_same_storage(a));
  EXPECT_TRUE(r.is_contiguous());
  r.fill_(0);
  EXPECT_EQ(a.sum().item<float>(), 4.0f);
}

}  // namespace
