// nn::Linear and nn::init against PyTorch 1.13.1 (fixtures/linear.json from
// tools/fixtures/gen_linear.py): default initialisation bit for bit, the notebook's forward
// output, and the errors.
#include <gtest/gtest.h>

#include <cmath>

#include "support/fixtures.h"
#include "tl/nn/init.h"
#include "tl/nn/linear.h"
#include "tl/random.h"

namespace {

using nlohmann::json;
using tl::testing::tensor_from_json;
using tl::testing::tensors_identical;

const json& fixture() {
  static const json data = tl::testing::load_fixture("linear.json");
  return data;
}

TEST(LinearInit, MatchesPytorchBitForBit) {
  for (const json& c : fixture()["layers"]) {
    const int64_t in = c["in"].get<int64_t>(), out = c["out"].get<int64_t>();
    const bool bias = c["bias"].get<bool>();
    SCOPED_TRACE("Linear(" + std::to_string(in) + ", " + std::to_string(out) + ", bias=" + std::to_string(bias) +
                 ") seed " + std::to_string(c["seed"].get<uint64_t>()));
    tl::manual_seed(c["seed"].get<uint64_t>());
    tl::nn::Linear lin(tl::nn::LinearOptions(in, out).bias(bias));
    EXPECT_TRUE(tensors_identical(tensor_from_json(c["weight"]), lin->weight));
    if (bias) {
      EXPECT_TRUE(tensors_identical(tensor_from_json(c["bias_values"]), lin->bias));
    } else {
      EXPECT_FALSE(lin->bias.defined());
    }
    // The generator has moved on by exactly the draws PyTorch made.
    EXPECT_TRUE(tensors_identical(tensor_from_json(c["next_rand"]), tl::rand({3})));
  }
}

TEST(LinearInit, ParametersAndOptions) {
  tl::nn::Linear lin(2, 6);
  EXPECT_EQ(lin->weight.sizes(), (tl::Sizes{6, 2}));
  EXPECT_EQ(lin->bias.sizes(), (tl::Sizes{6}));
  ASSERT_EQ(lin->parameters().size(), 2u);
  EXPECT_TRUE(lin->parameters()[0].is_same(lin->weight));
  EXPECT_EQ(lin->named_parameters()[1].first, "bias");
  EXPECT_EQ(lin->options.in_features(), 2);
  EXPECT_EQ(tl::testing::to_string(lin), "tl::nn::Linear(in_features=2, out_features=6, bias=true)");
  tl::nn::Linear no_bias(tl::nn::LinearOptions(3, 1).bias(false));
  EXPECT_EQ(no_bias->parameters().size(), 1u);
  tl::nn::Linear alias = lin;  // holders share the module
  EXPECT_EQ(alias.ptr(), lin.ptr());
  tl::nn::Linear empty(nullptr);
  EXPECT_TRUE(empty.is_empty());
  EXPECT_THROW(empty->reset(), tl::Error);
}

TEST(LinearInit, ResetRedrawsFromTheCurrentStream) {
  tl::manual_seed(42);
  tl::nn::Linear a(2, 6);
  tl::manual_seed(42);
  tl::nn::Linear b(7, 7);
  b->options = tl::nn::LinearOptions(2, 6);
  tl::manual_seed(42);
  b->reset();
  EXPECT_TRUE(tensors_identical(a->weight, b->weight));
  EXPECT_TRUE(tensors_identical(a->bias, b->bias));
  EXPECT_EQ(b->parameters().size(), 2u);
}

TEST(LinearForward, MatchesTheNotebook) {
  for (const json& c : fixture()["forward"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    tl::manual_seed(c["seed"].get<uint64_t>());
    tl::nn::Linear lin(c["in"].get<int64_t>(), c["out"].get<int64_t>());
    const tl::Tensor x = tensor_from_json(c["input"]);
    EXPECT_TRUE(tensors_identical(tensor_from_json(c["output"]), lin(x)));
    EXPECT_TRUE(tensors_identical(tensor_from_json(c["output"]), lin->forward(x)));
  }
}

TEST(LinearForward, ShapeErrorsMatchPytorch) {
  for (const json& c : fixture()["errors"]) {
    if (!c.contains("input_shape")) continue;
    tl::nn::Linear lin(c["in"].get<int64_t>(), c["out"].get<int64_t>());
    const tl::Tensor x = tl::ones(c["input_shape"].get<std::vector<int64_t>>());
    try {
      lin(x);
      ADD_FAILURE() << "no error for input " << x.sizes();
    } catch (const tl::Error& e) {
      EXPECT_EQ(std::string(e.what()), c["error"]["message"].get<std::string>());
    }
  }
}

TEST(Init, KaimingAndUniformMatchPytorch) {
  const json& c = fixture()["init"];
  tl::manual_seed(c["seed"].get<uint64_t>());
  tl::Tensor w = tl::empty({3, 5});
  tl::nn::init::kaiming_uniform_(w);
  EXPECT_TRUE(tensors_identical(tensor_from_json(c["kaiming_default"]), w));
  tl::Tensor w4 = tl::empty({4, 3, 2, 2});
  tl::nn::init::kaiming_uniform_(w4, 0, tl::kFanOut, tl::kReLU);
  EXPECT_TRUE(tensors_identical(tensor_from_json(c["kaiming_fan_out_relu"]), w4));
  const tl::Tensor u = tl::nn::init::uniform_(tl::empty({2, 3}), -2.0, 3.0);
  EXPECT_TRUE(tensors_identical(tensor_from_json(c["uniform_values"]), u));
  tl::nn::init::kaiming_uniform_(tl::empty({0, 3}));  // no-op, no draws
  EXPECT_TRUE(tensors_identical(tensor_from_json(c["after"]), tl::rand({2})));
}

TEST(Init, GainsAndFans) {
  const json& c = fixture()["init"];
  const json& g = c["gains"];
  EXPECT_EQ(tl::nn::init::calculate_gain(tl::kLinear), g["linear"].get<double>());
  EXPECT_EQ(tl::nn::init::calculate_gain(tl::kConv2D), g["conv2d"].get<double>());
  EXPECT_EQ(tl::nn::init::calculate_gain(tl::kSigmoid), g["sigmoid"].get<double>());
  EXPECT_EQ(tl::nn::init::calculate_gain(tl::kTanh), g["tanh"].get<double>());
  EXPECT_EQ(tl::nn::init::calculate_gain(tl::kReLU), g["relu"].get<double>());
  EXPECT_EQ(tl::nn::init::calculate_gain(tl::kLeakyReLU), g["leaky_relu"].get<double>());
  EXPECT_EQ(tl::nn::init::calculate_gain(tl::kLeakyReLU, std::sqrt(5.0)), g["leaky_relu_sqrt5"].get<double>());
  for (const json& f : c["fans"]) {
    const auto [fan_in, fan_out] = tl::nn::init::_calculate_fan_in_and_fan_out(tl::empty(f["shape"].get<std::vector<int64_t>>()));
    EXPECT_EQ(fan_in, f["fans"][0].get<int64_t>());
    EXPECT_EQ(fan_out, f["fans"][1].get<int64_t>());
  }
  for (const json& e : fixture()["errors"]) {
    if (!e.contains("fan_of_shape")) continue;
    try {
      tl::nn::init::_calculate_fan_in_and_fan_out(tl::empty(e["fan_of_shape"].get<std::vector<int64_t>>()));
      ADD_FAILURE() << "no error";
    } catch (const tl::Error& err) {
      EXPECT_EQ(std::string(err.what()), e["error"]["message"].get<std::string>());
      EXPECT_EQ(std::string(tl::error_kind_name(err.kind())), e["error"]["kind"].get<std::string>());
    }
  }
}

}  // namespace
