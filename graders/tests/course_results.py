"""What a course test program's run says about its exercise: shared by the machinery tests."""

import os
import re
import subprocess
from pathlib import Path

SKIPPED = 77  # the course test main's exit status when every test skipped


def todo_line(exercise_id):
    """The one line a test program prints for an exercise whose stubs are untouched."""
    return re.compile(rf"^✗ {re.escape(exercise_id)}: not implemented yet — edit \S.* "
                      rf"\(exercises/{re.escape(exercise_id)}/README\.md\)$")


def classify(exercise_id, returncode, output):
    """pass, skip, todo (only the not-implemented line), fail or crash."""
    lines = [line for line in output.splitlines() if line.strip()]
    if returncode == 0:
        return "pass"
    if returncode == SKIPPED:
        return "skip"
    if returncode == 1 and len(lines) == 1 and todo_line(exercise_id).match(lines[0]):
        return "todo"
    return "fail" if returncode == 1 else "crash"


def run_program(program: Path, exercise_id, timeout):
    """Runs one test program; returns (status, output)."""
    if not program.is_file():
        return "missing", f"{program} was not built"
    env = {k: v for k, v in os.environ.items() if k != "TL_TEST_VERBOSE"}
    try:
        done = subprocess.run([str(program)], capture_output=True, text=True, timeout=timeout, env=env,
                              errors="replace")
    except subprocess.TimeoutExpired:
        return "timeout", f"{program.name} ran past {timeout} s"
    output = done.stdout + done.stderr
    return classify(exercise_id, done.returncode, output), output
