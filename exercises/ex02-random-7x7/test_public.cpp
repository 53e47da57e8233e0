// Public tests for ex02-random-7x7. Expected values are PyTorch 1.13.1's
// (torch.manual_seed(42); torch.rand(7, 7)).
#include <gtest/gtest.h>

#include <course/ex02_random_7x7.h>
#include <tl/tl.h>

TEST(Random7x7, ShapeAndDtype) {
  const tl::Tensor x = course::random_7x7();
  EXPECT_EQ(x.sizes(), tl::Sizes({7, 7}));  // torch.Size([7, 7])
  EXPECT_EQ(x.dtype(), tl::kFloat);
}

TEST(Random7x7, FollowsTheSeed) {
  tl::manual_seed(42);
  const tl::Tensor x = course::random_7x7();
  ASSERT_EQ(x.sizes(), tl::Sizes({7, 7}));
  // tensor([[0.8823, 0.9150, 0.3829, 0.9593, 0.3904, 0.6009, 0.2566], ...
  EXPECT_FLOAT_EQ(x[0][0].item<float>(), 0.88226926f);
  EXPECT_FLOAT_EQ(x[0][1].item<float>(), 0.91500396f);
  EXPECT_FLOAT_EQ(x[6][6].item<float>(), 0.75391752f);  // ... 0.7539]])
}
