// The main of every course test program. It runs GoogleTest with a short report: a test
// that reaches a TL_TODO stub becomes one friendly line per exercise instead of gtest's
// exception dump, other failures print gtest's usual message, and the program ends with a
// one-line verdict. Exit status: 0 all passed, 1 something failed or is not implemented,
// 77 every test skipped (ctest's SKIP_RETURN_CODE, e.g. a GPU exercise without a GPU).
// TL_TEST_VERBOSE=1 keeps gtest's full output as well.

#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "course/todo.h"

// The exercise this program tests; a generated source per exercise defines it. Weak, so a
// program without one (a grader's suite, say) still links and names the exercise it reaches.
extern "C" {
extern const char* const tl_course_exercise_id __attribute__((weak));
}

namespace {

constexpr int kSkipped = 77;

std::string describe(const testing::TestPartResult& part) {
  std::ostringstream out;
  out << (part.file_name() ? part.file_name() : "unknown file");
  if (part.line_number() >= 0) out << ':' << part.line_number();
  out << ": " << (part.skipped() ? "Skipped" : "Failure") << '\n' << part.message();
  return out.str();
}

class CourseReport : public testing::EmptyTestEventListener {
 public:
  explicit CourseReport(std::string exercise_id) : exercise_id_(std::move(exercise_id)) {}

  void OnTestStart(const testing::TestInfo&) override {
    course::detail::todo_reached().clear();
    messages_.clear();
    in_test_ = true;
  }

  void OnTestPartResult(const testing::TestPartResult& part) override {
    if (part.passed()) return;
    if (!in_test_) {  // a failure in a suite's set-up: nothing to attribute it to
      std::cout << describe(part) << std::endl;
      ++failed_;
      return;
    }
    if (part.skipped() && skip_reason_.empty()) skip_reason_ = part.message();
    if (part.failed()) messages_.push_back(describe(part));
  }

  void OnTestEnd(const testing::TestInfo& test) override {
    in_test_ = false;
    const std::vector<std::string>& reached = course::detail::todo_reached();
    if (!reached.empty()) {
      ++not_implemented_;
      for (const std::string& id : reached) add_unique(todo_ids_, id);
    } else if (test.result()->Failed()) {
      ++failed_;
      std::cout << "[  FAILED  ] " << test.test_suite_name() << '.' << test.name() << '\n';
      for (const std::string& message : messages_) std::cout << message << '\n';
      std::cout << std::flush;
    } else if (test.result()->Skipped()) {
      ++skipped_;
    } else {
      ++passed_;
    }
    course::detail::todo_reached().clear();
  }

  void OnTestProgramEnd(const testing::UnitTest&) override {
    const std::string self = exercise_id_.empty() && !todo_ids_.empty() ? todo_ids_.front()
                             : exercise_id_.empty()                     ? std::string("tests")
                                                                        : exercise_id_;
    for (const std::string& id : todo_ids_) std::cout << todo_line(self, id) << '\n';
    const int ran = passed_ + failed_ + not_implemented_;
    if (failed_ > 0 || (not_implemented_ > 0 && passed_ > 0)) {
      std::cout << "✗ " << self << ": " << passed_ << " of " << ran << " tests pass\n";
    } else if (not_implemented_ == 0 && passed_ > 0) {
      std::cout << "✓ " << self << ": all " << passed_ << " tests pass";
      if (skipped_ > 0) std::cout << " (" << skipped_ << " skipped)";
      std::cout << '\n';
    } else if (ran == 0 && skipped_ > 0) {
      std::cout << "– " << self << ": skipped" << (skip_reason_.empty() ? "" : ": ") << skip_reason_
                << '\n';
    }
    std::cout << std::flush;
  }

  int exit_code(int gtest_status) const {
    if (failed_ > 0 || not_implemented_ > 0) return 1;
    if (passed_ == 0 && skipped_ > 0) return kSkipped;
    return gtest_status;
  }

 private:
  static void add_unique(std::vector<std::string>& ids, const std::string& id) {
    for (const std::string& known : ids) {
      if (known == id) return;
    }
    ids.push_back(id);
  }

  // "✗ 06-matmul: not implemented yet — edit student/course/src/06_matmul.cpp (exercises/...)"
  static std::string todo_line(const std::string& self, const std::string& id) {
    const course::detail::ExerciseInfo* info = course::detail::find_exercise(id);
    std::string line = "✗ " + self + ": ";
    line += id == self ? std::string("not implemented yet")
                       : "uses " + id + ", which is not implemented yet";
    if (info != nullptr) {
      line += std::string(" — edit ") + info->files + " (" + info->readme + ")";
    } else {
      line += " (exercises/" + id + "/README.md)";
    }
    return line;
  }

  std::string exercise_id_;
  std::vector<std::string> messages_;
  std::vector<std::string> todo_ids_;
  std::string skip_reason_;
  bool in_test_ = false;
  int passed_ = 0, failed_ = 0, skipped_ = 0, not_implemented_ = 0;
};

bool verbose_requested() {
  const char* value = std::getenv("TL_TEST_VERBOSE");
  return value != nullptr && *value != '\0' && std::string(value) != "0";
}

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  if (GTEST_FLAG_GET(list_tests)) return RUN_ALL_TESTS();

  testing::TestEventListeners& listeners = testing::UnitTest::GetInstance()->listeners();
  if (!verbose_requested()) delete listeners.Release(listeners.default_result_printer());
  auto* report = new CourseReport(&tl_course_exercise_id != nullptr ? tl_course_exercise_id : "");
  listeners.Append(report);  // gtest owns it from here on
  const int status = RUN_ALL_TESTS();
  return report->exit_code(status);
}
