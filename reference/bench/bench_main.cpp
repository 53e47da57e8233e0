// main() of bench_tl (tl only) and, with TL_BENCH_WITH_TORCH, of bench_compare, which
// registers every case for tl and LibTorch side by side ("tl/<case>", "torch/<case>") so
// that both run in one process under the same conditions. Use
// --benchmark_enable_random_interleaving=true with repetitions to spread noise evenly.
#include "bench_main.h"

namespace {

void register_case(const std::string& backend, const std::string& name,
                   const std::function<void(benchmark::State&)>& fn) {
  benchmark::RegisterBenchmark((backend + "/" + name).c_str(), [fn](benchmark::State& s) { fn(s); })
      ->UseRealTime()  // several threads may work for one op: wall time is what counts
      ->Unit(benchmark::kMicrosecond);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<BackendCases> backends;
  backends.push_back(tl_cases());
#ifdef TL_BENCH_WITH_TORCH
  backends.push_back(torch_cases());
#endif
  for (const BackendCases& b : backends) benchmark::AddCustomContext(b.name + "_threads", b.threads);
  // Pairs next to each other: tl/<case>, torch/<case>, ...
  for (size_t i = 0; i < backends[0].cases.size(); ++i) {
    for (const BackendCases& b : backends) register_case(b.name, b.cases[i].first, b.cases[i].second);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
