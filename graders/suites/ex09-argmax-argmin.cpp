// Hidden suite for ex09-argmax-argmin. Golden values: graders/suites/fixtures/ex09-argmax-argmin.json
// (tools/fixtures/gen_course_part2.py: torch.argmax(x), torch.argmin(x), PyTorch 1.13.1). The
// inputs go to the best device the grader has.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include <course/ex09_argmax_argmin.h>
#include <tl/cuda.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::same_tensor;
using suite::tensor_from_json;

namespace {

const nlohmann::json& fx() { return suite::fixture("ex09-argmax-argmin.json"); }

tl::Device device_under_test() { return tl::cuda::is_available() ? tl::Device(tl::kCUDA) : tl::Device(tl::kCPU); }

void check_cases(const std::function<bool(const std::string&)>& wanted, tl::Device device) {
  int checked = 0;
  for (const auto& c : fx()["cases"]) {
    const std::string name = c["name"];
    if (!wanted(name)) continue;
    ++checked;
    tl::Tensor x = tensor_from_json(c["input"]).to(device);
    if (c["transposed"].get<bool>()) x = x.t();
    const course::ArgMaxMin got = course::argmax_argmin(x);
    EXPECT_TRUE(same_tensor(tensor_from_json(c["argmax"]), got.argmax))
        << "argmax of " << suite::show(x.cpu()) << " (" << name << ")";
    EXPECT_TRUE(same_tensor(tensor_from_json(c["argmin"]), got.argmin))
        << "argmin of " << suite::show(x.cpu()) << " (" << name << ")";
    for (const tl::Tensor* t : {&got.argmax, &got.argmin})
      EXPECT_TRUE(suite::stays_on(*t, device)) << " (" << name << ")";
  }
  EXPECT_GT(checked, 0);
}

}  // namespace

TEST(ArgMaxMin, NotebookTensorC) {
  check_cases([](const std::string& n) { return n == "notebook_tensor_C"; }, tl::kCPU);
}

TEST(ArgMaxMin, NotebookTensorCOnTheDevice) {
  check_cases([](const std::string& n) { return n == "notebook_tensor_C"; }, device_under_test());
}

TEST(ArgMaxMin, FlatPositionOfAnyShape) {
  check_cases([](const std::string& n) { return suite::one_of(n, {"randn_3d", "single", "zero_dim", "negative"}); }, device_under_test());
}

TEST(ArgMaxMin, TiesGiveTheFirstPosition) { check_cases([](const std::string& n) { return n == "ties"; }, tl::kCPU); }

TEST(ArgMaxMin, NaNAndInfinity) {
  check_cases([](const std::string& n) { return suite::one_of(n, {"with_nan", "with_inf"}); }, tl::kCPU);
}

TEST(ArgMaxMin, EveryDtype) {
  check_cases([](const std::string& n) { return suite::one_of(n, {"float64", "float16", "int64", "int32", "uint8"}); }, tl::kCPU);
}

TEST(ArgMaxMin, TransposedViewCountsInItsOwnOrder) {
  check_cases([](const std::string& n) { return n == "transposed_view"; }, tl::kCPU);
}

TEST(ArgMaxMin, EveryFixtureCase) {
  check_cases([](const std::string&) { return true; }, device_under_test());
}

TEST(ArgMaxMin, EmptyTensorIsAnIndexError) {
  const tl::Tensor empty = tl::zeros({0});
  // Either reduction may run first; both say the same after their name.
  EXPECT_TRUE(suite::expect_error_kind([&] { course::argmax_argmin(empty); }, tl::ErrorKind::IndexError,
                                       "Expected reduction dim to be specified for input.numel() == 0.",
                                       suite::Match::Contains))
      << "PyTorch: " << fx()["errors"]["empty_argmax"].get<std::string>();
}
