// Public tests for 02-random: the notebook's seeded tensors (PyTorch 1.13.1 output, 4 decimals).
#include <gtest/gtest.h>

#include <course/02_random.h>
#include <tl/tl.h>

namespace {
// torch.manual_seed(42); torch.rand(3, 4) as the notebook prints it.
const float kSeed42[12] = {0.8823f, 0.9150f, 0.3829f, 0.9593f, 0.3904f, 0.6009f,
                           0.2566f, 0.7936f, 0.9408f, 0.1332f, 0.9346f, 0.5936f};

void expect_notebook_values(const tl::Tensor& t) {
  ASSERT_EQ(t.dtype(), tl::kFloat);
  ASSERT_EQ(t.sizes(), tl::Sizes({3, 4}));
  const tl::Tensor flat = t.contiguous();
  for (int i = 0; i < 12; ++i) EXPECT_NEAR(flat.data_ptr<float>()[i], kSeed42[i], 5e-5) << "element " << i;
}
}  // namespace

TEST(Random, UniformFromBits) {
  // The first draw of a Mersenne Twister seeded with 42 is 1608637542.
  EXPECT_NEAR(course::uniform_from_bits(1608637542u), 0.8823f, 5e-5);
  EXPECT_EQ(course::uniform_from_bits(0u), 0.0f);
}

TEST(Random, RandByHandMatchesTheNotebook) {
  tl::Generator gen = tl::detail::createCPUGenerator(42);
  expect_notebook_values(course::rand_by_hand(gen, {3, 4}));
}

TEST(Random, StdMersenneTwisterIsPyTorchsGenerator) {
  expect_notebook_values(course::rand_from_std_mt19937(42, {3, 4}));
}

TEST(Random, ReseedingMakesTheSameTensorTwice) {
  auto [C, D] = course::reseeded_pair(42);
  expect_notebook_values(C);
  expect_notebook_values(D);
  EXPECT_TRUE(tl::equal(C, D));  // random_tensor_C == random_tensor_D everywhere
}
