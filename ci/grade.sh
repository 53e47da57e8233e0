#!/usr/bin/env bash
# The grading job: installs what is missing, builds tl-grade (default preset) and grades one
# submission, printing the table and writing results.json.
#   bash ci/grade.sh [SUBMISSION] [tl-grade options]
# SUBMISSION: a student tree (folder, .zip or .tar.gz), default the bundled student/.
# TL_GRADE_OUT: where results.json goes (default ./results.json).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
submission="$(realpath "${1:-$repo/student}")"
[ $# -gt 0 ] && shift
out="$(realpath -m "${TL_GRADE_OUT:-results.json}")"
bash "$repo/ci/setup.sh"
cd "$repo"
cmake --preset default >/dev/null
cmake --build --preset default -j "$(nproc)" --target tl-grade
exec build/default/bin/tl-grade "$submission" --out "$out" "$@"
