// The notebook replays against PyTorch 1.13.1: runs bin/notebook_00 and bin/exercises_00,
// splits their output at the `=== cell N: title ===` / `=== exercise N: title ===` headers
// and compares each cell with what the same cell shows in Python (fixtures/notebook.json and
// fixtures/exercises.json from tools/fixtures/gen_notebook.py), whitespace at line ends aside.
//
// Fixture flags: `skip` (output cannot repeat: versions, unseeded random numbers, nvidia-smi),
// `timed` (drop the %%time lines), `on_cuda` (when the programs ran on a GPU: "skip" the
// cell, or "strip_device" the `device='cuda:0'` suffixes first), `tl_output` (what tl prints
// where it differs from the notebook on purpose, e.g. no grad_fn without autograd).
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/fixtures.h"
#if __has_include(<tl/cuda.h>)
#include "tl/cuda.h"
#endif

#ifndef TL_NOTEBOOK_00_EXE
#error "TL_NOTEBOOK_00_EXE must name bin/notebook_00 (set in reference/examples/CMakeLists.txt)"
#endif
#ifndef TL_EXERCISES_00_EXE
#error "TL_EXERCISES_00_EXE must name bin/exercises_00 (set in reference/examples/CMakeLists.txt)"
#endif

namespace {

using nlohmann::json;

struct Run {
  std::string out;  // everything the program wrote to stdout
  int status = -1;  // its exit code, or -1 when it did not exit normally
};

// Runs `path` and captures its stdout (stderr goes to the test's own stderr).
Run run_program(const std::string& path) {
  Run r;
  FILE* p = popen(("'" + path + "'").c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int st = pclose(p);
  r.status = (st != -1 && WIFEXITED(st)) ? WEXITSTATUS(st) : -1;
  return r;
}

bool cuda_available() {
#if __has_include(<tl/cuda.h>)
  return tl::cuda::is_available();
#else
  try {
    (void)tl::empty({1}, tl::TensorOptions(tl::Device(tl::kCUDA)));
    return true;
  } catch (const tl::Error&) {
    return false;
  }
#endif
}

struct Cell {
  int number = 0;
  std::string title;
  std::string text;
};

// Splits a program's output at the cell headers (`kind` is "cell" or "exercise").
std::vector<Cell> split_cells(const std::string& out, const std::string& kind) {
  const std::regex header("^=== " + kind + " ([0-9]+): (.*) ===$");
  std::vector<Cell> cells;
  std::istringstream in(out);
  std::string line;
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_match(line, m, header)) {
      cells.push_back({std::stoi(m[1].str()), m[2].str(), ""});
    } else if (!cells.empty()) {
      cells.back().text += line + "\n";
    }
  }
  return cells;
}

// Lines without trailing whitespace and without trailing empty lines; `timed` drops the
// %%time lines, whose numbers never repeat.
std::vector<std::string> normalise(const std::string& text, bool timed) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    line.erase(line.find_last_not_of(" \t\r") + 1);
    if (timed && (line.rfind("CPU times: ", 0) == 0 || line.rfind("Wall time: ", 0) == 0)) continue;
    lines.push_back(line);
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

// Empty when `actual` shows the same text as `expected`, else where and how they first differ.
std::optional<std::string> compare_text(const std::string& expected, const std::string& actual, bool timed) {
  const auto e = normalise(expected, timed), a = normalise(actual, timed);
  for (size_t i = 0; i < std::max(e.size(), a.size()); ++i) {
    if (i < e.size() && i < a.size() && e[i] == a[i]) continue;
    std::ostringstream msg;
    msg << "first difference at output line " << i + 1 << "\n  expected: "
        << (i < e.size() ? "\"" + e[i] + "\"" : "(no more lines)") << "\n  actual:   "
        << (i < a.size() ? "\"" + a[i] + "\"" : "(no more lines)") << "\n--- expected (PyTorch) ---\n"
        << expected << "--- actual (tl) ---\n" << actual;
    return msg.str();
  }
  return std::nullopt;
}

// Compares a program's output with its fixture cell by cell; returns how many were compared.
int check_cells(const std::string& fixture, const std::string& exe, const std::string& kind) {
  const json data = tl::testing::load_fixture(fixture);
  const Run run = run_program(exe);
  EXPECT_EQ(run.status, 0) << exe << " did not finish cleanly; its output ends with:\n"
                           << run.out.substr(run.out.size() > 2000 ? run.out.size() - 2000 : 0);
  const std::vector<Cell> cells = split_cells(run.out, kind);
  const bool on_cuda = cuda_available();

  std::vector<int> want_order, got_order;
  for (const json& c : data.at("cells")) want_order.push_back(c.at("number").get<int>());
  for (const Cell& c : cells) got_order.push_back(c.number);
  EXPECT_EQ(got_order, want_order) << exe << " must print one header per " << kind << ", in the notebook's order";

  std::map<int, const Cell*> by_number;
  for (const Cell& c : cells) by_number[c.number] = &c;
  int compared = 0;
  for (const json& c : data.at("cells")) {
    const int number = c.at("number").get<int>();
    const std::string title = c.at("title").get<std::string>();
    SCOPED_TRACE(kind + " " + std::to_string(number) + ": " + title);
    const auto it = by_number.find(number);
    if (it == by_number.end()) {
      ADD_FAILURE() << exe << " printed no header for this " << kind;
      continue;
    }
    EXPECT_EQ(it->second->title, title) << "header title differs from the fixture's";
    if (c.contains("skip")) continue;
    const std::string on_cuda_rule = c.value("on_cuda", "");
    if (on_cuda && on_cuda_rule == "skip") continue;
    std::string actual = it->second->text;
    if (on_cuda && on_cuda_rule == "strip_device") {
      actual = std::regex_replace(actual, std::regex(",\\s*device='cuda:[0-9]+'"), "");
    }
    const std::string expected = c.contains("tl_output") ? c["tl_output"].get<std::string>() : c["output"].get<std::string>();
    if (const auto diff = compare_text(expected, actual, c.value("timed", false))) ADD_FAILURE() << *diff;
    ++compared;
  }
  return compared;
}

TEST(NotebookCompare, ReportsTheFirstDifferingLine) {
  EXPECT_FALSE(compare_text("tensor([1, 2])\n", "tensor([1, 2])   \n\n", false));
  const auto diff = compare_text("(tensor(90),\n tensor(0))\n", "(tensor(90),\n tensor(1))\n", false);
  ASSERT_TRUE(diff);
  EXPECT_NE(diff->find("line 2"), std::string::npos) << *diff;
  EXPECT_NE(diff->find("\" tensor(0))\""), std::string::npos) << *diff;
  EXPECT_TRUE(compare_text("a\n", "a\nb\n", false));  // an extra line is a difference
  EXPECT_TRUE(compare_text("a\nb\n", "a\n", false));  // so is a missing one
  EXPECT_FALSE(compare_text("CPU times: user 1 ms\nWall time: 2 ms\ntensor(14)\n",
                            "CPU times: user 9 µs, sys: 0 ns, total: 9 µs\nWall time: 5 µs\ntensor(14)\n", true));
  EXPECT_TRUE(compare_text("Wall time: 2 ms\ntensor(14)\n", "Wall time: 2 ms\ntensor(15)\n", true));
}

TEST(NotebookCompare, SplitsAtCellHeaders) {
  const auto cells = split_cells("=== cell 1: a ===\nx\n=== cell 2: b c ===\ny\nz\n", "cell");
  ASSERT_EQ(cells.size(), 2u);
  EXPECT_EQ(cells[0].number, 1);
  EXPECT_EQ(cells[0].text, "x\n");
  EXPECT_EQ(cells[1].title, "b c");
  EXPECT_EQ(cells[1].text, "y\nz\n");
}

TEST(Notebook, EveryDeterministicCellPrintsWhatPytorchShows) {
  const int compared = check_cells("notebook.json", TL_NOTEBOOK_00_EXE, "cell");
  EXPECT_GE(compared, 60) << "too few cells compared: is the fixture complete?";
}

TEST(Exercises, SolutionsPrintWhatPytorchShows) {
  const int compared = check_cells("exercises.json", TL_EXERCISES_00_EXE, "exercise");
  EXPECT_GE(compared, 6);
}

}  // namespace
