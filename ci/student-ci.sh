#!/usr/bin/env bash
# Student-repository CI (called by ci/github/student.yml; runs locally too):
# builds the handout, runs its public tests with ctest, scores them per exercise with the
# manifest's points, writes a markdown summary and results.json (Gradescope schema).
#   ci/student-ci.sh [SUMMARY.md] [ARTIFACT_DIR]
# SUMMARY defaults to $GITHUB_STEP_SUMMARY, else build/ci/summary.md;
# ARTIFACT_DIR (default ci-artifacts) receives results.json and the ctest JUnit report.
# Env: TL_CI_BUILD_DIR (default build/ci), TL_CI_JOBS. Exit 0 unless the build fails.
set -euo pipefail
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then sed -n 2,9p "$0"; exit 0; fi
root="$(pwd)"
[[ -f exercises/manifest.json ]] || { echo "run from the repository root (no exercises/manifest.json)" >&2; exit 2; }
build="${TL_CI_BUILD_DIR:-build/ci}"
summary="${1:-${GITHUB_STEP_SUMMARY:-$build/summary.md}}"
artifacts="${2:-ci-artifacts}"
jobs="${TL_CI_JOBS:-$(nproc)}"
mkdir -p "$build" "$artifacts" "$(dirname "$summary")"

build_ok=1
cmake -S . -B "$build" -DTL_CUDA=AUTO -DTL_BUILD_BENCH=OFF -DTL_BUILD_DOCS=OFF >"$build/configure.log" 2>&1 \
  && cmake --build "$build" -j "$jobs" >"$build/build.log" 2>&1 || build_ok=0
if [[ $build_ok == 1 ]]; then
  (cd "$build" && ctest -j "$jobs" --output-on-failure --output-junit "$root/$build/ctest-junit.xml" -L student \
     >"$root/$build/ctest.log" 2>&1) || true
  if [[ ! -s "$build/ctest-junit.xml" ]]; then  # a tree without the `student` label
    (cd "$build" && ctest -j "$jobs" --output-on-failure --output-junit "$root/$build/ctest-junit.xml" \
       >"$root/$build/ctest.log" 2>&1) || true
  fi
fi

python3 - "$build" "$summary" "$artifacts" "$build_ok" <<'PY'
import json, os, shutil, sys, xml.etree.ElementTree as ET
build, summary, artifacts, build_ok = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
manifest = json.load(open("exercises/manifest.json"))
cases = {}
junit = os.path.join(build, "ctest-junit.xml")
if build_ok and os.path.exists(junit):
    for c in ET.parse(junit).getroot().iter("testcase"):
        cases[c.get("name", "")] = c
tests, rows, total, possible = [], [], 0.0, 0.0
for i, e in enumerate(manifest["exercises"], 1):
    ex_id, pts = e["id"], float(e["points"])
    mine = [c for n, c in cases.items() if n == ex_id or n.endswith("." + ex_id) or n.endswith("_" + ex_id)]
    out = ""
    if not build_ok:
        status, score = "build failed", 0.0
    elif not mine:
        status, score = "no test", 0.0
    else:
        states = [c.get("status") for c in mine]
        out = "\n".join((c.findtext("system-out") or "")[-4000:] for c in mine)
        if all(s == "run" for s in states):
            status, score = "passed", pts
        elif all(s in ("notrun", "disabled") for s in states):
            status, score = "skipped", 0.0
        elif "not implemented yet" in out:
            status, score = "not started", 0.0
        else:
            status, score = "failing", 0.0
    total += score; possible += pts
    mark = {"passed": "✓", "failing": "✗", "not started": "–", "skipped": "·"}.get(status, "?")
    rows.append("| %s | %s | %s %s | %g / %g |" % (ex_id, e["title"], mark, status, score, pts))
    tests.append({"name": "%s: %s (public tests)" % (ex_id, e["title"]), "number": str(i),
                  "score": score, "max_score": pts,
                  "status": "passed" if status == "passed" else "failed",
                  "output": out[-8000:], "visibility": "visible"})
results = {"score": total, "execution_time": 0, "output":
           "Public tests only: the final grade comes from the hidden suites." if build_ok
           else "The build failed: see the build log of this job.",
           "stdout_visibility": "visible", "tests": tests}
with open(os.path.join(artifacts, "results.json"), "w") as f:
    json.dump(results, f, indent=2)
if os.path.exists(junit):
    shutil.copy(junit, os.path.join(artifacts, "ctest-junit.xml"))
md = ["## tensorlings: %g / %g points (public tests)" % (total, possible), ""]
if not build_ok:
    md += ["**The build failed.** The end of the log:", "", "```"]
    for log in ("configure.log", "build.log"):
        p = os.path.join(build, log)
        if os.path.exists(p):
            md += open(p, errors="replace").read().splitlines()[-40:]
    md += ["```", ""]
md += ["| exercise | title | status | points |", "|---|---|---|---|"] + rows + [""]
with open(summary, "a") as f:
    f.write("\n".join(md) + "\n")
print("\n".join(md))
PY
[[ $build_ok == 1 ]]
