#include "report.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <ostream>

#include "files.h"

namespace grade {
namespace {

double round4(double v) { return std::round(v * 1e4) / 1e4; }

std::string points_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

nlohmann::json test_entry(const Exercise& ex, size_t t, bool passed, const std::string& output) {
  const TestCase& test = ex.tests[t];
  return {{"score", passed ? test.max_score : 0.0},
          {"max_score", test.max_score},
          {"status", passed ? "passed" : "failed"},
          {"name", ex.id + " \u203a " + test.name},
          {"number", std::to_string(ex.number) + "." + std::to_string(t + 1)},
          {"output", output},
          {"visibility", test.visibility}};
}

nlohmann::json document(const Course& course, nlohmann::json tests, const std::vector<std::string>& notes, double seconds) {
  double score = 0;
  int passed = 0;
  for (const nlohmann::json& t : tests) {
    score += t["score"].get<double>();
    passed += t["status"] == "passed";
  }
  double max = 0;
  for (const Exercise& ex : course.exercises) max += ex.points;
  std::string output = "tl-grade: " + std::to_string(passed) + " of " + std::to_string(tests.size()) + " tests passed, " +
                       points_text(score) + " of " + points_text(max) + " points.";
  for (const std::string& note : notes) output += "\n" + note;
  return {{"score", round4(score)},
          {"execution_time", static_cast<int>(std::ceil(seconds))},
          {"output", output},
          {"stdout_visibility", course.stdout_visibility},
          {"tests", std::move(tests)}};
}

}  // namespace

nlohmann::json results_json(const Course& course, const GradeResult& result) {
  // Each test's output is capped already; past 1 MB in all, later ones are cut shorter.
  constexpr size_t kAllOutputs = 1 << 20, kShortOutput = 500;
  size_t written = 0;
  nlohmann::json tests = nlohmann::json::array();
  for (const ExerciseOutcome& eo : result.exercises) {
    const Exercise& ex = *eo.exercise;
    const std::string first = std::to_string(ex.number) + ".1";
    for (size_t t = 0; t < eo.tests.size(); ++t) {
      std::string output = eo.tests[t].output;
      if (!eo.build_problem.empty()) {
        output = (t == 0 ? eo.build_problem : "Graded against the stub: test " + first + " has the compiler's message.") +
                 (output.empty() ? "" : "\n\n" + output);
      }
      if (written > kAllOutputs) output = cap_text(output, kShortOutput);
      written += output.size();
      tests.push_back(test_entry(ex, t, eo.tests[t].passed, output));
    }
  }
  return document(course, std::move(tests), result.notes, result.seconds);
}

nlohmann::json failure_json(const Course& course, const std::string& why) {
  nlohmann::json tests = nlohmann::json::array();
  for (const Exercise& ex : course.exercises) {
    for (size_t t = 0; t < ex.tests.size(); ++t) tests.push_back(test_entry(ex, t, false, "not graded: " + why));
  }
  return document(course, std::move(tests), {"the submission could not be graded: " + why}, 0);
}

void write_results(const std::string& path, const nlohmann::json& results) {
  write_file_atomic(path, results.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

void print_table(std::ostream& out, const nlohmann::json& results, const Course& course) {
  struct Row {
    int passed = 0, total = 0;
    double score = 0, max = 0;
  };
  std::map<int, Row> rows;
  for (const nlohmann::json& t : results["tests"]) {
    Row& row = rows[std::stoi(t["number"].get<std::string>())];
    row.passed += t["status"] == "passed";
    ++row.total;
    row.score += t["score"].get<double>();
    row.max += t["max_score"].get<double>();
  }
  char line[160];
  std::snprintf(line, sizeof line, "%-32s %9s %15s\n", "exercise", "tests", "points");
  out << line;
  Row total;
  for (const Exercise& ex : course.exercises) {
    const Row& row = rows[ex.number];
    std::snprintf(line, sizeof line, "%-32s %4d/%-4d %7s/%-7s\n", ex.id.c_str(), row.passed, row.total,
                  points_text(row.score).c_str(), points_text(ex.points).c_str());
    out << line;
    total.passed += row.passed;
    total.total += row.total;
    total.score += row.score;
    total.max += ex.points;
  }
  std::snprintf(line, sizeof line, "%-32s %4d/%-4d %7s/%-7s\n", "total", total.passed, total.total,
                points_text(total.score).c_str(), points_text(total.max).c_str());
  out << line;
}

}  // namespace grade
