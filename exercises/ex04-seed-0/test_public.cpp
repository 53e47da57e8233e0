// Public tests for ex04-seed-0. Expected values are the notebook's (PyTorch 1.13.1).
#include <gtest/gtest.h>

#include <course/ex04_seed_0.h>
#include <tl/tl.h>

TEST(Seed0, Shapes) {
  const course::SeededMatmul r = course::seeded_matmul(0);
  EXPECT_EQ(r.tensor.sizes(), tl::Sizes({7, 7}));
  EXPECT_EQ(r.row.sizes(), tl::Sizes({1, 7}));
  EXPECT_EQ(r.product.sizes(), tl::Sizes({7, 1}));
}

TEST(Seed0, PrintsTheNotebookOutput) {
  const course::SeededMatmul r = course::seeded_matmul(0);
  EXPECT_EQ(tl::repr(r.product),
            "tensor([[1.8542],\n"
            "        [1.9611],\n"
            "        [2.2884],\n"
            "        [3.0481],\n"
            "        [1.7067],\n"
            "        [2.5290],\n"
            "        [1.7989]])");
}

TEST(Seed0, SameSeedSameNumbers) {
  tl::rand({5});  // whatever happened before, the seed resets the generator
  const course::SeededMatmul a = course::seeded_matmul(0);
  const course::SeededMatmul b = course::seeded_matmul(0);
  EXPECT_TRUE(a.tensor.equal(b.tensor));
  EXPECT_TRUE(a.product.equal(b.product));
}
