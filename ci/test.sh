#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds the default preset (CUDA when
# nvcc is found), and runs every test. Ends with ctest's summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh
jobs=$(nproc)
# Object files cached by ccache are reused from any checkout folder of the project.
export CCACHE_BASEDIR="$PWD"
cmake --preset default
cmake --build --preset default -j "$jobs"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
ctest --preset default -j "$jobs" 2>&1 | tee "$log" || status=$?
# ctest lists skipped and failed tests after its summary: repeat the summary as the last line.
grep -E '^[0-9]+% tests passed' "$log" | tail -n 1 || true
exit "$status"
