#pragma once
// What each backend's case file hands to main: its cases and its thread count.
#include <functional>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

struct BackendCases {
  std::string name;  // "tl" or "torch": the benchmark names' prefix
  std::vector<std::pair<std::string, std::function<void(benchmark::State&)>>> cases;
  std::string threads;
};

BackendCases tl_cases();
/// tl on one thread ("tl1/<case>"), with TL_BENCH_SERIAL=1: what threads bring.
BackendCases tl_serial_cases();
BackendCases torch_cases();
