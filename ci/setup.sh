#!/usr/bin/env bash
# Installs the Debian packages tensorlings needs to build and test, when missing.
# As root it runs apt-get; otherwise it prints the exact command to run.
set -euo pipefail

packages=(cmake g++ make ccache python3 libgtest-dev libgmock-dev nlohmann-json3-dev libarchive-dev
          libopenblas-dev libbenchmark-dev doxygen clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
echo "tensorlings: missing packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
