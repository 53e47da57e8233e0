// Public tests for 08-aggregation: the notebook's cells (PyTorch 1.13.1 output).
#include <gtest/gtest.h>

#include <course/08_aggregation.h>
#include <tl/tl.h>

TEST(Aggregation, NotebookAggregates) {
  const tl::Tensor x = tl::arange(0, 100, 10);  // tensor([ 0, 10, 20, ..., 90])
  const course::Aggregates a = course::aggregate(x);
  EXPECT_EQ(a.min.item<int64_t>(), 0);      // Minimum: 0
  EXPECT_EQ(a.max.item<int64_t>(), 90);     // Maximum: 90
  EXPECT_EQ(a.mean.item<float>(), 45.0f);   // Mean: 45.0
  EXPECT_EQ(a.mean.dtype(), tl::kFloat);
  EXPECT_EQ(a.sum.item<int64_t>(), 450);    // Sum: 450
}

TEST(Aggregation, MeanOfIntegers) {
  const tl::Tensor mean = course::mean_any(tl::arange(0, 100, 10));
  EXPECT_EQ(mean.dim(), 0);
  EXPECT_EQ(mean.item<float>(), 45.0f);  // tensor(45.)
}

TEST(Aggregation, PositionalMinMax) {
  const tl::Tensor tensor = tl::arange(10, 100, 10);  // tensor([10, 20, 30, 40, 50, 60, 70, 80, 90])
  EXPECT_EQ(course::argmax_by_hand(tensor), 8);      // Index where max value occurs: 8
  EXPECT_EQ(course::argmin_by_hand(tensor), 0);      // Index where min value occurs: 0
}
