#!/usr/bin/env python3
"""Tests of graders/handout/generate.py on small synthetic course trees (built in temporary
folders, with placeholder exercises) and on a temporary copy of this repository."""

import json
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "graders" / "handout" / "generate.py"
sys.path.insert(0, str(GENERATOR.parent))
import generate  # noqa: E402

PLACEHOLDER = """\
#include "course/01_a.h"

namespace course {
struct Point { int x; };
int add(int a, int b) {
  int unused = 0;
  // BEGIN SOLUTION 01-a
  if (a > 0) { return a + b; }
  return b + a;
  // END SOLUTION
}
}  // namespace course
"""


def run_generator(root, *args):
    return subprocess.run([sys.executable, str(GENERATOR), "--root", str(root), *args],
                          capture_output=True, text=True)


class Tree:
    """A minimal course repository: a manifest and reference/course/src files."""

    def __init__(self, files=None, ids=("01-a", "02-b")):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = Path(self.tmp.name)
        exercises = [{"id": i, "title": f"Title {i}", "part": 1 + n % 2, "points": 5,
                      "files": [f"course/src/{i.replace('-', '_')}.cpp"]} for n, i in enumerate(ids)]
        self.write("exercises/manifest.json", json.dumps({"course": "t", "exercises": exercises}))
        for rel, text in (files or {"reference/course/src/01_a.cpp": PLACEHOLDER}).items():
            self.write(rel, text)

    def write(self, rel, text):
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)

    def read(self, rel):
        return (self.root / rel).read_text()

    def snapshot(self, top):
        return {p.relative_to(self.root).as_posix(): p.read_bytes()
                for p in sorted((self.root / top).rglob("*")) if p.is_file()}

    def close(self):
        self.tmp.cleanup()


class StubTest(unittest.TestCase):
    def setUp(self):
        self.tree = Tree()

    def tearDown(self):
        self.tree.close()

    def test_region_becomes_todo_and_nothing_else_changes(self):
        self.assertEqual(run_generator(self.tree.root, "student").returncode, 0)
        self.assertEqual(self.tree.read("student/course/src/01_a.cpp"), """\
#include "course/01_a.h"
#include "course/todo.h"

namespace course {
struct Point { int x; };
int add(int a, int b) {
  int unused = 0;
  // TODO(01-a): your code here
  TL_TODO("01-a");
}
}  // namespace course
""")

    def test_second_run_is_byte_identical_and_check_passes(self):
        run_generator(self.tree.root, "student")
        first = self.tree.snapshot("student")
        result = run_generator(self.tree.root, "student")
        self.assertIn("0 changed", result.stdout)
        self.assertEqual(first, self.tree.snapshot("student"))
        check = run_generator(self.tree.root, "check")
        self.assertNotIn("stale", check.stderr)
        self.assertNotIn("missing", check.stderr.replace("missing field", ""))

    def test_check_names_a_stale_a_missing_and_a_stray_file(self):
        run_generator(self.tree.root, "student")
        self.tree.write("reference/course/src/01_a.cpp", PLACEHOLDER.replace("b + a", "a + b + 0"))
        self.tree.write("student/course/src/old.cpp", "int old;\n")
        result = run_generator(self.tree.root, "check")
        self.assertEqual(result.returncode, 1)
        self.assertIn("student/course/src/old.cpp: not generated from reference/", result.stderr)
        (self.tree.root / "student/course/src/01_a.cpp").unlink()
        result = run_generator(self.tree.root, "check")
        self.assertIn("student/course/src/01_a.cpp: missing", result.stderr)
        run_generator(self.tree.root, "student")
        self.assertFalse((self.tree.root / "student/course/src/old.cpp").exists())
        # a changed region is stale even though the stub text is the same: the include moved
        self.tree.write("reference/course/src/01_a.cpp", "#include <cmath>\n" + PLACEHOLDER)
        result = run_generator(self.tree.root, "check")
        self.assertIn("student/course/src/01_a.cpp: stale", result.stderr)

    def test_keeps_existing_include_and_crlf(self):
        source = PLACEHOLDER.replace('#include "course/01_a.h"', '#include <course/todo.h>')
        self.tree.write("reference/course/src/01_a.cpp", source.replace("\n", "\r\n"))
        (self.tree.root / "reference/course/src/01_a.cpp").write_bytes(source.replace("\n", "\r\n").encode())
        run_generator(self.tree.root, "student")
        text = (self.tree.root / "student/course/src/01_a.cpp").read_bytes().decode()
        self.assertEqual(text.count("course/todo.h"), 1)
        self.assertIn('  TL_TODO("01-a");\r\n', text)
        self.assertNotIn("\n", text.replace("\r\n", ""))


class MarkerErrorTest(unittest.TestCase):
    """Every malformed file is refused with file:line, and student/ is left alone."""

    def assert_refused(self, body, expected, line, rel="reference/course/src/01_a.cpp"):
        tree = Tree({rel: body})
        try:
            result = run_generator(tree.root, "student")
            self.assertEqual(result.returncode, 2, result.stderr)
            self.assertIn(f"{rel}:{line}: {expected}", result.stderr)
            self.assertFalse((tree.root / "student").exists())
        finally:
            tree.close()

    def test_begin_without_end(self):
        self.assert_refused("int f() {\n  // BEGIN SOLUTION 01-a\n  return 1;\n}\n",
                            "BEGIN SOLUTION 01-a without END SOLUTION", 2)

    def test_end_without_begin(self):
        self.assert_refused("int f() {\n  return 1;\n  // END SOLUTION\n}\n", "END SOLUTION without BEGIN", 3)

    def test_nested(self):
        self.assert_refused("int f() {\n  // BEGIN SOLUTION 01-a\n  // BEGIN SOLUTION 01-a\n  return 1;\n"
                            "  // END SOLUTION\n}\n", "nested BEGIN SOLUTION", 3)

    def test_unknown_id(self):
        self.assert_refused("int f() {\n  // BEGIN SOLUTION 99-zz\n  return 1;\n  // END SOLUTION\n}\n",
                            "BEGIN SOLUTION names 99-zz, which is not an exercise", 2)

    def test_namespace_scope(self):
        self.assert_refused("namespace course {\n// BEGIN SOLUTION 01-a\nint f() { return 1; }\n"
                            "// END SOLUTION\n}\n", "solution region outside a function body", 2)

    def test_class_scope(self):
        self.assert_refused("struct S {\n  // BEGIN SOLUTION 01-a\n  int x;\n  // END SOLUTION\n};\n",
                            "solution region outside a function body", 2)

    def test_braced_initializer(self):
        self.assert_refused("int f() {\n  int v[] = {\n    // BEGIN SOLUTION 01-a\n    1, 2,\n"
                            "    // END SOLUTION\n  };\n  return v[0];\n}\n",
                            "solution region outside a function body", 3)

    def test_braces_cross_the_markers(self):
        self.assert_refused("int f(int a) {\n  // BEGIN SOLUTION 01-a\n  if (a) {\n    return 1;\n"
                            "  // END SOLUTION\n  }\n  return 0;\n}\n",
                            "the braces of the region opened at line 2 do not balance", 5)

    def test_malformed_marker(self):
        self.assert_refused("int f() {\n  //BEGIN SOLUTION 01-a\n  return 1;\n}\n", "malformed solution marker", 2)

    def test_region_outside_course_sources(self):
        self.assert_refused("int f() {\n  // BEGIN SOLUTION 01-a\n  return 1;\n  // END SOLUTION\n}\n",
                            "solution regions belong in reference/course/src/", 2,
                            rel="reference/src/ops/f.cpp")

    def test_region_in_a_file_the_manifest_does_not_list(self):
        self.assert_refused("int f() {\n  // BEGIN SOLUTION 02-b\n  return 1;\n  // END SOLUTION\n}\n",
                            "region of 02-b, but the manifest does not list course/src/01_a.cpp", 2)

    def test_braces_in_comments_strings_labels_and_lambdas(self):
        tree = Tree({"reference/course/src/01_a.cpp": (
            'const char* s = "}";  // }\n/* } */\nchar c = \'}\';\nconst char* r = R"x(})x";\n'
            "#define OPEN {\nint f(int k) {\n  switch (k) {\n    case 1: {\n      // BEGIN SOLUTION 01-a\n"
            "      return 1;\n      // END SOLUTION\n    }\n  }\n  auto g = [&]() -> int {\n"
            "    // BEGIN SOLUTION 01-a\n    return 2;\n    // END SOLUTION\n  };\n  return g();\n}\n")})
        try:
            result = run_generator(tree.root, "student")
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(tree.read("student/course/src/01_a.cpp").count('TL_TODO("01-a");'), 2)
        finally:
            tree.close()


class HandoutTest(unittest.TestCase):
    def setUp(self):
        second = "#include \"course/02_b.h\"\nint g() {\n  // BEGIN SOLUTION 02-b\n  return 40 + 2;\n" \
                 "  // END SOLUTION\n}\n"
        self.tree = Tree({"reference/course/src/01_a.cpp": PLACEHOLDER,
                          "reference/course/src/02_b.cpp": second,
                          "graders/suites/01-a.cpp": "TEST(Hidden, Secret) {}\n"})
        # the infrastructure a handout ships, as placeholders
        for rel in generate.HANDOUT_INFRA:
            self.tree.write(rel + ("/placeholder.txt" if "." not in Path(rel).name and rel != "tools/progress"
                                   else ""), "infra\n")
        self.tree.write("CMakeLists.txt", "project(tensorlings VERSION 1.2.3 LANGUAGES CXX)\n")
        self.out = self.tree.root / "out"

    def tearDown(self):
        self.tree.close()

    def handout(self, selection):
        return run_generator(self.tree.root, "handout", str(self.out), "--exercises", selection, "--force")

    def test_chosen_exercises_are_stubbed_the_rest_ship_complete(self):
        result = self.handout("02-b")
        self.assertEqual(result.returncode, 0, result.stderr)
        stub = (self.out / "student/course/src/02_b.cpp").read_text()
        self.assertIn('TL_TODO("02-b");', stub)
        self.assertNotIn("40 + 2", stub)
        self.assertFalse((self.out / "reference/course/src/02_b.cpp").exists())
        complete = (self.out / "reference/course/src/01_a.cpp").read_text()
        self.assertIn("return b + a;", complete)
        self.assertNotIn("SOLUTION", complete)
        manifest = json.loads((self.out / "exercises/manifest.json").read_text())
        self.assertEqual([e["id"] for e in manifest["exercises"]], ["02-b"])
        self.assertFalse((self.out / "graders").exists())
        self.assertIn("VERSION 1.2.3", (self.out / "CMakeLists.txt").read_text())
        self.assertIn("| 02-b |", (self.out / "README.md").read_text())

    def test_notebook_selection_is_part_two(self):
        self.assertEqual(self.handout("notebook").returncode, 0)
        self.assertTrue((self.out / "student/course/src/02_b.cpp").exists())
        self.assertTrue((self.out / "reference/course/src/01_a.cpp").exists())

    def test_refuses_unknown_ids_and_a_non_empty_folder(self):
        self.assertIn("unknown exercise ids 77-x", self.handout("77-x").stderr)
        (self.out).mkdir()
        (self.out / "keep.txt").write_text("x")
        result = run_generator(self.tree.root, "handout", str(self.out))
        self.assertEqual(result.returncode, 2)
        self.assertIn("not empty", result.stderr)

    def test_leak_detection_catches_a_solution_line_and_a_hidden_suite(self):
        self.assertEqual(self.handout("all").returncode, 0)
        files = generate.scan_reference(self.tree.root, generate.load_manifest(self.tree.root))
        self.assertEqual(generate.handout_leaks(self.tree.root, self.out, files, {"01-a", "02-b"}), [])
        with open(self.out / "tools/progress", "a") as extra:
            extra.write("  return 40 + 2;\n")
        shutil.copy(self.tree.root / "graders/suites/01-a.cpp", self.out / "exercises/hidden.cpp")
        leaks = generate.handout_leaks(self.tree.root, self.out, files, {"01-a", "02-b"})
        self.assertTrue(any("tools/progress:2: solution line: return 40 + 2;" in leak for leak in leaks), leaks)
        self.assertTrue(any("exercises/hidden.cpp" in leak for leak in leaks), leaks)


class RealTreeTest(unittest.TestCase):
    """The generator on a temporary copy of this repository's course."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = Path(self.tmp.name)
        for rel in ("reference/course", "exercises", "student"):
            if (ROOT / rel).is_dir():
                shutil.copytree(ROOT / rel, self.root / rel)
        for rel in ("reference/src", "reference/include"):  # scanned for stray markers
            shutil.copytree(ROOT / rel, self.root / rel)

    def tearDown(self):
        self.tmp.cleanup()

    def test_idempotent(self):
        first = run_generator(self.root, "student")
        self.assertEqual(first.returncode, 0, first.stderr)
        before = {p: p.read_bytes() for p in (self.root / "student").rglob("*") if p.is_file()}
        second = run_generator(self.root, "student")
        self.assertIn(" 0 changed", second.stdout)
        after = {p: p.read_bytes() for p in (self.root / "student").rglob("*") if p.is_file()}
        self.assertEqual(before, after)

    def test_editing_a_region_without_regenerating_is_stale(self):
        run_generator(self.root, "student")
        files = generate.scan_reference(self.root, generate.load_manifest(self.root))
        if not files:
            self.skipTest("no solution regions in reference/course/src yet")
        source, region = files[0], files[0].regions[0]
        path = self.root / source.rel

        def edited(index, text):
            lines = source.lines[:]
            lines.insert(index, region.indent + text + "\n")
            path.write_text("".join(lines))
            return run_generator(self.root, "check")

        # a new line inside the solution leaves the stub as it was
        self.assertNotIn(": stale", edited(region.begin + 1, "(void)0;").stderr)
        # splitting the region in two, or code added beside it, changes the stub
        for index, text in ((region.begin + 1, "// END SOLUTION\n" + region.indent + "// BEGIN SOLUTION "
                             + region.exercise), (region.begin, "(void)0;")):
            result = edited(index, text)
            self.assertEqual(result.returncode, 1)
            self.assertIn(f"student/{source.course_rel}: stale", result.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=1)
