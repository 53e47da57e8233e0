// Grading one submission: read it, build one program per exercise, run every hidden test in
// its own confined process, and decide pass/fail from the harness's secret line plus the
// exit status (never from anything the student code prints or writes).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "course.h"

namespace grade {

struct GradeOptions {
  std::string submission;
  int jobs = 2;
  std::string keep_work;      ///< non-empty: build here (replaced) and keep it
  double timeout_s = 0;       ///< > 0: overrides every exercise's timeout_s
  std::string cache = "default";  ///< compile cache folder, "default" or "" (none)
  bool progress = false;      ///< progress lines on stderr
  std::vector<std::string> hide;  ///< more folders tests must not see (e.g. where results go)
};

struct TestOutcome {
  const TestCase* test = nullptr;
  bool passed = false;
  std::string output;
  double seconds = 0;
  bool timed_out = false;  ///< killed at the time limit
};

struct ExerciseOutcome {
  const Exercise* exercise = nullptr;
  std::vector<TestOutcome> tests;
  std::string build_problem;  ///< compile/link message; the stub was used instead
};

struct GradeResult {
  std::vector<ExerciseOutcome> exercises;
  std::vector<std::string> notes;
  double seconds = 0;
};

/// Throws std::runtime_error only when grading cannot happen at all (no such submission,
/// grader not built); everything a submission does is reported in the result.
GradeResult grade_submission(const Course& course, const GradeOptions& options);

/// Runs fn(item, slot) for items 0..count-1 on `jobs` threads; slot is the thread's index.
/// The first exception thrown by fn is rethrown once every thread has stopped.
void parallel_for(int jobs, size_t count, const std::function<void(size_t item, int slot)>& fn);

}  // namespace grade
