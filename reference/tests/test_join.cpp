// tl::stack and tl::cat against PyTorch 1.13.1: values, dtype promotion, negative dims,
// legacy empty tensors and error messages (the "join" section of views.json).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/fixtures.h"
#include "support/view_ops.h"
#include "tl/tl.h"

namespace {

using nlohmann::json;
using tl::testing::tensor_from_json;
using tl::testing::tensors_identical;

const json& cases() {
  static const json d = tl::testing::load_fixture("views.json").at("join");
  return d;
}

std::vector<tl::Tensor> inputs_of(const json& c) {
  std::vector<tl::Tensor> out;
  for (const json& in : c["inputs"]) out.push_back(tl::testing::apply_view_chain(tensor_from_json(in["base"]), in["chain"]));
  return out;
}

tl::Tensor join(const json& c, const std::vector<tl::Tensor>& inputs) {
  const int64_t dim = c["dim"].get<int64_t>();
  return c["fn"] == "cat" ? tl::cat(inputs, dim) : tl::stack(inputs, dim);
}

TEST(JoinFixture, EveryResultMatchesPytorch) {
  int checked = 0;
  for (const json& c : cases()) {
    if (!c.contains("expected")) continue;
    SCOPED_TRACE(c["name"].get<std::string>());
    const std::vector<tl::Tensor> inputs = inputs_of(c);
    const tl::Tensor r = join(c, inputs);
    EXPECT_TRUE(tensors_identical(tensor_from_json(c["expected"]), r));
    EXPECT_TRUE(r.is_contiguous());
    for (const tl::Tensor& in : inputs) EXPECT_FALSE(r.is_same_storage(in));  // always a new tensor
    ++checked;
  }
  EXPECT_GE(checked, 40);
}

TEST(JoinFixture, EveryErrorMatchesPytorch) {
  int checked = 0;
  for (const json& c : cases()) {
    if (!c.contains("error")) continue;
    SCOPED_TRACE(c["name"].get<std::string>());
    const std::vector<tl::Tensor> inputs = inputs_of(c);
    EXPECT_TRUE(tl::testing::throws_pytorch_error([&] { join(c, inputs); }, c["error"]));
    ++checked;
  }
  EXPECT_GE(checked, 20);
}

TEST(Join, StackIsCatOfUnsqueezed) {
  tl::Tensor a = tl::arange(6).reshape({2, 3});
  tl::Tensor b = tl::arange(6, 12).reshape({2, 3});
  for (int64_t d = -3; d <= 2; ++d) {
    EXPECT_TRUE(tensors_identical(tl::cat({a.unsqueeze(d), b.unsqueeze(d)}, d), tl::stack({a, b}, d))) << d;
  }
}

TEST(Join, CatLeavesItsInputsAlone) {
  tl::Tensor a = tl::arange(3);
  tl::Tensor r = tl::cat({a, a});
  r.fill_(0);
  EXPECT_EQ(a.index({2}).item<int64_t>(), 2);
}

}  // namespace
