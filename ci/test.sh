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
ctest --preset default -j "$jobs"
