// Building a submission: each student file compiled on its own (sandboxed, time- and
// memory-limited, against the prebuilt headers and precompiled header), checked against the
// object policy, cached by exact content; then one program per exercise linked (trusted)
// from the hidden suite object, the exercise's objects, the harness and the library.
#pragma once

#include <map>
#include <set>
#include <string>

#include "course.h"
#include "sandbox.h"

namespace grade {

struct Workspace {
  std::string root;      ///< 0711
  std::string private_;  ///< 0700, root only: objects
  std::string run;       ///< what tests can reach: bin/, lib/, fixtures/, scratch/
  std::string cache;     ///< compile cache ("" = none), root only
  int lock_fd = -1;      ///< flock held on <root>/.lock while the grading lives
};

struct CompiledFile {
  std::string object;   ///< set when the file compiled and passed the policy
  std::string problem;  ///< otherwise: the compiler's message or the policy's reason
  bool cached = false;
};

/// What every student compile shares, computed once per grading.
struct Toolchain {
  std::string stamp;                      ///< compiler, flags, headers, PCH: part of every cache key
  std::set<std::string> library_exports;  ///< for the object policy
  bool pch = false;                       ///< the precompiled header is up to date
  std::string note;                       ///< for results.json, when something is degraded
};

Toolchain load_toolchain(const Course& course);

/// Whether a course file is CUDA (compiled with nvcc, linked with the CUDA runtime).
bool is_cuda(const std::string& file);

/// Lists in grade_config.h are newline-separated.
std::vector<std::string> config_list(const char* text);

/// A fresh scratch folder under run/scratch owned by the slot's uid (0700).
std::string make_scratch(const Workspace& ws, const Sandbox& sandbox, int slot, const std::string& tag);

CompiledFile compile_student_file(const Workspace& ws, const Sandbox& sandbox, int slot, const Toolchain& tools,
                                  const std::string& file, const std::string& content);

/// Links run/bin/<exercise id> from `objects` (course file -> object). Returns "" or the
/// linker's message.
std::string link_exercise(const Workspace& ws, const Sandbox& sandbox, int slot, const Course& course,
                          const Exercise& ex, const std::map<std::string, std::string>& objects);

}  // namespace grade
