#include "build.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <tuple>

#include "elf_policy.h"
#include "files.h"
#include "grade_config.h"
#include "runner.h"

namespace grade {
namespace fs = std::filesystem;
namespace {

constexpr size_t kMessageCap = 6000;
constexpr size_t kMaxObjectBytes = 256u << 20;

std::vector<std::string> untrusted_env(const std::string& scratch) {
  return {"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + scratch, "TMPDIR=" + scratch, "LANG=C.UTF-8", "LC_ALL=C.UTF-8"};
}

std::string hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// The stored key text of a cache entry: exactly what decides the object.
std::string cache_key_text(const std::string& stamp, const std::string& file, const std::string& content) {
  std::string text = stamp;
  text += '\0';
  text += file;
  text += '\0';
  text += content;
  return text;
}

bool cache_lookup(const std::string& base, const std::string& key_text, CompiledFile& out) {
  std::string stored;
  if (!read_regular_file(base + ".key", key_text.size() + 1, stored) || stored != key_text) return false;
  std::string message;
  if (access((base + ".o").c_str(), R_OK) == 0) {
    out.object = base + ".o";
  } else if (read_regular_file(base + ".err", 1 << 20, message)) {
    out.problem = message;
  } else {
    return false;
  }
  out.cached = true;
  return true;
}

void cache_store(const std::string& base, const std::string& key_text, const std::string& object_bytes,
                 const std::string& problem) {
  try {
    if (problem.empty()) {
      write_file_atomic(base + ".o", object_bytes, 0600);
    } else {
      write_file_atomic(base + ".err", problem, 0600);
    }
    write_file_atomic(base + ".key", key_text, 0600);  // last: an entry with a key is complete
  } catch (const std::exception&) {
    // A cache that cannot be written only costs time.
  }
}

}  // namespace

bool is_cuda(const std::string& file) { return file.size() > 3 && file.compare(file.size() - 3, 3, ".cu") == 0; }

std::vector<std::string> config_list(const char* text) {
  std::vector<std::string> items;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) items.push_back(line);
  }
  return items;
}

Toolchain load_toolchain(const Course& course) {
  Toolchain tools;
  tools.stamp = std::string(grade_config::kCxx) + "\n" + grade_config::kCxxFlags + "\n" + grade_config::kCudaCompiler +
                "\n" + grade_config::kCudaFlags + "\n" + grade_config::kIncludeDirs;
  uint64_t headers = fnv1a("");
  timespec newest{};
  for (const std::string& dir : config_list(grade_config::kIncludeDirs)) {
    std::vector<std::string> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file()) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) {
      std::string content;
      read_regular_file(f, 64u << 20, content);
      headers = fnv1a(f + '\0' + content, headers);
      struct stat st {};
      if (stat(f.c_str(), &st) == 0 && std::tie(st.st_mtim.tv_sec, st.st_mtim.tv_nsec) > std::tie(newest.tv_sec, newest.tv_nsec)) {
        newest = st.st_mtim;
      }
    }
  }
  tools.stamp += "\nheaders " + hex64(headers);
  // A precompiled header older than a header it holds breaks #pragma once: do without it.
  struct stat st {};
  const std::string gch = std::string(grade_config::kPchDir) + "/tl_pch.h.gch";
  tools.pch = stat(gch.c_str(), &st) == 0 &&
              std::tie(st.st_mtim.tv_sec, st.st_mtim.tv_nsec) >= std::tie(newest.tv_sec, newest.tv_nsec);
  if (tools.pch) {
    tools.stamp += "\npch " + std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec);
  } else {
    tools.note = "the precompiled header is missing or older than the headers (build target tl-grade again); "
                 "student files compile without it, more slowly";
  }
  if (!course.exercises.empty()) tools.library_exports = library_exports(course.exercises.front().reference_program);
  if (tools.library_exports.empty()) throw std::runtime_error("cannot list the symbols of the graded programs' libraries");
  return tools;
}

std::string make_scratch(const Workspace& ws, const Sandbox& sandbox, int slot, const std::string& tag) {
  const std::string dir = ws.run + "/scratch/" + tag + "-" + random_hex(6);
  if (mkdir(dir.c_str(), 0700) != 0) throw std::runtime_error("cannot create " + dir);
  if (sandbox.privileged() && chown(dir.c_str(), sandbox.uid(slot), sandbox.uid(slot)) != 0) {
    throw std::runtime_error("cannot chown " + dir);
  }
  return dir;
}

CompiledFile compile_student_file(const Workspace& ws, const Sandbox& sandbox, int slot, const Toolchain& tools,
                                  const std::string& file, const std::string& content) {
  CompiledFile out;
  const std::string key_text = cache_key_text(tools.stamp, file, content);
  const std::string base = ws.cache.empty() ? "" : ws.cache + "/" + hex64(fnv1a(key_text));
  if (base.empty() || !cache_lookup(base, key_text, out)) {
    const std::string scratch = make_scratch(ws, sandbox, slot, "cc");
    make_dirs(scratch + "/" + fs::path(file).parent_path().string(), 0755);
    write_file_atomic(scratch + "/" + file, content, 0644);

    RunSpec spec;
    const bool cuda = is_cuda(file);
    spec.argv = {cuda ? grade_config::kCudaCompiler : grade_config::kCxx};
    for (const std::string& flag : config_list(cuda ? grade_config::kCudaFlags : grade_config::kCxxFlags)) {
      spec.argv.push_back(flag);
    }
    if (tools.pch && !cuda) {
      spec.argv.push_back("-include");
      spec.argv.push_back(std::string(grade_config::kPchDir) + "/tl_pch.h");
    }
    for (const std::string& dir : config_list(grade_config::kIncludeDirs)) spec.argv.push_back("-I" + dir);
    spec.argv.insert(spec.argv.end(), {"-c", file, "-o", "student.o"});
    spec.env = untrusted_env(scratch);
    spec.cwd = scratch;
    spec.slot = slot;
    spec.limits.wall_s = 120;
    spec.limits.file_bytes = kMaxObjectBytes;
    // nvcc's front ends map far more address space than g++.
    spec.limits.memory_bytes = grade_config::kSanitized ? 0 : (cuda ? 16LL : 4LL) << 30;
    const RunResult run = run_process(sandbox, spec);

    std::string object_bytes;
    if (run.exited_cleanly() && read_regular_file(scratch + "/student.o", kMaxObjectBytes, object_bytes)) {
      if (!base.empty()) {
        cache_store(base, key_text, object_bytes, "");
        out.object = base + ".o";
      } else {
        out.object = ws.private_ + "/" + hex64(fnv1a(key_text)) + ".o";
        write_file_atomic(out.object, object_bytes, 0600);
      }
    } else {
      out.problem = file + " does not compile:\n" + cap_text(run.output, kMessageCap);
      if (!run.exited_cleanly() && run.exit_code != 1) out.problem += "\n(the compiler " + run.describe(spec.limits.wall_s) + ")";
      // Only the compiler's own verdict is worth remembering, not a timeout on a busy machine.
      if (!base.empty() && run.error.empty() && run.exit_code == 1 && run.signal == 0 && !run.timed_out) {
        cache_store(base, key_text, "", out.problem);
      }
    }
    remove_tree(scratch);
  }
  if (!out.object.empty()) {
    const std::string why = check_student_object(out.object, tools.library_exports);
    if (!why.empty()) {
      out.object.clear();
      out.problem = file + " was refused: it contains " + why +
                    ", which could run before or around the grading harness. Remove it.";
    }
  }
  return out;
}

std::string link_exercise(const Workspace& ws, const Sandbox& sandbox, int slot, const Course& course,
                          const Exercise& ex, const std::map<std::string, std::string>& objects) {
  const std::string exe = ws.run + "/bin/" + ex.id;
  RunSpec spec;
  spec.argv = {grade_config::kCxx};
  for (const std::string& flag : config_list(grade_config::kLinkFlags)) spec.argv.push_back(flag);
  spec.argv.insert(spec.argv.end(), {"-s", "-o", exe, course.harness_object, ex.suite_object});
  for (const std::string& file : ex.files) spec.argv.push_back(objects.at(file));
  spec.argv.insert(spec.argv.end(), {course.support_object, course.gtest_library, ws.run + "/lib/" + course.tl_soname,
                                     "-Wl,-rpath,$ORIGIN/../lib"});
  if (std::any_of(ex.files.begin(), ex.files.end(), is_cuda)) spec.argv.push_back(course.cuda_runtime);
  spec.env = {"PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8", "TMPDIR=" + ws.private_};
  spec.cwd = ws.private_;
  spec.confined = false;  // trusted: our linker on checked objects
  spec.slot = slot;
  spec.limits.wall_s = 120;
  spec.limits.file_bytes = 1LL << 30;
  spec.limits.memory_bytes = 0;
  spec.limits.processes = 64;
  const RunResult run = run_process(sandbox, spec);
  if (!run.exited_cleanly()) return cap_text(run.output, kMessageCap) + "\n(the linker " + run.describe(120) + ")";
  if (chmod(exe.c_str(), 0711) != 0) return "cannot chmod " + exe;
  return {};
}

}  // namespace grade
