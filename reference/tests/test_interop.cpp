// from_blob (zero copy, deleters, strides) and the vector copies from_vector / to_vector.
#include <gtest/gtest.h>

#include <memory>
#include <numeric>
#include <vector>

#include "support/fixtures.h"
#include "tl/tl.h"

namespace {

std::string error_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const tl::Error& e) {
    return e.what();
  }
  return "";
}

// ---- from_blob ---------------------------------------------------------------------------

TEST(FromBlob, SharesMemoryBothWays) {
  float buf[6] = {1, 2, 3, 4, 5, 6};
  tl::Tensor t = tl::from_blob(buf, {2, 3});
  EXPECT_EQ(t.dtype(), tl::kFloat);
  EXPECT_EQ(t.sizes(), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(t.strides(), (std::vector<int64_t>{3, 1}));
  EXPECT_EQ(t.data_ptr(), static_cast<void*>(buf));
  buf[4] = 42;  // caller writes, the tensor sees it
  EXPECT_EQ(t[1][1].item<float>(), 42.0f);
  t[0][2].fill_(-7);  // the tensor writes, the caller sees it
  EXPECT_EQ(buf[2], -7.0f);
  t.fill_(9);
  for (float v : buf) EXPECT_EQ(v, 9.0f);
  // A clone owns new memory.
  tl::Tensor c = t.clone();
  buf[0] = 0;
  EXPECT_EQ(c[0][0].item<float>(), 9.0f);
}

TEST(FromBlob, DtypeComesFromOptions) {
  int64_t longs[3] = {-1, 0, 1LL << 40};
  tl::Tensor t = tl::from_blob(longs, {3}, tl::kLong);
  EXPECT_EQ(t.dtype(), tl::kLong);
  EXPECT_EQ(tl::to_vector<int64_t>(t), (std::vector<int64_t>{-1, 0, 1LL << 40}));
  uint8_t bytes[4] = {1, 2, 3, 4};
  tl::Tensor b = tl::from_blob(bytes, {2, 2}, tl::TensorOptions().dtype(tl::kByte));
  EXPECT_EQ(b[1][0].item<int64_t>(), 3);
  double d = 2.5;
  tl::Tensor s = tl::from_blob(&d, {}, tl::kDouble);  // 0-d
  EXPECT_EQ(s.dim(), 0);
  EXPECT_EQ(s.item<double>(), 2.5);
}

TEST(FromBlob, StridesAreRespected) {
  int64_t m[6] = {1, 2, 3, 4, 5, 6};
  tl::Tensor t = tl::from_blob(m, {2, 3}, {1, 2}, tl::kLong);  // column-major 2x3
  EXPECT_EQ(t.strides(), (std::vector<int64_t>{1, 2}));
  EXPECT_FALSE(t.is_contiguous());
  EXPECT_EQ(tl::to_vector<int64_t>(t), (std::vector<int64_t>{1, 3, 5, 2, 4, 6}));
  // Every other element of a buffer.
  float f[7] = {0, -1, 1, -1, 2, -1, 3};
  tl::Tensor even = tl::from_blob(f, {4}, {2});
  EXPECT_EQ(tl::to_vector<float>(even), (std::vector<float>{0, 1, 2, 3}));
  even.fill_(5);
  EXPECT_EQ(f[1], -1.0f);
  EXPECT_EQ(f[6], 5.0f);
  // Stride 0 broadcasts one value. (A literal {0} would also read as a null deleter, as in
  // LibTorch, so the strides are spelled as a vector.)
  float one = 4;
  const std::vector<int64_t> zero_stride = {0};
  EXPECT_EQ(tl::to_vector<float>(tl::from_blob(&one, {3}, zero_stride)), (std::vector<float>{4, 4, 4}));
}

TEST(FromBlob, DeleterRunsOnceWhenTheLastViewDies) {
  int calls = 0;
  void* seen = nullptr;
  auto* data = new float[6]{0, 1, 2, 3, 4, 5};
  {
    tl::Tensor view;
    {
      tl::Tensor t = tl::from_blob(data, {2, 3}, [&](void* p) {
        ++calls;
        seen = p;
        delete[] static_cast<float*>(p);
      });
      view = t.t();
      tl::Tensor copy = t;
      EXPECT_EQ(calls, 0);
    }
    EXPECT_EQ(calls, 0) << "a view still uses the memory";
    EXPECT_EQ(view[2][1].item<float>(), 5.0f);
  }
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(seen, static_cast<void*>(data));
}

TEST(FromBlob, DeleterWithStrides) {
  int calls = 0;
  auto* data = new int32_t[4]{1, 2, 3, 4};
  {
    tl::Tensor t = tl::from_blob(data, {2, 2}, {1, 2}, [&](void* p) { ++calls; delete[] static_cast<int32_t*>(p); },
                                 tl::kInt);
    EXPECT_EQ(tl::to_vector<int32_t>(t), (std::vector<int32_t>{1, 3, 2, 4}));
  }
  EXPECT_EQ(calls, 1);
}

TEST(FromBlob, RejectsBadGeometryWithoutTakingOwnership) {
  float buf[4] = {};
  int calls = 0;
  auto deleter = [&](void*) { ++calls; };
  EXPECT_EQ(error_of([&] { tl::from_blob(buf, {2, 2}, {1}, deleter); }),
            "dimensionality of sizes (2) must match dimensionality of strides (1)");
  EXPECT_EQ(error_of([&] { tl::from_blob(buf, {2, -1}, deleter); }),
            "Trying to create tensor with negative dimension -1: [2, -1]");
  EXPECT_EQ(error_of([&] { tl::from_blob(buf, {2, 2}, {-2, 1}); }),
            "from_blob: negative strides are not supported, got strides: [-2, 1]");
  EXPECT_EQ(error_of([&] { tl::from_blob(nullptr, {2}); }),
            "from_blob: data is a null pointer but the tensor has 2 elements");
  EXPECT_NE(error_of([&] { tl::from_blob(buf, {2, 2}, {int64_t{1} << 62, 4}); }).find("int64"), std::string::npos);
  EXPECT_EQ(calls, 0) << "a rejected from_blob must leave the memory with the caller";
  // An empty tensor may have no memory at all.
  EXPECT_EQ(tl::from_blob(nullptr, {0, 3}).numel(), 0);
}

// ---- from_vector -------------------------------------------------------------------------

TEST(FromVector, CopiesIntoA1dTensorByDefault) {
  std::vector<float> v = {1.5f, -2.0f, 3.25f};
  tl::Tensor t = tl::from_vector(v);
  EXPECT_EQ(t.dtype(), tl::kFloat);
  EXPECT_EQ(t.sizes(), (std::vector<int64_t>{3}));
  v[0] = 100;  // a copy: later changes do not show
  EXPECT_EQ(t[0].item<float>(), 1.5f);
  EXPECT_NE(t.data_ptr(), static_cast<void*>(v.data()));
}

TEST(FromVector, TakesAShape) {
  std::vector<int64_t> v(6);
  std::iota(v.begin(), v.end(), 0);
  tl::Tensor t = tl::from_vector(v, {2, 3});
  EXPECT_EQ(t.dtype(), tl::kLong);
  EXPECT_EQ(t.sizes(), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(t[1][0].item<int64_t>(), 3);
  EXPECT_EQ(tl::from_vector(std::vector<double>{7.0}, {1, 1, 1}).dim(), 3);
  EXPECT_EQ(tl::from_vector(std::vector<float>{}).sizes(), (std::vector<int64_t>{0}));
  EXPECT_EQ(tl::from_vector(std::vector<float>{}, {4, 0}).sizes(), (std::vector<int64_t>{4, 0}));
}

TEST(FromVector, SizeMismatchIsAnError) {
  EXPECT_EQ(error_of([] { tl::from_vector(std::vector<float>{1, 2, 3}, {2, 2}); }),
            "from_vector: shape [2, 2] holds 4 elements but the vector has 3");
  EXPECT_EQ(error_of([] { tl::from_vector(std::vector<float>{1, 2}, {-1, -2}); }),
            "Trying to create tensor with negative dimension -1: [-1, -2]");
}

TEST(FromVector, EveryDtype) {
  EXPECT_EQ(tl::from_vector(std::vector<uint8_t>{255}).dtype(), tl::kByte);
  EXPECT_EQ(tl::from_vector(std::vector<int8_t>{-1}).dtype(), tl::kChar);
  EXPECT_EQ(tl::from_vector(std::vector<int16_t>{-1}).dtype(), tl::kShort);
  EXPECT_EQ(tl::from_vector(std::vector<int32_t>{-1}).dtype(), tl::kInt);
  EXPECT_EQ(tl::from_vector(std::vector<double>{-1}).dtype(), tl::kDouble);
  const tl::Tensor h = tl::from_vector(std::vector<tl::Half>{tl::Half(0.5f), tl::Half(65504.0f)});
  EXPECT_EQ(h.dtype(), tl::kHalf);
  EXPECT_EQ(h[1].item<float>(), 65504.0f);
  const tl::Tensor b = tl::from_vector(std::vector<bool>{true, false, true});
  EXPECT_EQ(b.dtype(), tl::kBool);
  EXPECT_EQ(tl::to_vector<bool>(b), (std::vector<bool>{true, false, true}));
}

// ---- to_vector ---------------------------------------------------------------------------

TEST(ToVector, CopiesInLogicalOrder) {
  const tl::Tensor t = tl::from_vector(std::vector<int64_t>{0, 1, 2, 3, 4, 5}, {2, 3}).t();
  EXPECT_EQ(tl::to_vector<int64_t>(t), (std::vector<int64_t>{0, 3, 1, 4, 2, 5}));
  EXPECT_EQ(tl::to_vector<int64_t>(t[1]), (std::vector<int64_t>{1, 4}));
  EXPECT_EQ(tl::to_vector<int64_t>(t[2][1]), (std::vector<int64_t>{5}));  // 0-d: one element
  EXPECT_TRUE(tl::to_vector<float>(tl::empty({0, 4})).empty());
}

TEST(ToVector, RequiresTheMatchingDtype) {
  const tl::Tensor longs = tl::from_vector(std::vector<int64_t>{1, 2});
  EXPECT_EQ(error_of([&] { tl::to_vector<float>(longs); }), "expected scalar type Float but found Long");
  EXPECT_EQ(error_of([&] { tl::to_vector<int32_t>(tl::ones({2})); }), "expected scalar type Int but found Float");
  EXPECT_EQ(tl::to_vector<float>(longs.to(tl::kFloat)), (std::vector<float>{1, 2}));  // the explicit cast
  EXPECT_EQ(error_of([] { tl::to_vector<float>(tl::Tensor()); }), "Tensor is undefined");
}

TEST(ToVector, RoundTripsWithFromVectorBitForBit) {
  const tl::Tensor expected = tl::testing::tensor_from_json(
      tl::testing::load_fixture("npy/manifest.json").at("arrays").at(0).at("expected"));
  ASSERT_EQ(expected.dtype(), tl::kFloat);
  const std::vector<float> v = tl::to_vector<float>(expected);
  EXPECT_TRUE(tl::testing::tensors_identical(expected, tl::from_vector(v, expected.sizes())));
}

}  // namespace
