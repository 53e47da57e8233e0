#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds the default preset (CUDA when
# nvcc is found), and runs every test. Ends with ctest's summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh
jobs=$(nproc)
cmake --preset default
cmake --build --preset default -j "$jobs"
ctest --preset default -j "$jobs"
