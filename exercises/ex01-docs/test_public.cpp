// Public tests for ex01-docs. The answers are not written here: each test compares a
// fingerprint (64-bit FNV-1a hash) of your normalised answer with those of the accepted
// answers, so it tells you whether you are right without telling you the answer.
#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>

#include <course/ex01_docs.h>

#include "answer_form.h"

namespace {

uint64_t fingerprint(const std::string& s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

::testing::AssertionResult accepted(int question, const std::set<uint64_t>& fingerprints) {
  const std::string answer = course::docs_answer(question);
  if (fingerprints.count(fingerprint(quiz::normalise(answer)))) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "question " << question << ": \"" << answer
                                       << "\" is not the answer; read the question in the README again";
}

}  // namespace

TEST(DocsQuiz, Question1ZeroCopy) { EXPECT_TRUE(accepted(1, {0x59847ad32a9e7e85ull})); }

TEST(DocsQuiz, Question2ArangeDtype) {
  EXPECT_TRUE(accepted(2, {0xf9d0c88f42834344ull, 0xcde8c9ad70d16733ull, 0xb5615aa5cb8ea384ull,
                           0x91f867e0f1529851ull, 0xcb7321f291bc2f2full}));
}

TEST(DocsQuiz, Question3BytesPerElement) {
  EXPECT_TRUE(accepted(3, {0x3654e613911c63e9ull, 0xe9ffa70790da146cull, 0x93c330a4a1c0926aull,
                           0xe7af2363d65b09c7ull, 0x7afc14e42521647bull}));
}

TEST(DocsQuiz, Question4ToTheSameDevice) {
  EXPECT_TRUE(accepted(4, {0xdd275b7f2457be6aull, 0xaf63f54c86021707ull, 0x2d19e518d40792b7ull, 0x5b2eb8889e0d97cull}));
}

TEST(DocsQuiz, Question5EveryGpu) {
  EXPECT_TRUE(accepted(5, {0xaaceb67b19fcfe34ull, 0x774bc743438b848eull, 0xddb0f02592331a1ull}));
}
