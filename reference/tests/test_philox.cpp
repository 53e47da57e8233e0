// The host model of PyTorch's CUDA random numbers (src/random/philox.h), on the CPU:
// Philox4x32-10's published known answers, curand's state and mappings, PyTorch 1.13's
// launch and offset bookkeeping, values PyTorch has printed, and the independent Python
// model of tools/fixtures/gen_cuda.py (fixtures/cuda_random.json).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "../src/random/philox.h"
#include "support/fixtures.h"
#include "tl/cuda.h"

namespace {

using tl::detail::PhiloxCounter;
using tl::detail::PhiloxKey;
using tl::detail::PhiloxStream;

// Random123's examples/kat_vectors (D. E. Shaw Research), the "philox4x32 10" lines:
// counter, key -> output.
struct Kat {
  PhiloxCounter counter;
  PhiloxKey key;
  PhiloxCounter output;
};
const Kat kKats[] = {
    {{0, 0, 0, 0}, {0, 0}, {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
    {{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, {0xffffffff, 0xffffffff},
     {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
    {{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, {0xa4093822, 0x299f31d0},
     {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
};

TEST(Philox, KnownAnswerVectors) {
  for (const Kat& k : kKats) EXPECT_EQ(tl::detail::philox4x32_10(k.counter, k.key), k.output);
}

TEST(Philox, FixtureKnownAnswersAgree) {
  // gen_cuda.py checks its own Python Philox against the same vectors.
  const auto data = tl::testing::load_fixture("cuda_random.json");
  for (const auto& k : data.at("kat")) {
    const auto c = k.at("counter").get<std::vector<uint32_t>>();
    const auto key = k.at("key").get<std::vector<uint32_t>>();
    const auto out = k.at("output").get<std::vector<uint32_t>>();
    const PhiloxCounter got = tl::detail::philox4x32_10({c[0], c[1], c[2], c[3]}, {key[0], key[1]});
    EXPECT_EQ(std::vector<uint32_t>(got.begin(), got.end()), out);
  }
}

TEST(PhiloxStream, CurandInitLaysOutKeyCounterAndOffset) {
  // key = seed, counter = (offset / 4 in the low 64 bits, subsequence in the high 64 bits).
  const uint64_t seed = 0x0123456789abcdefULL, subsequence = 0x00000005fffffffeULL;
  PhiloxStream s(seed, subsequence, 8);
  const PhiloxKey key{0x89abcdefu, 0x01234567u};
  EXPECT_EQ(s.next4(), tl::detail::philox4x32_10({2, 0, 0xfffffffeu, 5}, key));
  EXPECT_EQ(s.next4(), tl::detail::philox4x32_10({3, 0, 0xfffffffeu, 5}, key));
}

TEST(PhiloxStream, SingleDrawsAndUnalignedOffsets) {
  PhiloxStream whole(42, 7, 0);
  const auto a = whole.next4(), b = whole.next4();
  PhiloxStream single(42, 7, 0);
  for (uint32_t v : a) EXPECT_EQ(single.next(), v);
  for (uint32_t v : b) EXPECT_EQ(single.next(), v);
  // An offset that is not a multiple of 4 starts inside a block; curand4 then straddles two.
  PhiloxStream shifted(42, 7, 3);
  EXPECT_EQ(shifted.next4(), (std::array<uint32_t, 4>{a[3], b[0], b[1], b[2]}));
}

TEST(PhiloxStream, LargeOffsetsAndSubsequences) {
  // Both halves of the counter take 64-bit values: offset / 4 spans words 0-1, the
  // subsequence words 2-3.
  PhiloxStream s(1, 0x100000002ULL, 4 * 0x300000001ULL);
  EXPECT_EQ(s.next4(), tl::detail::philox4x32_10({1, 3, 2, 1}, {1, 0}));
  EXPECT_EQ(s.next4(), tl::detail::philox4x32_10({2, 3, 2, 1}, {1, 0}));
}

TEST(CurandMappings, UniformEnds) {
  // x * 2^-32 + 2^-33: (0, 1], and 1.0 itself for the largest draws (PyTorch maps it to 0).
  EXPECT_EQ(tl::detail::curand_uniform_from(0), 0x1p-33f);
  EXPECT_EQ(tl::detail::curand_uniform_from(0x80000000u), 0.5f);
  EXPECT_EQ(tl::detail::curand_uniform_from(0xffffffffu), 1.0f);
  EXPECT_EQ(tl::detail::curand_uniform_from(0xffffff7fu), 0x1.fffffep-1f);
  EXPECT_EQ(tl::detail::curand_uniform_double_from(0, 0), 0x1p-54);
  // x ^ (y << 21) = 2^53 - 1: (1 - 2^-53) + 2^-54 is a tie, which rounds to even, 1.0.
  EXPECT_EQ(tl::detail::curand_uniform_double_from(0x001fffffu, 0xffffffffu), 1.0);
  EXPECT_LT(tl::detail::curand_uniform_double_from(0xffffffffu, 0xffffffffu), 1.0);  // xor, not or
  const auto n = tl::detail::curand_box_muller_from(0x80000000u, 0);
  EXPECT_NEAR(n[0], 0.0f, 1e-6f);                      // sin of an angle near 0
  EXPECT_NEAR(n[1], std::sqrt(2 * std::log(2.0)), 1e-5);  // r = sqrt(-2 ln 0.5), cos near 1
}

TEST(PhiloxLaunch, PyTorch113ExecutionPolicy) {
  // An H100: 132 multiprocessors of 2048 threads, so at most 1056 blocks of 256 threads.
  auto l = tl::detail::philox_launch(6, 132, 2048);
  EXPECT_EQ(l.grid, 1u);
  EXPECT_EQ(l.offset_increment, 4u);
  l = tl::detail::philox_launch(257, 132, 2048);
  EXPECT_EQ(l.grid, 2u);
  l = tl::detail::philox_launch(270336 * 4, 132, 2048);
  EXPECT_EQ(l.grid, 1056u);
  EXPECT_EQ(l.offset_increment, 4u);
  l = tl::detail::philox_launch(270336 * 4 + 1, 132, 2048);
  EXPECT_EQ(l.offset_increment, 8u);
  l = tl::detail::philox_launch(100000000, 132, 2048);
  EXPECT_EQ(l.offset_increment, (99999999 / (270336 * 4) + 1) * 4u);
  // A T4: 40 multiprocessors of 1024 threads.
  EXPECT_EQ(tl::detail::philox_launch(1 << 20, 40, 1024).grid, 160u);
}

TEST(PhiloxModel, GridStrideMapping) {
  // With 1 block and 300 elements, threads 0..43 take two values: their first draw's
  // component 0 (element t) and component 1 (element t + 256).
  const auto v = tl::detail::philox_uniform_float(300, 9, 0, 1);
  PhiloxStream t5(9, 5, 0);
  const auto r = t5.next4();
  EXPECT_EQ(v[5], tl::detail::curand_uniform_from(r[0]));
  EXPECT_EQ(v[261], tl::detail::curand_uniform_from(r[1]));
}

// Values PyTorch has printed (4 decimals) for torch.manual_seed(0) on any NVIDIA GPU:
// torch.rand(10, device='cuda'), the next torch.rand(4, ...), and torch.randn(8, 8, ...).
TEST(PhiloxModel, ReproducesPublishedPyTorchValues) {
  const double rand10[] = {0.3990, 0.5167, 0.0249, 0.9401, 0.9459, 0.7967, 0.4150, 0.8203, 0.2290, 0.9096};
  const double next4[] = {0.9722, 0.7910, 0.4690, 0.3300};
  const auto first = tl::detail::philox_uniform_float(10, 0, 0, 1);
  const auto second = tl::detail::philox_uniform_float(4, 0, 4, 1);
  for (size_t i = 0; i < 10; ++i) EXPECT_NEAR(first[i], rand10[i], 5e-5) << i;
  for (size_t i = 0; i < 4; ++i) EXPECT_NEAR(second[i], next4[i], 5e-5) << i;
  const double randn_row0[] = {-0.9247, -0.4253, -2.6438, 0.1452, -0.1209, -0.5797, -0.6229, -0.3284};
  const double randn_row7[] = {-0.5499, -0.3231, -0.5469, 0.9049, 0.2837, 0.1210, 0.4730, -1.0823};
  const auto normal = tl::detail::philox_normal_float(64, 0, 0, 1);
  for (size_t i = 0; i < 8; ++i) {
    EXPECT_NEAR(normal[i], randn_row0[i], 5e-5) << i;
    EXPECT_NEAR(normal[56 + i], randn_row7[i], 5e-5) << i;
  }
}

// Replays fixtures/cuda_random.json through the C++ model: uniform and integer values bit
// for bit, normal values within the fixture's tolerance.
TEST(PhiloxModel, MatchesIndependentPythonModel) {
  const auto data = tl::testing::load_fixture("cuda_random.json");
  for (const auto& c : data.at("cases")) {
    const auto seed = c.at("seed").get<uint64_t>();
    uint64_t offset = 0;
    for (const auto& call : c.at("calls")) {
      const auto op = call.at("op").get<std::string>();
      const auto dtype = call.at("dtype").get<std::string>();
      int64_t n = 1;
      for (int64_t s : call.at("shape").get<std::vector<int64_t>>()) n *= s;
      SCOPED_TRACE(c.at("name").get<std::string>() + " " + op + " " + dtype);
      ASSERT_EQ(call.at("offset").get<uint64_t>(), offset);
      const auto launch = tl::detail::philox_launch(n, 132, 2048);
      const auto& values = call.at("values");
      if (op == "randint") {  // randint(0, 10): a 32-bit draw modulo 10
        std::vector<int64_t> got(static_cast<size_t>(n));
        tl::detail::philox_grid_stride(
            n, launch.grid, 4, seed, offset, [](PhiloxStream& s) { return s.next4(); },
            [&](int64_t i, uint32_t r) { got[static_cast<size_t>(i)] = r % 10; });
        EXPECT_EQ(got, values.get<std::vector<int64_t>>());
      } else if (op == "rand" && dtype == "float64") {
        const auto got = tl::detail::philox_uniform_double(n, seed, offset, launch.grid);
        for (int64_t i = 0; i < n; ++i) {
          uint64_t b;
          std::memcpy(&b, &got[static_cast<size_t>(i)], 8);
          EXPECT_EQ(b, call.at("bits")[static_cast<size_t>(i)].get<uint64_t>()) << i;
        }
      } else if (op == "rand") {
        const auto got = tl::detail::philox_uniform_float(n, seed, offset, launch.grid);
        for (int64_t i = 0; i < n; ++i) {
          const float f = got[static_cast<size_t>(i)];
          uint32_t b;
          if (dtype == "float16") {
            b = tl::Half(f).x;
          } else {
            std::memcpy(&b, &f, 4);
          }
          EXPECT_EQ(b, call.at("bits")[static_cast<size_t>(i)].get<uint32_t>()) << i;
        }
      } else {
        const double tol = data.at("tolerance").at("randn").get<double>();
        std::vector<double> got;
        if (dtype == "float64") {
          got = tl::detail::philox_normal_double(n, seed, offset, launch.grid);
        } else {
          const auto f = tl::detail::philox_normal_float(n, seed, offset, launch.grid);
          got.assign(f.begin(), f.end());
        }
        for (int64_t i = 0; i < n; ++i) {
          EXPECT_NEAR(got[static_cast<size_t>(i)], values[static_cast<size_t>(i)].get<double>(), tol) << i;
        }
      }
      offset += launch.offset_increment;
    }
  }
}

// The exercise-6 numbers: torch.cuda.manual_seed(1234); torch.rand(2, 3, device='cuda').
// The notebook does not print them; these come from the two models, which agree with
// PyTorch's printed seed-0 values above.
TEST(PhiloxModel, Exercise6Seed1234) {
  const auto v = tl::detail::philox_uniform_float(6, 1234, 0, 1);
  const double expected[] = {0.1272, 0.8167, 0.5440, 0.6601, 0.2721, 0.9737};
  for (size_t i = 0; i < 6; ++i) EXPECT_NEAR(v[i], expected[i], 5e-5) << i;
}

TEST(CUDAGenerator, SeedAndOffsetBookkeeping) {
  tl::CUDAGeneratorImpl gen(0);
  EXPECT_EQ(gen.current_seed(), tl::default_rng_seed_val);
  EXPECT_EQ(gen.philox_offset_per_thread(), 0u);
  EXPECT_EQ(gen.philox_engine_inputs(4), (std::pair<uint64_t, uint64_t>{tl::default_rng_seed_val, 0}));
  EXPECT_EQ(gen.philox_engine_inputs(5), (std::pair<uint64_t, uint64_t>{tl::default_rng_seed_val, 4}));
  EXPECT_EQ(gen.philox_offset_per_thread(), 12u);  // 5 rounded up to 8
  gen.set_current_seed(1234);
  EXPECT_EQ(gen.current_seed(), 1234u);
  EXPECT_EQ(gen.philox_offset_per_thread(), 0u);  // a new seed restarts the stream
  gen.set_philox_offset_per_thread(40);
  EXPECT_EQ(gen.philox_engine_inputs(4).second, 40u);
  EXPECT_THROW(gen.set_philox_offset_per_thread(2), tl::Error);
  EXPECT_EQ(gen.device(), tl::Device(tl::kCUDA, 0));
}

}  // namespace
