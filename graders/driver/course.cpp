#include "course.h"

#include <fnmatch.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "files.h"
#include "grade_config.h"

namespace grade {
namespace {

using Json = nlohmann::ordered_json;  // rubric entries apply in file order

const std::set<std::string> kVisibilities = {"visible", "hidden", "after_due_date", "after_published"};

Json parse_json_file(const std::string& path) {
  try {
    return Json::parse(read_trusted_file(path));
  } catch (const std::exception& e) {
    throw std::runtime_error(path + ": " + e.what() + " (is the grader built? cmake --build for target tl-grade)");
  }
}

std::vector<std::string> read_test_list(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("missing test list " + path + " (build the tl_grade_infra target)");
  std::vector<std::string> names;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) names.push_back(line);
  }
  return names;
}

bool gpu_present() { return access("/dev/nvidiactl", F_OK) == 0; }

std::string checked_visibility(const Json& value, const std::string& where) {
  const std::string v = value.get<std::string>();
  if (!kVisibilities.count(v)) throw std::runtime_error("graders/rubric.json: " + where + ": unknown visibility " + v);
  return v;
}

// Applies one "tests" object of the rubric (pattern -> weight/visibility) to `tests`.
// Returns the patterns that matched nothing.
std::vector<std::string> apply_patterns(const Json& patterns, std::vector<TestCase>& tests, const std::string& where) {
  std::vector<std::string> unmatched;
  for (const auto& [pattern, fields] : patterns.items()) {
    bool matched = false;
    for (TestCase& t : tests) {
      if (!rubric_matches(pattern, t.name)) continue;
      matched = true;
      if (fields.contains("weight")) t.weight = fields["weight"].get<double>();
      if (fields.contains("visibility")) t.visibility = checked_visibility(fields["visibility"], where + " " + pattern);
    }
    if (!matched) unmatched.push_back(pattern);
  }
  return unmatched;
}

// Rubric order: default visibility, the exercise's visibility, patterns for every exercise
// ("tests"), then the exercise's own patterns (a stale one is reported).
void apply_rubric(const Json& rubric, Exercise& ex, std::vector<std::string>& notes) {
  const Json none = Json::object();
  const Json& exercises = rubric.contains("exercises") ? rubric["exercises"] : none;
  const Json& entry = exercises.contains(ex.id) ? exercises[ex.id] : none;
  std::string visibility = rubric.value("default_visibility", std::string("visible"));
  if (entry.contains("visibility")) visibility = checked_visibility(entry["visibility"], ex.id);
  for (TestCase& t : ex.tests) t.visibility = checked_visibility(Json(visibility), ex.id);
  if (rubric.contains("tests")) apply_patterns(rubric["tests"], ex.tests, ex.id);
  if (entry.contains("tests")) {
    for (const std::string& stale : apply_patterns(entry["tests"], ex.tests, ex.id)) {
      notes.push_back("rubric: " + ex.id + " has no test matching \"" + stale + "\"");
    }
  }
  for (const TestCase& t : ex.tests) {
    if (!(t.weight >= 0)) throw std::runtime_error("graders/rubric.json: negative weight for " + t.name);
  }
}

}  // namespace

bool rubric_matches(const std::string& pattern, const std::string& name) {
  return fnmatch(pattern.c_str(), name.c_str(), 0) == 0;
}

void split_points(double points, std::vector<TestCase>& tests) {
  double total_weight = 0;
  for (const TestCase& t : tests) total_weight += t.weight;
  if (tests.empty()) return;
  if (total_weight <= 0) {  // nothing weighted: share equally
    for (TestCase& t : tests) t.weight = 1;
    total_weight = static_cast<double>(tests.size());
  }
  double given = 0;
  size_t last_weighted = 0;
  for (size_t i = 0; i < tests.size(); ++i) {
    tests[i].max_score = std::round(points * tests[i].weight / total_weight * 1e4) / 1e4;
    given += tests[i].max_score;
    if (tests[i].weight > 0) last_weighted = i;
  }
  // Rounding leftovers go to the last weighted test, so the parts add up to `points`.
  tests[last_weighted].max_score = std::round((tests[last_weighted].max_score + points - given) * 1e4) / 1e4;
}

Course load_course(const std::vector<std::string>& only) {
  const Json manifest = parse_json_file(grade_config::kManifest);
  const Json index = parse_json_file(grade_config::kIndex);
  const Json rubric = access(grade_config::kRubric, R_OK) == 0 ? parse_json_file(grade_config::kRubric) : Json::object();

  Course course;
  course.harness_object = index.at("harness");
  course.support_object = index.at("support");
  course.tl_library = index.at("tl");
  course.tl_soname = index.at("tl_soname");
  course.gtest_library = index.at("gtest");
  course.cuda_runtime = index.value("cuda_runtime", "");
  course.stdout_visibility = rubric.value("stdout_visibility", std::string("visible"));

  const std::set<std::string> wanted(only.begin(), only.end());
  std::set<std::string> unknown = wanted;
  int number = 0;
  for (const Json& entry : manifest.at("exercises")) {
    ++number;
    const std::string id = entry.at("id");
    course.all_ids.push_back(id);
    if (!wanted.empty() && !wanted.count(id)) continue;
    unknown.erase(id);
    if (!index.at("exercises").contains(id)) {
      course.notes.push_back(id + ": not graded (this build has no hidden suite for it, or it needs CUDA)");
      continue;
    }
    const bool needs_gpu = entry.value("needs_gpu", false);
    if (needs_gpu && !gpu_present()) {
      course.notes.push_back(id + ": not graded (it needs a GPU and this machine has none)");
      continue;
    }
    const Json& built = index.at("exercises").at(id);
    Exercise ex;
    ex.id = id;
    ex.title = entry.value("title", id);
    ex.number = number;
    ex.points = entry.at("points").get<double>();
    ex.timeout_s = entry.value("timeout_s", 10);
    ex.needs_gpu = needs_gpu;
    ex.files = entry.at("files").get<std::vector<std::string>>();
    ex.suite_object = built.at("suite");
    ex.reference_program = built.at("reference");
    for (const auto& [file, object] : built.at("stubs").items()) ex.stubs[file] = object.get<std::string>();
    for (const std::string& name : read_test_list(built.at("tests"))) ex.tests.push_back({name, 1, 0, ""});
    if (ex.tests.empty()) {
      course.notes.push_back(id + ": not graded (its hidden suite has no tests)");
      continue;
    }
    apply_rubric(rubric, ex, course.notes);
    split_points(ex.points, ex.tests);
    course.exercises.push_back(std::move(ex));
  }
  if (!unknown.empty()) throw std::runtime_error("unknown exercise id: " + *unknown.begin());
  return course;
}

}  // namespace grade
