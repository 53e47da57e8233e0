#!/usr/bin/env bash
# End to end through Gradescope's entry point: ci/gradescope/run_autograder against a fake
# /autograder root (AUTOGRADER_ROOT) in a temp folder, for a full-marks submission, an empty
# one and a broken grader; then the layout of the zip make-bundle.sh writes.
#   grader_gradescope.sh TL_GRADE REPO WORK
set -euo pipefail
tl_grade=$1 repo=$2 work=$3
rm -rf "$work"
root="$work/autograder"
mkdir -p "$root/source" "$root/submission/student/course"
cp -r "$repo/reference/course/src" "$root/submission/student/course/src"
export AUTOGRADER_ROOT="$root" TL_GRADE="$tl_grade" TL_GRADE_ARGS="--exercises 01-tensors --timeout 5"
results="$root/results/results.json"

# expect full|zero: results.json exists, validates, and has full marks (some tests) or zero.
expect() {
  python3 "$repo/graders/tests/grader_validate.py" "$repo/graders/schema/results.schema.json" "$results"
  python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); s = d["score"]
full = sum(t["max_score"] for t in d["tests"])
print("score", s, "of", full)
sys.exit(0 if (s == 0 if sys.argv[2] == "zero" else full > 0 and abs(s - full) < 1e-6) else 1)' "$results" "$1"
}

echo "== a correct submission (nested student/course/src)"
bash "$repo/ci/gradescope/run_autograder"
expect full
echo "== an empty submission"
rm -rf "${root:?}/submission/"*
bash "$repo/ci/gradescope/run_autograder"
expect zero
echo "== a grader that fails still leaves a verdict"
TL_GRADE=/bin/false bash "$repo/ci/gradescope/run_autograder"
expect zero

echo "== the autograder zip"
bash "$repo/ci/gradescope/make-bundle.sh" "$work/autograder.zip"
python3 - "$work/autograder.zip" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = set(z.namelist())
problems = [f"{n} missing" for n in ("setup.sh", "run_autograder", "CMakeLists.txt", "graders/CMakeLists.txt",
                                     "graders/rubric.json", "exercises/manifest.json") if n not in names]
problems += [f"{n} is not executable" for n in ("setup.sh", "run_autograder")
             if n in names and not (z.getinfo(n).external_attr >> 16) & 0o100]
problems += [f"{n} should not be shipped" for n in names if n.startswith(("build/", ".git/"))]
if not any(n.startswith("graders/suites/") for n in names):
    problems.append("no hidden suite in the bundle")
print("\n".join(problems) or f"bundle ok: {len(names)} files")
sys.exit(1 if problems else 0)
PY
