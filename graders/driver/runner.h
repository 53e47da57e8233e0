// Running one process under limits: fork + exec with a wall-clock limit, rlimits (CPU,
// memory, file size, processes, no core), a private working directory, stdin /dev/null,
// stdout+stderr captured through one pipe with a size cap (drained beyond it, killed on a
// flood), every other fd closed, and all its descendants killed afterwards.
//
// For a graded test it also runs the harness protocol (graders/harness/harness_main.cpp):
// a fresh random secret goes in through an inherited pipe, and the test passed only if
// "<secret> PASS <test>" came back on the result pipe.
#pragma once

#include <string>
#include <vector>

#include "sandbox.h"

namespace grade {

struct Limits {
  double wall_s = 10;
  long long memory_bytes = 4LL << 30;  ///< 0: no memory limit (sanitizer builds)
  bool memory_is_address_space = true;  ///< RLIMIT_AS; else RLIMIT_DATA (CUDA maps huge ranges)
  long long file_bytes = 64LL << 20;
  int processes = 32;                   ///< RLIMIT_NPROC (threads count too)
  size_t output_cap = 64 << 10;         ///< output bytes kept
  size_t flood_bytes = 32 << 20;        ///< output bytes after which the process is killed
};

struct RunSpec {
  std::vector<std::string> argv;  ///< argv[0]: absolute path of the program
  std::vector<std::string> env;   ///< the whole environment
  std::string cwd;
  Limits limits;
  bool confined = true;  ///< untrusted: the slot's uid and namespaces (when root)
  int slot = 0;
  std::string test_name;  ///< non-empty: run the harness protocol for this test
};

struct RunResult {
  std::string error;  ///< non-empty: it could not be started
  int exit_code = -1;
  int signal = 0;
  bool timed_out = false;
  bool flooded = false;
  bool pass_reported = false;  ///< the harness's PASS line with this run's secret came back
  std::string output;
  size_t output_bytes = 0;  ///< all bytes written, kept or not
  double wall_s = 0;

  bool exited_cleanly() const { return error.empty() && !timed_out && !flooded && signal == 0 && exit_code == 0; }
  /// "timed out after 10 s", "killed by signal SIGSEGV (…)", "exited with status 1", …
  std::string describe(double wall_limit) const;
};

RunResult run_process(const Sandbox& sandbox, const RunSpec& spec);

}  // namespace grade
