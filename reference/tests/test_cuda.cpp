// The CUDA backend: device queries (every machine), and on a machine with a GPU the
// copies, casts, fills, seeded random numbers (fixtures/cuda_random.json), kernels and
// cuBLAS products behind the bridge. Without a GPU the device tests report SKIPPED.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "../src/core/cuda_bridge.h"
#include "../src/random/philox.h"
#include "support/cuda_test.h"
#include "support/fixtures.h"
#include "tl/cuda.h"
#include "tl/tl.h"

namespace {

using tl::testing::tensors_identical;

const tl::Device kGpu(tl::kCUDA, 0);
const tl::ScalarType kAllTypes[] = {tl::kByte, tl::kChar,  tl::kShort,  tl::kInt, tl::kLong,
                                    tl::kHalf, tl::kFloat, tl::kDouble, tl::kBool};

// Values every dtype holds exactly, with signs, zeros and fractions (as float): the
// default 3x5 runs over -4.5 .. 6; other shapes take as many of the same steps as they
// have elements (the GEMM test's 2x3 and 3x2 are -4.5 .. -0.75).
tl::Tensor sample(tl::ScalarType dtype, tl::IntArrayRef shape = {3, 5}) {
  int64_t n = 1;
  for (int64_t s : shape) n *= s;
  tl::Tensor t = tl::arange(0, n, 1, tl::kDouble).reshape(shape);
  t = t.mul(0.75).sub(4.5);  // -4.5 .. 6: negative, zero, fractional
  return t.to(dtype);
}

// ---- every machine ----------------------------------------------------------------

TEST(CudaDevice, QueriesNeverThrow) {
  EXPECT_NO_THROW(tl::cuda::is_available());
  EXPECT_NO_THROW(tl::cuda::device_count());
  EXPECT_EQ(tl::cuda::is_available(), tl::cuda::device_count() > 0);
}

TEST(CudaDevice, WithoutAGpuSeedingIsANoOpAndTensorsFail) {
  if (tl::cuda::is_available()) GTEST_SKIP() << "this machine has a GPU";
  EXPECT_NO_THROW(tl::cuda::manual_seed(1234));
  EXPECT_NO_THROW(tl::cuda::manual_seed_all(1234));
  EXPECT_NO_THROW(tl::manual_seed(1234));
  EXPECT_THROW(tl::zeros({2}, tl::TensorOptions().device(kGpu)), tl::Error);
  EXPECT_THROW(tl::ones({2}).cuda(), tl::Error);
  EXPECT_THROW(tl::detail::getDefaultCUDAGenerator(), tl::Error);
}

TEST(CudaDevice, DeviceParsing) {
  EXPECT_EQ(tl::Device("cuda:0"), kGpu);
  EXPECT_TRUE(tl::Device("cuda").is_cuda());
  EXPECT_FALSE(tl::Device("cuda").has_index());
}

// ---- copies, casts, fills ------------------------------------------------------------

TEST(CudaCopy, RoundTripEveryDtype) {
  TL_REQUIRE_GPU();
  for (tl::ScalarType t : kAllTypes) {
    const tl::Tensor x = sample(t);
    const tl::Tensor g = x.to(kGpu);
    EXPECT_EQ(g.device(), kGpu);
    EXPECT_TRUE(g.is_cuda());
    EXPECT_TRUE(tensors_identical(x, g.cpu())) << t;
    EXPECT_TRUE(tensors_identical(x, x.cuda().to(tl::kCPU))) << t;
  }
}

TEST(CudaCopy, CastsMatchTheCpuForEveryPair) {
  TL_REQUIRE_GPU();
  for (tl::ScalarType from : kAllTypes) {
    const tl::Tensor x = sample(from);
    const tl::Tensor g = x.cuda();
    for (tl::ScalarType to : kAllTypes) {
      EXPECT_TRUE(tensors_identical(x.to(to), g.to(to).cpu())) << from << " -> " << to;
    }
  }
}

TEST(CudaCopy, OutOfRangeCastsMatchTheCpu) {
  TL_REQUIRE_GPU();
  const tl::Tensor x = tl::tensor({300.7, -129.2, 70000.0, -1.5, 1e10, -1e19, 3e9});
  for (tl::ScalarType to : {tl::kByte, tl::kChar, tl::kShort, tl::kInt, tl::kLong, tl::kHalf, tl::kFloat}) {
    EXPECT_TRUE(tensors_identical(x.to(to), x.cuda().to(to).cpu())) << to;
    EXPECT_TRUE(tensors_identical(x.to(tl::kFloat).to(to), x.to(tl::kFloat).cuda().to(to).cpu())) << to;
  }
}

TEST(CudaCopy, StridedViewsInBothDirections) {
  TL_REQUIRE_GPU();
  const tl::Tensor x = tl::arange(0, 24, 1, tl::kFloat).reshape({2, 3, 4});
  const tl::Tensor g = x.cuda();
  EXPECT_TRUE(tensors_identical(x.permute({2, 0, 1}).contiguous(), g.permute({2, 0, 1}).contiguous().cpu()));
  EXPECT_TRUE(tensors_identical(x.slice(2, 1, 4, 2).contiguous(), g.slice(2, 1, 4, 2).cpu()));
  EXPECT_TRUE(tensors_identical(x.select(1, 2).t().contiguous(), g.select(1, 2).t().cpu()));
  EXPECT_TRUE(tensors_identical(x.select(0, 0).to(tl::kLong), g.select(0, 0).to(tl::kLong).cpu()));
  // Writing into views of a device tensor, from the host and from the device.
  tl::Tensor dst = tl::zeros({3, 4}, tl::TensorOptions(tl::kDouble).device(kGpu));
  dst.t().copy_(x.select(0, 1).t());
  EXPECT_TRUE(tensors_identical(x.select(0, 1).to(tl::kDouble), dst.cpu()));
  tl::Tensor col = dst.select(1, 2);
  col.copy_(g.select(0, 0).select(1, 0));  // float -> double on the device, strided both sides
  EXPECT_TRUE(tensors_identical(x.select(0, 0).select(1, 0).to(tl::kDouble), dst.select(1, 2).cpu()));
  // Broadcasting a row into a matrix.
  tl::Tensor rows = tl::empty({3, 4}, tl::TensorOptions(tl::kInt).device(kGpu));
  rows.copy_(tl::arange(0, 4, 1, tl::kInt).cuda());
  EXPECT_TRUE(tensors_identical(tl::arange(0, 4, 1, tl::kInt).expand({3, 4}).contiguous(), rows.cpu()));
}

TEST(CudaCopy, ToKeepsTheLayoutAcrossDevices) {
  TL_REQUIRE_GPU();
  // PyTorch's preserve_format: a dense permuted tensor keeps its strides on the other
  // device; a step slice gets dense strides in the same dim order ((1, 8) -> (1, 4)).
  const tl::Tensor x = tl::arange(0, 12, 1, tl::kFloat).reshape({3, 4});
  const tl::Tensor g = x.t().cuda();
  EXPECT_EQ(g.strides().vec(), (std::vector<int64_t>{1, 4}));
  EXPECT_TRUE(tensors_identical(x.t(), g.cpu()));
  EXPECT_EQ(g.cpu().strides().vec(), (std::vector<int64_t>{1, 4}));
  const tl::Tensor stepped = x.t().slice(1, 0, 3, 2);
  const tl::Tensor gd = stepped.to(kGpu, tl::kDouble);
  EXPECT_EQ(gd.strides().vec(), (std::vector<int64_t>{1, 4}));
  EXPECT_TRUE(tensors_identical(stepped.to(tl::kDouble), gd.cpu()));
  const tl::Tensor back = g.slice(1, 0, 3, 2).to(tl::Device(tl::kCPU), tl::kLong);
  EXPECT_EQ(back.strides().vec(), (std::vector<int64_t>{1, 4}));
  EXPECT_TRUE(tensors_identical(stepped.to(tl::kLong), back));
}

TEST(CudaCopy, FillAndFactories) {
  TL_REQUIRE_GPU();
  for (tl::ScalarType t : kAllTypes) {
    const auto opts = tl::TensorOptions(t).device(kGpu);
    EXPECT_TRUE(tensors_identical(tl::zeros({2, 3}, t), tl::zeros({2, 3}, opts).cpu())) << t;
    EXPECT_TRUE(tensors_identical(tl::ones({2, 3}, t), tl::ones({2, 3}, opts).cpu())) << t;
    EXPECT_TRUE(tensors_identical(tl::full({4}, 7, t), tl::full({4}, 7, opts).cpu())) << t;
  }
  tl::Tensor m = tl::zeros({4, 4}, tl::TensorOptions().device(kGpu));
  m.select(1, 1).fill_(2.5);
  EXPECT_EQ(m.cpu().sum().item<float>(), 10.0f);
  EXPECT_TRUE(tensors_identical(tl::arange(0, 10, 3), tl::arange(0, 10, 3, tl::TensorOptions().device(kGpu)).cpu()));
}

TEST(CudaCopy, PrintingNamesTheDevice) {
  TL_REQUIRE_GPU();
  EXPECT_EQ(tl::repr(tl::tensor({1, 2, 3}).cuda()), "tensor([1, 2, 3], device='cuda:0')");
  EXPECT_EQ(tl::tensor({1.5, 2.0}).cuda()[0].item<double>(), 1.5);
}

// ---- errors -------------------------------------------------------------------------

TEST(CudaErrors, OutOfMemoryAndBadDevice) {
  TL_REQUIRE_GPU();
  try {
    tl::empty({int64_t{1} << 48}, tl::TensorOptions(tl::kByte).device(kGpu));  // 256 TiB
    ADD_FAILURE() << "allocation succeeded";
  } catch (const tl::Error& e) {
    EXPECT_NE(std::string(e.what()).find("out of memory (cudaMalloc, code 2)"), std::string::npos) << e.what();
  }
  const int64_t n = tl::cuda::device_count();
  EXPECT_THROW(tl::zeros({2}, tl::TensorOptions().device(tl::Device(tl::kCUDA, static_cast<int>(n)))), tl::Error);
  // The allocator keeps working after a failure.
  EXPECT_EQ(tl::ones({1000}, tl::TensorOptions().device(kGpu)).cpu().sum().item<float>(), 1000.0f);
}

// ---- random numbers ---------------------------------------------------------------------

tl::Tensor draw(const std::string& op, const std::vector<int64_t>& shape, tl::ScalarType dtype) {
  const auto opts = tl::TensorOptions(dtype).device(kGpu);
  if (op == "rand") return tl::rand(shape, opts);
  if (op == "randn") return tl::randn(shape, opts);
  return tl::randint(0, 10, shape, opts);
}

// Every case of the fixture from a fresh seed: uniform and integer values bit for bit;
// normal values bit for bit when the fixture comes from PyTorch on a GPU (the same
// curand code), else within the host model's tolerance.
TEST(CudaRandom, MatchesFixture) {
  TL_REQUIRE_GPU();
  const auto data = tl::testing::load_fixture("cuda_random.json");
  const bool from_torch = data.at("source").get<std::string>().rfind("torch", 0) == 0;
  for (const auto& c : data.at("cases")) {
    tl::cuda::manual_seed(c.at("seed").get<uint64_t>());
    for (const auto& call : c.at("calls")) {
      const auto op = call.at("op").get<std::string>();
      const auto dtype = tl::testing::dtype_from_name(call.at("dtype").get<std::string>());
      SCOPED_TRACE(c.at("name").get<std::string>() + " " + op);
      const tl::Tensor got = draw(op, call.at("shape").get<std::vector<int64_t>>(), dtype).cpu().flatten();
      nlohmann::json expected = {{"dtype", call.at("dtype")}, {"shape", {got.numel()}}, {"values", call.at("values")}};
      if (call.contains("bits")) expected["bits"] = call.at("bits");
      const tl::Tensor want = tl::testing::tensor_from_json(expected);
      if (op == "randn" && !from_torch) {
        EXPECT_TRUE(got.to(tl::kDouble).allclose(want.to(tl::kDouble), 0, data["tolerance"]["randn"].get<double>()));
      } else {
        EXPECT_TRUE(tensors_identical(want, got));
      }
    }
  }
}

TEST(CudaRandom, Exercise6AndTheGlobalSeed) {
  TL_REQUIRE_GPU();
  const auto opts = tl::TensorOptions().device(kGpu);
  tl::cuda::manual_seed(1234);
  const tl::Tensor a = tl::rand({2, 3}, opts).cpu();
  tl::manual_seed(1234);  // seeds every CUDA device too
  EXPECT_TRUE(tensors_identical(a, tl::rand({2, 3}, opts).cpu()));
  const std::vector<float> model = tl::detail::philox_uniform_float(6, 1234, 0, 1);
  EXPECT_EQ(a.flatten()[0].item<float>(), model[0]);
  EXPECT_EQ(a.flatten()[5].item<float>(), model[5]);
  // The offset moves on: a second draw differs, and reseeding restarts it.
  tl::cuda::manual_seed(1234);
  tl::rand({2, 3}, opts);
  EXPECT_EQ(tl::detail::getDefaultCUDAGenerator().get<tl::CUDAGeneratorImpl>()->philox_offset_per_thread(), 4u);
}

// Larger tensors use this GPU's grid; the host model given the same grid agrees.
TEST(CudaRandom, HostModelAgreesOnThisGpu) {
  TL_REQUIRE_GPU();
  const tl::detail::CudaLimits limits = tl::detail::cuda_limits(kGpu);
  for (int64_t n : {int64_t{1000}, int64_t{300000}, int64_t{2000001}}) {
    const auto launch = tl::detail::philox_launch(n, limits.multiprocessors, limits.max_threads_per_multiprocessor);
    tl::cuda::manual_seed(77);
    const tl::Tensor u = tl::rand({n}, tl::TensorOptions().device(kGpu)).cpu();
    const std::vector<float> model = tl::detail::philox_uniform_float(n, 77, 0, launch.grid);
    ASSERT_EQ(std::memcmp(u.data_ptr(), model.data(), model.size() * sizeof(float)), 0) << n;
    const tl::Tensor d = tl::rand({n}, tl::TensorOptions(tl::kDouble).device(kGpu)).cpu();
    const std::vector<double> dmodel = tl::detail::philox_uniform_double(n, 77, launch.offset_increment, launch.grid);
    ASSERT_EQ(std::memcmp(d.data_ptr(), dmodel.data(), dmodel.size() * sizeof(double)), 0) << n;
  }
}

TEST(CudaRandom, GeneratorsAndStridedOutputs) {
  TL_REQUIRE_GPU();
  tl::Generator gen = tl::detail::createCUDAGenerator(0, 5);
  const auto opts = tl::TensorOptions().device(kGpu);
  const tl::Tensor a = tl::rand({3, 4}, gen, opts).cpu();
  tl::cuda::manual_seed(5);
  EXPECT_TRUE(tensors_identical(a, tl::rand({3, 4}, opts).cpu()));
  // A transposed tensor is filled in memory order, like PyTorch's TensorIterator.
  tl::cuda::manual_seed(5);
  tl::Tensor t = tl::empty({4, 3}, opts).t();
  t.uniform_();
  EXPECT_TRUE(tensors_identical(a.reshape({4, 3}).t(), t.cpu()));
  EXPECT_THROW(tl::rand({2}, tl::detail::createCPUGenerator(1), opts), tl::Error);
  // Integers and bounds.
  const tl::Tensor r = tl::randint(-5, 5, {1000}, tl::TensorOptions(tl::kInt8).device(kGpu)).cpu();
  EXPECT_GE(r.min().item<int64_t>(), -5);
  EXPECT_LT(r.max().item<int64_t>(), 5);
  const tl::Tensor u = tl::rand({10000}, tl::TensorOptions(tl::kHalf).device(kGpu)).cpu().to(tl::kFloat);
  EXPECT_GE(u.min().item<float>(), 0.0f);
  EXPECT_LE(u.max().item<float>(), 1.0f);
}

// ---- kernels behind the bridge ----------------------------------------------------------

TEST(CudaKernels, BinaryWithBroadcastNumbersAndStrides) {
  TL_REQUIRE_GPU();
  using tl::detail::CudaBinaryOp;
  const tl::Tensor a = sample(tl::kFloat, {3, 5});
  const tl::Tensor b = tl::arange(1, 6, 1, tl::kFloat);  // broadcast along rows
  const tl::Tensor ga = a.cuda(), gb = b.cuda();
  tl::Tensor out = tl::empty({3, 5}, tl::TensorOptions().device(kGpu));
  tl::detail::cuda_binary(CudaBinaryOp::Add, tl::kFloat, out, ga, gb);
  EXPECT_TRUE(tensors_identical(tl::add(a, b), out.cpu()));
  tl::detail::cuda_binary(CudaBinaryOp::Mul, tl::kFloat, out, ga, tl::Scalar(3));
  EXPECT_TRUE(tensors_identical(tl::mul(a, 3), out.cpu()));
  tl::detail::cuda_binary(CudaBinaryOp::Sub, tl::kFloat, out, tl::Scalar(1.5), ga);
  EXPECT_TRUE(tensors_identical(tl::sub(tl::full({3, 5}, 1.5), a), out.cpu()));
  // Division by a number is a product with its reciprocal, as in PyTorch's CUDA kernel.
  tl::detail::cuda_binary(CudaBinaryOp::Div, tl::kFloat, out, ga, tl::Scalar(3));
  EXPECT_TRUE(tensors_identical(tl::mul(a, static_cast<double>(1.0f / 3.0f)), out.cpu()));
  tl::detail::cuda_binary(CudaBinaryOp::Div, tl::kFloat, out, ga, gb);
  EXPECT_TRUE(tensors_identical(tl::div(a, b), out.cpu()));
  // A transposed output and a 0-d CPU tensor taking part as a number.
  tl::Tensor outt = tl::empty({5, 3}, tl::TensorOptions().device(kGpu)).t();
  tl::detail::cuda_binary(CudaBinaryOp::AddScaled, tl::kFloat, outt, ga, tl::tensor(2.0f), 0.5);
  EXPECT_TRUE(tensors_identical(tl::add(a, 2.0f, 0.5), outt.contiguous().cpu()));
  tl::Tensor eq = tl::empty({3, 5}, tl::TensorOptions(tl::kBool).device(kGpu));
  tl::detail::cuda_binary(CudaBinaryOp::Eq, tl::kFloat, eq, ga, tl::Scalar(0.0));
  EXPECT_TRUE(tensors_identical(a.eq(0.0), eq.cpu()));
  // Integers wrap around.
  const tl::Tensor i8 = tl::tensor({100, -100, 127}, tl::kInt8);
  tl::Tensor o8 = tl::empty({3}, tl::TensorOptions(tl::kInt8).device(kGpu));
  tl::detail::cuda_binary(CudaBinaryOp::Mul, tl::kInt8, o8, i8.cuda(), i8.cuda());
  EXPECT_TRUE(tensors_identical(tl::mul(i8, i8), o8.cpu()));
}

TEST(CudaKernels, UnaryAndHalf) {
  TL_REQUIRE_GPU();
  for (tl::ScalarType t : {tl::kChar, tl::kInt, tl::kLong, tl::kHalf, tl::kFloat, tl::kDouble}) {
    const tl::Tensor x = sample(t);
    tl::Tensor out = tl::empty({3, 5}, tl::TensorOptions(t).device(kGpu));
    tl::detail::cuda_unary(tl::detail::CudaUnaryOp::Neg, out, x.cuda());
    EXPECT_TRUE(tensors_identical(tl::neg(x), out.cpu())) << t;
    tl::detail::cuda_unary(tl::detail::CudaUnaryOp::Abs, out, x.cuda());
    EXPECT_TRUE(tensors_identical(tl::abs(x), out.cpu())) << t;
  }
  const tl::Tensor h = sample(tl::kHalf);
  tl::Tensor out = tl::empty({3, 5}, tl::TensorOptions(tl::kHalf).device(kGpu));
  tl::detail::cuda_binary(tl::detail::CudaBinaryOp::Mul, tl::kHalf, out, h.cuda(), h.cuda());
  EXPECT_TRUE(tensors_identical(tl::mul(h, h), out.cpu()));
}

TEST(CudaKernels, Reductions) {
  TL_REQUIRE_GPU();
  using tl::detail::CudaReduceOp;
  const tl::Tensor x = tl::tensor({{3.0f, -1.0f, 7.0f, 7.0f}, {0.5f, NAN, -2.0f, 4.0f}, {1.0f, 1.0f, -2.0f, 9.0f}});
  const tl::Tensor g = x.cuda();
  const auto i64 = tl::TensorOptions(tl::kLong).device(kGpu);
  const auto f32 = tl::TensorOptions().device(kGpu);
  // max over dim 1: NaN wins in row 1; the first 7 in row 0.
  tl::Tensor values = tl::empty({3, 1}, f32), indices = tl::empty({3, 1}, i64);
  tl::detail::cuda_reduce(CudaReduceOp::Max, g, {false, true}, values, indices);
  EXPECT_TRUE(tensors_identical(tl::tensor({{int64_t{2}}, {int64_t{1}}, {int64_t{3}}}), indices.cpu()));
  EXPECT_TRUE(std::isnan(values.cpu()[1][0].item<float>()));
  // argmin over everything: the flat index of the first -2.
  tl::Tensor flat = tl::empty({1, 1}, i64);
  tl::detail::cuda_reduce(CudaReduceOp::Min, g.select(1, 2).unsqueeze(1), {true, true}, tl::Tensor(), flat);
  EXPECT_EQ(flat.cpu().item<int64_t>(), 1);
  // sum over dim 0 of rows 0 and 2 of a column-major copy, and of integers (int64).
  tl::Tensor s = tl::empty({1, 4}, f32);
  tl::detail::cuda_reduce(CudaReduceOp::Sum, g.t().contiguous().t().slice(0, 0, 3, 2), {true, false}, s,
                          tl::Tensor());
  EXPECT_TRUE(tensors_identical(tl::tensor({{4.0f, 0.0f, 5.0f, 16.0f}}), s.cpu()));
  const tl::Tensor big = tl::arange(0, 100000, 1, tl::kLong);
  tl::Tensor total = tl::empty({1}, i64);
  tl::detail::cuda_reduce(CudaReduceOp::Sum, big.cuda(), {true}, total, tl::Tensor());
  EXPECT_EQ(total.cpu().item<int64_t>(), int64_t{99999} * 100000 / 2);
}

TEST(CudaKernels, GemmThroughCublas) {
  TL_REQUIRE_GPU();
  // Row-major A (2x3) times B (3x2), handed to column-major cuBLAS as C^T = B^T A^T.
  for (tl::ScalarType t : {tl::kFloat, tl::kDouble, tl::kHalf}) {
    const tl::Tensor a = sample(t, {2, 3}), b = sample(t, {3, 2});
    const tl::Tensor ga = a.cuda(), gb = b.cuda();
    tl::Tensor c = tl::empty({2, 2}, tl::TensorOptions(t).device(kGpu));
    tl::detail::cuda_gemm(t, kGpu, false, false, 2, 2, 3, gb.data_ptr(), 2, 0, ga.data_ptr(), 3, 0, c.data_ptr(), 2,
                          0, 1);
    const tl::Tensor want = tl::matmul(a.to(tl::kDouble), b.to(tl::kDouble));
    EXPECT_TRUE(want.allclose(c.cpu().to(tl::kDouble), 1e-3, 1e-3)) << t;
  }
  // A batch of 4 through the strided-batched call.
  const tl::Tensor a = tl::rand({4, 5, 6}), b = tl::rand({4, 6, 7});
  tl::Tensor c = tl::empty({4, 5, 7}, tl::TensorOptions().device(kGpu));
  const tl::Tensor ga = a.cuda(), gb = b.cuda();
  tl::detail::cuda_gemm(tl::kFloat, kGpu, false, false, 7, 5, 6, gb.data_ptr(), 7, 42, ga.data_ptr(), 6, 30,
                        c.data_ptr(), 7, 35, 4);
  for (int64_t i = 0; i < 4; ++i) EXPECT_TRUE(tl::matmul(a[i], b[i]).allclose(c.cpu()[i], 1e-5, 1e-5)) << i;
  EXPECT_THROW(tl::detail::cuda_gemm(tl::kLong, kGpu, false, false, 1, 1, 1, ga.data_ptr(), 1, 0, ga.data_ptr(), 1, 0,
                                     c.data_ptr(), 1, 0, 1),
               tl::Error);
}

}  // namespace
