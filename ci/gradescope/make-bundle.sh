#!/usr/bin/env bash
# Writes the Gradescope autograder zip: the repository's sources (no build trees, no .git)
# with setup.sh and run_autograder at its root, as Gradescope expects.
#   ci/gradescope/make-bundle.sh [out.zip]     (default: build/autograder.zip)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
out="$(realpath -m "${1:-$repo/build/autograder.zip}")"
mkdir -p "$(dirname "$out")"
python3 - "$repo" "$out" <<'PY'
import os, sys, zipfile

repo, out = sys.argv[1:]
skip = {".git", "build", "out", "__pycache__"}  # as .gitignore: build trees and caches


def add(z, path, name, mode):
    info = zipfile.ZipInfo.from_file(path, name)
    info.external_attr = (0o100000 | mode) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    with open(path, "rb") as f:
        z.writestr(info, f.read())


count = 0
with zipfile.ZipFile(out + ".tmp", "w") as z:
    for folder, dirs, files in os.walk(repo):
        dirs[:] = sorted(d for d in dirs if d not in skip and not d.startswith("build-"))
        for name in sorted(files):
            path = os.path.join(folder, name)
            if os.path.islink(path) or not os.path.isfile(path) or name.endswith(".pyc") or path == out + ".tmp":
                continue
            add(z, path, os.path.relpath(path, repo), 0o755 if os.access(path, os.X_OK) else 0o644)
            count += 1
    for name in ("setup.sh", "run_autograder"):
        add(z, os.path.join(repo, "ci", "gradescope", name), name, 0o755)
os.replace(out + ".tmp", out)
print(f"{out}: {count} files, setup.sh and run_autograder at the root")
PY
