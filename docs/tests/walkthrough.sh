#!/usr/bin/env bash
# ctest docs.walkthrough (label slow): follows the instructor guide, then the student
# guide, in a fresh temp folder.  walkthrough.sh <source-dir> <build-dir-with-tl-grade>
set -euo pipefail
src=$(cd "${1:?source dir}" && pwd); bin=$(cd "${2:?build dir}" && pwd)/bin
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$src"
echo "== instructor: generate the handout"
python3 graders/handout/generate.py handout "$tmp/handout"
echo "== instructor: grade it (the stubs)"
"$bin/tl-grade" "$tmp/handout" --out "$tmp/results.json" --exercises 06-matmul --quiet
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert r['score']==0, r['score']; print('stub score', r['score'])" "$tmp/results.json"
echo "== instructor: Gradescope bundle"
bash ci/gradescope/make-bundle.sh "$tmp/autograder.zip"
test -s "$tmp/autograder.zip"
echo "== student: build the handout and run one exercise's tests"
cd "$tmp/handout"
cmake --preset default >/dev/null
cmake --build --preset default -j "${TL_WALK_JOBS:-2}" >/dev/null
rc=0; ctest --test-dir build/default -L 06-matmul --output-on-failure >"$tmp/ctest.log" 2>&1 || rc=$?
grep -q "not implemented yet" "$tmp/ctest.log" || { cat "$tmp/ctest.log"; echo "expected the not-implemented message"; exit 1; }
echo "== student: progress and CI script"
python3 tools/progress --no-build | tail -3
cp "$src/ci/student-ci.sh" ci-student.sh
TL_CI_BUILD_DIR=build/default bash ci-student.sh "$tmp/summary.md" "$tmp/artifacts"
test -s "$tmp/artifacts/results.json" && grep -q "points (public tests)" "$tmp/summary.md"
echo "walkthrough OK"
