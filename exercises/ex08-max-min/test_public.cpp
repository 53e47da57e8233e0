// Public tests for ex08-max-min. Expected values are the notebook's (PyTorch 1.13.1).
#include <gtest/gtest.h>

#include <course/ex08_max_min.h>
#include <tl/tl.h>

namespace {
// The notebook's tensor_C: tensor([[0.3647, 0.4709], [0.5184, 0.5617]]).
tl::Tensor tensor_C() { return tl::tensor({{0.36473012f, 0.47088534f}, {0.51838267f, 0.56172568f}}); }
}  // namespace

TEST(MaxMin, NotebookValues) {
  const course::MaxMin m = course::max_min(tensor_C());
  EXPECT_EQ(m.max.dim(), 0);  // tensor(0.5617)
  EXPECT_EQ(m.min.dim(), 0);  // tensor(0.3647)
  EXPECT_EQ(m.max.item<float>(), 0.56172568f);
  EXPECT_EQ(m.min.item<float>(), 0.36473012f);
}

TEST(MaxMin, Integers) {
  const course::MaxMin m = course::max_min(tl::tensor({{3, -7}, {12, 0}}));
  EXPECT_EQ(m.max.item<int64_t>(), 12);
  EXPECT_EQ(m.min.item<int64_t>(), -7);
  EXPECT_EQ(m.max.dtype(), tl::kLong);
}
