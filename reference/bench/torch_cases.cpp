// The same benchmark cases run through LibTorch 1.13.1, LibTorch's default settings (a
// student's program), except that TL_BENCH_TORCH_THREADS sets its intra-op threads.
#include <cstdlib>

#include <torch/torch.h>

#include "bench_main.h"

namespace bench_torch {
namespace lib = ::torch;
#include "cases.inc"
}  // namespace bench_torch

BackendCases torch_cases() {
  if (const char* t = std::getenv("TL_BENCH_TORCH_THREADS")) torch::set_num_threads(std::atoi(t));
  BackendCases b{"torch", {}, std::to_string(torch::get_num_threads())};
  for (auto& c : bench_torch::all_cases()) b.cases.push_back({std::move(c.name), std::move(c.fn)});
  return b;
}
