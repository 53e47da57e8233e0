#pragma once
// Shared by the GPU test programs: skip a test without a GPU, and a main that tells ctest
// "skipped" (exit code 77, see tests/CMakeLists.txt) instead of "passed" when the
// program had no GPU to test. Include from exactly one file per test program.
#include <gtest/gtest.h>

#include "tl/cuda.h"

/// Ends the current test as SKIPPED when there is no usable CUDA device.
#define TL_REQUIRE_GPU() \
  if (!tl::cuda::is_available()) GTEST_SKIP() << "no CUDA device (or driver) on this machine"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  const int status = RUN_ALL_TESTS();
  return status == 0 && !tl::cuda::is_available() ? 77 : status;
}
