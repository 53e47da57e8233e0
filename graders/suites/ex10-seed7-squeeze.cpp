// Hidden suite for ex10-seed7-squeeze. Golden values: graders/suites/fixtures/ex10-seed7-squeeze.json
// (tools/fixtures/gen_course_part2.py: torch.manual_seed(seed); rand(1, 1, 1, 10); squeeze();
// and what print(t, t.shape) writes, PyTorch 1.13.1).
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include <course/ex10_seed7_squeeze.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::same_tensor;
using suite::tensor_from_json;

namespace {

const nlohmann::json& fx() { return suite::fixture("ex10-seed7-squeeze.json"); }

const nlohmann::json& run_for(uint64_t seed) { return suite::run_for_seed(fx(), seed); }

void check_run(const nlohmann::json& r) {
  const uint64_t seed = r["seed"];
  tl::rand({3});  // earlier draws must not matter: the function seeds
  const course::Squeezed got = course::seed7_squeeze(seed);
  EXPECT_TRUE(same_tensor(tensor_from_json(r["tensor_D"]), got.tensor_D)) << "tensor_D for seed " << seed;
  EXPECT_TRUE(same_tensor(tensor_from_json(r["tensor_E"]), got.tensor_E)) << "tensor_E for seed " << seed;
}

std::string printed(const tl::Tensor& t) {
  std::ostringstream os;
  course::print_with_shape(os, t);
  return os.str();
}

}  // namespace

TEST(Seed7Squeeze, NotebookTensors) { check_run(run_for(7)); }

TEST(Seed7Squeeze, DefaultSeedIsSeven) {
  const course::Squeezed got = course::seed7_squeeze();
  EXPECT_TRUE(same_tensor(tensor_from_json(run_for(7)["tensor_D"]), got.tensor_D)) << "seed7_squeeze() should use seed 7";
}

TEST(Seed7Squeeze, EverySeed) {
  for (const auto& r : fx()["runs"]) check_run(r);
}

TEST(Seed7Squeeze, SeedsTheDefaultGenerator) {
  course::seed7_squeeze(1234);
  EXPECT_EQ(tl::initial_seed(), 1234u) << "seed7_squeeze(1234) should call tl::manual_seed(1234)";
}

TEST(Seed7Squeeze, Shapes) {
  const course::Squeezed got = course::seed7_squeeze();
  ASSERT_TRUE(got.tensor_D.defined() && got.tensor_E.defined());
  EXPECT_TRUE(suite::same_shape({1, 1, 1, 10}, got.tensor_D.sizes())) << "tensor_D";
  EXPECT_TRUE(suite::same_shape({10}, got.tensor_E.sizes())) << "tensor_E: every dim of size 1 removed";
}

TEST(Seed7Squeeze, SqueezeIsAView) {
  const course::Squeezed got = course::seed7_squeeze();
  EXPECT_TRUE(suite::shares_storage(got.tensor_D, got.tensor_E, "tensor_E"));
}

TEST(Seed7Squeeze, NotebookPrintout) {
  const auto& r = run_for(7);
  const course::Squeezed got = course::seed7_squeeze();
  EXPECT_EQ(r["printed_D"].get<std::string>(), printed(got.tensor_D)) << "print(tensor_D, tensor_D.shape)";
  EXPECT_EQ(r["printed_E"].get<std::string>(), printed(got.tensor_E)) << "print(tensor_E, tensor_E.shape)";
}

TEST(Seed7Squeeze, PrintoutForEverySeed) {
  for (const auto& r : fx()["runs"]) {
    const course::Squeezed got = course::seed7_squeeze(r["seed"].get<uint64_t>());
    EXPECT_EQ(r["printed_D"].get<std::string>(), printed(got.tensor_D)) << "seed " << r["seed"];
    EXPECT_EQ(r["printed_E"].get<std::string>(), printed(got.tensor_E)) << "seed " << r["seed"];
  }
}

TEST(PrintWithShape, AnyTensor) {
  for (const auto& p : fx()["prints"]) {
    const tl::Tensor t = tensor_from_json(p["tensor"]);
    EXPECT_EQ(p["printed"].get<std::string>(), printed(t)) << "print(t, t.shape) for " << p["name"];
  }
}

TEST(PrintWithShape, AppendsToTheStream) {
  std::ostringstream os;
  os << "before\n";
  course::print_with_shape(os, tl::tensor(0.5));
  EXPECT_EQ("before\ntensor(0.5000) torch.Size([])\n", os.str())  // print(torch.tensor(0.5), torch.tensor(0.5).shape)
      << "print_with_shape should add one line to what the stream already holds";
}
