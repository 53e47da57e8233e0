// tl-grade: grades student trees against the hidden suites (see cli.cpp for the commands).
#include <filesystem>
#include <iostream>

#include "batch.h"
#include "cli.h"
#include "course.h"
#include "grade.h"
#include "report.h"

namespace {

int grade_one(const grade::Cli& cli) {
  const grade::Course course = grade::load_course(cli.exercises);
  grade::GradeOptions options;
  options.submission = cli.input;
  options.jobs = cli.jobs;
  options.keep_work = cli.keep_work;
  options.timeout_s = cli.timeout_s;
  options.cache = cli.cache;
  options.progress = cli.progress;
  options.hide = cli.hide;
  options.hide.push_back(std::filesystem::absolute(cli.out).parent_path().string());
  nlohmann::json results;
  int status = 0;
  try {
    results = grade::results_json(course, grade::grade_submission(course, options));
  } catch (const std::exception& e) {
    std::cerr << "tl-grade: " << e.what() << "\n";
    results = grade::failure_json(course, e.what());
    status = 1;
  }
  grade::write_results(cli.out, results);
  if (!cli.quiet) {
    grade::print_table(std::cout, results, course);
    std::cout << "results: " << cli.out << "\n";
  }
  return status;
}

// Lists what is graded; fails when the rubric names tests that do not exist.
int check(const grade::Cli& cli) {
  const grade::Course course = grade::load_course(cli.exercises);
  int stale = 0;
  for (const std::string& note : course.notes) {
    std::cout << note << "\n";
    stale += note.rfind("rubric:", 0) == 0;
  }
  double points = 0;
  size_t tests = 0;
  for (const grade::Exercise& ex : course.exercises) {
    std::cout << ex.id << ": " << ex.tests.size() << " tests, " << ex.points << " points\n";
    points += ex.points;
    tests += ex.tests.size();
  }
  std::cout << "graded: " << course.exercises.size() << " exercises, " << tests << " tests, " << points << " points\n";
  return stale == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const grade::Cli cli = grade::parse_cli(argc, argv);
    if (cli.command == "help") {
      std::cout << grade::kUsage;
      return 0;
    }
    if (cli.command == "check") return check(cli);
    if (cli.command == "batch") return grade::run_batch(cli, grade::load_course(cli.exercises));
    return grade_one(cli);
  } catch (const grade::UsageError& e) {
    std::cerr << "tl-grade: " << e.what() << "\n" << grade::kUsage;
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "tl-grade: " << e.what() << "\n";
    return 1;
  }
}
