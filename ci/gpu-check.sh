#!/usr/bin/env bash
# The GPU check of the CUDA backend, for a machine with an NVIDIA GPU (CI has none).
# In one run, well under 8 minutes:
#   1. configures and builds a CUDA build (-DTL_CUDA=ON) in build/gpu-check;
#   2. runs the tests of the library and the reference course (ctest), and checks that
#      the GPU tests really ran (none skipped for want of a device): test_cuda,
#      test_cuda_differential (CPU vs GPU over all ops and dtypes), the GPU exercises;
#   3. benchmarks matmul through tl against cuBLAS called directly, and element-wise add
#      against a device-to-device copy (ci/gpu_bench.cpp);
#   4. when python3 has torch with CUDA, regenerates reference/tests/fixtures/cuda_random.json
#      from torch itself (tools/fixtures/gen_cuda.py) and reruns the random tests on it;
#   5. writes a short report, build/gpu-check/gpu-report.md (also printed).
# Exits non-zero when anything failed. Environment: BUILD (build folder), JOBS,
# COURSE=OFF (skip the course), FIXTURES=OFF (leave the fixture alone).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build/gpu-check}
JOBS=${JOBS:-$(nproc)}
COURSE=${COURSE:-ON}
FIXTURES=${FIXTURES:-ON}
REPORT=$BUILD/gpu-report.md
START=$(date +%s)
FAILED=0
mkdir -p "$BUILD"
LOG=$BUILD/gpu-check.log
: >"$LOG"

say() { printf '%s\n' "$*" | tee -a "$REPORT.tmp"; }
fail() { FAILED=1; say "- FAILED: $*"; }
elapsed() { echo "$(( $(date +%s) - START ))s"; }
# run LIMIT_SECONDS CMD...: runs a step with a time limit, its output appended to the log.
run() {
  local limit=$1; shift
  echo "+ $*" >>"$LOG"
  timeout "$limit" "$@" >>"$LOG" 2>&1
}

rm -f "$REPORT.tmp"
say "# GPU check ($(date -u +%Y-%m-%dT%H:%MZ))"
say ""
GPU=$(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null | head -1)
say "- GPU: ${GPU:-none found by nvidia-smi}"
say "- nvcc: $(nvcc --version 2>/dev/null | tail -1 || echo missing)"
[ -n "$GPU" ] || fail "no GPU visible"

# 1. Configure and build. The course is optional: without it the library's tests still run.
configure() {
  run 120 cmake -S "$ROOT" -B "$BUILD" -DTL_CUDA=ON -DTL_BUILD_BENCH=OFF -DTL_BUILD_COURSE="$1" \
    -DTL_COURSE_VARIANTS=reference -DCMAKE_BUILD_TYPE=Release
}
if ! configure "$COURSE"; then
  if [ "$COURSE" = ON ] && configure OFF; then
    COURSE=OFF
    say "- course: did not configure with CUDA, checked the library alone (see the log)"
  else
    fail "configure (see $LOG)"
  fi
fi
if run 300 cmake --build "$BUILD" -j "$JOBS"; then
  say "- build: ok ($(elapsed))"
else
  fail "build (see $LOG)"
fi

# 2. Every test of the library and of the reference course (the grader's and the course
#    machinery's own tests have nothing to do with the GPU); then the GPU tests once more,
#    to prove that they ran.
# Without the course nothing enables testing at the top of the build tree (the library's
# tests are registered under reference/), and ctest there finds no tests and exits 0:
# test from reference/ then, and treat "no tests" as the failure it is.
TESTDIR=$BUILD
[ -f "$BUILD/CTestTestfile.cmake" ] || TESTDIR=$BUILD/reference
if run 240 ctest --test-dir "$TESTDIR" -j "$JOBS" -L '^(library|course)$' --no-tests=error --output-on-failure \
  --timeout 120; then
  say "- ctest: $(grep -E 'tests passed' "$LOG" | tail -1)"
else
  fail "ctest: $(grep -E 'tests passed|tests failed|No tests were found' "$LOG" | tail -1)"
fi
for t in test_cuda test_cuda_differential; do
  out=$BUILD/$t.out
  timeout 120 "$BUILD/bin/$t" >"$out" 2>&1
  status=$?
  if [ "$status" = 77 ] || grep -q "no CUDA device" "$out"; then
    fail "$t skipped its GPU tests: the build does not see the GPU"
  elif [ "$status" != 0 ]; then
    fail "$t (see $out)"
  else
    say "- $t: $(grep -E '^\[  PASSED  \]' "$out")"
  fi
done

# 3. Benchmark.
BENCH=$BUILD/bin/gpu_bench
CUDA_HOME=${CUDA_HOME:-/usr/local/cuda}
if run 120 g++ -O2 -std=c++20 "$ROOT/ci/gpu_bench.cpp" -I"$ROOT/reference/include" -I"$CUDA_HOME/include" \
  -L"$BUILD/lib" -Wl,-rpath,"$BUILD/lib" -L"$CUDA_HOME/lib64" -ltensorlings -lcublas -lcudart -o "$BENCH" &&
  timeout 120 "$BENCH" >"$BUILD/gpu_bench.out" 2>&1; then
  say "- benchmark:"
  sed 's/^/    /' "$BUILD/gpu_bench.out" | tee -a "$REPORT.tmp"
else
  fail "benchmark (see $BUILD/gpu_bench.out and $LOG)"
fi

# 4. CUDA fixtures from torch, when this machine's python has it.
if [ "$FIXTURES" = ON ] && python3 -c 'import sys, torch; sys.exit(0 if torch.cuda.is_available() else 1)' \
  >/dev/null 2>&1; then
  if run 120 python3 "$ROOT/tools/fixtures/gen_cuda.py"; then
    say "- fixtures: $(grep -E '^wrote' "$LOG" | tail -1)"
    grep -E 'torch (matches|DIFFERS)' "$LOG" | sed 's/^/    /' | tee -a "$REPORT.tmp"
    grep -q 'DIFFERS' "$LOG" && fail "torch's CUDA numbers differ from the host model"
    if timeout 120 "$BUILD/bin/test_cuda" --gtest_filter='CudaRandom.*' >"$BUILD/random.out" 2>&1; then
      say "- random tests on torch's fixture: passed"
    else
      fail "random tests on torch's fixture (see $BUILD/random.out)"
    fi
  else
    fail "gen_cuda.py (see $LOG)"
  fi
else
  say "- fixtures: skipped (no python3 torch with CUDA, or FIXTURES=OFF)"
fi

say "- total time: $(elapsed)"
say "- result: $([ "$FAILED" = 0 ] && echo PASS || echo FAIL)"
mv "$REPORT.tmp" "$REPORT"
echo "report: $REPORT"
exit "$FAILED"
