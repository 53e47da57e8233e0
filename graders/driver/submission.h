// Reading a submission: a student tree as a folder, .zip, .tar, .tar.gz or .tgz. Nothing is
// extracted to disk: only regular files named like a course file ("course/src/<name>" from the
// manifest) under at most a few folder levels are read, into memory, each capped in size.
// Absolute or `..` paths, links, devices and oversized entries are skipped with a note.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace grade {

struct Submission {
  std::map<std::string, std::string> files;  ///< "course/src/06_matmul.cpp" -> content
  std::string root;                          ///< where course/src was found, e.g. "student/"
  std::vector<std::string> notes;            ///< what was skipped, and why
};

struct SubmissionLimits {
  size_t max_file_bytes = 1 << 20;        ///< one source file
  size_t max_entries = 20000;             ///< archive entries or folder entries looked at
  size_t max_total_bytes = 64ull << 20;   ///< bytes decompressed in all
  int max_depth = 4;                      ///< folders above course/src
};

/// Reads the files named in `wanted` (paths relative to a student tree, "course/src/x.cpp").
/// Throws std::runtime_error when the submission cannot be opened at all.
Submission read_submission(const std::string& path, const std::set<std::string>& wanted,
                           const SubmissionLimits& limits = {});

/// Whether `path` names an archive tl-grade reads (by extension).
bool is_archive_name(const std::string& path);

}  // namespace grade
