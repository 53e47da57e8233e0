// Hidden suite for ex02-random-7x7. Golden values: graders/suites/fixtures/ex02-random-7x7.json
// (tools/fixtures/gen_course_part2.py: torch.manual_seed(seed); torch.rand(7, 7) twice, PyTorch 1.13.1).
#include <gtest/gtest.h>

#include <course/ex02_random_7x7.h>
#include <tl/tl.h>

#include "support/expect.h"

using suite::same_tensor;
using suite::tensor_from_json;

namespace {
const nlohmann::json& fx() { return suite::fixture("ex02-random-7x7.json"); }
}  // namespace

TEST(Random7x7, ShapeDtypeAndDevice) {
  const tl::Tensor x = course::random_7x7();
  ASSERT_TRUE(x.defined()) << "got an undefined tensor";
  EXPECT_TRUE(suite::same_shape({7, 7}, x.sizes()));
  EXPECT_EQ(x.dtype(), tl::kFloat) << "torch.rand gives float32 unless told otherwise";
  EXPECT_TRUE(x.is_cpu()) << "expected a CPU tensor, got one on " << x.device();
}

TEST(Random7x7, NotebookSeed42) {
  int checked = 0;
  for (const auto& d : fx()["draws"]) {
    if (d["seed"] != 42) continue;
    ++checked;
    tl::manual_seed(42);
    EXPECT_TRUE(same_tensor(tensor_from_json(d["first"]), course::random_7x7()))
        << "torch.manual_seed(42); torch.rand(7, 7) starts tensor([[0.8823, 0.9150, 0.3829, ...";
  }
  EXPECT_EQ(checked, 1);
}

TEST(Random7x7, EverySeedMatchesPyTorch) {
  for (const auto& d : fx()["draws"]) {
    const uint64_t seed = d["seed"];
    tl::manual_seed(seed);
    EXPECT_TRUE(same_tensor(tensor_from_json(d["first"]), course::random_7x7()))
        << "after tl::manual_seed(" << seed << ")";
  }
}

TEST(Random7x7, ASecondCallContinuesTheStream) {
  // The function must draw from the default generator and must not reseed it.
  for (const auto& d : fx()["draws"]) {
    const uint64_t seed = d["seed"];
    tl::manual_seed(seed);
    const tl::Tensor first = course::random_7x7();
    const tl::Tensor second = course::random_7x7();
    EXPECT_TRUE(same_tensor(tensor_from_json(d["first"]), first)) << "first call after tl::manual_seed(" << seed << ")";
    EXPECT_TRUE(same_tensor(tensor_from_json(d["second"]), second))
        << "second call after tl::manual_seed(" << seed << ") (do not seed inside the function)";
  }
}

TEST(Random7x7, DoesNotChangeTheSeed) {
  tl::manual_seed(1234);
  course::random_7x7();
  EXPECT_EQ(tl::initial_seed(), 1234u) << "random_7x7 must not call tl::manual_seed: the caller picks the seed";
}

TEST(Random7x7, ValuesInZeroToOne) {
  tl::manual_seed(3);
  for (int i = 0; i < 20; ++i) {
    const tl::Tensor x = course::random_7x7();
    ASSERT_TRUE(x.defined());
    EXPECT_GE(x.min().item<float>(), 0.0f);
    EXPECT_LT(x.max().item<float>(), 1.0f);
  }
}

TEST(Random7x7, EachCallIsANewTensor) {
  const tl::Tensor a = course::random_7x7();
  const tl::Tensor b = course::random_7x7();
  EXPECT_TRUE(suite::owns_storage(a, b, "the second random tensor"));
  EXPECT_FALSE(a.equal(b)) << "two calls gave the same numbers: draw new ones each time";
}
