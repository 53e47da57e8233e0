#!/usr/bin/env python3
"""The handout: generated for every exercise and for the notebook's exercises alone, it
holds no line of a stripped solution region and no hidden suite, and it configures,
builds and runs ctest on its own, every test failing with the not-implemented line.

Slow: it builds the library in the handout. Each handout is generated into work/stage and
mirrored into work/handout, whose build folder stays, so that the second selection (and a
later run) rebuilds only what changed; --fresh starts from nothing."""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from course_results import todo_line

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "graders" / "handout" / "generate.py"
TEXT_SUFFIXES = {".cpp", ".cu", ".h", ".hpp", ".cuh", ".md", ".json", ".txt", ".cmake", ".in", ".py", ""}
MARKER = re.compile(r"^\s*// (BEGIN SOLUTION (\S+)|END SOLUTION)\s*$")


def text_files(top: Path):
    for path in sorted(top.rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES and "build" not in path.relative_to(top).parts[:1]:
            yield path


def secret_lines(chosen):
    """Lines found only inside the chosen exercises' solution regions of the repository.

    Written apart from generate.py on purpose: this test must not share its bugs."""
    inside, outside = set(), set()
    for top in (ROOT / "reference", ROOT / "exercises"):
        for path in text_files(top):
            region = None
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                marker = MARKER.match(line)
                if marker:
                    region = marker.group(2)
                    continue
                (inside if region in chosen else outside).add(line.strip())
    return {line for line in inside - outside if line}


def leaks(out: Path, secrets, hidden):
    found = []
    for path in text_files(out):
        rel = path.relative_to(out).as_posix()
        data = path.read_bytes()
        if rel.startswith("graders/") or data in hidden:
            found.append(f"{rel}: hidden test material")
        for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
            if line.strip() in secrets or "SOLUTION" in line and MARKER.match(line):
                found.append(f"{rel}:{number}: {line.strip()}")
    return found


def run(command, cwd, check=True):
    print("$", " ".join(map(str, command)), flush=True)
    done = subprocess.run(command, cwd=cwd, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if check and done.returncode != 0:
        print(done.stdout[-6000:])
        raise SystemExit(f"FAIL: {' '.join(map(str, command))} exited with {done.returncode}")
    return done


def mirror(stage: Path, out: Path) -> None:
    """Makes `out` hold exactly the files of `stage`, leaving out/build and every unchanged
    file (and its time stamp) alone, so that the build in out/build stays incremental."""
    wanted = {p.relative_to(stage) for p in stage.rglob("*") if p.is_file()}
    if out.is_dir():
        for path in sorted(out.rglob("*"), reverse=True):
            rel = path.relative_to(out)
            if rel.parts[0] == "build":
                continue
            if path.is_file() and rel not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    for rel in sorted(wanted):
        target = out / rel
        if not target.is_file() or target.read_bytes() != (stage / rel).read_bytes():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(stage / rel, target)


def check_selection(selection, work: Path, preset: str, build: bool) -> list[str]:
    problems = []
    stage, out = work / "stage", work / "handout"
    run([sys.executable, GENERATOR, "handout", stage, "--exercises", selection, "--force"], ROOT)
    mirror(stage, out)
    manifest = json.loads((out / "exercises" / "manifest.json").read_text())
    chosen = [exercise["id"] for exercise in manifest["exercises"]]
    full = json.loads((ROOT / "exercises" / "manifest.json").read_text())["exercises"]
    wanted = [e["id"] for e in full if selection == "all" or (selection == "notebook" and e["part"] == 2)]
    if chosen != wanted:
        problems.append(f"{selection}: the handout's manifest lists {chosen}, expected {wanted}")

    secrets = secret_lines(set(chosen))
    hidden = {p.read_bytes() for p in (ROOT / "graders").rglob("*") if p.is_file() and "suites" in p.parts}
    problems += [f"{selection}: leak: {leak}" for leak in leaks(out, secrets, hidden)]
    # the scan itself must be able to fail
    if secrets:
        probe = out / "exercises" / "probe.txt"
        probe.write_text(next(iter(secrets)) + "\n")
        if not leaks(out, secrets, hidden):
            problems.append("the leak scan missed a planted solution line")
        probe.unlink()
    print(f"{selection}: {len(chosen)} exercises, {len(secrets)} solution lines, none in the handout"
          if not problems else f"{selection}: problems found", flush=True)
    if not build:
        return problems

    jobs = str(os.cpu_count() or 2)
    run(["cmake", "--preset", preset], out)
    run(["cmake", "--build", "--preset", preset, "-j", jobs], out)
    junit = out / "build" / "ctest.xml"
    tested = run(["ctest", "--preset", preset, "-j", jobs, "--output-junit", junit], out, check=False)
    print(tested.stdout[-3000:])
    cases = {case.get("name"): case for case in ElementTree.parse(junit).getroot().iter("testcase")}
    with_tests = [i for i in chosen if (out / "exercises" / i / "test_public.cpp").is_file()]
    for ex_id in with_tests:
        case = cases.get(f"student.{ex_id}")
        output = (case.findtext("system-out") or "").strip() if case is not None else ""
        if case is None:
            problems.append(f"{selection}: ctest has no test student.{ex_id}")
        elif case.get("status") not in ("fail", "notrun") or (
                case.get("status") == "fail" and not todo_line(ex_id).match(output)):
            problems.append(f"{selection}: student.{ex_id} should fail with the not-implemented line, "
                            f"got {case.get('status')}: {output}")
    if len(cases) != len(with_tests):
        problems.append(f"{selection}: ctest ran {len(cases)} tests, expected {len(with_tests)}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, required=True, help="a folder of its own, reused between runs")
    parser.add_argument("--preset", default="cpu", help="the handout's preset to build (default: cpu)")
    parser.add_argument("--no-build", action="store_true", help="only generate and scan")
    parser.add_argument("--fresh", action="store_true", help="start from an empty work folder")
    args = parser.parse_args()
    work = args.work.resolve()
    if args.fresh and work.exists():
        shutil.rmtree(work)
    problems = []
    for selection in ("notebook", "all"):
        problems += check_selection(selection, work, args.preset, build=not args.no_build)
    for problem in problems:
        print("FAIL:", problem)
    print("handout: ok" if not problems else f"handout: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
