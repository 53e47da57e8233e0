// Hidden suite for 02-random. Golden values: graders/suites/fixtures/02-random.json
// (tools/fixtures/gen_course.py: torch.rand / torch.Generator of PyTorch 1.13.1, raw MT19937 draws).
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include <course/02_random.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::expect_error;
using suite::same_tensor;
using suite::tensor_from_json;

namespace {

const nlohmann::json& fx() { return suite::fixture("02-random.json"); }

float float_from_bits(uint32_t b) {
  float f;
  std::memcpy(&f, &b, 4);
  return f;
}

::testing::AssertionResult same_float(uint32_t bits_in, uint32_t expected_bits, float got) {
  uint32_t got_bits;
  std::memcpy(&got_bits, &got, 4);
  if (got_bits == expected_bits) return ::testing::AssertionSuccess();
  std::ostringstream os;
  os.precision(9);
  os << "uniform_from_bits(" << bits_in << "): expected " << float_from_bits(expected_bits) << ", got " << got;
  return ::testing::AssertionFailure() << os.str();
}

tl::ScalarType dtype_of(const nlohmann::json& call) { return suite::dtype_from_name(call["dtype"]); }

std::vector<int64_t> size_of(const nlohmann::json& call) { return call["size"].get<std::vector<int64_t>>(); }

const nlohmann::json& stream(const std::string& name) {
  for (const auto& s : fx()["streams"])
    if (s["name"] == name) return s;
  throw std::runtime_error("no stream " + name);
}

// Compares one rand result with its fixture (whole tensor, or shape and both ends when big).
::testing::AssertionResult matches(const nlohmann::json& expected, const tl::Tensor& got) {
  if (!expected.contains("big")) return same_tensor(tensor_from_json(expected), got);
  auto shape = suite::shape_from_json(expected["shape"]);
  if (!got.defined() || !got.sizes().vec().empty() == shape.empty() || !(got.sizes() == shape))
    return ::testing::AssertionFailure() << "wrong shape: expected " << suite::str_list(shape) << ", got "
                                         << (got.defined() ? suite::str(got.sizes()) : "an undefined tensor");
  tl::Tensor flat = got.contiguous().flatten();
  const int64_t n = flat.numel();
  auto r = same_tensor(tensor_from_json(expected["head"]), flat.slice(0, 0, 8));
  if (!r) return r << " (first 8 elements)";
  r = same_tensor(tensor_from_json(expected["tail"]), flat.slice(0, n - 8, n));
  if (!r) return r << " (last 8 elements)";
  return ::testing::AssertionSuccess();
}

// Replays a stream: call i is made by hand when by_hand(i), else with tl::rand on the same generator.
void replay(const std::string& name, const std::function<bool(size_t)>& by_hand) {
  const auto& s = stream(name);
  tl::Generator gen = tl::detail::createCPUGenerator(s["seed"].get<uint64_t>());
  for (size_t i = 0; i < s["calls"].size(); ++i) {
    const auto& call = s["calls"][i];
    const auto size = size_of(call);
    const tl::ScalarType dtype = dtype_of(call);
    tl::Tensor got = by_hand(i) ? course::rand_by_hand(gen, size, dtype) : tl::rand(size, gen, tl::TensorOptions(dtype));
    EXPECT_TRUE(matches(s["results"][i], got))
        << "stream '" << name << "' (seed " << s["seed"] << "), call " << i + 1 << ": "
        << (by_hand(i) ? "rand_by_hand" : "tl::rand (after your rand_by_hand calls)") << " of size "
        << suite::str_list(size) << " and dtype " << dtype;
  }
}

bool always(size_t) { return true; }

}  // namespace

// ---- uniform_from_bits -----------------------------------------------------------------

TEST(UniformFromBits, NotebookFirstDraw) {
  // 0x3F61DC66: torch.manual_seed(42); torch.rand(1).view(torch.int32) in PyTorch 1.13.1
  EXPECT_TRUE(same_float(1608637542u, 0x3F61DC66u, course::uniform_from_bits(1608637542u)))
      << "the first draw after seed 42 should give the notebook's 0.8823";
}

TEST(UniformFromBits, SampledDrawsOfFiveSeeds) {
  for (const auto& p : fx()["uniform_pairs"]) {
    const uint32_t b = p["bits"].get<uint32_t>();
    ASSERT_TRUE(same_float(b, p["float_bits"].get<uint32_t>(), course::uniform_from_bits(b)));
  }
}

TEST(UniformFromBits, EdgeDraws) {
  for (const auto& p : fx()["uniform_edges"]) {
    const uint32_t b = p["bits"].get<uint32_t>();
    EXPECT_TRUE(same_float(b, p["float_bits"].get<uint32_t>(), course::uniform_from_bits(b)));
  }
}

TEST(UniformFromBits, HighByteIsIgnoredAndOneIsNeverReached) {
  EXPECT_EQ(course::uniform_from_bits(0xFF000000u), 0.0f) << "only the low 24 bits count";
  const float top = course::uniform_from_bits(0xFFFFFFFFu);
  EXPECT_LT(top, 1.0f);
  EXPECT_EQ(top, 1.0f - 1.0f / 16777216.0f);
}

// ---- rand_by_hand ----------------------------------------------------------------------

TEST(RandByHand, NotebookSeed42) { replay("notebook", always); }

TEST(RandByHand, StreamContinuesAcrossCalls) { replay("continues", always); }

TEST(RandByHand, ConsumesExactlyTheDrawsRandWould) {
  // Alternating with the library's tl::rand on the same generator: any extra or missing
  // draw in rand_by_hand shifts every later number.
  replay("continues", [](size_t i) { return i % 2 == 0; });
  replay("mixed", [](size_t i) { return i % 2 == 0; });
}

TEST(RandByHand, ThenLibraryRandContinuesTheStream) {
  replay("mixed", [](size_t i) { return i % 2 == 1; });
}

TEST(RandByHand, SixteenOrMoreElements) { replay("crosses_16", always); }

TEST(RandByHand, ZeroDimSizeIsOneDraw) { replay("zero_dim", always); }

TEST(RandByHand, EmptySizesDrawNothing) { replay("empty", always); }

TEST(RandByHand, Float64UsesTwoDrawsPerElement) { replay("float64", always); }

TEST(RandByHand, Float16UsesElevenBits) { replay("float16", always); }

TEST(RandByHand, MixedDtypes) { replay("mixed", always); }

TEST(RandByHand, LargestSeed) { replay("large_seed", always); }

TEST(RandByHand, ImageSizedTensor) { replay("image", always); }

TEST(RandByHand, ResultIsAContiguousCpuTensor) {
  tl::Generator gen = tl::detail::createCPUGenerator(3);
  const tl::Tensor t = course::rand_by_hand(gen, {2, 3, 4});
  ASSERT_TRUE(t.defined());
  EXPECT_TRUE(t.is_contiguous());
  EXPECT_TRUE(t.is_cpu());
  EXPECT_EQ(t.dtype(), tl::kFloat);
  EXPECT_TRUE(suite::same_shape({2, 3, 4}, t.sizes()));
}

TEST(RandByHand, DefaultGeneratorAfterManualSeed) {
  tl::manual_seed(42);
  const tl::Tensor t = course::rand_by_hand(tl::detail::getDefaultCPUGenerator(), {3, 4});
  EXPECT_TRUE(matches(stream("notebook")["results"][0], t)) << "drawing from the default generator after manual_seed(42)";
}

TEST(RandByHand, PrivateGeneratorLeavesTheDefaultAlone) {
  const auto& p = fx()["pairs"][2];  // seed 1234
  ASSERT_EQ(p["seed"], 1234);
  tl::manual_seed(1234);
  tl::Generator gen = tl::detail::createCPUGenerator(42);
  (void)course::rand_by_hand(gen, {5});
  EXPECT_TRUE(same_tensor(tensor_from_json(p["C"]), tl::rand({3, 4})))
      << "rand_by_hand on a private generator must not draw from the default one";
}

TEST(RandByHand, IntegerAndBoolDtypesAreErrors) {
  const std::vector<std::pair<std::string, tl::ScalarType>> cases = {
      {"Long", tl::kLong}, {"Int", tl::kInt}, {"Short", tl::kShort}, {"Char", tl::kChar}, {"Byte", tl::kByte}, {"Bool", tl::kBool}};
  for (const auto& [name, dtype] : cases) {
    tl::Generator gen = tl::detail::createCPUGenerator(42);
    EXPECT_TRUE(expect_error([&] { course::rand_by_hand(gen, {3}, dtype); }, fx()["dtype_errors"][name]))
        << "rand_by_hand with dtype " << dtype;
  }
}

TEST(RandByHand, ErrorDrawsNothing) {
  tl::Generator gen = tl::detail::createCPUGenerator(42);
  EXPECT_TRUE(expect_error([&] { course::rand_by_hand(gen, {4}, tl::kLong); }, fx()["dtype_errors"]["Long"]));
  EXPECT_TRUE(matches(stream("notebook")["results"][0], course::rand_by_hand(gen, {3, 4})))
      << "after a rejected dtype the generator should be untouched";
}

// ---- rand_from_std_mt19937 -------------------------------------------------------------

TEST(RandFromStdMt19937, NotebookSeed42) {
  const auto& c = fx()["mt19937"][0];
  ASSERT_EQ(c["seed"], 42);
  EXPECT_TRUE(same_tensor(tensor_from_json(c["expected"]), course::rand_from_std_mt19937(42, {3, 4})));
}

TEST(RandFromStdMt19937, ManySeedsAndShapes) {
  for (const auto& c : fx()["mt19937"]) {
    const auto seed = c["seed"].get<uint64_t>();
    const auto size = suite::shape_from_json(c["size"]);
    EXPECT_TRUE(same_tensor(tensor_from_json(c["expected"]), course::rand_from_std_mt19937(seed, size)))
        << "seed " << seed << ", size " << suite::str_list(size);
  }
}

TEST(RandFromStdMt19937, OnlyTheLow32BitsOfTheSeedCount) {
  const tl::Tensor a = course::rand_from_std_mt19937((uint64_t(1) << 32) + 42, {3, 4});
  EXPECT_TRUE(same_tensor(tensor_from_json(fx()["mt19937"][0]["expected"]), a));
}

TEST(RandFromStdMt19937, DoesNotTouchTlGenerators) {
  const auto& c = fx()["mt19937"][1];  // seed 0, (7, 7)
  ASSERT_EQ(c["seed"], 0);
  tl::manual_seed(0);
  (void)course::rand_from_std_mt19937(42, {3, 4});
  EXPECT_TRUE(same_tensor(tensor_from_json(c["expected"]), tl::rand({7, 7})))
      << "rand_from_std_mt19937 must not draw from (or reseed) the default generator";
}

// ---- reseeded_pair ---------------------------------------------------------------------

TEST(ReseededPair, NotebookSeed42) {
  const auto& p = fx()["pairs"][0];
  ASSERT_EQ(p["seed"], 42);
  auto [C, D] = course::reseeded_pair(42);
  EXPECT_TRUE(same_tensor(tensor_from_json(p["C"]), C)) << "random_tensor_C";
  EXPECT_TRUE(same_tensor(tensor_from_json(p["D"]), D)) << "random_tensor_D";
}

TEST(ReseededPair, ManySeeds) {
  for (const auto& p : fx()["pairs"]) {
    const auto seed = p["seed"].get<uint64_t>();
    auto [C, D] = course::reseeded_pair(seed);
    EXPECT_TRUE(same_tensor(tensor_from_json(p["C"]), C)) << "random_tensor_C for seed " << seed;
    EXPECT_TRUE(same_tensor(tensor_from_json(p["D"]), D)) << "random_tensor_D for seed " << seed;
  }
}

TEST(ReseededPair, TwoSeparateTensors) {
  auto [C, D] = course::reseeded_pair(42);
  ASSERT_TRUE(C.defined() && D.defined());
  EXPECT_FALSE(C.is_same_storage(D)) << "C and D should be two tensors, drawn one after the other";
}

TEST(ReseededPair, IgnoresEarlierState) {
  tl::manual_seed(999);
  (void)tl::rand({10});
  const auto& p = fx()["pairs"][1];  // seed 0
  auto [C, D] = course::reseeded_pair(0);
  EXPECT_TRUE(same_tensor(tensor_from_json(p["C"]), C));
  EXPECT_TRUE(same_tensor(tensor_from_json(p["D"]), D));
}

TEST(ReseededPair, UsesTheDefaultGenerator) {
  for (const auto& p : fx()["pairs"]) {
    const auto seed = p["seed"].get<uint64_t>();
    (void)course::reseeded_pair(seed);
    EXPECT_TRUE(same_tensor(tensor_from_json(p["next"]), tl::rand({5})))
        << "after reseeded_pair(" << seed << "), the default generator should continue right after D";
  }
}
