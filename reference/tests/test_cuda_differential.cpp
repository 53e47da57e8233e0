// CPU versus GPU: every op of the library on every dtype, on contiguous, transposed and
// broadcast inputs, run once on the host and once on the device; the results must agree
// (bit for bit where PyTorch's CPU and CUDA kernels agree, within a tolerance where they
// round differently: float sums, matmul, division by a number; float16 arithmetic with
// alpha, where the two kernels round differently, is checked bit for bit against a host
// model of the CUDA kernel instead).
// Without a GPU every test reports SKIPPED.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "support/cuda_test.h"
#include "support/fixtures.h"
#include "tl/cuda.h"
#include "tl/tl.h"

namespace {

using tl::Tensor;

const tl::ScalarType kAllTypes[] = {tl::kByte, tl::kChar,  tl::kShort,  tl::kInt, tl::kLong,
                                    tl::kHalf, tl::kFloat, tl::kDouble, tl::kBool};

// Deterministic values in [-9, 9] (integers for integer dtypes), never 0 when `nonzero`.
Tensor values(tl::IntArrayRef shape, tl::ScalarType dtype, uint64_t seed, bool nonzero = false) {
  tl::Generator gen = tl::detail::createCPUGenerator(seed);
  Tensor x = tl::rand(shape, gen, tl::kDouble).mul(18).sub(9);
  if (!tl::is_floating_point(dtype)) x = x.to(tl::kLong).to(tl::kDouble);
  if (nonzero) x = x.add(x.eq(0.0).to(tl::kDouble));  // zeros become ones
  if (dtype == tl::kByte) x = x.abs();
  return x.to(dtype);
}

// |cpu - gpu| <= atol + rtol * |cpu| elementwise (NaNs equal); dtypes and shapes equal.
::testing::AssertionResult agree(const Tensor& cpu, const Tensor& gpu, double rtol, double atol) {
  if (!gpu.is_cuda()) return ::testing::AssertionFailure() << "the GPU result is on " << gpu.device();
  if (rtol == 0 && atol == 0) return tl::testing::tensors_identical(cpu, gpu);
  if (cpu.dtype() != gpu.dtype())
    return ::testing::AssertionFailure() << "dtype " << cpu.dtype() << " vs " << gpu.dtype();
  if (!(cpu.sizes() == gpu.sizes()))
    return ::testing::AssertionFailure() << "shape " << cpu.sizes() << " vs " << gpu.sizes();
  const Tensor a = cpu.to(tl::kDouble).contiguous(), b = gpu.cpu().to(tl::kDouble).contiguous();
  const double* pa = a.data_ptr<double>();
  const double* pb = b.data_ptr<double>();
  for (int64_t i = 0; i < a.numel(); ++i) {
    if (std::isnan(pa[i]) && std::isnan(pb[i])) continue;
    if (!(std::fabs(pa[i] - pb[i]) <= atol + rtol * std::fabs(pa[i])))
      return ::testing::AssertionFailure() << "element " << i << ": cpu " << pa[i] << ", gpu " << pb[i];
  }
  return ::testing::AssertionSuccess();
}

// One op under test: which dtypes it takes, and how close the GPU must come.
struct Case {
  const char* name;
  std::function<Tensor(const Tensor&, const Tensor&)> fn;
  double float_tol = 0;  // relative and absolute tolerance for float32/float64 results (0: exact)
  double half_tol = 0;   // the same for float16 results
  // Where PyTorch's CPU and CUDA kernels round float16 differently: the CUDA kernel's
  // result computed on the host, which the GPU must match bit for bit (half_tol unused).
  std::function<Tensor(const Tensor&, const Tensor&)> half_model = nullptr;
};

// Runs `c` on CPU inputs and on their device copies, for every dtype; when the CPU
// throws, the GPU must throw too.
void check(const Case& c, tl::IntArrayRef shape_a, tl::IntArrayRef shape_b, bool nonzero_b = false) {
  for (tl::ScalarType t : kAllTypes) {
    SCOPED_TRACE(std::string(c.name) + " " + tl::dtype_name(t));
    const Tensor a = values(shape_a, t, 1), b = values(shape_b, t, 2, nonzero_b);
    Tensor want;
    try {
      want = c.fn(a, b);
    } catch (const tl::Error&) {
      EXPECT_THROW(c.fn(a.cuda(), b.cuda()), tl::Error);
      continue;
    }
    Tensor got;
    try {
      got = c.fn(a.cuda(), b.cuda());
    } catch (const tl::Error& e) {
      ADD_FAILURE() << "the GPU threw: " << e.what();
      continue;
    }
    if (t == tl::kHalf && c.half_model) {
      EXPECT_TRUE(agree(c.half_model(a, b), got, 0, 0)) << "against the model of the CUDA kernel";
      continue;
    }
    // The tolerance goes by the result's dtype, not the inputs': `a / 3` of an integer
    // tensor is a float32 result, made by the same multiply-by-the-reciprocal kernel as for
    // float32 inputs (PyTorch's div_true_kernel_cuda promotes first, then takes 1 / 3 in
    // float), so it is 1 ulp from the CPU's true quotient just the same.
    const tl::ScalarType r = want.dtype();
    const double tol = r == tl::kHalf ? c.half_tol : tl::is_floating_point(r) ? c.float_tol : 0;
    EXPECT_TRUE(agree(want, got, tol, tol));
  }
}

TEST(CudaDifferential, ElementwiseArithmetic) {
  TL_REQUIRE_GPU();
  const Case cases[] = {
      {"add", [](const Tensor& a, const Tensor& b) { return tl::add(a, b); }},
      {"sub", [](const Tensor& a, const Tensor& b) { return tl::sub(a, b); }},
      {"mul", [](const Tensor& a, const Tensor& b) { return tl::mul(a, b); }},
      {"div", [](const Tensor& a, const Tensor& b) { return tl::div(a, b); }},
      // a + alpha * b: fused on the GPU; the CPU leaves some products unfused for a broadcast b.
      // float16: PyTorch's CUDA kernel computes a + alpha * b in float and rounds once, its
      // CPU kernel rounds alpha * b to float16 first and then the sum. The two differ by
      // up to half an ulp of alpha * b, which under cancellation is any number of ulps of
      // the result (the log had 2: cpu -11.28125, gpu -11.265625), so no tolerance on the
      // CPU result is right. The model: the same sum in float32 on the host, rounded once
      // (alpha * b is exact in float for float16 b and alpha 3 or -2, so fused or not the
      // host computes the GPU's float sum exactly).
      {"add alpha", [](const Tensor& a, const Tensor& b) { return tl::add(a, b, 3); }, 1e-6, 0,
       [](const Tensor& a, const Tensor& b) { return tl::add(a.to(tl::kFloat), b.to(tl::kFloat), 3).to(tl::kHalf); }},
      {"sub alpha", [](const Tensor& a, const Tensor& b) { return tl::sub(a, b, 2); }, 1e-6, 0,
       [](const Tensor& a, const Tensor& b) { return tl::sub(a.to(tl::kFloat), b.to(tl::kFloat), 2).to(tl::kHalf); }},
      {"eq", [](const Tensor& a, const Tensor& b) { return tl::eq(a, b); }},
      {"neg", [](const Tensor& a, const Tensor&) { return tl::neg(a); }},
      {"abs", [](const Tensor& a, const Tensor&) { return tl::abs(a); }},
      {"operators", [](const Tensor& a, const Tensor& b) { return (a * b + a) * a; }},
  };
  for (const Case& c : cases) {
    check(c, {3, 4, 5}, {3, 4, 5}, true);
    check(c, {3, 4, 5}, {4, 1}, true);  // broadcast
    check(c, {5, 4}, {5, 4}, true);
  }
  const Case transposed[] = {
      {"add t", [](const Tensor& a, const Tensor& b) { return tl::add(a.t(), b); }},
      {"mul slice", [](const Tensor& a, const Tensor& b) { return tl::mul(a.slice(1, 0, 4, 2), b.slice(1, 1, 4, 2)); }},
      {"neg permute", [](const Tensor& a, const Tensor&) { return tl::neg(a.permute({1, 0})); }},
  };
  for (const Case& c : transposed) check(c, {4, 5}, {5, 4}, true);
}

TEST(CudaDifferential, ElementwiseWithNumbers) {
  TL_REQUIRE_GPU();
  const Case cases[] = {
      {"a + 3", [](const Tensor& a, const Tensor&) { return a + 3; }},
      {"a + 2.5", [](const Tensor& a, const Tensor&) { return a + 2.5; }},
      {"a * 10", [](const Tensor& a, const Tensor&) { return a * 10; }},
      {"a - 1", [](const Tensor& a, const Tensor&) { return a - 1; }},
      {"a == 3", [](const Tensor& a, const Tensor&) { return a.eq(3); }},
      // PyTorch's CUDA kernel multiplies by the reciprocal of a number: 1 ulp apart.
      {"a / 3", [](const Tensor& a, const Tensor&) { return a / 3; }, 1e-6, 1e-3},
      {"add 0-d cpu", [](const Tensor& a, const Tensor&) { return tl::add(a, tl::tensor(2)); }},
      {"in place", [](const Tensor& a, const Tensor& b) {
         Tensor x = a.clone();
         x.mul_(b);
         x += 1;
         return x;
       }},
  };
  for (const Case& c : cases) check(c, {3, 7}, {3, 7}, true);
}

TEST(CudaDifferential, CastsAndCopies) {
  TL_REQUIRE_GPU();
  for (tl::ScalarType to : kAllTypes) {
    const Case c{"to", [to](const Tensor& a, const Tensor&) { return a.to(to); }};
    check(c, {4, 6}, {1});
    const Case ct{"to transposed", [to](const Tensor& a, const Tensor&) { return a.t().to(to); }};
    check(ct, {4, 6}, {1});
  }
  const Case join[] = {
      {"cat", [](const Tensor& a, const Tensor& b) { return tl::cat({a, b}, 1); }},
      {"stack", [](const Tensor& a, const Tensor& b) { return tl::stack({a, b.t().contiguous().t()}, 2); }},
      {"clone", [](const Tensor& a, const Tensor&) { return a.permute({1, 0}).clone(); }},
  };
  for (const Case& c : join) check(c, {3, 4}, {3, 4});
}

TEST(CudaDifferential, Reductions) {
  TL_REQUIRE_GPU();
  const Case cases[] = {
      {"sum", [](const Tensor& a, const Tensor&) { return a.sum(); }, 1e-5, 1e-2},
      {"sum dim", [](const Tensor& a, const Tensor&) { return a.sum({1}); }, 1e-5, 1e-2},
      {"sum dims keepdim", [](const Tensor& a, const Tensor&) { return a.sum({0, 2}, true); }, 1e-5, 1e-2},
      {"mean", [](const Tensor& a, const Tensor&) { return a.mean(); }, 1e-5, 1e-2},
      {"mean dim", [](const Tensor& a, const Tensor&) { return a.mean({2}); }, 1e-5, 1e-2},
      {"min", [](const Tensor& a, const Tensor&) { return a.min(); }},
      {"max", [](const Tensor& a, const Tensor&) { return a.max(); }},
      {"min dim values", [](const Tensor& a, const Tensor&) { return std::get<0>(a.min(1)); }},
      {"max dim indices", [](const Tensor& a, const Tensor&) { return std::get<1>(a.max(2, true)); }},
      {"argmin", [](const Tensor& a, const Tensor&) { return a.argmin(); }},
      {"argmax", [](const Tensor& a, const Tensor&) { return a.argmax(); }},
      {"argmax dim", [](const Tensor& a, const Tensor&) { return a.argmax(0); }},
      {"argmin dim transposed", [](const Tensor& a, const Tensor&) { return a.transpose(0, 2).argmin(1, true); }},
  };
  for (const Case& c : cases) check(c, {6, 7, 8}, {1});
  // A long reduction, where the GPU's block splits differ most from the CPU's order.
  const Case big{"sum big", [](const Tensor& a, const Tensor&) { return a.sum(); }, 1e-4, 5e-2};
  check(big, {1 << 18}, {1});
}

TEST(CudaDifferential, MatrixProducts) {
  TL_REQUIRE_GPU();
  // The CPU has no float16 matmul: compare float16 on the GPU with float32 on the CPU.
  for (tl::ScalarType t : {tl::kFloat, tl::kDouble, tl::kHalf}) {
    SCOPED_TRACE(tl::dtype_name(t));
    const double tol = t == tl::kHalf ? 2e-2 : t == tl::kFloat ? 1e-5 : 1e-12;
    auto run = [&](tl::IntArrayRef sa, tl::IntArrayRef sb, bool transpose_b) {
      Tensor a = values(sa, t, 3), b = values(sb, t, 4);
      const Tensor ca = t == tl::kHalf ? a.to(tl::kFloat) : a, cb = t == tl::kHalf ? b.to(tl::kFloat) : b;
      const Tensor want = tl::matmul(ca, transpose_b ? cb.transpose(-1, -2) : cb);
      const Tensor gb = b.cuda();
      const Tensor got = tl::matmul(a.cuda(), transpose_b ? gb.transpose(-1, -2) : gb);
      EXPECT_TRUE(agree(t == tl::kHalf ? want.to(tl::kHalf) : want, got, tol, tol * 10));
    };
    run({7, 5}, {5, 3}, false);       // mm
    run({7, 5}, {3, 5}, true);        // mm with a transposed operand
    run({1, 7}, {7, 7}, false);       // the notebook's exercise shapes
    run({4, 6, 5}, {4, 5, 2}, false);  // bmm
    run({4, 6, 5}, {5, 2}, false);     // broadcast batch
    run({5}, {5}, false);              // dot
    run({6, 5}, {5}, false);           // matrix-vector
  }
  // Integers have no CUDA matmul in PyTorch.
  EXPECT_THROW(tl::matmul(values({2, 2}, tl::kLong, 1).cuda(), values({2, 2}, tl::kLong, 2).cuda()), tl::Error);
}

TEST(CudaDifferential, MixedDevicesAreAnError) {
  TL_REQUIRE_GPU();
  const Tensor a = tl::ones({2, 2}), b = tl::ones({2, 2}).cuda();
  try {
    tl::add(a, b);
    ADD_FAILURE() << "no error";
  } catch (const tl::Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!");
  }
  EXPECT_THROW(tl::matmul(a, b), tl::Error);
}

}  // namespace
