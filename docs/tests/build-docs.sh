#!/usr/bin/env bash
# ctest docs.build: build the Doxygen `docs` target of the build tree $1;
# exit 77 (skipped) when doxygen is not installed.
set -euo pipefail
build_dir=${1:?usage: build-docs.sh <build-dir>}
if ! command -v "${DOXYGEN:-doxygen}" >/dev/null 2>&1; then
  echo "doxygen not found: skipping the docs build"
  exit 77
fi
cmake --build "$build_dir" --target docs
log="$build_dir/docs/doxygen-warnings.log"
if [[ -s "$log" ]]; then
  echo "Doxygen warnings:"; cat "$log"; exit 1
fi
echo "docs: HTML in $build_dir/docs/html, 0 warnings"
