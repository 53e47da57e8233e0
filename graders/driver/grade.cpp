#include "grade.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "build.h"
#include "files.h"
#include "grade_config.h"
#include "runner.h"
#include "submission.h"

namespace grade {
namespace fs = std::filesystem;
namespace {

constexpr size_t kTestOutputCap = 8000;

std::string parent_dir(const std::string& path) {
  std::error_code ec;
  const fs::path p = fs::absolute(path, ec);
  return ec ? std::string() : p.parent_path().string();
}

// The compile cache holds one small entry per distinct student file: past the limit, the
// oldest go (an entry is its .key, .o or .err files).
void prune_cache(const std::string& cache, size_t limit = 20000) {
  std::vector<std::pair<fs::file_time_type, fs::path>> keys;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(cache, ec)) {
    if (e.path().extension() == ".key") keys.emplace_back(e.last_write_time(ec), e.path());
  }
  if (keys.size() <= limit) return;
  std::sort(keys.begin(), keys.end());
  for (size_t i = 0; i < keys.size() - limit * 3 / 4; ++i) {
    for (const char* ext : {".key", ".o", ".err"}) fs::remove(fs::path(keys[i].second).replace_extension(ext), ec);
  }
}

constexpr const char* kWorkPrefix = "tl-grade-";

// Work folders of runs that were killed (a batch stopped half-way) go with the next run: a
// live run holds the lock on its folder's .lock.
void sweep_dead_workspaces(const std::string& parent) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    struct stat st {};
    const std::string path = e.path().string();
    if (e.path().filename().string().rfind(kWorkPrefix, 0) != 0 || lstat(path.c_str(), &st) != 0 ||
        !S_ISDIR(st.st_mode) || st.st_uid != geteuid()) {
      continue;
    }
    const int fd = open((path + "/.lock").c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) continue;
    if (flock(fd, LOCK_EX | LOCK_NB) == 0) remove_tree(path);
    close(fd);
  }
}

// Private folders for one grading: root-only except run/, the one part tests can reach.
Workspace make_workspace(const GradeOptions& opt) {
  Workspace ws;
  if (!opt.keep_work.empty()) {
    remove_tree(opt.keep_work);
    make_dirs(opt.keep_work, 0711);
    ws.root = fs::canonical(opt.keep_work).string();
  } else {
    const char* tmp = std::getenv("TMPDIR");
    const std::string parent = tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
    sweep_dead_workspaces(parent);
    ws.root = make_temp_dir(parent, kWorkPrefix);
    if (chmod(ws.root.c_str(), 0711) != 0) throw std::runtime_error("cannot chmod " + ws.root);
  }
  ws.lock_fd = open((ws.root + "/.lock").c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (ws.lock_fd < 0 || flock(ws.lock_fd, LOCK_EX) != 0) throw std::runtime_error("cannot lock " + ws.root);
  ws.private_ = ws.root + "/private";
  ws.run = ws.root + "/run";
  make_dirs(ws.private_, 0700);
  make_dirs(ws.run, 0711);
  make_dirs(ws.run + "/bin", 0711);
  make_dirs(ws.run + "/lib", 0755);
  make_dirs(ws.run + "/fixtures", 0700);  // tests get links to their own exercise's files only
  make_dirs(ws.run + "/scratch", 0711);
  const std::string cache = opt.cache == "default" ? grade_config::kCacheDir : opt.cache;
  if (!cache.empty()) {
    mkdir(cache.c_str(), 0700);
    struct stat st {};
    // Never trust objects from a cache someone else could have written (or that we cannot).
    if (stat(cache.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid() && (st.st_mode & 077) == 0 &&
        access(cache.c_str(), W_OK) == 0) {
      ws.cache = cache;
      prune_cache(ws.cache);
    }
  }
  return ws;
}

// Mirrors the tree `from` at `to` with hard links (root-owned folders, 0755).
void link_tree(const std::string& from, const std::string& to) {
  make_dirs(to, 0755);
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(from, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string target = to + "/" + fs::relative(it->path(), from).string();
    if (it->is_directory()) {
      make_dirs(target, 0755);
    } else {
      copy_file(it->path().string(), target, 0644);
    }
  }
}

// What tests reach besides their program: the library, and per exercise the fixtures, less
// the ones named after another exercise ("<id>.json" holds that exercise's answers).
void stage_runtime(const Course& course, const Workspace& ws) {
  copy_file(course.tl_library, ws.run + "/lib/" + course.tl_soname, 0755);
  const fs::path fixtures = grade_config::kFixtureDir;
  for (const Exercise& ex : course.exercises) {
    const std::string dir = ws.run + "/fixtures/" + ex.id;
    make_dirs(dir, 0700);
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(fixtures, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      const fs::path rel = fs::relative(it->path(), fixtures);
      const std::string owner = rel.extension() == ".json" ? rel.stem().string() : "";
      if (owner != ex.id && std::count(course.all_ids.begin(), course.all_ids.end(), owner)) continue;
      if (it->is_directory()) {
        make_dirs(dir + "/" + rel.string(), 0755);
      } else if (it->is_regular_file()) {
        copy_file(it->path().string(), dir + "/" + rel.string(), 0644);
      }
    }
  }
}

Limits test_limits(const Exercise& ex, double timeout_s) {
  Limits lim;
  lim.wall_s = timeout_s;
  // ASan reserves terabytes of address space, and so does the CUDA driver: a GPU exercise has
  // no memory limit, other exercises of a CUDA build limit data (not address space).
  lim.memory_bytes = grade_config::kSanitized || ex.needs_gpu ? 0 : 4LL << 30;
  lim.memory_is_address_space = !grade_config::kCuda;
  return lim;
}

// What a student reads for a failed test: the harness's messages and how the process ended.
std::string explain_failure(const RunResult& run, double limit) {
  std::string text = cap_text(run.output, kTestOutputCap);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  std::string how;
  if (!run.error.empty() || run.timed_out || run.flooded || run.signal != 0) {
    how = run.describe(limit);
  } else if (run.exit_code == 0) {
    how = "the test program ended with status 0 but without the harness's result: the code under test ended the "
          "process early (exit()?) or tampered with the test";
  } else if (run.exit_code != 1) {
    how = run.describe(limit);
  }
  if (!how.empty()) text += (text.empty() ? "" : "\n") + how;
  return text.empty() ? "failed" : text;
}

}  // namespace

void parallel_for(int jobs, size_t count, const std::function<void(size_t, int)>& fn) {
  std::atomic<size_t> next{0};
  std::mutex error_mutex;
  std::exception_ptr error;
  std::vector<std::thread> workers;
  for (int slot = 0; slot < std::max(1, jobs); ++slot) {
    workers.emplace_back([&, slot] {
      try {
        for (size_t i; (i = next++) < count;) fn(i, slot);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
        next = count;  // the others stop after their current item
      }
    });
  }
  for (std::thread& w : workers) w.join();
  if (error) std::rethrow_exception(error);
}

namespace {

// One grading in progress: the stages share the course, the options, the folders and the sandbox.
struct Grading {
  const Course& course;
  const GradeOptions& opt;
  const Workspace& ws;
  const Sandbox& sandbox;
  GradeResult& result;
  int jobs;

  // Every student file once (the same file serves every exercise that lists it).
  std::map<std::string, CompiledFile> compile(const Submission& sub, const std::set<std::string>& wanted) {
    const Toolchain tools = load_toolchain(course);
    if (!tools.note.empty()) result.notes.push_back(tools.note);
    const std::vector<std::string> files(wanted.begin(), wanted.end());
    std::vector<CompiledFile> compiled(files.size());
    parallel_for(jobs, files.size(), [&](size_t i, int slot) {
      const auto it = sub.files.find(files[i]);
      if (it == sub.files.end()) {
        compiled[i].problem = files[i] + " is not in the submission";
      } else {
        compiled[i] = compile_student_file(ws, sandbox, slot, tools, files[i], it->second);
      }
    });
    std::map<std::string, CompiledFile> by_file;
    for (size_t i = 0; i < files.size(); ++i) by_file[files[i]] = std::move(compiled[i]);
    return by_file;
  }

  // One program per exercise; a file that failed, or a link that fails, means the stub.
  void link(const std::map<std::string, CompiledFile>& compiled) {
    result.exercises.resize(course.exercises.size());
    parallel_for(jobs, course.exercises.size(), [&](size_t e, int slot) {
      const Exercise& ex = course.exercises[e];
      ExerciseOutcome& out = result.exercises[e];
      out.exercise = &ex;
      std::map<std::string, std::string> objects;
      for (const std::string& f : ex.files) {
        const CompiledFile& c = compiled.at(f);
        objects[f] = c.object.empty() ? ex.stubs.at(f) : c.object;
        if (!c.problem.empty()) out.build_problem += c.problem + "\n";
      }
      if (!out.build_problem.empty()) out.build_problem += "This exercise was graded against the stub.";
      if (const std::string problem = link_exercise(ws, sandbox, slot, course, ex, objects); !problem.empty()) {
        out.build_problem += "Linking " + ex.id + " failed:\n" + problem + "\nThis exercise was graded against the stub.";
        if (const std::string again = link_exercise(ws, sandbox, slot, course, ex, ex.stubs); !again.empty()) {
          throw std::runtime_error("cannot link the stub program of " + ex.id + ":\n" + again);
        }
      }
    });
  }

  TestOutcome run_test(const Exercise& ex, const TestCase& test, double limit, int slot) {
    const std::string scratch = make_scratch(ws, sandbox, slot, "t");
    link_tree(ws.run + "/fixtures/" + ex.id, scratch + "/fixtures");  // run/fixtures itself is root-only
    RunSpec spec;
    spec.argv = {ws.run + "/bin/" + ex.id, "--gtest_filter=" + test.name, "--gtest_color=no"};
    spec.env = {"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + scratch, "TMPDIR=" + scratch, "LANG=C.UTF-8",
                "TL_NUM_THREADS=1", "OPENBLAS_NUM_THREADS=1", "OMP_NUM_THREADS=1"};  // parallel across tests
    spec.cwd = scratch;
    spec.slot = slot;
    spec.limits = test_limits(ex, limit);
    spec.test_name = test.name;
    const RunResult run = run_process(sandbox, spec);
    remove_tree(scratch);
    TestOutcome out;
    out.test = &test;
    out.seconds = run.wall_s;
    out.timed_out = run.timed_out;
    out.passed = run.pass_reported && run.exited_cleanly();
    out.output = out.passed ? cap_text(run.output, 2000) : explain_failure(run, limit);
    return out;
  }

  // Every test in its own process. Once three tests of an exercise have hit the time limit
  // (endless loops, sleeps), its remaining tests fail unrun: the time an exercise can take
  // stays bounded, while honest tests on a loaded machine, however slow to start, never count.
  void run_tests() {
    constexpr int kTimeoutsBeforeGivingUp = 3;
    std::vector<std::pair<size_t, size_t>> queue;  // (exercise, test)
    for (size_t e = 0; e < course.exercises.size(); ++e) {
      result.exercises[e].tests.resize(course.exercises[e].tests.size());
      for (size_t t = 0; t < course.exercises[e].tests.size(); ++t) queue.emplace_back(e, t);
    }
    std::mutex timeouts_mutex;
    std::vector<int> timeouts(course.exercises.size(), 0);
    std::atomic<size_t> done{0};
    parallel_for(jobs, queue.size(), [&](size_t q, int slot) {
      const auto [e, t] = queue[q];
      const Exercise& ex = course.exercises[e];
      TestOutcome& out = result.exercises[e].tests[t];
      const double limit = opt.timeout_s > 0 ? opt.timeout_s : ex.timeout_s;
      {
        std::lock_guard<std::mutex> lock(timeouts_mutex);
        if (timeouts[e] >= kTimeoutsBeforeGivingUp) {
          out.test = &ex.tests[t];
          char why[160];
          std::snprintf(why, sizeof why, "not run: %d tests of %s already ran past the time limit (%g s)",
                        kTimeoutsBeforeGivingUp, ex.id.c_str(), limit);
          out.output = why;
          return;
        }
      }
      out = run_test(ex, ex.tests[t], limit, slot);
      if (out.timed_out) {
        std::lock_guard<std::mutex> lock(timeouts_mutex);
        ++timeouts[e];
      }
      const size_t n = ++done;
      if (opt.progress && (n % 50 == 0 || n == queue.size())) std::fprintf(stderr, "  %zu/%zu tests run\n", n, queue.size());
    });
  }
};

// "timings: setup 0.1 s compile 5.2 s ...", one stage at a time.
struct Laps {
  double mark = now_s();
  std::string text = "timings:";
  void lap(const char* stage) {
    char buf[64];
    std::snprintf(buf, sizeof buf, " %s %.1f s", stage, now_s() - mark);
    text += buf;
    mark = now_s();
  }
};

}  // namespace

GradeResult grade_submission(const Course& course, const GradeOptions& opt) {
  const double start = now_s();
  GradeResult result;
  std::set<std::string> wanted;
  for (const Exercise& ex : course.exercises) wanted.insert(ex.files.begin(), ex.files.end());
  const Submission sub = read_submission(opt.submission, wanted);
  result.notes = course.notes;
  result.notes.insert(result.notes.end(), sub.notes.begin(), sub.notes.end());

  const Workspace ws = make_workspace(opt);
  const int jobs = std::max(1, opt.jobs);
  // Tests see neither the course nor the build, nor other submissions, nor results.
  std::vector<std::string> hide = {grade_config::kSourceDir, grade_config::kBinaryDir, parent_dir(opt.submission)};
  hide.insert(hide.end(), opt.hide.begin(), opt.hide.end());
  if (!ws.cache.empty()) hide.push_back(ws.cache);
  std::vector<Exposure> expose = {{grade_config::kPchDir, false}, {ws.run, true}};
  for (const std::string& dir : config_list(grade_config::kIncludeDirs)) expose.push_back({dir, false});
  try {
    const Sandbox sandbox(jobs, hide, expose);
    result.notes.push_back(sandbox.note());
    Laps laps;
    stage_runtime(course, ws);
    laps.lap("setup");
    Grading grading{course, opt, ws, sandbox, result, jobs};
    const std::map<std::string, CompiledFile> compiled = grading.compile(sub, wanted);
    laps.lap("compile");
    grading.link(compiled);
    laps.lap("link");
    grading.run_tests();
    laps.lap("tests");
    result.notes.push_back(laps.text);
  } catch (...) {
    if (opt.keep_work.empty()) remove_tree(ws.root);
    close(ws.lock_fd);
    throw;
  }
  if (opt.keep_work.empty()) remove_tree(ws.root);
  close(ws.lock_fd);
  result.seconds = now_s() - start;
  return result;
}

}  // namespace grade
