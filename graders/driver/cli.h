// tl-grade's command line.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace grade {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Cli {
  std::string command = "grade";  ///< grade, batch, check
  std::string input;              ///< the submission, or the folder of submissions
  std::string out;                ///< results.json, or the batch output folder
  std::string csv;                ///< batch: the gradebook
  std::vector<std::string> exercises;
  std::vector<std::string> hide;  ///< --hide: more folders tests must not see
  int jobs = 0;                   ///< 0: one per CPU
  std::string keep_work;
  double timeout_s = 0;
  double submission_timeout_s = 3600;  ///< batch: one submission's whole grading
  std::string cache = "default";
  bool force = false;
  bool quiet = false;
  bool progress = false;
};

extern const char* const kUsage;

/// Throws UsageError with a one-line reason.
Cli parse_cli(int argc, char** argv);

}  // namespace grade
