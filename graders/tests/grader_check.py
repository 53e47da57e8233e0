#!/usr/bin/env python3
"""Grades one tree with tl-grade and checks the verdict, test by test.

    grader_check.py full --tl-grade BIN --schema SCHEMA --submission DIR --out FILE [tl-grade options]
        every hidden test passes and the score is the sum of the graded exercises' points
    grader_check.py zero ...   (same arguments)
        every hidden test fails, and the score is 0 (the untouched stubs)

results.json must validate against SCHEMA in both cases. With --as-nobody, tl-grade runs as
user nobody (when started as root) and must say that its isolation is weaker.
"""
import argparse
import json
import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import grader_validate  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("expect", choices=["full", "zero"])
    parser.add_argument("--tl-grade", required=True)
    parser.add_argument("--schema", required=True)
    parser.add_argument("--submission", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--as-nobody", action="store_true")
    args, extra = parser.parse_known_args()
    out_dir = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(out_dir, exist_ok=True)
    command = [args.tl_grade, args.submission, "--out", args.out, *extra]
    if args.as_nobody and os.geteuid() == 0:
        os.chmod(out_dir, 0o777)
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    start = time.monotonic()
    run = subprocess.run(command, capture_output=True, text=True, errors="replace")
    seconds = time.monotonic() - start
    print(run.stdout, end="")
    if run.returncode != 0:
        print(f"tl-grade failed with status {run.returncode}:\n{run.stderr}")
        return 1
    with open(args.out, encoding="utf-8") as f:
        results = json.load(f)
    with open(args.schema) as f:
        schema = json.load(f)
    problems = grader_validate.validate(results, schema, schema)
    tests = results["tests"]
    if not tests:
        problems.append("no test was graded")
    wanted = "passed" if args.expect == "full" else "failed"
    for t in tests:
        if t["status"] != wanted:
            problems.append(f"{t['name']} {t['status']} (expected {wanted}): {t['output'][:400]}")
    total = sum(t["max_score"] for t in tests)
    expected_score = total if args.expect == "full" else 0
    if abs(results["score"] - expected_score) > 1e-6:
        problems.append(f"score {results['score']} (expected {expected_score})")
    if args.as_nobody and "isolation is weaker" not in results["output"]:
        problems.append("an unprivileged run must say that its isolation is weaker")
    for p in problems[:30]:
        print(f"FAIL {p}")
    print(f"{args.expect}: {len(tests)} tests, score {results['score']} of {total:g}, {seconds:.1f} s"
          f" -> {'ok' if not problems else f'{len(problems)} problem(s)'}")
    print(results["output"].splitlines()[-1])  # the timings line
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
