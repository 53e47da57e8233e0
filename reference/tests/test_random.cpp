// Random numbers: the MT19937 engine, the generators, and every CPU random function against
// PyTorch 1.13.1 (fixtures/random.json from tools/fixtures/gen_random.py), bit for bit.
#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "support/fixtures.h"
#include "tl/random.h"

namespace {

using nlohmann::json;
using tl::testing::tensor_from_json;
using tl::testing::tensors_identical;

const json& fixture() {
  static const json data = tl::testing::load_fixture("random.json");
  return data;
}

tl::Tensor apply_view(const tl::Tensor& base, const json& view) {
  if (view.is_null()) return base;
  const auto v = view.get<std::string>();
  if (v == "t") return base.t();
  if (v == "slice") return base.slice(1, std::nullopt, std::nullopt, 2);
  if (v == "row") return base.select(0, 1);
  if (v == "permute") return base.permute({2, 0, 1});
  throw std::runtime_error("unknown view " + v);
}

// Replays one step of a fixture program (see gen_random.py); returns the tensor to compare.
tl::Tensor run_step(const json& step, const std::optional<tl::Generator>& program_gen) {
  const auto op = step.at("op").get<std::string>();
  const json args = step.value("args", json::array());
  std::optional<tl::Generator> gen;
  if (step.value("gen", false)) gen = program_gen;
  if (op == "manual_seed") {
    tl::manual_seed(args[0].get<uint64_t>());
    return {};
  }
  const std::vector<int64_t> size = step.at("size").get<std::vector<int64_t>>();
  tl::TensorOptions options;
  if (step.contains("dtype")) options = tl::testing::dtype_from_name(step["dtype"].get<std::string>());
  if (op == "rand") return tl::rand(size, gen, options);
  if (op == "randn") return tl::randn(size, gen, options);
  if (op == "randint") return tl::randint(args[0].get<int64_t>(), args[1].get<int64_t>(), size, gen, options);
  if (op == "normal") return tl::normal(args[0].get<double>(), args[1].get<double>(), size, gen, options);
  tl::Tensor base = tl::zeros(size, options);
  tl::Tensor target = apply_view(base, step.value("view", json()));
  if (op == "uniform_") {
    target.uniform_(args[0].get<double>(), args[1].get<double>(), gen);
  } else if (op == "normal_") {
    target.normal_(args[0].get<double>(), args[1].get<double>(), gen);
  } else if (op == "random_") {
    if (args.empty()) target.random_(gen);
    else if (args.size() == 1) target.random_(args[0].get<int64_t>(), gen);
    else if (args[1].is_null()) target.random_(args[0].get<int64_t>(), std::nullopt, gen);
    else target.random_(args[0].get<int64_t>(), args[1].get<int64_t>(), gen);
  } else {
    throw std::runtime_error("unknown op " + op);
  }
  return base;
}

// The bit pattern of every element as gen_random.py's bits_of computes it.
std::vector<uint64_t> element_bits(const tl::Tensor& t) {
  std::vector<uint64_t> out;
  tl::Tensor c = t.contiguous();
  tl::dispatch(c.dtype(), [&]<typename T>() {
    const T* p = static_cast<const T*>(c.data_ptr());
    for (int64_t i = 0; i < c.numel(); ++i) {
      if constexpr (std::is_same_v<T, tl::Half>) {
        out.push_back(p[i].x);
      } else if constexpr (std::is_same_v<T, float>) {
        out.push_back(tl::detail::float_bits(p[i]));
      } else if constexpr (std::is_same_v<T, double>) {
        uint64_t b;
        std::memcpy(&b, &p[i], 8);
        out.push_back(b);
      } else {
        out.push_back(static_cast<uint64_t>(static_cast<int64_t>(p[i])));
      }
    }
  });
  return out;
}

::testing::AssertionResult matches(const json& expected, const tl::Tensor& actual) {
  if (expected.contains("tensor")) return tensors_identical(tensor_from_json(expected["tensor"]), actual);
  const json& s = expected.at("summary");
  if (actual.dtype() != tl::testing::dtype_from_name(s["dtype"].get<std::string>()))
    return ::testing::AssertionFailure() << "dtype " << actual.dtype();
  if (!(actual.sizes() == s["shape"].get<std::vector<int64_t>>()))
    return ::testing::AssertionFailure() << "shape " << actual.sizes();
  const std::vector<uint64_t> bits = element_bits(actual);
  const auto head = s["head"].get<std::vector<uint64_t>>(), tail = s["tail"].get<std::vector<uint64_t>>();
  for (size_t i = 0; i < head.size(); ++i)
    if (bits[i] != head[i]) return ::testing::AssertionFailure() << "head element " << i;
  for (size_t i = 0; i < tail.size(); ++i)
    if (bits[bits.size() - tail.size() + i] != tail[i]) return ::testing::AssertionFailure() << "tail element " << i;
  uint64_t sum = 0, weighted = 0;
  for (size_t i = 0; i < bits.size(); ++i) {
    sum += bits[i];
    weighted += (i + 1) * bits[i];
  }
  if (sum != s["sum"].get<uint64_t>() || weighted != s["weighted_sum"].get<uint64_t>())
    return ::testing::AssertionFailure() << "checksums differ";
  return ::testing::AssertionSuccess();
}

TEST(Mt19937, MatchesTheStandardEngine) {
  // std::mt19937 is the same algorithm with the same 32-bit seeding: an independent oracle.
  for (uint32_t seed : {0u, 1u, 42u, 5489u, 0xFFFFFFFFu}) {
    tl::mt19937 ours(seed);
    std::mt19937 theirs(seed);
    for (int i = 0; i < 2000; ++i) ASSERT_EQ(ours(), theirs()) << "seed " << seed << " draw " << i;
  }
  tl::mt19937 engine;  // default seed 5489: the standard's check value
  uint32_t v = 0;
  for (int i = 0; i < 10000; ++i) v = engine();
  EXPECT_EQ(v, 4123659995u);
}

TEST(Mt19937, KeepsOnlyTheLow32BitsOfTheSeed) {
  tl::mt19937 a(5), b((uint64_t{1} << 32) + 5);
  EXPECT_EQ(b.seed(), (uint64_t{1} << 32) + 5);
  for (int i = 0; i < 700; ++i) ASSERT_EQ(a(), b());
}

TEST(CpuGenerator, NotebookFirstDraw) {
  tl::Generator gen = tl::detail::createCPUGenerator(42);
  auto* cpu = gen.get<tl::CPUGeneratorImpl>();
  const uint32_t r = cpu->random();
  EXPECT_EQ(r, 1608637542u);
  EXPECT_EQ(static_cast<float>(r & 0xFFFFFF) / 16777216.0f, tl::rand({1}, tl::detail::createCPUGenerator(42)).item<float>());
}

TEST(CpuGenerator, RawDrawsMatchPytorch) {
  for (const json& c : fixture()["raw32"]) {
    tl::Generator gen = tl::detail::createCPUGenerator(c["seed"].get<uint64_t>());
    auto* cpu = gen.get<tl::CPUGeneratorImpl>();
    for (const json& v : c["values"]) ASSERT_EQ(cpu->random() % 0xFFFFFFFFull, v.get<uint64_t>());
  }
  for (const json& c : fixture()["raw64"]) {
    tl::Generator gen = tl::detail::createCPUGenerator(c["seed"].get<uint64_t>());
    auto* cpu = gen.get<tl::CPUGeneratorImpl>();
    for (const json& v : c["values"]) {
      const uint64_t shifted = cpu->random64() % std::numeric_limits<uint64_t>::max() + (uint64_t{1} << 63);
      ASSERT_EQ(static_cast<int64_t>(shifted), v.get<int64_t>());
    }
  }
}

TEST(CpuGenerator, Random64PutsTheFirstDrawHigh) {
  tl::Generator a = tl::detail::createCPUGenerator(9), b = tl::detail::createCPUGenerator(9);
  const uint64_t hi = a.get<tl::CPUGeneratorImpl>()->random(), lo = a.get<tl::CPUGeneratorImpl>()->random();
  EXPECT_EQ(b.get<tl::CPUGeneratorImpl>()->random64(), (hi << 32) | lo);
}

TEST(CpuGenerator, SeedsAndDefaults) {
  EXPECT_EQ(tl::detail::createCPUGenerator().current_seed(), 67280421310721ULL);
  for (const json& c : fixture()["initial_seed"]) {
    tl::manual_seed(c["seed"].get<uint64_t>());
    EXPECT_EQ(tl::initial_seed(), c["initial_seed"].get<uint64_t>());
  }
  const uint64_t s = tl::seed();
  EXPECT_LT(s, uint64_t{1} << 53);
  EXPECT_EQ(tl::initial_seed(), s);
  const tl::Tensor a = tl::rand({8});
  tl::manual_seed(s);
  EXPECT_TRUE(tensors_identical(a, tl::rand({8})));
}

TEST(CpuGenerator, ReseedingDropsTheCachedNormal) {
  tl::Generator gen = tl::detail::createCPUGenerator(1);
  tl::randn({1}, gen);  // one Box–Muller pair: the second value is cached
  EXPECT_TRUE(gen.get<tl::CPUGeneratorImpl>()->next_double_normal_sample().has_value());
  gen.set_current_seed(1);
  EXPECT_FALSE(gen.get<tl::CPUGeneratorImpl>()->next_double_normal_sample().has_value());
}

TEST(RandomFixtures, ProgramsMatchPytorchBitForBit) {
  for (const json& p : fixture()["programs"]) {
    const auto name = p["name"].get<std::string>();
    tl::manual_seed(p["seed"].get<uint64_t>());
    std::optional<tl::Generator> gen;
    if (p.contains("generator_seed")) gen = tl::detail::createCPUGenerator(p["generator_seed"].get<uint64_t>());
    int index = 0;
    for (const json& step : p["steps"]) {
      SCOPED_TRACE(name + ", step " + std::to_string(index++) + ": " + step.at("op").get<std::string>());
      const tl::Tensor out = run_step(step, gen);
      if (step.contains("expected")) {
        EXPECT_TRUE(matches(step["expected"], out));
      }
    }
  }
}

TEST(RandomFixtures, ErrorsMatchPytorch) {
  for (const json& c : fixture()["errors"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    try {
      if (c.contains("expand")) {
        const auto e = c["expand"].get<std::vector<int64_t>>();
        tl::Tensor t = tl::empty({e[0], e[1]}).expand({e[2], e[1]});
        const auto op = c["op"].get<std::string>();
        if (op == "uniform_") t.uniform_(0, 1);
        else if (op == "normal_") t.normal_(0, 1);
        else t.random_(0, 3);
      } else {
        run_step(c["step"], std::nullopt);
      }
      ADD_FAILURE() << "no error";
    } catch (const tl::Error& e) {
      EXPECT_EQ(std::string(e.what()), c["error"]["message"].get<std::string>());
    }
  }
}

TEST(Random, LikeFunctionsFollowTheirModel) {
  const tl::Tensor model = tl::zeros({2, 9}, tl::kDouble);
  tl::manual_seed(8);
  const tl::Tensor a = tl::rand_like(model), b = tl::randn_like(model), c = tl::randint_like(model, 5, 9);
  tl::manual_seed(8);
  EXPECT_TRUE(tensors_identical(tl::rand({2, 9}, tl::kDouble), a));
  EXPECT_TRUE(tensors_identical(tl::randn({2, 9}, tl::kDouble), b));
  EXPECT_TRUE(tensors_identical(tl::randint(5, 9, {2, 9}, tl::kDouble), c));
  EXPECT_EQ(tl::rand_like(model, tl::kHalf).dtype(), tl::kHalf);
  EXPECT_EQ(tl::randint_like(tl::zeros({3}, tl::kInt8), 4).dtype(), tl::kInt8);
  EXPECT_EQ(tl::randint(4, {3}).dtype(), tl::kLong);
}

TEST(Random, EmptyTensorsDrawNothing) {
  tl::manual_seed(3);
  EXPECT_EQ(tl::rand({0, 4}).numel(), 0);
  EXPECT_EQ(tl::randn({0}).numel(), 0);
  EXPECT_EQ(tl::randint(5, {0}).numel(), 0);
  const tl::Tensor after = tl::rand({2});
  tl::manual_seed(3);
  EXPECT_TRUE(tensors_identical(tl::rand({2}), after));
  EXPECT_EQ(tl::rand({}).dim(), 0);
}

TEST(Random, RejectsAGeneratorOfAnotherDevice) {
  struct FakeCudaGenerator : tl::GeneratorImpl {
    tl::Device device() const override { return tl::Device(tl::kCUDA, 0); }
    void set_current_seed(uint64_t) override {}
    uint64_t current_seed() const override { return 0; }
    uint64_t seed() override { return 0; }
  };
  const tl::Generator gen(std::make_shared<FakeCudaGenerator>());
  try {
    tl::rand({2}, gen);
    ADD_FAILURE() << "no error";
  } catch (const tl::Error& e) {
    EXPECT_EQ(std::string(e.what()), "Expected a 'cpu' device type for generator but found 'cuda'");
  }
  EXPECT_THROW(gen.get<tl::CPUGeneratorImpl>(), tl::Error);
}

TEST(Random, PrivateGeneratorsAreIndependentAndShared) {
  tl::Generator g = tl::detail::createCPUGenerator(77);
  tl::Generator alias = g;  // copies share one state
  const tl::Tensor a = tl::rand({3}, g), b = tl::rand({3}, alias);
  tl::Generator fresh = tl::detail::createCPUGenerator(77);
  EXPECT_TRUE(tensors_identical(a, tl::rand({3}, fresh)));
  EXPECT_TRUE(tensors_identical(b, tl::rand({3}, fresh)));
  EXPECT_TRUE(g == alias);
}

}  // namespace
