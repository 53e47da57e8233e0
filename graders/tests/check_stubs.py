#!/usr/bin/env python3
"""Every student test program of an untouched student/ fails with exactly the one-line
not-implemented message (or skips, for a GPU exercise without a GPU)."""

import argparse
import json
import sys
from pathlib import Path

from course_results import run_program

ROOT = Path(__file__).resolve().parents[2]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bin-dir", type=Path, required=True, help="where student_<id> programs are")
    args = parser.parse_args()
    manifest = json.loads((ROOT / "exercises" / "manifest.json").read_text(encoding="utf-8"))
    bad = 0
    for exercise in manifest["exercises"]:
        ex_id = exercise["id"]
        status, output = run_program(args.bin_dir / f"student_{ex_id}", ex_id, exercise["timeout_s"] * 3)
        if status in ("todo", "skip"):
            print(f"ok   {ex_id}: {output.strip()}")
        else:
            bad += 1
            print(f"FAIL {ex_id}: expected the not-implemented line, got {status}:\n{output.rstrip()}")
    print(f"{len(manifest['exercises']) - bad}/{len(manifest['exercises'])} stubbed exercises fail as they should")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
