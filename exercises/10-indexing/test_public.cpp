// Public tests for 10-indexing: the notebook's expressions (PyTorch 1.13.1 output).
#include <gtest/gtest.h>

#include <course/10_indexing.h>
#include <tl/tl.h>

TEST(Indexing, NotebookExpressions) {
  const tl::Tensor x = tl::arange(1, 10).reshape({1, 3, 3});
  const course::NotebookIndexing r = course::notebook_indexing(x);
  EXPECT_TRUE(r.first.equal(tl::tensor({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}})));  // x[0]
  EXPECT_TRUE(r.second.equal(tl::tensor({1, 2, 3})));                        // x[0][0]
  EXPECT_EQ(r.third, 1);                                                       // x[0][0][0]
  EXPECT_TRUE(r.col0.equal(tl::tensor({{1, 2, 3}})));                         // x[:, 0]
  EXPECT_TRUE(r.col1.equal(tl::tensor({{2, 5, 8}})));                         // x[:, :, 1]
  EXPECT_TRUE(r.center.equal(tl::tensor({5})));                               // x[:, 1, 1]
  EXPECT_TRUE(r.row.equal(tl::tensor({1, 2, 3})));                            // x[0, 0, :]
}

TEST(Indexing, ElementOffset) {
  const tl::Tensor x = tl::arange(1, 10).reshape({1, 3, 3});
  EXPECT_EQ(course::element_offset(x, {0, 1, 1}), 4);  // the 5
  EXPECT_EQ(course::element_offset(x, {0, 2}), 6);     // x[0][2] starts at the 7
}

TEST(Indexing, SliceBounds) {
  const course::SliceBounds all = course::slice_bounds(3, std::nullopt, std::nullopt);  // ":"
  EXPECT_EQ(all.start, 0);
  EXPECT_EQ(all.length, 3);
  const course::SliceBounds every_other = course::slice_bounds(5, std::nullopt, std::nullopt, 2);  // "::2"
  EXPECT_EQ(every_other.start, 0);
  EXPECT_EQ(every_other.length, 3);
}
