// Core metadata: dtypes, promotion, sizes, strides, item, casts of single values.
#include <gtest/gtest.h>

#include <sstream>

#include "tl/tl.h"

namespace {

template <typename T>
std::string str(const T& v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

TEST(Dtype, NamesMatchPython) {
  EXPECT_EQ(str(tl::kFloat), "torch.float32");
  EXPECT_EQ(str(tl::kHalf), "torch.float16");
  EXPECT_EQ(str(tl::kInt8), "torch.int8");
  EXPECT_EQ(str(tl::kUInt8), "torch.uint8");
  EXPECT_EQ(str(tl::kBool), "torch.bool");
}

TEST(Dtype, PromotionFollowsPytorchTable) {
  // From torch.promote_types in PyTorch 1.13.1.
  EXPECT_EQ(tl::promote_types(tl::kUInt8, tl::kInt8), tl::kInt16);
  EXPECT_EQ(tl::promote_types(tl::kBool, tl::kUInt8), tl::kUInt8);
  EXPECT_EQ(tl::promote_types(tl::kInt64, tl::kHalf), tl::kHalf);
  EXPECT_EQ(tl::promote_types(tl::kHalf, tl::kFloat), tl::kFloat);
  EXPECT_EQ(tl::promote_types(tl::kInt32, tl::kDouble), tl::kDouble);
}

TEST(Sizes, PrintsLikeTorchSize) {
  tl::Sizes s{7, 1};
  EXPECT_EQ(str(s), "torch.Size([7, 1])");
  EXPECT_EQ(str(tl::Sizes{}), "torch.Size([])");
  tl::Sizes big{1, 2, 3, 4, 5, 6, 7};
  big.erase(0);
  big.insert(6, 8);
  EXPECT_EQ(str(big), "torch.Size([2, 3, 4, 5, 6, 7, 8])");
}

TEST(Half, RoundsToNearestEvenAndOverflowsToInf) {
  EXPECT_EQ(tl::Half(65504.0f).x, 0x7BFF);
  EXPECT_EQ(tl::Half(65520.0f).x, 0x7C00);  // halfway to the next power: rounds up to inf
  EXPECT_EQ(tl::Half(1.0f + 1.0f / 2048).x, 0x3C00);  // tie: to even
  EXPECT_EQ(tl::Half(1.0f + 3.0f / 2048).x, 0x3C02);  // tie: to even (up)
  EXPECT_EQ(static_cast<float>(tl::Half::from_bits(0x0001)), 5.9604644775390625e-8f);
}

TEST(Device, ParsesStrings) {
  EXPECT_EQ(tl::Device("cuda:0"), tl::Device(tl::kCUDA, 0));
  EXPECT_EQ(tl::Device("cpu").str(), "cpu");
  EXPECT_THROW(tl::Device("tpu"), tl::Error);
  EXPECT_THROW(tl::Device("cuda:x"), tl::Error);
}

}  // namespace
