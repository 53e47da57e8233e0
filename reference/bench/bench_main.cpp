// main() of bench_tl (tl only) and, with TL_BENCH_WITH_TORCH, of bench_compare, which runs
// every case through tl and LibTorch side by side in one process.
//
// The machine these run on may be busy, so bench_compare measures in pairs: with
// --rounds=N every case is registered N times as "tl/<case>@<r>" and "torch/<case>@<r>",
// the two of a pair run one right after the other (alternating which goes first, from
// round --first-round=K on), and the rounds are spread over the whole run.
// tools/bench/run.py takes the median over the rounds of each pair's ratio. Other flags are
// Google Benchmark's.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "bench_main.h"

namespace {

void register_case(const std::string& name, const std::function<void(benchmark::State&)>& fn) {
  benchmark::RegisterBenchmark(name.c_str(), [fn](benchmark::State& s) { fn(s); })
      ->UseRealTime()  // several threads may work for one op: wall time is what counts
      ->Unit(benchmark::kMicrosecond);
}

// Removes `--<name>=N` from argv and returns N (`fallback` without it; at least `least`).
int take_flag(int& argc, char** argv, const char* name, int fallback, int least) {
  const std::string prefix = std::string("--") + name + "=";
  int value = fallback, out = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], prefix.c_str(), prefix.size()) == 0) value = std::max(least, std::atoi(argv[i] + prefix.size()));
    else argv[out++] = argv[i];
  }
  argc = out;
  return value;
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = take_flag(argc, argv, "rounds", 1, 1);
  // The number of the first round, when the rounds are spread over several processes: it
  // keeps the alternation of which library goes first across them.
  const int first_round = take_flag(argc, argv, "first-round", 0, 0);
  std::vector<BackendCases> backends;
  backends.push_back(tl_cases());
  if (const char* serial = std::getenv("TL_BENCH_SERIAL"); serial != nullptr && std::atoi(serial) != 0)
    backends.push_back(tl_serial_cases());
#ifdef TL_BENCH_WITH_TORCH
  backends.push_back(torch_cases());
#endif
  for (const BackendCases& b : backends) benchmark::AddCustomContext(b.name + "_threads", b.threads);
  benchmark::AddCustomContext("rounds", std::to_string(rounds));
  for (int r = 0; r < rounds; ++r) {
    for (size_t i = 0; i < backends[0].cases.size(); ++i) {
      for (size_t k = 0; k < backends.size(); ++k) {
        const BackendCases& b = backends[(first_round + r) % 2 == 0 ? k : backends.size() - 1 - k];
        const auto& [name, fn] = b.cases[i];
        register_case(b.name + "/" + name + (rounds > 1 ? "@" + std::to_string(r) : ""), fn);
      }
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
