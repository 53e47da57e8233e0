// Casts between every pair of dtypes, bit for bit as PyTorch 1.13.1's `.to()` gives them
// (fixtures from tools/fixtures/gen_casts.py): out-of-range floats into integers, NaN,
// infinities, signed zeros, half's rounding and overflow, large int64 into floats.
#include <gtest/gtest.h>

#include "support/fixtures.h"
#include "tl/tl.h"

namespace {

using nlohmann::json;
using tl::Tensor;
using tl::testing::dtype_from_name;
using tl::testing::tensor_from_json;
using tl::testing::tensors_identical;

const json& cases() {
  static const json data = tl::testing::load_fixture("casts.json").at("cases");
  return data;
}

std::string case_name(const json& c) {
  return c.at("src").at("dtype").get<std::string>() + " -> " + c.at("dst").get<std::string>();
}

TEST(Casts, EveryDtypePairMatchesPytorch) {
  for (const json& c : cases()) {
    SCOPED_TRACE(case_name(c));
    const Tensor src = tensor_from_json(c.at("src"));
    const Tensor expected = tensor_from_json(c.at("expected"));
    EXPECT_TRUE(tensors_identical(expected, src.to(dtype_from_name(c.at("dst")))));
  }
  EXPECT_EQ(cases().size(), static_cast<size_t>(tl::kNumScalarTypes * tl::kNumScalarTypes));
}

TEST(Casts, LongAndStridedSourcesCastTheSame) {
  // A long loop (vectorised in PyTorch) and a non-contiguous source give the same bits.
  for (const json& c : cases()) {
    SCOPED_TRACE(case_name(c));
    const Tensor src = tensor_from_json(c.at("src"));
    const Tensor expected = tensor_from_json(c.at("expected"));
    const int64_t n = src.numel();
    const tl::ScalarType dst = dtype_from_name(c.at("dst"));
    const Tensor wide = src.reshape({1, n}).expand({12, n}).t();  // (n, 12), strides (1, 0)
    const Tensor cast = wide.to(dst);
    EXPECT_TRUE(tensors_identical(expected, cast.select(1, 11).contiguous()));
    Tensor out = tl::empty({n}, dst);
    out.copy_(src);
    EXPECT_TRUE(tensors_identical(expected, out));
  }
}

TEST(Casts, ScalarConversionMatchesTensorCast) {
  // Scalar::to<T>() uses the same element cast as the tensor kernels.
  for (const json& c : cases()) {
    if (c.at("src").at("dtype") != "float64" && c.at("src").at("dtype") != "int64") continue;
    SCOPED_TRACE(case_name(c));
    const Tensor src = tensor_from_json(c.at("src"));
    const Tensor expected = tensor_from_json(c.at("expected"));
    const tl::ScalarType dst = dtype_from_name(c.at("dst"));
    for (int64_t i = 0; i < src.numel(); ++i) {
      const tl::Scalar s = src[i].item();
      tl::dispatch(dst, [&]<typename T>() {
        const Tensor one = tl::empty({}, dst);
        *one.data_ptr<T>() = s.to<T>();
        EXPECT_TRUE(tensors_identical(expected[i], one)) << "element " << i;
      });
    }
  }
}

TEST(Casts, HandPickedValues) {
  // NUMERICS.md's examples and the x86 "integer indefinite" for values past int32.
  EXPECT_EQ(tl::Scalar(300.7).to<int8_t>(), 44);
  EXPECT_EQ(tl::Scalar(-129.2).to<int8_t>(), 127);
  EXPECT_EQ(tl::Scalar(70000.0).to<int8_t>(), 112);
  EXPECT_EQ(tl::Scalar(-1.5).to<uint8_t>(), 255);
  EXPECT_EQ(tl::Scalar(3e9).to<int16_t>(), 0);  // through int32, not int64
  EXPECT_EQ(tl::Scalar(1e10).to<int32_t>(), INT32_MIN);
  EXPECT_EQ(tl::Scalar(std::nan("")).to<int64_t>(), INT64_MIN);
  EXPECT_EQ(tl::Scalar(1e300).to<int64_t>(), INT64_MIN);
  EXPECT_EQ(tl::Scalar(65520.0).to<tl::Half>().x, 0x7C00);
  EXPECT_TRUE(tl::Scalar(std::nan("")).to<bool>());
  EXPECT_FALSE(tl::Scalar(-0.0).to<bool>());
}

}  // namespace
