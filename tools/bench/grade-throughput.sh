#!/usr/bin/env bash
# Grader throughput: wall time of tl-grade on
#  - one submission (the reference solutions) with an empty compile cache (cold), then
#    the same again with the cache filled (warm);
#  - a class of 20 submissions with `batch --jobs 2`, every student file different (each
#    gets its own comment, so no compile is shared: the worst case for the cache).
# Submissions are scratch copies; caches and outputs live in a temporary folder.
#
# Usage: tools/bench/grade-throughput.sh [--preset NAME | --tl-grade PATH] [--class N] [--jobs N]
#   NAME: the build tree build/NAME (default: default) holding bin/tl-grade.
# Prints a Markdown table. Targets (issue 8): one submission warm < 20 s; 20 with --jobs 2 < 5 min.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
preset=default
grade=""
class=20
jobs=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --preset) preset=$2; shift 2 ;;
    --tl-grade) grade=$2; shift 2 ;;
    --class) class=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
grade=${grade:-$root/build/$preset/bin/tl-grade}
if [[ ! -x "$grade" ]]; then
  echo "no tl-grade at $grade: cmake --preset $preset && cmake --build build/$preset --target tl-grade" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc -l | xargs printf '%.1f'; }
score() {
  python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))
print("score %g of %g" % (r["score"], sum(t["max_score"] for t in r["tests"])))' "$1"
}

# One submission: the reference solutions.
mkdir -p "$work/one/course"
cp -r "$root/reference/course/src" "$work/one/course/src"

t0=$(now)
"$grade" "$work/one" --out "$work/cold.json" --cache "$work/cache-one" --jobs "$jobs" --quiet
cold=$(elapsed "$t0")
t0=$(now)
"$grade" "$work/one" --out "$work/warm.json" --cache "$work/cache-one" --jobs "$jobs" --quiet
warm=$(elapsed "$t0")

# A class: student i solved the first i exercises (in file order), the rest are stubs.
mapfile -t files < <(cd "$root/reference/course/src" && ls)
for ((i = 1; i <= class; ++i)); do
  dir="$work/class/student$(printf '%02d' "$i")/course/src"
  mkdir -p "$dir"
  for ((k = 0; k < ${#files[@]}; ++k)); do
    f=${files[$k]}
    if (( k < i )) || [[ ! -e "$root/student/course/src/$f" ]]; then src="$root/reference/course/src/$f"; else src="$root/student/course/src/$f"; fi
    { cat "$src"; echo "// student $i"; } > "$dir/$f"
  done
done
t0=$(now)
"$grade" batch "$work/class" --out "$work/class-out" --csv "$work/grades.csv" --cache "$work/cache-class" \
  --jobs "$jobs" --quiet > /dev/null
batch=$(elapsed "$t0")
graded=$(($(wc -l < "$work/grades.csv") - 1))

echo "tl-grade: $grade; --jobs $jobs; $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| grading | wall time | target | result |"
echo "|---|---|---|---|"
echo "| one submission, cold (empty compile cache) | ${cold} s | | $(score "$work/cold.json") |"
echo "| one submission, warm (same again) | ${warm} s | < 20 s | $(score "$work/warm.json") |"
echo "| class of $class, \`batch --jobs $jobs\`, every file distinct | ${batch} s | < 300 s | $graded graded |"
