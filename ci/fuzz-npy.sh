#!/usr/bin/env bash
# Fuzzes tl::load_npy_from_buffer with libFuzzer + ASan + UBSan for a bounded time.
#
#   ci/fuzz-npy.sh [SECONDS]     (default 60)
#
# Builds reference/fuzz/npy_fuzz with clang in build/fuzz (override with TL_FUZZ_BUILD_DIR),
# seeds it with the NumPy-written files of reference/tests/fixtures/npy, and exits non-zero
# on a build failure or on any crash, leak, timeout or sanitizer report. Inputs that fail
# are kept in <build>/fuzz-artifacts/; rerun one with `<build>/bin/npy_fuzz <file>`.
set -euo pipefail

seconds="${1:-60}"
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: $0 [seconds]" >&2; exit 2; }
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${TL_FUZZ_BUILD_DIR:-$root/build/fuzz}"
cxx="${TL_FUZZ_CXX:-$(command -v clang++-14 || command -v clang++ || true)}"
[[ -n "$cxx" ]] || { echo "fuzz-npy: clang++ not found (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 2; }

cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTL_BUILD_FUZZ=ON -DTL_CUDA=OFF -DTL_BUILD_TESTS=OFF -DTL_BUILD_BENCH=OFF -DTL_BUILD_DOCS=OFF >/dev/null
cmake --build "$build" --target npy_fuzz -j "${TL_FUZZ_JOBS:-2}"

# New inputs go to the first directory only; the fixtures are read-only seeds.
corpus="$build/npy-corpus"
artifacts="$build/fuzz-artifacts"
mkdir -p "$corpus" "$artifacts"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
echo "fuzz-npy: running for ${seconds}s"
"$build/bin/npy_fuzz" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
  -dict="$root/reference/fuzz/npy.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
  "$corpus" "$root/reference/tests/fixtures/npy"
echo "fuzz-npy: no crash, leak or sanitizer report in ${seconds}s"
