// Exercise ex01-docs. The quiz is in exercises/ex01-docs/README.md.
#include "course/ex01_docs.h"

#include <course/todo.h>

namespace course {

std::string docs_answer(int question) {
  // TODO(ex01-docs): your code here
  TL_TODO("ex01-docs");
}

}  // namespace course
