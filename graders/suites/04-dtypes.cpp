// Hidden suite for 04-dtypes. Golden values: graders/suites/fixtures/04-dtypes.json
// (tools/fixtures/gen_course.py: float16/int8 casts and printouts of PyTorch 1.13.1).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <functional>
#include <map>

#include <course/04_dtypes.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::expect_error;
using suite::same_tensor;
using suite::tensor_from_json;

namespace {

const nlohmann::json& fx() { return suite::fixture("04-dtypes.json"); }

float as_float(uint32_t b) {
  float f;
  std::memcpy(&f, &b, 4);
  return f;
}
uint32_t bits_of(float f) {
  uint32_t b;
  std::memcpy(&b, &f, 4);
  return b;
}

std::string hex(uint32_t v, int width) {
  std::ostringstream os;
  os << "0x" << std::hex << std::uppercase;
  os.width(width);
  os.fill('0');
  os << v;
  return os.str();
}

std::string describe_float(uint32_t b) {
  std::ostringstream os;
  os.precision(9);
  os << as_float(b) << " (bits " << hex(b, 8) << ")";
  return os.str();
}

// Checks float_to_half_bits on the fixture pairs selected by `select`.
void check_to_half(const std::function<bool(float)>& select) {
  int n = 0;
  for (const auto& p : fx()["to_half"]) {
    const uint32_t fb = p["f"].get<uint32_t>();
    const float f = as_float(fb);
    if (!select(f)) continue;
    ++n;
    const uint16_t want = p["h"].get<uint16_t>();
    const uint16_t got = course::float_to_half_bits(f);
    EXPECT_EQ(hex(want, 4), hex(got, 4)) << "float_to_half_bits(" << describe_float(fb) << ")";
  }
  ASSERT_GT(n, 0);
}

std::map<std::string, std::function<tl::Tensor()>> view_inputs() {
  auto base = [] { return tl::arange(-300., 300., 37.5).reshape({4, 4}); };
  using tl::indexing::Slice;
  return {
      {"transposed", [=] { return base().t(); }},
      {"column", [=] { return base().index({Slice(), 1}); }},
      {"strided", [=] { return base().index({Slice(std::nullopt, std::nullopt, 2), Slice(1, std::nullopt, 2)}); }},
      {"zero_dim", [=] { return base().index({2, 3}); }},
      {"empty", [=] { return base().index({Slice(), Slice(4, std::nullopt)}); }},
  };
}

std::map<std::string, std::function<tl::Tensor()>> info_inputs() {
  return {
      {"notebook", [] { return tl::rand({3, 4}); }},
      {"scalar", [] { return tl::tensor(7); }},
      {"half_vector", [] { return tl::ones({2}, tl::kHalf); }},
      {"empty_bool", [] { return tl::zeros({0, 3}, tl::kBool); }},
      {"five_d_double", [] { return tl::zeros({1, 2, 1, 2, 1}, tl::kDouble); }},
      {"uint8_image", [] { return tl::zeros({224, 224, 3}, tl::kByte); }},
      {"int8_view", [] { return tl::arange(12, tl::kChar).reshape({3, 4}).t(); }},
  };
}

}  // namespace

// ---- float_to_half_bits ----------------------------------------------------------------

// Literals: torch.tensor([v]).half().view(torch.int16) in PyTorch 1.13.1.
TEST(FloatToHalfBits, NotebookValues) {
  EXPECT_EQ(hex(0x4200, 4), hex(course::float_to_half_bits(3.0f), 4));
  EXPECT_EQ(hex(0x4600, 4), hex(course::float_to_half_bits(6.0f), 4));
  EXPECT_EQ(hex(0x4880, 4), hex(course::float_to_half_bits(9.0f), 4));
  EXPECT_EQ(hex(0x55A0, 4), hex(course::float_to_half_bits(90.0f), 4));
}

TEST(FloatToHalfBits, ExactlyRepresentable) {
  check_to_half([](float f) { return std::isfinite(f) && std::fabs(f) <= 65504.0f && static_cast<float>(tl::Half(f)) == f; });
}

TEST(FloatToHalfBits, RoundsToNearest) {
  check_to_half([](float f) { return std::isfinite(f) && std::fabs(f) >= 6.103515625e-05f && std::fabs(f) < 65504.0f; });
}

TEST(FloatToHalfBits, TiesGoToEven) {
  // The midpoints between neighbouring halves (and 1 + 2^-11, 2049, 4098, ...).
  check_to_half([](float f) {
    const float a = std::fabs(f);
    if (!std::isfinite(a) || a < 6.103515625e-05f || a >= 65504.0f) return false;
    const uint32_t b = bits_of(a);
    return (b & 0x1FFFu) == 0x1000u;  // the 13 dropped bits are exactly one half
  });
}

TEST(FloatToHalfBits, OverflowToInfinity) {
  check_to_half([](float f) { return std::fabs(f) >= 65504.0f; });
  EXPECT_EQ(hex(0x7C00, 4), hex(course::float_to_half_bits(65520.0f), 4)) << "65520 rounds up to infinity";
  EXPECT_EQ(hex(0x7BFF, 4), hex(course::float_to_half_bits(65519.0f), 4)) << "65519 rounds down to 65504";
}

TEST(FloatToHalfBits, SubnormalsAndUnderflow) {
  check_to_half([](float f) { return std::isfinite(f) && std::fabs(f) < 6.103515625e-05f; });
}

TEST(FloatToHalfBits, SignedZeros) {
  EXPECT_EQ(hex(0x0000, 4), hex(course::float_to_half_bits(0.0f), 4));
  EXPECT_EQ(hex(0x8000, 4), hex(course::float_to_half_bits(-0.0f), 4)) << "the sign of zero is kept";
  EXPECT_EQ(hex(0x8000, 4), hex(course::float_to_half_bits(-1e-30f), 4)) << "a tiny negative rounds to -0";
}

TEST(FloatToHalfBits, InfinityAndNaN) {
  check_to_half([](float f) { return !std::isfinite(f); });
}

TEST(FloatToHalfBits, EveryFixtureValue) { check_to_half([](float) { return true; }); }

TEST(FloatToHalfBits, RoundTripsEveryHalf) {
  // Every finite half converts to a float and back to itself.
  for (uint32_t h = 0; h < 0x10000u; ++h) {
    if ((h & 0x7C00u) == 0x7C00u) continue;  // inf and NaN
    const uint16_t back = course::float_to_half_bits(course::half_bits_to_float(static_cast<uint16_t>(h)));
    ASSERT_EQ(hex(h, 4), hex(back, 4)) << "half " << hex(h, 4) << " -> float -> half";
  }
}

// ---- half_bits_to_float ----------------------------------------------------------------

namespace {
void check_from_half(const std::function<bool(uint16_t)>& select) {
  int n = 0;
  for (const auto& p : fx()["from_half"]) {
    const uint16_t h = p["h"].get<uint16_t>();
    if (!select(h)) continue;
    ++n;
    const float got = course::half_bits_to_float(h);
    if (p["nan"].get<bool>()) {
      EXPECT_TRUE(std::isnan(got)) << "half_bits_to_float(" << hex(h, 4) << ") should be NaN, got " << got;
    } else {
      EXPECT_EQ(describe_float(p["f"].get<uint32_t>()), describe_float(bits_of(got)))
          << "half_bits_to_float(" << hex(h, 4) << ")";
    }
  }
  ASSERT_GT(n, 0);
}
}  // namespace

TEST(HalfBitsToFloat, NotebookValues) {
  EXPECT_EQ(course::half_bits_to_float(0x4200), 3.0f);
  EXPECT_EQ(course::half_bits_to_float(0x4600), 6.0f);
  EXPECT_EQ(course::half_bits_to_float(0x4880), 9.0f);
}

TEST(HalfBitsToFloat, Normals) {
  check_from_half([](uint16_t h) { const int e = (h >> 10) & 0x1F; return e > 0 && e < 31; });
}

TEST(HalfBitsToFloat, ZerosAndSubnormals) {
  check_from_half([](uint16_t h) { return ((h >> 10) & 0x1F) == 0; });
  EXPECT_EQ(course::half_bits_to_float(0x0001), 5.9604644775390625e-08f);
  EXPECT_TRUE(std::signbit(course::half_bits_to_float(0x8000))) << "0x8000 is -0.0";
}

TEST(HalfBitsToFloat, InfinitiesAndNaNs) {
  check_from_half([](uint16_t h) { return ((h >> 10) & 0x1F) == 31; });
}

TEST(HalfBitsToFloat, LargestAndSmallest) {
  EXPECT_EQ(course::half_bits_to_float(0x7BFF), 65504.0f);
  EXPECT_EQ(course::half_bits_to_float(0xFBFF), -65504.0f);
  EXPECT_EQ(course::half_bits_to_float(0x0400), 6.103515625e-05f);
  EXPECT_EQ(course::half_bits_to_float(0x03FF), 6.097555160522461e-05f);
}

// ---- type_by_hand ----------------------------------------------------------------------

TEST(TypeByHand, NotebookFloat16) {
  const auto& c = fx()["casts"][1];
  ASSERT_EQ(c["name"], "notebook");
  EXPECT_TRUE(same_tensor(tensor_from_json(c["half"]), course::type_by_hand(tl::arange(10., 100., 10.), tl::kHalf)));
}

TEST(TypeByHand, NotebookInt8) {
  const auto& c = fx()["casts"][1];
  EXPECT_TRUE(same_tensor(tensor_from_json(c["int8"]), course::type_by_hand(tl::arange(10., 100., 10.), tl::kChar)));
}

TEST(TypeByHand, Int8TruncatesAndWraps) {
  const auto& c = fx()["casts"][0];
  ASSERT_EQ(c["name"], "int8_values");
  EXPECT_TRUE(same_tensor(tensor_from_json(c["int8"]), course::type_by_hand(tensor_from_json(c["input"]), tl::kChar)));
}

TEST(TypeByHand, HalfOfSpecialValues) {
  for (const auto& c : fx()["casts"]) {
    const tl::Tensor in = tensor_from_json(c["input"]);
    EXPECT_TRUE(same_tensor(tensor_from_json(c["half"]), course::type_by_hand(in, tl::kHalf))) << c["name"];
  }
}

TEST(TypeByHand, Float32IsACopy) {
  const tl::Tensor in = tl::arange(10., 100., 10.);
  const tl::Tensor out = course::type_by_hand(in, tl::kFloat);
  EXPECT_TRUE(same_tensor(tl::arange(10., 100., 10.), out));
  EXPECT_TRUE(suite::owns_storage(in, out, "type_by_hand(t, kFloat)"));
}

TEST(TypeByHand, ViewsAreReadInRowMajorOrder) {
  auto inputs = view_inputs();
  for (const auto& c : fx()["view_casts"]) {
    const tl::Tensor in = inputs.at(c["name"])();
    EXPECT_TRUE(same_tensor(tensor_from_json(c["half"]), course::type_by_hand(in, tl::kHalf))) << c["name"] << " to float16";
    EXPECT_TRUE(same_tensor(tensor_from_json(c["int8"]), course::type_by_hand(in, tl::kChar))) << c["name"] << " to int8";
    EXPECT_TRUE(same_tensor(tensor_from_json(c["float"]), course::type_by_hand(in, tl::kFloat))) << c["name"] << " to float32";
  }
}

TEST(TypeByHand, InputIsUnchanged) {
  tl::Tensor in = tl::tensor({200.5, -0.5, 3.0});
  (void)course::type_by_hand(in, tl::kChar);
  (void)course::type_by_hand(in, tl::kHalf);
  EXPECT_TRUE(same_tensor(tl::tensor({200.5, -0.5, 3.0}), in));
}

TEST(TypeByHand, RejectsOtherDtypes) {
  EXPECT_TRUE(expect_error([] { course::type_by_hand(tl::ones({2}), tl::kInt); }, "", suite::Match::Any));
  EXPECT_TRUE(expect_error([] { course::type_by_hand(tl::ones({2}), tl::kBool); }, "", suite::Match::Any));
  EXPECT_TRUE(expect_error([] { course::type_by_hand(tl::ones({2}, tl::kDouble), tl::kHalf); }, "", suite::Match::Any))
      << "the input must be float32";
  EXPECT_TRUE(expect_error([] { course::type_by_hand(tl::ones({2}, tl::kLong), tl::kChar); }, "", suite::Match::Any))
      << "the input must be float32";
}

// ---- what_what_where -------------------------------------------------------------------

TEST(WhatWhatWhere, NotebookPrintout) {
  EXPECT_EQ(fx()["what_what_where"]["notebook"].get<std::string>(), course::what_what_where(tl::rand({3, 4})));
}

TEST(WhatWhatWhere, EveryShapeAndDtype) {
  auto inputs = info_inputs();
  for (const auto& [name, want] : fx()["what_what_where"].items()) {
    EXPECT_EQ(want.get<std::string>(), course::what_what_where(inputs.at(name)())) << "for the tensor '" << name << "'";
  }
}

TEST(WhatWhatWhere, NoTrailingNewline) {
  const std::string s = course::what_what_where(tl::zeros({1}));
  ASSERT_FALSE(s.empty());
  EXPECT_NE(s.back(), '\n');
  EXPECT_EQ(std::count(s.begin(), s.end(), '\n'), 2);
}
