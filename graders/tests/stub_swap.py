#!/usr/bin/env python3
"""Filling one exercise's stubs with the reference code of its regions makes that
exercise's public tests pass and changes no other exercise's result.

Builds the student variant once against a private copy of student/ (the folder is reused
between runs, so later runs are incremental), then, exercise by exercise, restores that
exercise's regions, rebuilds (one source and the shared course library) and runs every
student test program."""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from course_results import run_program

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "graders" / "handout"))
import generate  # noqa: E402


def write_if_changed(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    if not path.is_file() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, required=True, help="a folder of its own, reused between runs")
    parser.add_argument("--cuda", default="OFF", help="TL_CUDA for the build (default OFF)")
    parser.add_argument("--only", default="", help="restore only these exercises (ids separated by commas)")
    args = parser.parse_args()
    work = args.work.resolve()
    student, build = work / "student", work / "build"

    manifest = generate.load_manifest(ROOT)
    exercises = manifest["exercises"]
    all_ids = {exercise["id"] for exercise in exercises}
    files = generate.scan_reference(ROOT, manifest)

    def place(restored: str | None) -> None:
        """Every course file stubbed, except the regions of `restored`."""
        for source in files:
            write_if_changed(student / source.course_rel, generate.render(source, all_ids - {restored}))

    place(None)
    jobs = str(os.cpu_count() or 2)
    configure = ["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                 f"-DTL_CUDA={'ON' if args.cuda.upper() in ('ON', 'TRUE', '1') else 'OFF'}",
                 "-DTL_COURSE_VARIANTS=student", f"-DTL_COURSE_STUDENT_DIR={student}",
                 "-DTL_BUILD_TESTS=OFF", "-DTL_BUILD_BENCH=OFF", "-DTL_BUILD_DOCS=OFF"]

    programs = [f"student_{e['id']}" for e in exercises if (ROOT / e["public_tests"]).is_file()]

    def build_all(*targets: str) -> subprocess.CompletedProcess:
        """Builds `targets`, by default the student test programs (and what they need)."""
        return subprocess.run(["cmake", "--build", str(build), "-j", jobs, "--target", *(targets or programs)],
                              text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    for step in (configure, None):
        done = subprocess.run(step, text=True, capture_output=True) if step else build_all()
        if done.returncode != 0:
            print((done.stdout or "") + (done.stderr or ""))
            print("FAIL: the student variant does not build with every stub in place")
            return 1

    def results() -> dict[str, str]:
        return {e["id"]: run_program(build / "bin" / f"student_{e['id']}", e["id"], e["timeout_s"] * 3)[0]
                for e in exercises}

    baseline = results()
    problems = [f"{i}: with its stubs untouched it should fail as not implemented, got {s}"
                for i, s in baseline.items() if s not in ("todo", "skip", "missing")]
    with_regions = [e["id"] for e in exercises if any(r.exercise == e["id"] for s in files for r in s.regions)
                    and (not args.only or e["id"] in args.only.split(","))]
    for ex_id in with_regions:
        started = time.monotonic()
        place(ex_id)
        built = build_all("tl_course_student")  # the test programs load it; they need no relink
        if built.returncode != 0:
            problems.append(f"{ex_id}: restoring its regions does not compile:\n{built.stdout[-3000:]}")
            continue
        now = results()
        expected = dict(baseline, **{ex_id: "skip" if baseline[ex_id] == "skip" else "pass"})
        changed = {i: (expected[i], now[i]) for i in now if now[i] != expected[i]}
        for other, (want, got) in changed.items():
            problems.append(f"{ex_id} restored: {other} should be {want}, is {got}")
        others = len([i for i in changed if i != ex_id])
        print(f"{'ok  ' if not changed else 'FAIL'} {ex_id}: restored → {now[ex_id]}, "
              f"{len(now) - 1 - others} of the {len(now) - 1} others unchanged "
              f"({time.monotonic() - started:.1f} s)", flush=True)
    place(None)
    build_all("tl_course_student")
    missing = [i for i, s in baseline.items() if s == "missing"]
    if missing:
        print(f"note: no public test program for {', '.join(missing)}")
    for problem in problems:
        print("FAIL:", problem)
    print(f"stub swap: {len(with_regions)} exercises checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
