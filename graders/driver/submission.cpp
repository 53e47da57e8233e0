#include "submission.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "files.h"

namespace grade {
namespace {

struct Candidate {
  std::string prefix;  ///< "" or "student/" ...
  std::string file;    ///< "course/src/x.cpp"
  std::string content;
};

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::stringstream in(path);
  for (std::string part; std::getline(in, part, '/');) {
    if (!part.empty() && part != ".") parts.push_back(part);
  }
  return parts;
}

// Splits "a/b/course/src/x.cpp" into prefix "a/b/" and the wanted file, when it is one.
bool match_wanted(const std::vector<std::string>& parts, const std::set<std::string>& wanted, int max_depth,
                  std::string& prefix, std::string& file) {
  if (parts.size() < 3 || static_cast<int>(parts.size()) - 3 > max_depth) return false;
  const size_t n = parts.size();
  file = parts[n - 3] + "/" + parts[n - 2] + "/" + parts[n - 1];
  if (!wanted.count(file)) return false;
  prefix.clear();
  for (size_t i = 0; i + 3 < n; ++i) prefix += parts[i] + "/";
  return true;
}

bool unsafe_path(const std::string& path) {
  if (path.empty() || path[0] == '/' || path.find('\\') != std::string::npos) return true;
  for (const std::string& part : split_path(path)) {
    if (part == "..") return true;
  }
  return false;
}

// Picks the folder holding the most wanted files (then the shallowest, then the first by name).
Submission choose_root(std::vector<Candidate> found, std::vector<std::string> notes) {
  std::map<std::string, int> counts;
  for (const Candidate& c : found) ++counts[c.prefix];
  Submission sub;
  sub.notes = std::move(notes);
  if (counts.empty()) {
    sub.notes.push_back("no course/src/ files found: every exercise is graded against its stub");
    return sub;
  }
  auto depth = [](const std::string& p) { return std::count(p.begin(), p.end(), '/'); };
  const auto best = std::max_element(counts.begin(), counts.end(), [&](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second < b.second;
    if (depth(a.first) != depth(b.first)) return depth(a.first) > depth(b.first);
    return a.first > b.first;
  });
  sub.root = best->first;
  for (Candidate& c : found) {
    if (c.prefix == sub.root) sub.files[c.file] = std::move(c.content);
  }
  if (counts.size() > 1) sub.notes.push_back("several course/src folders found; graded " + sub.root + "course/src");
  return sub;
}

struct ArchiveCloser {
  void operator()(archive* a) const { archive_read_free(a); }
};

Submission read_archive(const std::string& path, const std::set<std::string>& wanted, const SubmissionLimits& lim) {
  std::unique_ptr<archive, ArchiveCloser> a(archive_read_new());
  archive_read_support_filter_gzip(a.get());
  archive_read_support_format_zip(a.get());
  archive_read_support_format_tar(a.get());
  archive_read_support_format_gnutar(a.get());
  if (archive_read_open_filename(a.get(), path.c_str(), 65536) != ARCHIVE_OK) {
    throw std::runtime_error("cannot open archive " + path + ": " + archive_error_string(a.get()));
  }
  std::vector<Candidate> found;
  std::vector<std::string> notes;
  size_t entries = 0, total = 0, unsafe = 0;
  archive_entry* entry = nullptr;
  for (;;) {
    const int r = archive_read_next_header(a.get(), &entry);
    if (r == ARCHIVE_EOF) break;
    if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
      notes.push_back(std::string("archive damaged, stopped reading: ") + archive_error_string(a.get()));
      break;
    }
    if (++entries > lim.max_entries) {
      notes.push_back("archive has more than " + std::to_string(lim.max_entries) + " entries; stopped reading");
      break;
    }
    const char* raw = archive_entry_pathname(entry);
    const std::string name = raw != nullptr ? raw : "";
    std::string prefix, file;
    bool take = false;
    if (unsafe_path(name)) {
      ++unsafe;
    } else if (match_wanted(split_path(name), wanted, lim.max_depth, prefix, file)) {
      const bool regular = archive_entry_filetype(entry) == AE_IFREG && archive_entry_hardlink(entry) == nullptr &&
                           archive_entry_symlink(entry) == nullptr;
      if (!regular) {
        notes.push_back("skipped " + name + ": not a regular file");
      } else if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > static_cast<la_int64_t>(lim.max_file_bytes)) {
        notes.push_back("skipped " + name + ": larger than " + std::to_string(lim.max_file_bytes) + " bytes");
      } else {
        take = true;
      }
    }
    // Every entry's data is read (and counted), so a decompression bomb stops at the cap.
    std::string content;
    const void* block = nullptr;
    size_t size = 0;
    la_int64_t offset = 0;
    int d;
    while ((d = archive_read_data_block(a.get(), &block, &size, &offset)) == ARCHIVE_OK) {
      total += size;
      if (total > lim.max_total_bytes) break;
      if (take) content.append(static_cast<const char*>(block), size);
      if (content.size() > lim.max_file_bytes) take = false;
    }
    if (total > lim.max_total_bytes) {
      notes.push_back("archive holds more than " + std::to_string(lim.max_total_bytes >> 20) + " MiB; stopped reading");
      break;
    }
    if (d != ARCHIVE_EOF) {
      notes.push_back("skipped " + name + ": " + (archive_error_string(a.get()) ? archive_error_string(a.get()) : "unreadable"));
      continue;
    }
    if (take) found.push_back({prefix, file, std::move(content)});
  }
  if (unsafe > 0) notes.push_back("skipped " + std::to_string(unsafe) + " archive entries with absolute or '..' paths");
  return choose_root(std::move(found), std::move(notes));
}

struct DirWalk {
  const std::set<std::string>& wanted;
  const SubmissionLimits& lim;
  std::vector<Candidate> found;
  std::vector<std::string> notes;
  size_t entries = 0;

  void walk(const std::string& dir, std::vector<std::string>& rel) {
    if (static_cast<int>(rel.size()) > lim.max_depth + 2) return;
    DIR* d = opendir(dir.c_str());
    if (d == nullptr) return;
    std::vector<std::string> names;
    while (dirent* e = readdir(d)) {
      const std::string name = e->d_name;
      if (name == "." || name == "..") continue;
      if (++entries > lim.max_entries) break;
      names.push_back(name);
    }
    closedir(d);
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      const std::string path = dir + "/" + name;
      struct stat st {};
      if (lstat(path.c_str(), &st) != 0) continue;
      rel.push_back(name);
      std::string prefix, file;
      if (S_ISDIR(st.st_mode)) {
        walk(path, rel);
      } else if (match_wanted(rel, wanted, lim.max_depth, prefix, file)) {
        std::string content;
        if (!S_ISREG(st.st_mode)) {
          notes.push_back("skipped " + prefix + file + ": not a regular file");
        } else if (!read_regular_file(path, lim.max_file_bytes, content)) {
          notes.push_back("skipped " + prefix + file + ": unreadable or larger than " +
                          std::to_string(lim.max_file_bytes) + " bytes");
        } else {
          found.push_back({prefix, file, std::move(content)});
        }
      }
      rel.pop_back();
    }
  }
};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

bool is_archive_name(const std::string& path) {
  for (const char* ext : {".zip", ".tar", ".tar.gz", ".tgz"}) {
    if (ends_with(path, ext)) return true;
  }
  return false;
}

Submission read_submission(const std::string& path, const std::set<std::string>& wanted, const SubmissionLimits& limits) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) throw std::runtime_error("no such submission: " + path);
  if (S_ISREG(st.st_mode)) return read_archive(path, wanted, limits);
  if (!S_ISDIR(st.st_mode)) throw std::runtime_error("not a folder or an archive: " + path);
  DirWalk walker{wanted, limits, {}, {}, 0};
  std::vector<std::string> rel;
  walker.walk(path, rel);
  if (walker.entries > limits.max_entries) walker.notes.push_back("submission folder has too many entries; only part was read");
  return choose_root(std::move(walker.found), std::move(walker.notes));
}

}  // namespace grade
