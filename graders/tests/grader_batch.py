#!/usr/bin/env python3
"""Batch grading of a class of 20 (correct, partial, broken and hostile submissions, as folders
and archives): the batch is killed half-way, resumed, and must end with one correct row per
submission in the CSV, every results.json valid, and no finished submission graded twice.

    grader_batch.py --tl-grade BIN --schema SCHEMA --repo ROOT --work DIR
"""
import argparse
import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tarfile
import time
import zipfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import grader_validate  # noqa: E402

EXERCISES = ["01-tensors", "02-random"]  # a subset keeps the test quick
FILES = {"01-tensors": "01_tensors.cpp", "02-random": "02_random.cpp"}


def tree(repo, overrides):
    """name -> text of course/src: the reference, with `overrides` (name -> text) applied."""
    src = os.path.join(repo, "reference", "course", "src")
    files = {}
    for name in os.listdir(src):
        with open(os.path.join(src, name)) as f:
            files[name] = f.read()
    files.update(overrides)
    return files


def stub(repo, exercise):
    with open(os.path.join(repo, "student", "course", "src", FILES[exercise])) as f:
        return {FILES[exercise]: f.read()}


def hostile(repo, case):
    with open(os.path.join(repo, "graders", "hostile", case, "01_tensors.cpp")) as f:
        return {"01_tensors.cpp": f.read().replace("@REPO@", repo)}


def write_folder(path, prefix, files, extra=None):
    for name, text in files.items():
        target = os.path.join(path, prefix, "course", "src", name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w") as f:
            f.write(text)
    for name, text in (extra or {}).items():
        with open(os.path.join(path, name), "w") as f:
            f.write(text)


def write_archive(path, prefix, files, unsafe=False):
    entries = {os.path.join(prefix, "course", "src", n): t for n, t in files.items()}
    if unsafe:
        entries = {"../../" + n: t for n, t in entries.items()}
    if path.endswith(".zip"):
        with zipfile.ZipFile(path, "w") as z:
            for name, text in entries.items():
                z.writestr(name, text)
        return
    with tarfile.open(path, "w:gz" if path.endswith("gz") else "w") as t:
        for name, text in entries.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))


def build_class(repo, subs):
    """Writes 20 submissions; returns name -> {exercise: 'full' | 'zero'}."""
    full = {e: "full" for e in EXERCISES}
    zero = {e: "zero" for e in EXERCISES}
    expected = {}

    def add(name, outcome, writer):
        writer(os.path.join(subs, name))
        expected[name.split(".")[0]] = outcome

    ref = tree(repo, {})
    add("c01", full, lambda p: write_folder(p, "", ref))
    add("c02.zip", full, lambda p: write_archive(p, "student", ref))
    add("c03.tar.gz", full, lambda p: write_archive(p, "repo/student", ref))
    add("c04", full, lambda p: write_folder(p, "student", ref, {"README.md": "notes"}))
    add("c05.tar", full, lambda p: write_archive(p, "", ref))
    add("c06.tgz", full, lambda p: write_archive(p, "handout", ref))
    for i, ex in enumerate(["01-tensors", "01-tensors", "01-tensors", "02-random", "02-random"]):
        other = {e: ("zero" if e == ex else "full") for e in EXERCISES}
        files = tree(repo, stub(repo, ex))
        add(f"p0{i + 1}" + (".zip" if i == 4 else ""), other,
            lambda p, files=files: write_folder(p, "", files) if not p.endswith(".zip") else write_archive(p, "", files))
    broken = tree(repo, {"01_tensors.cpp": "this is not C++ {"})
    add("b01", {"01-tensors": "zero", "02-random": "full"}, lambda p: write_folder(p, "", broken))
    add("b02", zero, lambda p: os.makedirs(p))
    add("b03.zip", zero, lambda p: open(p, "w").write("not a zip archive"))
    add("b04.tar.gz", zero, lambda p: write_archive(p, "", ref, unsafe=True))
    for i, case in enumerate(["exit-zero", "fork-bomb", "flood-stdout", "static-init-steal-secret", "fake-results-file"]):
        files = tree(repo, hostile(repo, case))
        add(f"h0{i + 1}", {"01-tensors": "zero", "02-random": "full"}, lambda p, files=files: write_folder(p, "", files))
    return expected


def csv_rows(path, graded_only=False):
    """The gradebook's rows (a submission not graded yet has a row with blank cells)."""
    try:
        with open(path) as f:
            return [r for r in csv.DictReader(f) if r["total"] or not graded_only]
    except OSError:
        return []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tl-grade", required=True)
    parser.add_argument("--schema", required=True)
    parser.add_argument("--repo", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    repo = os.path.abspath(args.repo)
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    subs, out, grades = os.path.join(work, "class"), os.path.join(work, "out"), os.path.join(work, "grades.csv")
    os.makedirs(subs)
    expected = build_class(repo, subs)
    assert len(expected) == 20, len(expected)
    command = [args.tl_grade, "batch", subs, "--out", out, "--csv", grades, "--jobs", "2", "--timeout", "2",
               "--exercises", ",".join(EXERCISES)]
    temp = os.path.join(work, "tmp")  # tl-grade's work folders: the killed run's must be swept too
    os.makedirs(temp)
    os.environ["TMPDIR"] = temp
    problems = []

    # First run: killed (with its whole process group) once a third of the class is graded.
    start = time.monotonic()
    with open(os.path.join(work, "first.log"), "w") as log:
        first = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        while first.poll() is None and len(csv_rows(grades, True)) < 7 and time.monotonic() - start < 240:
            time.sleep(0.2)
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
    done_before = len(csv_rows(grades, True))
    print(f"first run killed after {time.monotonic() - start:.1f} s with {done_before} of 20 graded")
    if not 0 < done_before < 20:
        problems.append(f"the kill should come half-way, but {done_before} were graded")

    # Second run: resumes, skipping what is finished.
    start = time.monotonic()
    second = subprocess.run(command, capture_output=True, text=True, errors="replace")
    seconds = time.monotonic() - start
    print(second.stdout, end="")
    skipped = second.stdout.count("(already graded)")
    if second.returncode != 0:
        problems.append(f"the resumed batch failed with status {second.returncode}: {second.stderr[-500:]}")
    if skipped != done_before:
        problems.append(f"{skipped} submissions were skipped on resume, expected {done_before}")

    with open(args.schema) as f:
        schema = json.load(f)
    rows = {r["submission"]: r for r in csv_rows(grades, True)}
    if len(csv_rows(grades)) != 20 or set(rows) != set(expected):
        problems.append(f"the CSV has {len(csv_rows(grades))} rows, graded {sorted(rows)}")
    for name, outcome in sorted(expected.items()):
        row = rows.get(name)
        if row is None:
            continue
        for ex, verdict in outcome.items():
            got = float(row[ex])
            if (verdict == "full") != (got == 10.0) or (verdict == "zero") != (got == 0.0):
                problems.append(f"{name}: {ex} scored {got}, expected {verdict}")
        if abs(float(row["total"]) - sum(float(row[e]) for e in EXERCISES)) > 1e-6:
            problems.append(f"{name}: total {row['total']} is not the sum of its exercises")
        with open(os.path.join(out, name, "results.json"), encoding="utf-8") as f:
            errors = grader_validate.validate(json.load(f), schema, schema)
        if errors:
            problems.append(f"{name}: results.json does not validate: {errors[:2]}")
    if os.listdir(temp):
        problems.append(f"work folders were left behind: {os.listdir(temp)}")
    for p in problems:
        print(f"FAIL {p}")
    print(f"batch: resumed run {seconds:.1f} s for {20 - done_before} submissions; "
          f"{'ok' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
