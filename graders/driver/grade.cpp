#include "grade.h"

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

// Private folders for one grading: root-only except run/, the one part tests can reach.
Workspace make_workspace(const GradeOptions& opt) {
  Workspace ws;
  if (!opt.keep_work.empty()) {
    remove_tree(opt.keep_work);
    make_dirs(opt.keep_work, 0711);
    ws.root = fs::canonical(opt.keep_work).string();
  } else {
    const char* tmp = std::getenv("TMPDIR");
    ws.root = make_temp_dir(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp", "tl-grade-");
    if (chmod(ws.root.c_str(), 0711) != 0) throw std::runtime_error("cannot chmod " + ws.root);
  }
  ws.private_ = ws.root + "/private";
  ws.run = ws.root + "/run";
  make_dirs(ws.private_, 0700);
  make_dirs(ws.run, 0711);
  make_dirs(ws.run + "/bin", 0711);
  make_dirs(ws.run + "/lib", 0755);
  make_dirs(ws.run + "/fixtures", 0755);
  make_dirs(ws.run + "/scratch", 0711);
  const std::string cache = opt.cache == "default" ? grade_config::kCacheDir : opt.cache;
  if (!cache.empty()) {
    make_dirs(cache, 0700);
    struct stat st {};
    // Never trust objects from a cache someone else could have written.
    if (stat(cache.c_str(), &st) == 0 && st.st_uid == geteuid() && (st.st_mode & 077) == 0) ws.cache = cache;
  }
  return ws;
}

void stage_runtime(const Course& course, const Workspace& ws) {
  copy_file(course.tl_library, ws.run + "/lib/" + course.tl_soname, 0755);
  std::error_code ec;
  const fs::path fixtures = grade_config::kFixtureDir;
  for (auto it = fs::recursive_directory_iterator(fixtures, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const std::string target = ws.run + "/fixtures/" + fs::relative(it->path(), fixtures).string();
    if (it->is_directory()) {
      make_dirs(target, 0755);
    } else if (it->is_regular_file()) {
      copy_file(it->path().string(), target, 0644);
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

GradeResult grade_submission(const Course& course, const GradeOptions& opt) {
  const double start = now_s();
  GradeResult result;
  std::set<std::string> wanted;
  for (const Exercise& ex : course.exercises) wanted.insert(ex.files.begin(), ex.files.end());
  Submission sub = read_submission(opt.submission, wanted);
  result.notes = course.notes;
  result.notes.insert(result.notes.end(), sub.notes.begin(), sub.notes.end());

  const Workspace ws = make_workspace(opt);
  const int jobs = std::max(1, opt.jobs);
  std::vector<std::string> hide = {grade_config::kSourceDir, grade_config::kBinaryDir, parent_dir(opt.submission)};
  hide.insert(hide.end(), opt.hide.begin(), opt.hide.end());
  if (!ws.cache.empty()) hide.push_back(ws.cache);
  std::vector<Exposure> expose = {{grade_config::kPchDir, false}, {ws.run, true}};
  for (const std::string& dir : config_list(grade_config::kIncludeDirs)) expose.push_back({dir, false});
  try {
    Sandbox sandbox(jobs, hide, expose);
    result.notes.push_back(sandbox.note());
    stage_runtime(course, ws);

    double mark = now_s();
    std::string timings = "timings:";
    auto lap = [&](const char* stage) {
      char buf[64];
      std::snprintf(buf, sizeof buf, " %s %.1f s", stage, now_s() - mark);
      timings += buf;
      mark = now_s();
    };
    lap("setup");

    // Compile every student file (the same file serves every exercise that lists it).
    const Toolchain tools = load_toolchain(course);
    if (!tools.note.empty()) result.notes.push_back(tools.note);
    std::vector<std::string> files(wanted.begin(), wanted.end());
    std::vector<CompiledFile> compiled(files.size());
    parallel_for(jobs, files.size(), [&](size_t i, int slot) {
      const auto it = sub.files.find(files[i]);
      if (it == sub.files.end()) {
        compiled[i].problem = files[i] + " is not in the submission";
      } else {
        compiled[i] = compile_student_file(ws, sandbox, slot, tools, files[i], it->second);
      }
    });
    lap("compile");
    std::map<std::string, const CompiledFile*> by_file;
    for (size_t i = 0; i < files.size(); ++i) by_file[files[i]] = &compiled[i];

    // Link one program per exercise; a file that failed is replaced by its stub.
    result.exercises.resize(course.exercises.size());
    parallel_for(jobs, course.exercises.size(), [&](size_t e, int slot) {
      const Exercise& ex = course.exercises[e];
      ExerciseOutcome& out = result.exercises[e];
      out.exercise = &ex;
      std::map<std::string, std::string> objects, stubs;
      for (const std::string& f : ex.files) {
        const CompiledFile& c = *by_file.at(f);
        objects[f] = c.object.empty() ? ex.stubs.at(f) : c.object;
        stubs[f] = ex.stubs.at(f);
        if (!c.problem.empty()) out.build_problem += c.problem + "\n";
      }
      if (!out.build_problem.empty()) out.build_problem += "This exercise was graded against the stub.";
      if (const std::string problem = link_exercise(ws, sandbox, slot, course, ex, objects); !problem.empty()) {
        out.build_problem += "Linking " + ex.id + " failed:\n" + problem + "\nThis exercise was graded against the stub.";
        if (const std::string again = link_exercise(ws, sandbox, slot, course, ex, stubs); !again.empty()) {
          throw std::runtime_error("cannot link the stub program of " + ex.id + ":\n" + again);
        }
      }
    });

    lap("link");

    // Every test in its own process; an exercise whose tests keep timing out stops early.
    struct Job {
      size_t exercise, test;
    };
    std::vector<Job> queue;
    for (size_t e = 0; e < course.exercises.size(); ++e) {
      result.exercises[e].tests.resize(course.exercises[e].tests.size());
      for (size_t t = 0; t < course.exercises[e].tests.size(); ++t) queue.push_back({e, t});
    }
    std::mutex budget_mutex;
    std::vector<double> spent(course.exercises.size(), 0.0);
    std::atomic<size_t> done{0};
    parallel_for(jobs, queue.size(), [&](size_t q, int slot) {
      const Exercise& ex = course.exercises[queue[q].exercise];
      const TestCase& test = ex.tests[queue[q].test];
      TestOutcome& out = result.exercises[queue[q].exercise].tests[queue[q].test];
      out.test = &test;
      const double limit = opt.timeout_s > 0 ? opt.timeout_s : ex.timeout_s;
      const double budget = 3 * limit;  // honest tests take milliseconds
      {
        std::lock_guard<std::mutex> lock(budget_mutex);
        if (spent[queue[q].exercise] >= budget) {
          out.output = "not run: the tests of " + ex.id + " used up their time budget (" + std::to_string(int(budget)) + " s)";
          return;
        }
      }
      const std::string scratch = make_scratch(ws, sandbox, slot, "t");
      symlink((ws.run + "/fixtures").c_str(), (scratch + "/fixtures").c_str());
      RunSpec spec;
      spec.argv = {ws.run + "/bin/" + ex.id, "--gtest_filter=" + test.name, "--gtest_color=no"};
      spec.env = {"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + scratch, "TMPDIR=" + scratch, "LANG=C.UTF-8",
                  "OPENBLAS_NUM_THREADS=1", "OMP_NUM_THREADS=1"};
      spec.cwd = scratch;
      spec.slot = slot;
      spec.limits = test_limits(ex, limit);
      spec.test_name = test.name;
      const RunResult run = run_process(sandbox, spec);
      remove_tree(scratch);
      out.seconds = run.wall_s;
      out.passed = run.pass_reported && run.exited_cleanly();
      out.output = out.passed ? cap_text(run.output, 2000) : explain_failure(run, limit);
      {
        std::lock_guard<std::mutex> lock(budget_mutex);
        spent[queue[q].exercise] += run.wall_s;
      }
      const size_t n = ++done;
      if (opt.progress && (n % 50 == 0 || n == queue.size())) std::fprintf(stderr, "  %zu/%zu tests run\n", n, queue.size());
    });
    lap("tests");
    result.notes.push_back(timings);
  } catch (...) {
    if (opt.keep_work.empty()) remove_tree(ws.root);
    throw;
  }
  if (opt.keep_work.empty()) remove_tree(ws.root);
  result.seconds = now_s() - start;
  return result;
}

}  // namespace grade
