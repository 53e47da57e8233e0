// Public tests for ex09-argmax-argmin. Expected values are the notebook's (PyTorch 1.13.1).
#include <gtest/gtest.h>

#include <course/ex09_argmax_argmin.h>
#include <tl/tl.h>

namespace {
// The notebook's tensor_C: tensor([[0.3647, 0.4709], [0.5184, 0.5617]]).
tl::Tensor tensor_C() { return tl::tensor({{0.36473012f, 0.47088534f}, {0.51838267f, 0.56172568f}}); }
}  // namespace

TEST(ArgMaxMin, NotebookIndices) {
  const course::ArgMaxMin a = course::argmax_argmin(tensor_C());
  EXPECT_EQ(a.argmax.item<int64_t>(), 3);  // tensor(3)
  EXPECT_EQ(a.argmin.item<int64_t>(), 0);  // tensor(0)
  EXPECT_EQ(a.argmax.dtype(), tl::kLong);
  EXPECT_EQ(a.argmax.dim(), 0);
}

TEST(ArgMaxMin, TiesGiveTheFirstPosition) {
  const course::ArgMaxMin a = course::argmax_argmin(tl::tensor({1.0, 3.0, 3.0, 1.0}));
  EXPECT_EQ(a.argmax.item<int64_t>(), 1);
  EXPECT_EQ(a.argmin.item<int64_t>(), 0);
}
