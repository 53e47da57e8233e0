#!/usr/bin/env bash
# Installs the build tree into a temporary prefix, then configures, builds and runs an
# outside project that finds it with find_package(tensorlings) and links tl::tl.
# Usage: check-install.sh <build-dir>
set -euo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$here/consumer" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
out=$("$work/build/consumer")
expected='tensor([[0.8823, 0.9150, 0.3829, 0.9593],
        [0.3904, 0.6009, 0.2566, 0.7936],
        [0.9408, 0.1332, 0.9346, 0.5936]])'   # torch.manual_seed(42); torch.rand(3, 4)
if [ "$out" != "$expected" ]; then
  echo "consumer printed:"; echo "$out"; echo "expected:"; echo "$expected"
  exit 1
fi
echo "find_package(tensorlings) + tl::tl: ok"
