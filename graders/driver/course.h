// What is graded: the exercises of exercises/manifest.json that this build can grade, their
// hidden tests (listed at build time from the suite linked with the reference), the points
// of each test (the exercise's points split by rubric weight) and its Gradescope visibility.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace grade {

struct TestCase {
  std::string name;  ///< "Suite.Test"
  double weight = 1;
  double max_score = 0;
  std::string visibility;
};

struct Exercise {
  std::string id, title;
  int number = 0;  ///< 1-based position in the manifest
  double points = 0;
  int timeout_s = 10;
  bool needs_gpu = false;
  std::vector<std::string> files;           ///< "course/src/06_matmul.cpp"
  std::map<std::string, std::string> stubs;  ///< file -> prebuilt stub object
  std::string suite_object;
  std::string reference_program;  ///< the suite linked with the reference solution (trusted)
  std::vector<TestCase> tests;
};

struct Course {
  std::vector<Exercise> exercises;  ///< the ones graded, in manifest order
  std::vector<std::string> all_ids;  ///< every exercise of the manifest
  std::vector<std::string> notes;   ///< exercises left out, and why
  std::string harness_object, support_object, tl_library, tl_soname, gtest_library;
  std::string cuda_runtime;  ///< linked into programs of exercises with .cu files ("" without CUDA)
  std::string stdout_visibility = "visible";
};

/// Loads the course from the build's generated files. `only` (ids) restricts it; an unknown
/// id is an error. Throws std::runtime_error with a readable message.
Course load_course(const std::vector<std::string>& only);

/// Splits `points` over tests by weight so that the parts add up to `points` exactly
/// (to 1e-4); exposed for the unit tests.
void split_points(double points, std::vector<TestCase>& tests);

/// Whether a rubric pattern ("Suite.*", "Suite.Name", "*") matches a test name.
bool rubric_matches(const std::string& pattern, const std::string& name);

}  // namespace grade
