// Small file-system helpers of tl-grade: capped reads, atomic writes, private directories.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace grade {

/// Reads at most `cap` bytes of a regular file (never through a symlink). Returns false
/// when it cannot be opened, is not a regular file, or is longer than `cap`.
bool read_regular_file(const std::string& path, size_t cap, std::string& out);

/// Reads a whole trusted file; throws std::runtime_error when it cannot.
std::string read_trusted_file(const std::string& path);

/// Writes `content` to a fresh temp file next to `path`, then renames it over `path`:
/// readers see the old file or the new one, never half of one. Throws on failure.
void write_file_atomic(const std::string& path, std::string_view content, mode_t mode = 0644);

/// Creates a new directory with a random name under `parent` (mode 0700). Throws.
std::string make_temp_dir(const std::string& parent, const std::string& prefix);

/// Creates `path` (and missing parents) with `mode`; throws when it is not a directory after.
void make_dirs(const std::string& path, mode_t mode = 0755);

/// Removes a tree without following symlinks; errors are ignored (best effort).
void remove_tree(const std::string& path);

/// Copies a trusted file (hard link when possible) and sets `mode`. Throws.
void copy_file(const std::string& from, const std::string& to, mode_t mode);

/// `n` random bytes as lowercase hex (getrandom).
std::string random_hex(size_t n);

/// FNV-1a 64-bit, for cache file names (entries are verified byte for byte).
uint64_t fnv1a(std::string_view data, uint64_t seed = 1469598103934665603ULL);

/// `text` cut to `cap` bytes with a note saying how much was left out.
std::string cap_text(const std::string& text, size_t cap);

/// Seconds on the monotonic clock.
double now_s();

}  // namespace grade
