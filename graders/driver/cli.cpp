#include "cli.h"

#include <thread>

namespace grade {

const char* const kUsage = R"(usage:
  tl-grade <submission> [--out results.json] [options]
      grade one student tree (a folder, .zip, .tar or .tar.gz holding course/src/*.cpp)
  tl-grade batch <folder> --out <folder> [--csv grades.csv] [--force] [options]
      grade every folder or archive in <folder>; results in <out>/<name>/results.json;
      resumable (finished ones are skipped unless --force)
  tl-grade check
      list the graded exercises and tests; fail when the rubric names a test that does not exist

options:
  --exercises a,b     grade only these exercise ids
  --jobs N            parallel compiles and tests (default: one per CPU)
  --timeout S         override every exercise's time limit per test (seconds)
  --keep-work DIR     build in DIR (replaced) and keep it, for debugging
  --cache DIR         compile cache (default: in the build tree); --no-cache for none
  --hide DIR          a folder the tests must not see (repeatable; batch hides its output)
  --submission-timeout S   batch: limit for one submission's whole grading (default 3600)
  --progress          progress lines on stderr
  --quiet             no table
)";

namespace {

std::vector<std::string> split_ids(const std::string& text) {
  std::vector<std::string> ids;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = text.find(',', start);
    const std::string id = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!id.empty()) ids.push_back(id);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return ids;
}

double parse_number(const std::string& option, const std::string& value) {
  try {
    size_t used = 0;
    const double v = std::stod(value, &used);
    if (used == value.size() && v > 0) return v;
  } catch (const std::exception&) {
  }
  throw UsageError(option + " needs a positive number, got '" + value + "'");
}

}  // namespace

Cli parse_cli(int argc, char** argv) {
  Cli cli;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw UsageError(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--out" || arg == "-o") {
      cli.out = value();
    } else if (arg == "--csv") {
      cli.csv = value();
    } else if (arg == "--exercises") {
      cli.exercises = split_ids(value());
    } else if (arg == "--jobs" || arg == "-j") {
      cli.jobs = static_cast<int>(parse_number(arg, value()));
    } else if (arg == "--keep-work") {
      cli.keep_work = value();
    } else if (arg == "--timeout") {
      cli.timeout_s = parse_number(arg, value());
    } else if (arg == "--submission-timeout") {
      cli.submission_timeout_s = parse_number(arg, value());
    } else if (arg == "--hide") {
      cli.hide.push_back(value());
    } else if (arg == "--cache") {
      cli.cache = value();
    } else if (arg == "--no-cache") {
      cli.cache.clear();
    } else if (arg == "--force") {
      cli.force = true;
    } else if (arg == "--quiet") {
      cli.quiet = true;
    } else if (arg == "--progress") {
      cli.progress = true;
    } else if (arg == "--help" || arg == "-h") {
      cli.command = "help";
    } else if (arg.size() > 1 && arg[0] == '-') {
      throw UsageError("unknown option " + arg);
    } else {
      positional.push_back(arg);
    }
  }
  if (cli.command == "help") return cli;
  if (!positional.empty() && (positional[0] == "batch" || positional[0] == "check")) {
    cli.command = positional[0];
    positional.erase(positional.begin());
  }
  if (cli.command == "check") {
    if (!positional.empty()) throw UsageError("check takes no arguments");
    return cli;
  }
  if (positional.size() != 1) throw UsageError("expected one " + std::string(cli.command == "batch" ? "folder" : "submission"));
  cli.input = positional[0];
  if (cli.command == "batch" && cli.out.empty()) throw UsageError("batch needs --out <folder>");
  if (cli.out.empty()) cli.out = "results.json";
  if (cli.jobs <= 0) cli.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return cli;
}

}  // namespace grade
