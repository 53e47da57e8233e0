// Hidden suite for ex08-max-min. Golden values: graders/suites/fixtures/ex08-max-min.json
// (tools/fixtures/gen_course_part2.py: torch.max(x), torch.min(x), PyTorch 1.13.1). The inputs
// go to the best device the grader has.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include <course/ex08_max_min.h>
#include <tl/cuda.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::same_tensor;
using suite::tensor_from_json;

namespace {

const nlohmann::json& fx() { return suite::fixture("ex08-max-min.json"); }

tl::Device device_under_test() { return tl::cuda::is_available() ? tl::Device(tl::kCUDA) : tl::Device(tl::kCPU); }

// max and min are exact: they pick an element. A 0-d result on the input's device.
void check_cases(const std::function<bool(const std::string&)>& wanted, tl::Device device,
                 const std::function<tl::Tensor(const tl::Tensor&)>& view = nullptr) {
  int checked = 0;
  for (const auto& c : fx()["cases"]) {
    const std::string name = c["name"];
    if (!wanted(name)) continue;
    ++checked;
    tl::Tensor x = tensor_from_json(c["input"]).to(device);
    if (view) x = view(x);
    const course::MaxMin got = course::max_min(x);
    EXPECT_TRUE(same_tensor(tensor_from_json(c["max"]), got.max)) << "max of " << suite::show(x.cpu()) << " (" << name << ")";
    EXPECT_TRUE(same_tensor(tensor_from_json(c["min"]), got.min)) << "min of " << suite::show(x.cpu()) << " (" << name << ")";
    for (const tl::Tensor* t : {&got.max, &got.min}) EXPECT_TRUE(suite::stays_on(*t, device)) << " (" << name << ")";
  }
  EXPECT_GT(checked, 0);
}

}  // namespace

TEST(MaxMin, NotebookTensorC) {
  check_cases([](const std::string& n) { return n == "notebook_tensor_C"; }, tl::kCPU);
}

TEST(MaxMin, NotebookTensorCOnTheDevice) {
  check_cases([](const std::string& n) { return n == "notebook_tensor_C"; }, device_under_test());
}

TEST(MaxMin, AnyShape) {
  check_cases([](const std::string& n) { return suite::one_of(n, {"randn_3d", "single", "zero_dim", "negative"}); }, device_under_test());
}

TEST(MaxMin, EveryDtypeKeepsItsDtype) {
  check_cases([](const std::string& n) { return suite::one_of(n, {"float64", "float16", "int64", "int32", "uint8"}); }, tl::kCPU);
}

TEST(MaxMin, NaNAndInfinity) {
  check_cases([](const std::string& n) { return suite::one_of(n, {"with_nan", "with_inf"}); }, tl::kCPU);
}

TEST(MaxMin, TransposedView) {
  check_cases([](const std::string& n) { return suite::one_of(n, {"notebook_tensor_C", "randn_3d", "with_inf"}); }, tl::kCPU,
              [](const tl::Tensor& x) { return x.transpose(0, x.dim() - 1); });
}

TEST(MaxMin, EveryFixtureCase) {
  check_cases([](const std::string&) { return true; }, device_under_test());
}

TEST(MaxMin, InputIsNotChanged) {
  const tl::Tensor x = tensor_from_json(fx()["cases"][0]["input"]);
  course::max_min(x);
  EXPECT_TRUE(same_tensor(tensor_from_json(fx()["cases"][0]["input"]), x)) << "max_min modified its input";
}

TEST(MaxMin, EmptyTensorIsAnError) {
  const tl::Tensor empty = tl::zeros({0});
  // Either reduction may run first; both say the same after their name.
  EXPECT_TRUE(suite::expect_error([&] { course::max_min(empty); },
                                  "Expected reduction dim to be specified for input.numel() == 0.", suite::Match::Contains))
      << "PyTorch: " << fx()["errors"]["empty_max"].get<std::string>();
}
