// The benchmark cases run through tl.
#include <tl/tl.h>

#include "bench_main.h"
#include "core/parallel.h"

namespace bench_tl {
namespace lib = ::tl;
#include "cases.inc"
}  // namespace bench_tl

BackendCases tl_cases() {
  BackendCases b{"tl", {}, std::to_string(tl::detail::num_threads())};
  for (auto& c : bench_tl::all_cases()) b.cases.push_back({std::move(c.name), std::move(c.fn)});
  return b;
}

BackendCases tl_serial_cases() {
  BackendCases b{"tl1", {}, "1"};
  for (auto& c : bench_tl::all_cases()) {
    b.cases.push_back({std::move(c.name), [fn = std::move(c.fn)](benchmark::State& s) {
                         const int threads = tl::detail::num_threads();
                         tl::detail::set_num_threads(1);
                         fn(s);
                         tl::detail::set_num_threads(threads);
                       }});
  }
  return b;
}
