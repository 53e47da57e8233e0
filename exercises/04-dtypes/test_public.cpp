// Public tests for 04-dtypes: the notebook's casts (PyTorch 1.13.1 output).
#include <gtest/gtest.h>

#include <course/04_dtypes.h>
#include <tl/tl.h>

TEST(Dtypes, HalfBitPatterns) {
  EXPECT_EQ(course::float_to_half_bits(3.0f), 0x4200);  // torch.tensor([3.0], dtype=torch.float16)
  EXPECT_EQ(course::float_to_half_bits(1.0f), 0x3C00);
  EXPECT_EQ(course::half_bits_to_float(0x4200), 3.0f);
  EXPECT_EQ(course::half_bits_to_float(0x3C00), 1.0f);
}

TEST(Dtypes, NotebookFloat16AndInt8) {
  const tl::Tensor tensor = tl::arange(10., 100., 10.);   // torch.arange(10., 100., 10.)
  const tl::Tensor tensor_float16 = course::type_by_hand(tensor, tl::kHalf);
  EXPECT_EQ(tensor_float16.dtype(), tl::kHalf);
  // tensor([10., 20., 30., 40., 50., 60., 70., 80., 90.], dtype=torch.float16)
  EXPECT_TRUE(tensor_float16.equal(tl::arange(10., 100., 10.).to(tl::kHalf)));
  const tl::Tensor tensor_int8 = course::type_by_hand(tensor, tl::kChar);
  EXPECT_EQ(tensor_int8.dtype(), tl::kChar);
  // tensor([10, 20, 30, 40, 50, 60, 70, 80, 90], dtype=torch.int8)
  EXPECT_TRUE(tensor_int8.equal(tl::arange(10, 100, 10).to(tl::kChar)));
}

TEST(Dtypes, WhatWhatWhere) {
  // The notebook's printout for some_tensor = torch.rand(3, 4)
  EXPECT_EQ(course::what_what_where(tl::zeros({3, 4})),
            "Shape of tensor: torch.Size([3, 4])\n"
            "Datatype of tensor: torch.float32\n"
            "Device tensor is stored on: cpu");
}
