// What grading produces: Gradescope's results.json (written atomically) and a table on the
// terminal.
#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>

#include "grade.h"

namespace grade {

/// Gradescope's results.json document: per test score, max_score, status, name
/// ("<id> › <Suite.Test>"), number ("<exercise>.<test>"), output, visibility; top level
/// score, execution_time, output, stdout_visibility.
nlohmann::json results_json(const Course& course, const GradeResult& result);

/// The same document for a submission that could not be graded at all (score 0).
nlohmann::json failure_json(const Course& course, const std::string& why);

/// Serialises (invalid UTF-8 from student output is replaced) and writes atomically.
void write_results(const std::string& path, const nlohmann::json& results);

/// exercise, tests passed, points; then the total line.
void print_table(std::ostream& out, const nlohmann::json& results, const Course& course);

}  // namespace grade
