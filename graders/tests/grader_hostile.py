#!/usr/bin/env python3
"""Grades every hostile submission of graders/hostile/ and checks that it scores as expected.

Each graders/hostile/<case>/ holds one course source that replaces the reference solution's
copy (@REPO@ in it becomes the repository's path) and expected.json:
  zero             exercises that must score 0 (every test failed)
  full             exercises that must keep full marks
  build            "ok" (compiles), "fails" (compiler error) or "refused" (object policy)
  output_contains  a phrase one of the attacked exercise's test outputs must show (the attack ran)
  forbidden_output phrases no output may contain (nothing leaked)
  extra_seconds    how much longer than grading the honest reference the attack may take
                   (default 5; cases that run into time limits need more)
The honest reference is graded first, twice (the second run, with a warm compile cache, is
the baseline); a case fails when its grading takes more than 1.5 x the baseline plus its
extra_seconds, so the bound holds on a loaded machine as on an idle one.
After all cases, no process of a grading uid may be left.
With --sanitized (an ASan/UBSan build, where tl-grade compiles submissions sanitized), a
sanitizer report counts as the attack's trace where it replaces the signal or bad_alloc the
case expects (ASan reports a null write, a stack overflow or a 64 GiB allocation itself).

    grader_hostile.py --tl-grade BIN --repo ROOT --work DIR [--cases a,b] [--timeout S] [--jobs N]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import grader_validate  # noqa: E402

FIRST_UID, LAST_UID = 60000, 63999
SANITIZER_MARKS = ("ERROR: AddressSanitizer", "runtime error:")


def make_submission(repo, case_dir, target):
    src = os.path.join(target, "course", "src")
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(os.path.join(repo, "reference", "course", "src"), src)
    for name in os.listdir(case_dir) if case_dir else []:
        if name.endswith((".cpp", ".cu")):
            with open(os.path.join(case_dir, name)) as f:
                text = f.read().replace("@REPO@", repo)
            with open(os.path.join(src, name), "w") as f:
                f.write(text)


def exercise_tests(results, exercise):
    return [t for t in results["tests"] if t["name"].startswith(exercise + " \u203a ")]


def check_case(name, expected, results, seconds, baseline, schema, sanitized=False):
    problems = grader_validate.validate(results, schema, schema)[:3]
    for ex in expected["zero"]:
        tests = exercise_tests(results, ex)
        if not tests or any(t["status"] != "failed" or t["score"] != 0 for t in tests):
            passed = [t["name"] for t in tests if t["status"] != "failed"]
            problems.append(f"{ex} must score 0; passed: {passed[:3] or 'no tests graded'}")
        outputs = "\n".join(t["output"] for t in tests)
        build = expected.get("build", "ok")
        refused, fails = "was refused" in outputs, "does not compile" in outputs
        if (build == "ok") != (not refused and not fails) or (build == "refused") != refused or (build == "fails") != fails:
            problems.append(f"{ex}: expected the build to be '{build}' (refused={refused}, compile error={fails})")
        traced = expected.get("output_contains", "") in outputs
        if sanitized and not traced:
            traced = any(mark in outputs for mark in SANITIZER_MARKS)
        if not traced:
            problems.append(f"{ex}: no test output mentions {expected['output_contains']!r}: {outputs[:300]!r}")
    for ex in expected["full"]:
        tests = exercise_tests(results, ex)
        if not tests or any(t["status"] != "passed" for t in tests):
            problems.append(f"{ex} must keep full marks")
    everything = results["output"] + "\n".join(t["output"] for t in results["tests"])
    for phrase in expected.get("forbidden_output", []):
        if phrase in everything:
            problems.append(f"the output contains {phrase!r}")
    limit = 1.5 * baseline + expected.get("extra_seconds", 5)
    if seconds > limit:
        problems.append(f"grading took {seconds:.1f} s, more than {limit:.1f} s (honest reference: {baseline:.1f} s)")
    return problems


def leftover_processes():
    left = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            uid = os.stat(f"/proc/{pid}").st_uid
            with open(f"/proc/{pid}/stat") as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if FIRST_UID <= uid <= LAST_UID and state != "Z":
            left.append(f"{pid} (uid {uid})")
    return left


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tl-grade", required=True)
    parser.add_argument("--repo", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--cases", default="")
    parser.add_argument("--timeout", default="2")
    parser.add_argument("--jobs", default="2")
    parser.add_argument("--sanitized", action="store_true", help="tl-grade of an ASan/UBSan build (see above)")
    args = parser.parse_args()
    repo = os.path.abspath(args.repo)
    hostile = os.path.join(repo, "graders", "hostile")
    with open(os.path.join(repo, "graders", "schema", "results.schema.json")) as f:
        schema = json.load(f)
    cases = sorted(c for c in os.listdir(hostile) if os.path.isfile(os.path.join(hostile, c, "expected.json")))
    if args.cases:
        cases = [c for c in cases if c in args.cases.split(",")]
    def grade(submission, out, exercises):
        """Runs tl-grade; returns (seconds, results or None, problem text)."""
        start = time.monotonic()
        run = subprocess.run([args.tl_grade, submission, "--out", out, "--exercises", exercises, "--timeout", args.timeout,
                              "--jobs", args.jobs, "--quiet"], capture_output=True, text=True, errors="replace")
        seconds = time.monotonic() - start
        if run.returncode != 0 or not os.path.exists(out):
            return seconds, None, f"tl-grade failed ({run.returncode}): {run.stderr[-500:]}"
        with open(out, encoding="utf-8") as f:
            return seconds, json.load(f), ""

    # The honest reference on each set of exercises the cases grade: full marks, and the time baseline.
    touched = set()
    for case in cases:
        with open(os.path.join(hostile, case, "expected.json")) as f:
            expected = json.load(f)
        touched.add(",".join(expected["zero"] + expected["full"]))
    honest = os.path.join(args.work, "submissions", "honest")
    make_submission(repo, None, honest)
    honest_out = os.path.join(args.work, "results", "honest.json")
    os.makedirs(os.path.dirname(honest_out), exist_ok=True)
    seconds = {}
    for exercises in sorted(touched):
        grade(honest, honest_out, exercises)  # warms the compile cache
        seconds[exercises], results, problem = grade(honest, honest_out, exercises)
        if results is None or any(t["status"] != "passed" for t in results["tests"]):
            print(f"FAIL the honest reference does not score full marks on {exercises}: {problem}")
            return 1
    print("honest reference, compile cache warm: " + ", ".join(f"{e} {t:.1f} s" for e, t in sorted(seconds.items())))

    failures = 0
    for case in cases:
        with open(os.path.join(hostile, case, "expected.json")) as f:
            expected = json.load(f)
        submission = os.path.join(args.work, "submissions", case)
        out = os.path.join(args.work, "results", case + ".json")
        make_submission(repo, os.path.join(hostile, case), submission)
        exercises = ",".join(expected["zero"] + expected["full"])
        elapsed, results, problem = grade(submission, out, exercises)
        problems = [problem] if results is None else check_case(case, expected, results, elapsed, seconds[exercises], schema,
                                                                      args.sanitized)
        print(f"{'ok  ' if not problems else 'FAIL'} {case:28s} {elapsed:5.1f} s  {expected['attack']}")
        for p in problems:
            print(f"       {p}")
        failures += bool(problems)
    if os.geteuid() == 0:
        left = leftover_processes()
        if left:
            print(f"FAIL processes of grading uids are still alive: {left[:10]}")
            failures += 1
    print(f"hostile: {len(cases) - failures if failures <= len(cases) else 0} of {len(cases)} cases as expected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
