#pragma once
/// @file ex01_docs.h
/// @brief Exercise ex01-docs: the notebook's exercise 1 ("documentation reading") as a short
/// quiz on `tl`'s documentation (the headers in reference/include/tl, or the Doxygen pages
/// built from them).
///
/// Read exercises/ex01-docs/README.md first: it has the questions. Run the tests with
/// `ctest -L ex01-docs`.

#include <string>

#include <tl/tl.h>

namespace course {

/// @brief How many questions the quiz has (numbered 1 to 5).
constexpr int kDocsQuestionCount = 5;

/// @brief Your answer to question `question` (1 to `kDocsQuestionCount`) of the quiz in
/// exercises/ex01-docs/README.md, as a short piece of text.
///
/// Case, spaces, a trailing `()` and a leading `tl::`, `torch::` or `torch.` do not matter:
/// `"tl::zeros"`, `"zeros()"` and `" ZEROS "` count as the same answer.
///
/// Throws `tl::Error` (an `IndexError`, `TL_CHECK_KIND(..., IndexError, ...)`) for any other
/// question number: `no question 6: the quiz has questions 1 to 5`.
/// @code
/// std::cout << course::docs_answer(1) << "\n";   // your answer to question 1
/// @endcode
std::string docs_answer(int question);

}  // namespace course
