#!/usr/bin/env bash
# ctest docs.build: build the Doxygen `docs` target of the build tree $1;
# exit 77 (skipped) when doxygen is not installed.
#
# Before the real build, a negative self-test proves that the check can fail: Doxygen is run
# with the project's generated Doxyfile on a copy of one public header in which one
# function's comment has been removed, and must report that function as undocumented (and
# fail, when the Doxyfile sets WARN_AS_ERROR); docs/check-warnings.cmake must then reject the
# log. The same run on the unmodified copy must not report it, so the warning is known to
# come from the removed comment.
set -euo pipefail
build_dir=${1:?usage: build-docs.sh <build-dir>}
doxygen=${DOXYGEN:-doxygen}
if ! command -v "$doxygen" >/dev/null 2>&1; then
  echo "doxygen not found: skipping the docs build"
  exit 77
fi
docs_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source_root=$(cd "$docs_dir/.." && pwd)

# ---- negative self-test ------------------------------------------------------------------
doxyfile="$build_dir/docs/Doxyfile"
if [[ ! -f "$doxyfile" ]]; then
  echo "docs self-test: $doxyfile not found (configure with TL_BUILD_DOCS=ON and doxygen installed)"
  exit 1
fi
header_rel=tl/ops.h                      # the public header copied
victim='^Tensor neg\(const Tensor& a\);'  # the declaration whose comment is removed
victim_name=neg
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tl-docs-selftest.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/good/tl" "$tmp/bad/tl"
cp "$source_root/reference/include/$header_rel" "$tmp/good/$header_rel"
# Drop the run of `///` lines right above the victim declaration, keep everything else.
victim="$victim" awk '
  /^[[:space:]]*\/\/\// { buf = buf $0 "\n"; next }
  { if ($0 !~ ENVIRON["victim"]) printf "%s", buf; buf = ""; print }
  END { printf "%s", buf }' "$tmp/good/$header_rel" >"$tmp/bad/$header_rel"
if cmp -s "$tmp/good/$header_rel" "$tmp/bad/$header_rel" || ! grep -Eq "$victim" "$tmp/bad/$header_rel"; then
  echo "docs self-test: could not remove the comment of '$victim' in $header_rel; update the self-test"
  exit 1
fi

# Runs doxygen with the project's Doxyfile on one copied header; prints its exit status.
run_doxygen() {  # <dir with the copy> <tag>
  local dir=$1 tag=$2 rc=0
  mkdir -p "$tmp/out-$tag"
  {
    cat "$doxyfile"
    echo "INPUT = \"$dir/$header_rel\""
    echo "STRIP_FROM_PATH = \"$dir\""
    echo "STRIP_FROM_INC_PATH = \"$dir\""
    echo "USE_MDFILE_AS_MAINPAGE ="
    echo "OUTPUT_DIRECTORY = \"$tmp/out-$tag\""
    echo "WARN_LOGFILE = \"$tmp/warnings-$tag.log\""
    echo "GENERATE_TREEVIEW = NO"
    echo "SEARCHENGINE = NO"
  } | (cd "$source_root" && "$doxygen" - >"$tmp/doxygen-$tag.out" 2>&1) || rc=$?
  echo "$rc"
}
undocumented() {  # <log>: the log's warnings that the victim is not documented
  grep -E "(warning|error): .*\b$victim_name\b.* is not documented" "$1" || true
}

good_rc=$(run_doxygen "$tmp/good" good)
bad_rc=$(run_doxygen "$tmp/bad" bad)
touch "$tmp/warnings-good.log" "$tmp/warnings-bad.log"
if [[ -n "$(undocumented "$tmp/warnings-good.log")" ]]; then
  echo "docs self-test: the unmodified $header_rel already reports '$victim_name' as undocumented:"
  cat "$tmp/warnings-good.log"; exit 1
fi
caught=$(undocumented "$tmp/warnings-bad.log")
if [[ -z "$caught" ]]; then
  echo "docs self-test FAILED: with the comment of '$victim_name' removed from $header_rel, doxygen"
  echo "reported no undocumented-member warning (exit status $bad_rc). Its log and output:"
  cat "$tmp/warnings-bad.log" "$tmp/doxygen-bad.out"; exit 1
fi
if grep -Eq '^WARN_AS_ERROR[[:space:]]*=[[:space:]]*(YES|FAIL_ON_WARNINGS)' "$doxyfile" && [[ "$bad_rc" == 0 ]]; then
  echo "docs self-test FAILED: the Doxyfile sets WARN_AS_ERROR but doxygen exited 0 on an undocumented function"
  exit 1
fi
if cmake -DLOG="$tmp/warnings-bad.log" -P "$docs_dir/check-warnings.cmake" >/dev/null 2>&1; then
  echo "docs self-test FAILED: check-warnings.cmake accepted a log with an undocumented-member warning"
  exit 1
fi
echo "docs self-test: an undocumented '$victim_name' in $header_rel is caught (doxygen exit $bad_rc):"
echo "  ${caught//$tmp\//}"

# ---- the real build -----------------------------------------------------------------------
cmake --build "$build_dir" --target docs
log="$build_dir/docs/doxygen-warnings.log"
if [[ -s "$log" ]]; then
  echo "Doxygen warnings:"; cat "$log"; exit 1
fi
echo "docs: HTML in $build_dir/docs/html, 0 warnings"
