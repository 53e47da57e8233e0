// Hidden suite for ex01-docs: the quiz's accepted answers (the questions are in
// exercises/ex01-docs/README.md; each answer is in a tl header, cited below).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include <course/ex01_docs.h>
#include <tl/tl.h>

#include "../../exercises/ex01-docs/answer_form.h"
#include "support/expect.h"

namespace {

::testing::AssertionResult accepted(int question, const std::set<std::string>& answers, const std::string& example) {
  const std::string got = course::docs_answer(question);
  if (answers.count(quiz::normalise(got))) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "question " << question << ": expected an answer such as \"" << example
                                       << "\", got \"" << got << "\"";
}

}  // namespace

// tl/interop.h: "Views caller memory as a contiguous tensor of shape sizes, without copying."
TEST(DocsQuiz, Question1ZeroCopyIsFromBlob) { EXPECT_TRUE(accepted(1, {"from_blob"}, "tl::from_blob")); }

// tl/factory.h: arange gives "int64 for an integer end".
TEST(DocsQuiz, Question2ArangeIsInt64) {
  EXPECT_TRUE(accepted(2, {"int64", "long", "klong", "kint64", "int64_t"}, "torch.int64"));
}

// tl/tensor.h: element_size() "Bytes per element."
TEST(DocsQuiz, Question3BytesPerElementIsElementSize) {
  EXPECT_TRUE(accepted(3, {"element_size", "tensor::element_size", "tensor.element_size", "x.element_size", "t.element_size"},
                       "element_size"));
}

// tl/tensor.h: to(device) is "itself when already there and copy is false".
TEST(DocsQuiz, Question4ToTheSameDeviceIsItself) {
  EXPECT_TRUE(accepted(4, {"itself", "x", "self", "xitself"}, "itself"));
}

// tl/cuda.h: manual_seed_all "Seeds the default generator of every CUDA device".
TEST(DocsQuiz, Question5EveryGpuIsManualSeedAll) {
  EXPECT_TRUE(accepted(5, {"cuda::manual_seed_all", "cuda.manual_seed_all", "manual_seed_all"},
                       "tl::cuda::manual_seed_all"));
}

TEST(DocsQuiz, AnswersAreNotCaseOrSpaceSensitiveButMustBeOneAnswer) {
  // Every answer fits on one line: a whole paragraph is not an answer.
  for (int q = 1; q <= course::kDocsQuestionCount; ++q) {
    const std::string a = course::docs_answer(q);
    EXPECT_FALSE(a.empty()) << "question " << q << ": the answer is empty";
    EXPECT_EQ(a.find('\n'), std::string::npos) << "question " << q << ": the answer should be one line, got \"" << a << "\"";
  }
}

TEST(DocsQuiz, OtherQuestionNumbersAreIndexErrors) {
  for (int q : {0, -1, course::kDocsQuestionCount + 1, 100})
    EXPECT_TRUE(suite::expect_error_kind([&] { course::docs_answer(q); }, tl::ErrorKind::IndexError, "", suite::Match::Any))
        << "docs_answer(" << q << ")";
}
