// Checks that the fast kernels compute what the plain ones (and PyTorch) compute, on more
// inputs than the unit tests can afford:
// - every float through the vectorised casts to half, int8, uint8 and int32, every half
//   back to float, against half.h's and cast_value's scalar conversions;
// - the AVX2 normal kernel against its scalar specification (random/avx2_math.h);
// - with LibTorch (TL_VERIFY_WITH_TORCH): tl and LibTorch bit for bit on large tensors,
//   where the multi-threaded and vectorised paths run.
// Prints one line per check and exits 1 if any fails. Usage: verify_kernels [--quick]
#include <tl/tl.h>

#include <cstdio>
#include <cstring>
#include <functional>
#include <numbers>
#include <string>
#include <vector>

#include "core/parallel.h"
#include "random/avx2_math.h"

#ifdef TL_VERIFY_WITH_TORCH
#include <torch/torch.h>
#endif

namespace {

int failures = 0;

// `known`: a difference that is not the fast kernels' doing, reported but not failed.
void report(const std::string& name, int64_t bad, int64_t total, const char* known = nullptr) {
  std::printf("%-52s %s (%lld of %lld differ)%s%s\n", name.c_str(), bad == 0 ? "ok  " : known ? "diff" : "FAIL",
              static_cast<long long>(bad), static_cast<long long>(total), bad && known ? ": known, " : "",
              bad && known ? known : "");
  if (bad != 0 && !known) ++failures;
}

template <typename T>
uint64_t bits(T v) {
  uint64_t b = 0;
  std::memcpy(&b, &v, sizeof(T));
  return b;
}

// Every float bit pattern, in chunks, through `.to(dtype)` against the scalar conversion.
template <typename To>
void all_floats_to(tl::ScalarType dtype, const char* name, bool quick) {
  constexpr int64_t kChunk = int64_t{1} << 24;
  const int64_t total = quick ? (int64_t{1} << 26) : (int64_t{1} << 32);
  std::vector<uint32_t> buf(kChunk);
  int64_t bad = 0;
  for (int64_t base = 0; base < total; base += kChunk) {
    // Spread the quick subset over the whole range.
    const uint64_t stride = quick ? 64 : 1;
    for (int64_t i = 0; i < kChunk; ++i) buf[i] = static_cast<uint32_t>((base + i) * stride);
    tl::Tensor f = tl::from_blob(buf.data(), {kChunk}, tl::kFloat);
    tl::Tensor h = f.to(dtype);
    const To* got = h.data_ptr<To>();
    const float* in = reinterpret_cast<const float*>(buf.data());
    for (int64_t i = 0; i < kChunk; ++i) bad += bits(got[i]) != bits(tl::detail::cast_value<To>(in[i]));
  }
  report(std::string("every float -> ") + name + (quick ? " (1/64)" : ""), bad, total);
}

void all_halves_to_float() {
  std::vector<uint16_t> buf(65536);
  for (int i = 0; i < 65536; ++i) buf[i] = static_cast<uint16_t>(i);
  tl::Tensor h = tl::from_blob(buf.data(), {65536}, tl::kHalf);
  tl::Tensor f = h.to(tl::kFloat);
  int64_t bad = 0;
  for (int i = 0; i < 65536; ++i) bad += bits(f.data_ptr<float>()[i]) != bits(tl::detail::half_bits_to_float(buf[i]));
  report("every half -> float", bad, 65536);
}

// randn's float kernel against the scalar Box-Muller of random/avx2_math.h on the same uniforms.
void randn_matches_scalar_spec() {
  const int64_t n = (1 << 20) + 5;  // a tail block too
  tl::manual_seed(1234);
  tl::Tensor u = tl::rand({n + 16});  // the same draws normal_ takes, plus the tail's 16
  tl::manual_seed(1234);
  tl::Tensor z = tl::randn({n});
  std::vector<float> d(u.data_ptr<float>(), u.data_ptr<float>() + n);
  auto box_muller_16 = [](float* p) {
    const float two_pi = static_cast<float>(2.0 * std::numbers::pi);
    for (int j = 0; j < 8; ++j) {
      const float radius = std::sqrt(-2.0f * tl::detail::avx2::log(1.0f - p[j]));
      float s, c;
      tl::detail::avx2::sincos(two_pi * p[j + 8], &s, &c);
      p[j] = std::fma(radius * c, 1.0f, 0.0f);
      p[j + 8] = std::fma(radius * s, 1.0f, 0.0f);
    }
  };
  for (int64_t i = 0; i + 16 <= n; i += 16) box_muller_16(d.data() + i);
  std::copy(u.data_ptr<float>() + n, u.data_ptr<float>() + n + 16, d.data() + n - 16);
  box_muller_16(d.data() + n - 16);
  int64_t bad = 0;
  for (int64_t i = 0; i < n; ++i) bad += bits(d[i]) != bits(z.data_ptr<float>()[i]);
  report(std::string("randn float32 vs scalar spec") + (tl::detail::cpu_has_avx2() ? " (AVX2)" : ""), bad, n);
}

#ifdef TL_VERIFY_WITH_TORCH
// The same computation through both libraries; the results' bytes must be equal.
void same_as_torch(const std::string& name, const std::function<tl::Tensor()>& ours,
                   const std::function<torch::Tensor()>& theirs, const char* known = nullptr) {
  tl::Tensor a = ours().contiguous();
  torch::Tensor b = theirs().contiguous();
  int64_t bad = 0;
  const int64_t n = a.numel();
  if (a.nbytes() != static_cast<int64_t>(b.nbytes()) || n != b.numel()) {
    bad = n;
  } else {
    const auto* pa = static_cast<const unsigned char*>(a.data_ptr());
    const auto* pb = static_cast<const unsigned char*>(b.data_ptr());
    const int64_t es = a.element_size();
    for (int64_t i = 0; i < n; ++i) {
      if (std::memcmp(pa + i * es, pb + i * es, es) == 0) continue;
      if (bad++ == 0) {  // show the first difference as raw bits
        uint64_t x = 0, y = 0;
        std::memcpy(&x, pa + i * es, es);
        std::memcpy(&y, pb + i * es, es);
        std::printf("  [%lld]: tl 0x%llx, LibTorch 0x%llx\n", static_cast<long long>(i), static_cast<unsigned long long>(x),
                    static_cast<unsigned long long>(y));
      }
    }
  }
  report(name, bad, n, known);
}

void torch_checks() {
  const int64_t n = (1 << 22) + 3;
  auto seeded = [](auto&& f) {
    return [f] {
      tl::manual_seed(7);
      torch::manual_seed(7);
      return f();
    };
  };
  same_as_torch("rand float32 4M", seeded([=] { return tl::rand({n}); }), seeded([=] { return torch::rand({n}); }));
  same_as_torch("rand float64 1M", seeded([] { return tl::rand({1 << 20}, tl::kDouble); }),
                seeded([] { return torch::rand({1 << 20}, torch::kDouble); }));
  same_as_torch("randn float32 4M", seeded([=] { return tl::randn({n}); }), seeded([=] { return torch::randn({n}); }));
  same_as_torch("randn float64 1M", seeded([] { return tl::randn({(1 << 20) + 7}, tl::kDouble); }),
                seeded([] { return torch::randn({(1 << 20) + 7}, torch::kDouble); }));
  same_as_torch("randn float16 64K", seeded([] { return tl::randn({65536 + 9}, tl::kHalf); }),
                seeded([] { return torch::randn({65536 + 9}, torch::kHalf); }));
  // Element-wise ops on big inputs (the threaded paths), from the same random inputs.
  auto pair = [=](auto op_tl, auto op_torch, const char* name, std::vector<int64_t> shape, bool transpose) {
    same_as_torch(name, seeded([=] {
      auto a = tl::randn(shape), b = tl::randn(shape);
      return op_tl(a, transpose ? b.t() : b);
    }), seeded([=] {
      auto a = torch::randn(shape), b = torch::randn(shape);
      return op_torch(a, transpose ? b.t() : b);
    }));
  };
  pair([](auto a, auto b) { return a + b; }, [](auto a, auto b) { return a + b; }, "add float32 4M", {n}, false);
  pair([](auto a, auto b) { return a.add(b, 2.5); }, [](auto a, auto b) { return a.add(b, 2.5); },
       "add alpha=2.5 float32 4M", {n}, false);
  pair([](auto a, auto b) { return a.add(b[7], 2.5); }, [](auto a, auto b) { return a.add(b[7], 2.5); },
       "add alpha=2.5 scalar rhs float32 4M", {n}, false);
  pair([](auto a, auto b) { return a * b; }, [](auto a, auto b) { return a * b; }, "mul transposed float32 4M",
       {2048, 2048}, true);
  pair([](auto a, auto b) { return a / b; }, [](auto a, auto b) { return a / b; }, "div transposed float32 1M",
       {1024, 1024}, true);
  // Every other column (step 2: tl packs such runs for its vector loop).
  pair([](auto a, auto b) { return a.slice(1, 0, 2048, 2) * b.slice(1, 1, 2048, 2); },
       [](auto a, auto b) { return a.slice(1, 0, 2048, 2) * b.slice(1, 1, 2048, 2); }, "mul step-2 columns float32 2M",
       {2048, 2048}, false);
  pair([](auto a, auto b) { return a.to(tl::kDouble).slice(1, 0, 1024, 2).div(b.to(tl::kDouble).slice(1, 0, 1024, 2)); },
       [](auto a, auto b) { return a.to(torch::kDouble).slice(1, 0, 1024, 2).div(b.to(torch::kDouble).slice(1, 0, 1024, 2)); },
       "div step-2 columns float64 512K", {1024, 1024}, false);
  pair([](auto a, auto b) { return a.eq(b); }, [](auto a, auto b) { return a.eq(b); }, "eq float32 4M", {n}, false);
  same_as_torch("add broadcast rows float32 4M", seeded([] { return tl::randn({4096, 1024}) + tl::randn({1024}); }),
                seeded([] { return torch::randn({4096, 1024}) + torch::randn({1024}); }));
  same_as_torch("sub scalar alpha int64 1M", [] { return tl::arange(1 << 20).sub(7, 3); },
                [] { return torch::arange(1 << 20).sub(7, 3); });
  // Casts and copies.
  for (auto [dt_tl, dt_torch, name] : {std::tuple{tl::kHalf, torch::kHalf, "half"}, std::tuple{tl::kChar, torch::kChar, "int8"},
                                       std::tuple{tl::kByte, torch::kByte, "uint8"}, std::tuple{tl::kInt, torch::kInt, "int32"},
                                       std::tuple{tl::kDouble, torch::kDouble, "float64"}, std::tuple{tl::kBool, torch::kBool, "bool"}}) {
    same_as_torch(std::string("cast float32 -> ") + name + " 4M",
                  seeded([=] { return (tl::randn({n}) * 1000).to(dt_tl); }),
                  seeded([=] { return (torch::randn({n}) * 1000).to(dt_torch); }));
  }
  same_as_torch("cast float16 -> float32 4M", seeded([=] { return tl::randn({n}).to(tl::kHalf).to(tl::kFloat); }),
                seeded([=] { return torch::randn({n}).to(torch::kHalf).to(torch::kFloat); }));
  same_as_torch("contiguous of permute(2,0,1) float32 4M",
                seeded([] { return tl::randn({1024, 64, 64}).permute({2, 0, 1}).contiguous(); }),
                seeded([] { return torch::randn({1024, 64, 64}).permute({2, 0, 1}).contiguous(); }));
  same_as_torch("contiguous of transpose -> float16 1M",
                seeded([] { return tl::randn({1000, 1000}).t().to(tl::kHalf); }),
                seeded([] { return torch::randn({1000, 1000}).t().to(torch::kHalf); }));
  // Reductions (serial float sums must keep PyTorch's order).
  same_as_torch("sum float32 3M", seeded([] { return tl::randn({3000, 1001}).sum(); }),
                seeded([] { return torch::randn({3000, 1001}).sum(); }));
  same_as_torch("sum dim0 float32 3M", seeded([] { return tl::randn({3000, 1001}).sum({0}); }),
                seeded([] { return torch::randn({3000, 1001}).sum({0}); }));
  same_as_torch("sum dim1 float32 3M", seeded([] { return tl::randn({3000, 1001}).sum({1}); }),
                seeded([] { return torch::randn({3000, 1001}).sum({1}); }));
  same_as_torch("mean dim1 float32 3M", seeded([] { return tl::randn({3000, 1001}).mean({1}); }),
                seeded([] { return torch::randn({3000, 1001}).mean({1}); }));
  same_as_torch("max dim1 float32 3M", seeded([] { return std::get<0>(tl::randn({3000, 1001}).max(1)); }),
                seeded([] { return std::get<0>(torch::randn({3000, 1001}).max(1)); }));
  same_as_torch("argmax dim0 float32 3M", seeded([] { return tl::randn({3000, 1001}).argmax(0); }),
                seeded([] { return torch::randn({3000, 1001}).argmax(0); }));
  // Ties (few distinct values), NaNs and signed zeros: the split reductions must pick what
  // the serial scan picks.
  same_as_torch("max float32 ties 3M", seeded([] { return tl::randint(-3, 4, {3000 * 1001}, tl::kFloat).max(); }),
                seeded([] { return torch::randint(-3, 4, {3000 * 1001}, torch::kFloat).max(); }));
  same_as_torch("argmax float32 ties 3M", seeded([] { return tl::randint(-3, 4, {3000 * 1001}, tl::kFloat).argmax(); }),
                seeded([] { return torch::randint(-3, 4, {3000 * 1001}, torch::kFloat).argmax(); }));
  same_as_torch("argmin dim1 float32 ties 3M", seeded([] { return tl::randint(-3, 4, {3000, 1001}, tl::kFloat).argmin(1); }),
                seeded([] { return torch::randint(-3, 4, {3000, 1001}, torch::kFloat).argmin(1); }));
  same_as_torch("max dim0 int64 ties 3M", seeded([] { return std::get<1>(tl::randint(-3, 4, {3000, 1001}).max(0)); }),
                seeded([] { return std::get<1>(torch::randint(-3, 4, {3000, 1001}).max(0)); }));
  auto with_nan = [](auto t) {
    auto flat = t.view({-1});
    flat.index_put_({2000000}, NAN);
    flat.index_put_({2500000}, NAN);
    flat.index_put_({100}, -0.0);
    return t;
  };
  same_as_torch("max float32 NaN 3M", seeded([=] { return with_nan(tl::randn({3000, 1001})).max(); }),
                seeded([=] { return with_nan(torch::randn({3000, 1001})).max(); }),
                "PyTorch's vector max returns an all-ones NaN; tl the input's NaN");
  same_as_torch("argmax float32 NaN 3M", seeded([=] { return with_nan(tl::randn({3000, 1001})).argmax(); }),
                seeded([=] { return with_nan(torch::randn({3000, 1001})).argmax(); }));
  same_as_torch("argmax dim1 float32 NaN 3M", seeded([=] { return with_nan(tl::randn({3000, 1001})).argmax(1); }),
                seeded([=] { return with_nan(torch::randn({3000, 1001})).argmax(1); }));
  same_as_torch("min float32 zeros 1M", [] { return tl::zeros({1 << 20}).index_put_({5}, -0.0).min(); },
                [] { return torch::zeros({1 << 20}).index_put_({5}, -0.0).min(); },
                "the sign of a zero min/max follows PyTorch's vector lanes; tl takes -0 < +0");
  same_as_torch("sum dim0 float64 3M", seeded([] { return tl::randn({3000, 1001}, tl::kDouble).sum({0}); }),
                seeded([] { return torch::randn({3000, 1001}, torch::kDouble).sum({0}); }));
  same_as_torch("sum dim0 float16 1M", seeded([] { return tl::randn({1000, 1001}, tl::kHalf).sum({0}); }),
                seeded([] { return torch::randn({1000, 1001}, torch::kHalf).sum({0}); }));
  same_as_torch("sum dims(0,2) float32 3-d 3M", seeded([] { return tl::randn({30, 1000, 101}).sum(std::vector<int64_t>{0, 2}); }),
                seeded([] { return torch::randn({30, 1000, 101}).sum(std::vector<int64_t>{0, 2}); }));
  same_as_torch("sum dim1 of transposed float32 3M", seeded([] { return tl::randn({1001, 3000}).t().sum({1}); }),
                seeded([] { return torch::randn({1001, 3000}).t().sum({1}); }));
  same_as_torch("sum int64 1M", [] { return tl::arange(1 << 20).sum(); }, [] { return torch::arange(1 << 20).sum(); });
  // Long rows are shared between threads (top-level cascade blocks, summed in order).
  for (int64_t n : {int64_t{1} << 18, (int64_t{3} << 18) + 1000, int64_t{1} << 20, (int64_t{1} << 24) + 37}) {
    const std::string label = "sum float32 whole " + std::to_string(n);
    same_as_torch(label.c_str(), seeded([n] { return tl::randn({n}).sum(); }), seeded([n] { return torch::randn({n}).sum(); }));
  }
  same_as_torch("mean float32 4M", seeded([] { return tl::randn({2048, 2048}).mean(); }),
                seeded([] { return torch::randn({2048, 2048}).mean(); }));
  same_as_torch("sum float64 whole 3M", seeded([] { return tl::randn({3000003}, tl::kDouble).sum(); }),
                seeded([] { return torch::randn({3000003}, torch::kDouble).sum(); }));
  same_as_torch("sum float16 whole 2M", seeded([] { return (tl::rand({2000003}, tl::kHalf) - 0.5).sum(); }),
                seeded([] { return (torch::rand({2000003}, torch::kHalf) - 0.5).sum(); }));
  same_as_torch("sum dim1 float32 2 rows of 4M", seeded([] { return tl::randn({2, 4000000}).sum({1}); }),
                seeded([] { return torch::randn({2, 4000000}).sum({1}); }));
  same_as_torch("sum int64 whole 3M wrapping",
                seeded([] { return tl::randint(-(int64_t{1} << 62), int64_t{1} << 62, {3000005}).sum(); }),
                seeded([] { return torch::randint(-(int64_t{1} << 62), int64_t{1} << 62, {3000005}).sum(); }));
  same_as_torch("matmul float32 300x200.200x100", seeded([] { return tl::matmul(tl::randn({300, 200}), tl::randn({200, 100})); }),
                seeded([] { return torch::matmul(torch::randn({300, 200}), torch::randn({200, 100})); }));
  // Shapes whose bits change with OpenBLAS's thread count (checked: one thread against two):
  // equal only while tl makes PyTorch's call and leaves the threads to OpenBLAS.
  same_as_torch("matmul float64 347x7.7x257, 2nd transposed",
                seeded([] { return tl::matmul(tl::randn({347, 7}, tl::kDouble), tl::randn({257, 7}, tl::kDouble).t()); }),
                seeded([] { return torch::matmul(torch::randn({347, 7}, torch::kDouble), torch::randn({257, 7}, torch::kDouble).t()); }));
  same_as_torch("matmul float64 175x1000.1000x186, 1st transposed",
                seeded([] { return tl::matmul(tl::randn({1000, 175}, tl::kDouble).t(), tl::randn({1000, 186}, tl::kDouble)); }),
                seeded([] { return torch::matmul(torch::randn({1000, 175}, torch::kDouble).t(), torch::randn({1000, 186}, torch::kDouble)); }));
}
#endif

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  std::printf("tl threads: %d, AVX2 kernels: %s\n", tl::detail::num_threads(), tl::detail::cpu_has_avx2() ? "yes" : "no");
  all_halves_to_float();
  all_floats_to<tl::Half>(tl::kHalf, "half", quick);
  all_floats_to<int8_t>(tl::kChar, "int8", quick);
  all_floats_to<uint8_t>(tl::kByte, "uint8", quick);
  all_floats_to<int32_t>(tl::kInt, "int32", quick);
  randn_matches_scalar_spec();
#ifdef TL_VERIFY_WITH_TORCH
  torch_checks();
#endif
  std::printf("%s\n", failures == 0 ? "all checks passed" : "SOME CHECKS FAILED");
  return failures == 0 ? 0 : 1;
}
