#include "batch.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "files.h"
#include "runner.h"
#include "sandbox.h"
#include "submission.h"

namespace grade {
namespace fs = std::filesystem;
namespace {

struct Entry {
  std::string path, name;
  std::string error;       ///< why it has no results
  nlohmann::json results;  ///< null until graded
};

std::string strip_archive_ext(const std::string& name) {
  for (const char* ext : {".tar.gz", ".tgz", ".zip", ".tar"}) {
    const std::string e = ext;
    if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) {
      return name.substr(0, name.size() - e.size());
    }
  }
  return name;
}

// Output folder names: the entry's name without the archive extension, made safe.
std::string safe_name(const std::string& name) {
  std::string out;
  for (char c : name) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_') ? c : '_';
  return out.empty() || out[0] == '.' ? "_" + out : out;
}

std::vector<Entry> list_submissions(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) throw std::runtime_error("cannot read the folder " + dir);
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] != '.') names.push_back(e->d_name);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  std::vector<Entry> entries;
  std::set<std::string> used;
  for (const std::string& name : names) {
    const std::string path = dir + "/" + name;
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) continue;
    if (!S_ISDIR(st.st_mode) && !(S_ISREG(st.st_mode) && is_archive_name(name))) continue;
    std::string out = safe_name(strip_archive_ext(name));
    if (!used.insert(out).second) out = safe_name(name);  // "alice" and "alice.zip"
    entries.push_back({path, out, "", nullptr});
  }
  return entries;
}

// A finished results.json: complete JSON with a score and tests (a rename makes it appear).
nlohmann::json read_results(const std::string& path) {
  std::string text;
  if (!read_regular_file(path, 64u << 20, text)) return nullptr;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("score") || !j["score"].is_number() || !j.contains("tests") ||
      !j["tests"].is_array()) {
    return nullptr;
  }
  return j;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

void write_csv(const std::string& path, const std::vector<Entry>& entries, const Course& course) {
  std::string csv = "submission,total";
  for (const Exercise& ex : course.exercises) csv.append(",").append(csv_field(ex.id));
  csv += "\n";
  for (const Entry& e : entries) {
    if (e.results.is_null()) {  // not (yet) graded: a row with blank cells
      csv += csv_field(e.name) + std::string(course.exercises.size() + 1, ',') + "\n";
      continue;
    }
    std::map<int, double> per_exercise;
    for (const nlohmann::json& t : e.results["tests"]) {
      per_exercise[std::stoi(t.value("number", std::string("0")))] += t.value("score", 0.0);
    }
    csv += csv_field(e.name) + "," + number(e.results["score"].get<double>());
    for (const Exercise& ex : course.exercises) csv.append(",").append(number(per_exercise[ex.number]));
    csv += "\n";
  }
  write_file_atomic(path, csv);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : ",") + i;
  return out;
}

}  // namespace

int run_batch(const Cli& cli, const Course& course) {
  std::vector<Entry> entries = list_submissions(cli.input);
  make_dirs(cli.out, 0755);
  const std::string csv = cli.csv.empty() ? cli.out + "/grades.csv" : cli.csv;
  const std::string self = fs::read_symlink("/proc/self/exe").string();
  const Sandbox trusted(0, {}, {});  // the graders are trusted children: no uids needed
  int failures = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    Entry& e = entries[i];
    const std::string dir = cli.out + "/" + e.name;
    const std::string results_path = dir + "/results.json";
    const std::string tag = std::string("[").append(std::to_string(i + 1)).append("/").append(std::to_string(entries.size()))
                                .append("] ").append(e.name).append(": ");
    if (!cli.force && !(e.results = read_results(results_path)).is_null()) {
      std::printf("%s%s points (already graded)\n", tag.c_str(), number(e.results["score"].get<double>()).c_str());
      std::fflush(stdout);
      continue;
    }
    remove_tree(dir);  // whatever a killed run left behind
    make_dirs(dir, 0755);
    RunSpec spec;
    // Tests never see the class's submissions (hidden as the submission's folder), results or gradebook.
    spec.argv = {self,     e.path,  "--out",  results_path, "--jobs", std::to_string(cli.jobs),
                 "--quiet", "--hide", cli.out, "--hide", fs::absolute(csv).parent_path().string()};
    if (!cli.exercises.empty()) spec.argv.insert(spec.argv.end(), {"--exercises", join(cli.exercises)});
    if (cli.timeout_s > 0) spec.argv.insert(spec.argv.end(), {"--timeout", std::to_string(cli.timeout_s)});
    if (cli.cache.empty()) {
      spec.argv.push_back("--no-cache");
    } else {
      spec.argv.insert(spec.argv.end(), {"--cache", cli.cache});
    }
    for (const char* const* env = environ; *env != nullptr; ++env) spec.env.push_back(*env);
    spec.cwd = fs::current_path().string();
    spec.confined = false;
    spec.limits.wall_s = cli.submission_timeout_s;
    spec.limits.memory_bytes = 0;
    spec.limits.file_bytes = 1LL << 34;
    spec.limits.processes = 4096;
    const RunResult run = run_process(trusted, spec);
    e.results = read_results(results_path);
    if (e.results.is_null()) {
      ++failures;
      std::string why = run.output;
      while (!why.empty() && why.back() == '\n') why.pop_back();
      std::printf("%sERROR: not graded (%s)%s%s\n", tag.c_str(), run.describe(spec.limits.wall_s).c_str(),
                  why.empty() ? "" : ": ", cap_text(why, 500).c_str());
    } else {
      std::printf("%s%s points (%.1f s)\n", tag.c_str(), number(e.results["score"].get<double>()).c_str(), run.wall_s);
    }
    std::fflush(stdout);
    write_csv(csv, entries, course);
  }
  write_csv(csv, entries, course);
  std::printf("batch: %zu submissions, %d not graded; gradebook %s\n", entries.size(), failures, csv.c_str());
  return failures == 0 ? 0 : 1;
}

}  // namespace grade
