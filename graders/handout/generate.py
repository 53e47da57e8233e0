#!/usr/bin/env python3
"""Writes the student side of the course from reference/ and exercises/manifest.json.

  generate.py student                 write student/ (every solution region stubbed)
  generate.py check                   exit 1 when student/ is stale or the course is inconsistent
  generate.py handout OUT [--exercises all|notebook|ID,ID...] [--force]
                                      write a standalone student repository to OUT

A solution region is code inside a function body of reference/course/src/<file>:

    // BEGIN SOLUTION 06-matmul
    ...
    // END SOLUTION

In the student file each region becomes `TL_TODO("06-matmul");` (course/todo.h), under a
`// TODO(06-matmul): your code here` line; nothing else changes except that the file gains
`#include "course/todo.h"` when it lacks it. Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = Path(__file__).resolve().parent / "templates"
SOURCE_SUFFIXES = {".c", ".cc", ".cpp", ".cxx", ".cu", ".cuh", ".h", ".hh", ".hpp", ".inl", ".ipp"}
TEXT_SUFFIXES = SOURCE_SUFFIXES | {".md", ".txt", ".json", ".cmake", ".in", ".py", ".sh", ""}
REGION_DIR = "reference/course/src"  # the only place solution regions may live
STUDENT_DIR = "student"

BEGIN_RE = re.compile(r"^([ \t]*)// BEGIN SOLUTION ([A-Za-z0-9][A-Za-z0-9_.-]*)[ \t]*$")
END_RE = re.compile(r"^[ \t]*// END SOLUTION[ \t]*$")
MARKER_WORDS_RE = re.compile(r"\b(BEGIN|END)[ _]SOLUTION\b")
TODO_INCLUDE_RE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*[<"]course/todo\.h[>"]', re.M)
INCLUDE_RE = re.compile(r"^[ \t]*#[ \t]*include\b")

# What a handout ships besides templates, stubs and exercises (paths relative to the root;
# folders are copied whole). The library's own tests, benchmarks and fixtures stay behind.
HANDOUT_INFRA = [
    "cmake",
    "reference/CMakeLists.txt",
    "reference/include",
    "reference/src",
    "reference/course/CMakeLists.txt",
    "reference/course/include",
    "reference/course/support",
    "exercises/CMakeLists.txt",
    "tools/progress",
]
HANDOUT_DOCS_GLOB = "docs/*student*"  # the student guide, when the repository has one


class CourseError(Exception):
    """A problem the user must fix; the message lists file:line locations."""


# ----------------------------------------------------------------------------- manifest

def load_manifest(root: Path) -> dict:
    path = root / "exercises" / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CourseError(f"{path}: cannot read the manifest: {error}") from error
    ids = [exercise.get("id") for exercise in manifest.get("exercises", [])]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CourseError(f"{path}: exercise ids appear twice: {', '.join(duplicates)}")
    return manifest


def exercises_by_id(manifest: dict) -> dict[str, dict]:
    return {exercise["id"]: exercise for exercise in manifest["exercises"]}


# ---------------------------------------------------------------------- region scanning

@dataclass
class Region:
    exercise: str
    begin: int  # 0-based index of the BEGIN line
    end: int    # 0-based index of the END line
    indent: str


@dataclass
class SourceFile:
    rel: str          # path relative to the root, e.g. reference/course/src/06_matmul.cpp
    lines: list[str]  # with their line endings
    regions: list[Region] = field(default_factory=list)

    @property
    def course_rel(self) -> str:
        """The path relative to reference/ and student/, as the manifest spells it."""
        return self.rel.split("/", 1)[1]


class BraceTracker:
    """Follows C++ braces line by line, skipping comments, literals and preprocessor lines,
    and says whether a point of the file is inside a block of statements (a function
    body) rather than a namespace, class, linkage block or braced initializer."""

    def __init__(self) -> None:
        self.stack: list[str] = []  # kinds: namespace, class, linkage, init, block
        self.head = ""              # code since the last ; { or }
        self.in_comment = False
        self.raw_end: str | None = None  # the closing )delim" of an open raw string
        self.continued = False           # inside a preprocessor line ending with '\'

    def in_code(self) -> bool:
        return bool(self.stack) and self.stack[-1] == "block"

    def _classify(self) -> str:
        """The kind of the `{` that follows the code in self.head."""
        head = " ".join(self.head.split())
        if re.search(r"\bnamespace\b", head):
            return "namespace"
        if re.search(r'\bextern ?""$', head):
            return "linkage"
        if re.search(r"\b(class|struct|union|enum)\b", head) and "(" not in head:
            return "class"
        # After `)` and specifiers (a function, a control statement, a lambda), after
        # else/do/try, a lambda's `]` or a `case x:` label, or bare (a nested block, a
        # constructor body).
        statement = (re.search(r"\)( ?(const|volatile|noexcept|override|final|mutable|&|&&))*( ?->.*)?$", head)
                     or re.search(r"(\belse|\bdo|\btry|\]|:)$", head))
        if statement:
            return "block"
        if self.stack and self.stack[-1] == "init":
            return "init"  # a nested braced list
        return "block" if not head else "init"  # `= {`, `return {`, `f({`, `T x{`

    def feed(self, line: str) -> None:
        text = line.rstrip("\r\n")
        if self.continued or (not self.in_comment and self.raw_end is None and text.lstrip().startswith("#")):
            self.continued = text.endswith("\\")
            return
        i, n = 0, len(text)
        while i < n:
            if self.in_comment:
                close = text.find("*/", i)
                if close < 0:
                    return
                self.in_comment, i = False, close + 2
                continue
            if self.raw_end is not None:
                close = text.find(self.raw_end, i)
                if close < 0:
                    return
                i, self.raw_end = close + len(self.raw_end), None
                self.head += '""'
                continue
            c = text[i]
            if text.startswith("//", i):
                break
            if text.startswith("/*", i):
                self.in_comment, i = True, i + 2
                continue
            raw = re.match(r'(?:u8|[uUL])?R"([^()\\\s]{0,16})\(', text[i:])
            if raw and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
                self.raw_end = ")" + raw.group(1) + '"'
                i += raw.end()
                continue
            if c == '"' or (c == "'" and not (i > 0 and text[i - 1].isalnum())):
                j = i + 1
                while j < n and text[j] != c:
                    j += 2 if text[j] == "\\" else 1
                self.head += '""'
                i = j + 1
                continue
            if c == "{":
                self.stack.append(self._classify())
                self.head = ""
            elif c == "}":
                if self.stack:
                    self.stack.pop()
                self.head = ""
            elif c == ";":
                self.head = ""
            else:
                self.head += c
            i += 1
        self.head += " "


def scan_file(root: Path, rel: str, known_ids: set[str]) -> tuple[SourceFile, list[str]]:
    """Finds the solution regions of one file; returns it with a list of file:line errors."""
    data = (root / rel).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return SourceFile(rel, []), [f"{rel}:1: not UTF-8 text"]
    source = SourceFile(rel, text.splitlines(keepends=True))
    errors: list[str] = []
    braces = BraceTracker()
    open_region: Region | None = None
    broken = False  # the open region had a faulty BEGIN
    open_depth = 0
    low_depth = 0
    for index, line in enumerate(source.lines):
        where = f"{rel}:{index + 1}"
        bare = line.rstrip("\r\n")
        begin, end = BEGIN_RE.match(bare), END_RE.match(bare)
        if (begin or end) and (braces.in_comment or braces.raw_end is not None):
            errors.append(f"{where}: solution marker inside a comment or string")
        elif begin:
            exercise = begin.group(2)
            if open_region is not None:
                errors.append(f"{where}: nested BEGIN SOLUTION (the region of {open_region.exercise} "
                              f"opened at line {open_region.begin + 1} has no END SOLUTION yet)")
                broken = True
            else:  # a faulty BEGIN still opens a region, so that its END pairs with it
                broken = exercise not in known_ids or not braces.in_code()
                if exercise not in known_ids:
                    errors.append(f"{where}: BEGIN SOLUTION names {exercise}, which is not an exercise "
                                  f"of exercises/manifest.json")
                elif not braces.in_code():
                    errors.append(f"{where}: solution region outside a function body")
                open_region = Region(exercise, index, -1, begin.group(1))
                open_depth = low_depth = len(braces.stack)
        elif end:
            if open_region is None:
                errors.append(f"{where}: END SOLUTION without BEGIN SOLUTION")
            elif len(braces.stack) != open_depth or low_depth < open_depth:
                errors.append(f"{where}: the braces of the region opened at line {open_region.begin + 1} "
                              f"do not balance between its markers")
            elif not broken:
                open_region.end = index
                source.regions.append(open_region)
            open_region = None
        elif MARKER_WORDS_RE.search(bare) and bare.lstrip().startswith("//"):
            errors.append(f"{where}: malformed solution marker (write `// BEGIN SOLUTION <exercise-id>` "
                          f"or `// END SOLUTION` alone on the line)")
        braces.feed(line)
        if open_region is not None:
            low_depth = min(low_depth, len(braces.stack))
    if open_region is not None:
        errors.append(f"{rel}:{open_region.begin + 1}: BEGIN SOLUTION {open_region.exercise} "
                      f"without END SOLUTION")
    return source, errors


def source_files(root: Path, top: str, suffixes: set[str] = SOURCE_SUFFIXES) -> list[str]:
    """Relative paths of the C/C++/CUDA sources (or other `suffixes`) under root/top, sorted."""
    base = root / top
    if not base.is_dir():
        return []
    found = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames.sort()
        for name in filenames:
            if Path(name).suffix in suffixes:
                found.append((Path(dirpath) / name).relative_to(root).as_posix())
    return sorted(found)


def scan_reference(root: Path, manifest: dict) -> list[SourceFile]:
    """Every file of reference/ that holds solution regions, checked; raises on errors."""
    by_id = exercises_by_id(manifest)
    known = set(by_id)
    files, errors = [], []
    for rel in source_files(root, "reference"):
        source, file_errors = scan_file(root, rel, known)
        errors += file_errors
        if not source.regions:
            continue
        if not rel.startswith(REGION_DIR + "/"):
            errors.append(f"{rel}:{source.regions[0].begin + 1}: solution regions belong in {REGION_DIR}/")
            continue
        for region in source.regions:
            if source.course_rel not in by_id[region.exercise].get("files", []):
                errors.append(f"{rel}:{region.begin + 1}: region of {region.exercise}, but the manifest "
                              f"does not list {source.course_rel} in its files")
        files.append(source)
    if errors:
        raise CourseError("\n".join(errors))
    return files


# ---------------------------------------------------------------------------- rendering

def render(source: SourceFile, stub_ids: set[str]) -> str:
    """The file with the regions of `stub_ids` stubbed and every marker line removed."""
    newline = "\r\n" if source.lines and source.lines[0].endswith("\r\n") else "\n"
    starts = {region.begin: region for region in source.regions}
    ends = {region.end for region in source.regions}
    out: list[str] = []
    index = 0
    while index < len(source.lines):
        region = starts.get(index)
        if region is not None and region.exercise in stub_ids:
            out.append(f"{region.indent}// TODO({region.exercise}): your code here{newline}")
            out.append(f'{region.indent}TL_TODO("{region.exercise}");{newline}')
            index = region.end + 1
            continue
        if region is None and index not in ends:
            out.append(source.lines[index])
        index += 1
    text = "".join(out)
    if any(region.exercise in stub_ids for region in source.regions) and not TODO_INCLUDE_RE.search(text):
        text = add_todo_include(source, text, newline)
    return text


def add_todo_include(source: SourceFile, text: str, newline: str) -> str:
    """Adds the include TL_TODO needs after the last #include above the first region."""
    lines = text.splitlines(keepends=True)
    first_region = min(region.begin for region in source.regions)
    last_include = max((i for i, line in enumerate(lines[:first_region]) if INCLUDE_RE.match(line)), default=-1)
    lines.insert(last_include + 1, f'#include "course/todo.h"{newline}')
    return "".join(lines)


def student_rel(source: SourceFile) -> str:
    return f"{STUDENT_DIR}/{source.course_rel}"


def expected_student(root: Path, manifest: dict) -> dict[str, str]:
    """student/ as it should be: path relative to the root -> text."""
    all_ids = set(exercises_by_id(manifest))
    return {student_rel(source): render(source, all_ids) for source in scan_reference(root, manifest)}


def existing_student(root: Path) -> list[str]:
    base = root / STUDENT_DIR
    if not base.is_dir():
        return []
    return sorted(path.relative_to(root).as_posix() for path in base.rglob("*") if path.is_file())


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


# ------------------------------------------------------------------------------ commands

def cmd_student(root: Path) -> int:
    manifest = load_manifest(root)
    expected = expected_student(root, manifest)
    changed = []
    for rel, text in expected.items():
        path = root / rel
        if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
            write_text(path, text)
            changed.append(f"wrote {rel}")
    for rel in existing_student(root):
        if rel not in expected:  # student/ is generated: nothing else belongs there
            (root / rel).unlink()
            changed.append(f"removed {rel}")
    for directory in sorted((root / STUDENT_DIR).rglob("*"), reverse=True) if (root / STUDENT_DIR).is_dir() else []:
        if directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()
    for line in changed:
        print(line)
    print(f"student/: {len(expected)} files, {len(changed)} changed")
    return 0


def course_problems(root: Path, manifest: dict, files: list[SourceFile]) -> list[str]:
    """What is missing or inconsistent between the manifest and the tree."""
    problems = []
    regions_of = {}
    for source in files:
        for region in source.regions:
            regions_of.setdefault(region.exercise, []).append(source.rel)
    for exercise in manifest["exercises"]:
        ex_id = exercise["id"]
        where = f"exercises/manifest.json ({ex_id})"
        for key in ("title", "part", "section", "points", "files", "header", "public_tests",
                    "hidden_suite", "timeout_s", "needs_gpu"):
            if key not in exercise:
                problems.append(f"{where}: missing field {key}")
        paths = [f"reference/{f}" for f in exercise.get("files", [])]
        paths += [f"reference/{exercise['header']}"] if "header" in exercise else []
        paths += [exercise[key] for key in ("public_tests", "hidden_suite") if key in exercise]
        paths.append(f"exercises/{ex_id}/README.md")
        for rel in paths:
            if not (root / rel).is_file():
                problems.append(f"{where}: {rel} does not exist")
        if ex_id not in regions_of and all((root / "reference" / f).is_file() for f in exercise.get("files", [])):
            problems.append(f"{where}: no solution region in {', '.join(exercise.get('files', []))}")
    return problems


def cmd_check(root: Path) -> int:
    try:
        manifest = load_manifest(root)
        files = scan_reference(root, manifest)
    except CourseError as error:
        print(error, file=sys.stderr)
        return 1
    expected = {student_rel(source): render(source, set(exercises_by_id(manifest))) for source in files}
    problems = []
    for rel, text in expected.items():
        path = root / rel
        if not path.is_file():
            problems.append(f"{rel}: missing")
        elif path.read_bytes() != text.encode("utf-8"):
            problems.append(f"{rel}: stale (differs from what reference/ generates)")
    problems += [f"{rel}: not generated from reference/" for rel in existing_student(root) if rel not in expected]
    stale = bool(problems)
    problems += course_problems(root, manifest, files)
    for problem in problems:
        print(problem, file=sys.stderr)
    if stale:
        print("student/ is out of date: run python3 graders/handout/generate.py student", file=sys.stderr)
    if problems:
        return 1
    regions = sum(len(source.regions) for source in files)
    print(f"student/ is up to date: {len(files)} files, {regions} regions, "
          f"{len(manifest['exercises'])} exercises")
    return 0


def choose_exercises(manifest: dict, selection: str) -> list[str]:
    ids = [exercise["id"] for exercise in manifest["exercises"]]
    if selection == "all":
        return ids
    if selection == "notebook":
        return [exercise["id"] for exercise in manifest["exercises"] if exercise.get("part") == 2]
    chosen = [item.strip() for item in selection.split(",") if item.strip()]
    unknown = [item for item in chosen if item not in ids]
    if unknown or not chosen:
        raise CourseError(f"--exercises: unknown exercise ids {', '.join(unknown) or '(none given)'}; "
                          f"use all, notebook or ids from exercises/manifest.json")
    return [i for i in ids if i in chosen]  # manifest order


def copy_path(root: Path, out: Path, rel: str) -> None:
    source = root / rel
    if source.is_dir():
        shutil.copytree(source, out / rel, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    elif source.is_file():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, out / rel)
    else:
        raise CourseError(f"{rel}: the handout needs it, but it does not exist")


def project_version(root: Path) -> str:
    match = re.search(r"project\(\s*\S+\s+VERSION\s+([0-9.]+)", (root / "CMakeLists.txt").read_text())
    return match.group(1) if match else "0.1.0"


def fill_template(name: str, values: dict[str, str]) -> str:
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    return text


def cmd_handout(root: Path, out: Path, selection: str, force: bool) -> int:
    manifest = load_manifest(root)
    files = scan_reference(root, manifest)
    chosen = choose_exercises(manifest, selection)
    out = out.resolve()
    if out == root or root.is_relative_to(out):
        raise CourseError(f"{out}: refusing to write a handout over the repository")
    if out.exists() and any(out.iterdir()):
        if not force:
            raise CourseError(f"{out}: exists and is not empty (use --force to replace it)")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)

    for rel in HANDOUT_INFRA:
        copy_path(root, out, rel)
    for path in sorted(root.glob(HANDOUT_DOCS_GLOB)):
        copy_path(root, out, path.relative_to(root).as_posix())

    # Course sources: those with a chosen region go to student/ stubbed, the rest (library
    # complete) to reference/; markers of regions left in are dropped either way.
    with_regions = {source.rel: source for source in files}
    for rel in source_files(root, REGION_DIR):
        source = with_regions.get(rel)
        if source is None:
            copy_path(root, out, rel)
            continue
        stubbed = any(region.exercise in chosen for region in source.regions)
        target = student_rel(source) if stubbed else rel
        write_text(out / target, render(source, set(chosen)))

    # Exercises: the manifest filtered to the chosen ones, their folders whole.
    kept = [exercise for exercise in manifest["exercises"] if exercise["id"] in chosen]
    write_text(out / "exercises/manifest.json",
               json.dumps({**manifest, "exercises": kept}, indent=2, ensure_ascii=False) + "\n")
    for ex_id in chosen:
        if (root / "exercises" / ex_id).is_dir():
            copy_path(root, out, f"exercises/{ex_id}")

    rows = "\n".join(f"| {e['id']} | [{e['title']}](exercises/{e['id']}/README.md) | {e['points']} |"
                     + (" GPU |" if e.get("needs_gpu") else " |") for e in kept)
    values = {"COURSE": manifest.get("course", "tensorlings"), "VERSION": project_version(root),
              "EXERCISES": rows, "COUNT": str(len(kept)),
              "POINTS": str(sum(e.get("points", 0) for e in kept))}
    for template, target in (("CMakeLists.txt", "CMakeLists.txt"), ("CMakePresets.json", "CMakePresets.json"),
                             ("README.md", "README.md"), ("gitignore", ".gitignore")):
        write_text(out / target, fill_template(template, values))

    leaks = handout_leaks(root, out, files, set(chosen))
    if leaks:
        raise CourseError("the handout leaks solution text:\n" + "\n".join(leaks))
    count = sum(1 for path in out.rglob("*") if path.is_file())
    print(f"handout written to {out}: {len(chosen)} exercises to do ({', '.join(chosen)}), {count} files")
    return 0


# ------------------------------------------------------------------------ leak detection

def stripped_lines(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines() if line.strip()}


def handout_leaks(root: Path, out: Path, files: list[SourceFile], chosen: set[str]) -> list[str]:
    """Lines of `out` that only a chosen solution region or a hidden suite contains.

    A region line that also appears in the repository outside the chosen regions (a `}`,
    a call shown in a public test) proves nothing and is not counted."""
    secret: set[str] = set()
    public: set[str] = set()
    region_lines = {}
    for source in files:
        inside = set()
        for region in source.regions:
            if region.exercise in chosen:
                inside.update(range(region.begin + 1, region.end))
        region_lines[source.rel] = inside
    for rel in source_files(root, "reference", TEXT_SUFFIXES) + source_files(root, "exercises", TEXT_SUFFIXES):
        inside = region_lines.get(rel, set())
        for index, line in enumerate((root / rel).read_text(encoding="utf-8", errors="replace").splitlines()):
            (secret if index in inside else public).add(line.strip())
    secret -= public
    secret.discard("")
    hidden = [root / e["hidden_suite"] for e in load_manifest(root)["exercises"] if "hidden_suite" in e]
    hidden += list((root / "graders" / "suites").rglob("*"))
    suites = {path.read_bytes() for path in hidden if path.is_file()}
    leaks = []
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(out).as_posix()
        data = path.read_bytes()
        if rel.startswith("graders/") or data in suites:
            leaks.append(f"{rel}: a file of graders/ (hidden suites stay with the instructors)")
            continue
        for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
            if line.strip() in secret:
                leaks.append(f"{rel}:{number}: solution line: {line.strip()}")
            elif BEGIN_RE.match(line) or END_RE.match(line):
                leaks.append(f"{rel}:{number}: solution marker")
    return leaks


# ---------------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the course repository (default: this one)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("student", help="write student/ from reference/")
    commands.add_parser("check", help="fail when student/ is stale or the course is inconsistent")
    handout = commands.add_parser("handout", help="write a standalone student repository")
    handout.add_argument("out", type=Path)
    handout.add_argument("--exercises", default="all", help="all (default), notebook, or ids separated by commas")
    handout.add_argument("--force", action="store_true", help="replace OUT when it is not empty")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        if args.command == "student":
            return cmd_student(root)
        if args.command == "check":
            return cmd_check(root)
        return cmd_handout(root, args.out, args.exercises, args.force)
    except CourseError as error:
        print(error, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
