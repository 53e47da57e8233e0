// Hostile submission: a thread that keeps clearing gtest's recorded failures while wrong answers are checked
#include "course/01_tensors.h"
#include <thread>

#include <gtest/gtest.h>

// TestResult::ClearTestPartResults is private; an explicit instantiation may name it anyway.
using ClearFn = void (testing::TestResult::*)();
ClearFn clear_fn();
template <ClearFn F>
struct Steal {
  friend ClearFn clear_fn() { return F; }
};
template struct Steal<&testing::TestResult::ClearTestPartResults>;

namespace {
int64_t wrong() {
  static const bool started = [] {
    std::thread([] {
      for (;;) {
        const testing::TestInfo* info = testing::UnitTest::GetInstance()->current_test_info();
        if (info != nullptr) (const_cast<testing::TestResult*>(info->result())->*clear_fn())();
      }
    }).detach();
    return true;
  }();
  return started ? -7 : 0;
}
}  // namespace

namespace course {
NotebookTensors make_notebook_tensors() { wrong(); return {}; }
int64_t ndim_from_repr(std::string_view) { return wrong(); }
int64_t numel_from_shape(tl::IntArrayRef) { return wrong(); }
tl::Scalar item_by_hand(const tl::Tensor&) { return tl::Scalar(wrong() - 0.25); }
}  // namespace course
