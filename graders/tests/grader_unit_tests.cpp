// Unit tests of tl-grade's parts: points split, rubric patterns, the student-object policy,
// safe submission reading, and the process runner with the harness protocol.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "build.h"
#include "course.h"
#include "elf_policy.h"
#include "files.h"
#include "grade_config.h"
#include "runner.h"
#include "sandbox.h"
#include "submission.h"

namespace fs = std::filesystem;
using namespace grade;

namespace {

// A private temp folder, removed at the end of the test.
struct TempDir {
  std::string path = make_temp_dir(fs::temp_directory_path().string(), "tl-grade-unit-");
  TempDir() { chmod(path.c_str(), 0755); }
  ~TempDir() { remove_tree(path); }
  std::string file(const std::string& name, const std::string& content) const {
    const std::string p = path + "/" + name;
    fs::create_directories(fs::path(p).parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
};

// ---- points and rubric ----------------------------------------------------------------

TEST(SplitPoints, PartsAddUpExactly) {
  std::vector<TestCase> tests(3);
  split_points(10, tests);
  double sum = 0;
  for (const TestCase& t : tests) sum += t.max_score;
  EXPECT_NEAR(sum, 10, 1e-9);
  EXPECT_NEAR(tests[0].max_score, 3.3333, 1e-9);
}

TEST(SplitPoints, ByWeightAndZeroWeights) {
  std::vector<TestCase> tests = {{"A.a", 2, 0, ""}, {"A.b", 0, 0, ""}, {"A.c", 1, 0, ""}, {"A.d", 1, 0, ""}};
  split_points(5, tests);
  EXPECT_DOUBLE_EQ(tests[0].max_score, 2.5);
  EXPECT_DOUBLE_EQ(tests[1].max_score, 0);
  EXPECT_DOUBLE_EQ(tests[2].max_score + tests[3].max_score, 2.5);
}

TEST(Rubric, GlobPatterns) {
  EXPECT_TRUE(rubric_matches("*.Notebook*", "ItemByHand.NotebookScalar"));
  EXPECT_TRUE(rubric_matches("Suite.*", "Suite.Name"));
  EXPECT_FALSE(rubric_matches("Suite.*", "Other.Name"));
  EXPECT_FALSE(rubric_matches("*.Notebook*", "Notebook.Other"));
}

// ---- the student-object policy ----------------------------------------------------------

// What the graded programs' shared libraries export (from a reference program of the build).
const std::set<std::string>& exports() {
  static const std::set<std::string> names = [] {
    const nlohmann::json index = nlohmann::json::parse(read_trusted_file(grade_config::kIndex));
    return library_exports(index["exercises"].begin()->at("reference").get<std::string>());
  }();
  return names;
}

TEST(ElfPolicy, LibraryExportsAreListed) {
  EXPECT_TRUE(exports().count("read"));
  EXPECT_TRUE(exports().count("malloc"));
  EXPECT_TRUE(exports().count("_Znwm"));  // operator new(size_t), from libstdc++
  EXPECT_FALSE(exports().count("_Z13global_helperi"));
}

std::string compile_snippet(const TempDir& dir, const std::string& source) {
  const std::string src = dir.file("snippet.cpp", source);
  const std::string obj = dir.path + "/snippet.o";
  std::string cmd = std::string(grade_config::kCxx) + " -std=c++20 -O1 -fPIC -c " + src + " -o " + obj + " 2>&1";
  for (const std::string& d : config_list(grade_config::kIncludeDirs)) cmd += " -I" + d;
  EXPECT_EQ(std::system(cmd.c_str()), 0) << source;
  return obj;
}

TEST(ElfPolicy, CourseCodeAndTemplatesAreFine) {
  TempDir dir;
  const std::string obj = compile_snippet(dir, R"(
    #include <string>
    #include <vector>
    namespace course {
    struct Shape { int n; int size() const { return n; } };
    int count(const std::vector<long>& v) { static int calls = 0; ++calls; return static_cast<int>(v.size()) + calls; }
    std::string name() { try { return std::to_string(count({1, 2})); } catch (...) { throw; } }
    int use(const Shape& s) { return s.size(); }
    }
    namespace { int helper() { return 3; } }
    int global_helper(int x) { return x + helper(); }     // outside namespace course: fine
    namespace mine { int other(int x) { return x; } }
    extern "C" int c_helper() { return 1; }               // no library has it
  )");
  EXPECT_EQ(check_student_object(obj, exports()), "");
}

TEST(ElfPolicy, RefusesEarlyOrInterposingCode) {
  TempDir dir;
  const std::map<std::string, std::string> cases = {
      {"preinit", "static void f(int, char**, char**) {}\n"
                  "__attribute__((section(\".preinit_array\"), used)) void (*p)(int, char**, char**) = f;"},
      {"ifunc", "extern \"C\" { static int impl() { return 1; } static void* resolve() { return (void*)impl; } }\n"
                "namespace course { int pick() __attribute__((ifunc(\"_ZN6course7resolverEv\"))); }\n"
                "namespace course { extern \"C\" void* _ZN6course7resolverEv() { return resolve(); } }"},
      {"global C function", "#include <cstddef>\nextern \"C\" long read(int, void*, std::size_t) { return 0; }"},
      {"weak C function", "#include <cstddef>\nextern \"C\" __attribute__((weak)) void* malloc(std::size_t) { return 0; }"},
      {"operator new", "#include <cstdlib>\n#include <new>\nvoid* operator new(std::size_t n) { return std::malloc(n); }"},
      {"libstdc++ function", "#include <exception>\nnamespace std { int uncaught_exceptions() noexcept { return 0; } }"},
      {"libtensorlings function", "#include <tl/tl.h>\nnamespace tl { Tensor zeros(IntArrayRef, const TensorOptions&) { return {}; } }"},
  };
  for (const auto& [what, source] : cases) {
    EXPECT_NE(check_student_object(compile_snippet(dir, source), exports()), "") << what << " was accepted";
  }
}

TEST(ElfPolicy, RejectsNonObjects) {
  TempDir dir;
  EXPECT_NE(check_student_object(dir.file("x.o", "not an ELF file"), exports()), "");
  EXPECT_NE(check_student_object(dir.path + "/missing.o", exports()), "");
}

// ---- reading submissions ----------------------------------------------------------------

struct ArchiveEntry {
  std::string path, content;
  unsigned type = AE_IFREG;
  std::string link;  // symlink target
};

std::string write_archive(const TempDir& dir, const std::string& name, const std::vector<ArchiveEntry>& entries) {
  const std::string path = dir.path + "/" + name;
  archive* a = archive_write_new();
  if (name.ends_with(".zip")) {
    archive_write_set_format_zip(a);
  } else {
    archive_write_add_filter_gzip(a);
    archive_write_set_format_pax_restricted(a);
  }
  EXPECT_EQ(archive_write_open_filename(a, path.c_str()), ARCHIVE_OK);
  for (const ArchiveEntry& e : entries) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, e.path.c_str());
    archive_entry_set_filetype(entry, e.type);
    archive_entry_set_perm(entry, 0644);
    if (!e.link.empty()) archive_entry_set_symlink(entry, e.link.c_str());
    archive_entry_set_size(entry, static_cast<la_int64_t>(e.type == AE_IFREG ? e.content.size() : 0));
    archive_write_header(a, entry);
    if (e.type == AE_IFREG) archive_write_data(a, e.content.data(), e.content.size());
    archive_entry_free(entry);
  }
  archive_write_close(a);
  archive_write_free(a);
  return path;
}

const std::set<std::string> kWanted = {"course/src/a.cpp", "course/src/b.cpp"};

TEST(Submission, FolderNestedOneLevel) {
  TempDir dir;
  dir.file("sub/student/course/src/a.cpp", "int a;");
  dir.file("sub/student/course/src/notes.txt", "ignored");
  dir.file("sub/student/README.md", "ignored");
  const Submission s = read_submission(dir.path + "/sub", kWanted);
  EXPECT_EQ(s.root, "student/");
  ASSERT_EQ(s.files.size(), 1u);
  EXPECT_EQ(s.files.at("course/src/a.cpp"), "int a;");
}

TEST(Submission, FolderSymlinksAreNotFollowed) {
  TempDir dir;
  const std::string secret = dir.file("secret.cpp", "the hidden suite");
  dir.file("sub/course/src/b.cpp", "int b;");
  fs::create_symlink(secret, dir.path + "/sub/course/src/a.cpp");
  const Submission s = read_submission(dir.path + "/sub", kWanted);
  EXPECT_EQ(s.files.count("course/src/a.cpp"), 0u);
  EXPECT_EQ(s.files.at("course/src/b.cpp"), "int b;");
}

TEST(Submission, TarGzWithUnsafeEntries) {
  TempDir dir;
  const std::string path = write_archive(dir, "s.tar.gz",
                                         {{"../course/src/a.cpp", "escape"},
                                          {"/abs/course/src/a.cpp", "absolute"},
                                          {"repo/course/src/a.cpp", "", AE_IFLNK, "/etc/passwd"},
                                          {"repo/course/src/b.cpp", "int b;"},
                                          {"repo/course/src/x.cpp", "not wanted"}});
  const Submission s = read_submission(path, kWanted);
  EXPECT_EQ(s.root, "repo/");
  EXPECT_EQ(s.files.count("course/src/a.cpp"), 0u);
  EXPECT_EQ(s.files.at("course/src/b.cpp"), "int b;");
  std::string notes;
  for (const std::string& n : s.notes) notes += n + "\n";
  EXPECT_NE(notes.find("'..' paths"), std::string::npos) << notes;
  EXPECT_NE(notes.find("not a regular file"), std::string::npos) << notes;
}

TEST(Submission, ZipPicksTheFolderWithMostFiles) {
  TempDir dir;
  const std::string path = write_archive(dir, "s.zip",
                                         {{"old/course/src/a.cpp", "old a"},
                                          {"new/course/src/a.cpp", "new a"},
                                          {"new/course/src/b.cpp", "new b"}});
  const Submission s = read_submission(path, kWanted);
  EXPECT_EQ(s.root, "new/");
  EXPECT_EQ(s.files.at("course/src/a.cpp"), "new a");
}

TEST(Submission, OversizedAndBombsStopAtTheCaps) {
  TempDir dir;
  SubmissionLimits limits;
  limits.max_file_bytes = 100;
  limits.max_total_bytes = 1 << 20;
  const std::string path = write_archive(dir, "s.tar.gz",
                                         {{"course/src/a.cpp", std::string(101, 'x')},
                                          {"filler.bin", std::string(2 << 20, '\0')},
                                          {"course/src/b.cpp", "after the bomb"}});
  const Submission s = read_submission(path, kWanted, limits);
  EXPECT_TRUE(s.files.empty());
  std::string notes;
  for (const std::string& n : s.notes) notes += n + "\n";
  EXPECT_NE(notes.find("larger than 100 bytes"), std::string::npos) << notes;
  EXPECT_NE(notes.find("stopped reading"), std::string::npos) << notes;
}

TEST(Submission, MissingOrGarbage) {
  TempDir dir;
  EXPECT_THROW(read_submission(dir.path + "/nope", kWanted), std::runtime_error);
  EXPECT_THROW(read_submission(dir.file("junk.zip", "this is not a zip"), kWanted), std::runtime_error);
}

// ---- the runner -------------------------------------------------------------------------

struct RunnerTest : testing::Test {
  TempDir dir;
  Sandbox sandbox{1, {}, {{dir.path, true}}};

  RunResult sh(const std::string& script, double wall = 5, Limits limits = {}) {
    RunSpec spec;
    spec.argv = {"/bin/sh", "-c", script};
    spec.env = {"PATH=/usr/bin:/bin"};
    spec.cwd = make_scratch(Workspace{dir.path, dir.path, dir.path, ""}, sandbox, 0, "u");
    limits.wall_s = wall;
    spec.limits = limits;
    return run_process(sandbox, spec);
  }
  void SetUp() override { make_dirs(dir.path + "/scratch", 0755); }
};

TEST_F(RunnerTest, ExitStatusAndOutput) {
  const RunResult r = sh("echo hello; echo oops >&2; exit 3");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.output, "hello\noops\n");
  EXPECT_FALSE(r.exited_cleanly());
}

TEST_F(RunnerTest, WallTimeLimitKillsPromptly) {
  const double start = now_s();
  const RunResult r = sh("sleep 100", 0.5);
  EXPECT_TRUE(r.timed_out);
  EXPECT_LT(now_s() - start, 3);
  EXPECT_EQ(r.describe(0.5), "timed out after 0.5 s");
}

TEST_F(RunnerTest, OutputIsCappedAndFloodsAreKilled) {
  Limits limits;
  limits.output_cap = 1000;
  limits.flood_bytes = 4 << 20;
  const RunResult r = sh("yes", 20, limits);
  EXPECT_TRUE(r.flooded);
  EXPECT_EQ(r.output.size(), 1000u);
  EXPECT_LT(r.wall_s, 10);
}

TEST_F(RunnerTest, DescendantsDoNotOutliveTheRun) {
  const std::string marker = dir.path + "/late";
  const double start = now_s();
  const RunResult r = sh("(setsid sh -c 'sleep 2; touch " + marker + "' &) ; exit 0");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_LT(now_s() - start, 1.9) << "the run waited for its background process";
  sleep(3);
  EXPECT_FALSE(fs::exists(marker)) << "a background process survived the run";
}

TEST_F(RunnerTest, SignalsAreNamed) {
  const RunResult r = sh("kill -SEGV $$");
  EXPECT_EQ(r.signal, SIGSEGV);
  EXPECT_NE(r.describe(5).find("SIGSEGV"), std::string::npos);
}

TEST_F(RunnerTest, InheritedFdsAreClosed) {
  const RunResult r = sh("ls /proc/self/fd | wc -l");
  EXPECT_EQ(r.output.substr(0, 2), "4\n") << r.output;  // 0, 1, 2 and ls's own directory fd
}

TEST_F(RunnerTest, DedicatedUidWhenRoot) {
  if (!sandbox.privileged()) GTEST_SKIP() << "not root";
  const RunResult r = sh("id -u; cat /etc/shadow >/dev/null 2>&1 && echo readable");
  EXPECT_EQ(r.output, std::to_string(sandbox.uid(0)) + "\n");
}

// The harness protocol, against a program the build linked with the reference solution.
TEST_F(RunnerTest, HarnessPassLineNeedsTheSecretAndTheRightTest) {
  const nlohmann::json index = nlohmann::json::parse(read_trusted_file(grade_config::kIndex));
  ASSERT_FALSE(index["exercises"].empty());
  const auto& ex = *index["exercises"].begin();
  std::ifstream list(ex["tests"].get<std::string>());
  std::string first, second;
  std::getline(list, first);
  std::getline(list, second);
  const std::string program = ex["reference"];
  // As root the sandbox gives each test a private /tmp, so a build tree below /tmp is out of
  // reach of this bare runner; the driver itself exposes the program and its library
  // (grader.reference and grader.hostile check the same protocol end to end there).
  if (sandbox.privileged() && program.rfind("/tmp/", 0) == 0) {
    GTEST_SKIP() << "build tree under /tmp is hidden by the sandbox's private /tmp";
  }

  auto run_test = [&](const std::string& filter, const std::string& claimed) {
    RunSpec spec;
    spec.argv = {program, "--gtest_filter=" + filter};
    spec.env = {"PATH=/usr/bin:/bin"};
    if (grade_config::kSanitized) spec.limits.memory_bytes = 0;  // ASan reserves terabytes, as in grade.cpp
    spec.cwd = make_scratch(Workspace{dir.path, dir.path, dir.path, ""}, sandbox, 0, "h");
    fs::create_symlink(grade_config::kFixtureDir, spec.cwd + "/fixtures");
    spec.test_name = claimed;
    return run_process(sandbox, spec);
  };
  const RunResult good = run_test(first, first);
  EXPECT_TRUE(good.pass_reported && good.exited_cleanly()) << good.output << good.describe(10);
  EXPECT_FALSE(run_test(first, second).pass_reported) << "a PASS for another test than the one that ran";
  EXPECT_FALSE(run_test("NoSuch.Test", "NoSuch.Test").pass_reported) << "a PASS with no test run";
  EXPECT_FALSE(run_test(first + ":" + second, first).pass_reported) << "a PASS with two tests run";
}

}  // namespace
