#!/usr/bin/env bash
# The feedback loop's compile times:
#  1. a small program (seed, rand, matmul, print: a student's one-file change) compiled
#     and linked against tl, and the same program against LibTorch 1.13.1, with the same
#     compiler and flags, no ccache; median of --reps runs each;
#  2. the student build after editing one exercise file (a real change, so ccache cannot
#     help), and running that exercise's public tests, in a build tree of its own whose
#     student tree is a scratch copy of student/ with that exercise solved (nothing in the
#     repository is touched).
#
# Usage: tools/bench/compile-time.sh [--build-dir DIR] [--reps N] [--no-student]
#   DIR holds a built libtensorlings (default: build/perf). Prints a Markdown table.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build/perf"
reps=3
student=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --build-dir) build=$(cd "$2" && pwd); shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    --no-student) student=0; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
cxx=${CXX:-g++}
lib="$build/lib"
[[ -e "$lib/libtensorlings.so" ]] || { echo "no $lib/libtensorlings.so: build the tl target first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The same program for both libraries: only the header and the namespace differ.
write_program() {  # header namespace file
  cat > "$3" <<EOF
#include <iostream>
#include <$1>

int main() {
  $2::manual_seed(42);
  auto x = $2::rand({7, 7});
  auto y = $2::rand({1, 7});
  auto z = $2::matmul(x, y.t());
  std::cout << z << "\\n" << z.sum().item<float>() << "\\n";
  return 0;
}
EOF
}
write_program tl/tl.h tl "$work/prog_tl.cpp"
write_program torch/torch.h torch "$work/prog_torch.cpp"

flags=(-std=c++17 -O2)
tl_compile=("$cxx" "${flags[@]/c++17/c++20}" -I"$root/reference/include" -c "$work/prog_tl.cpp" -o "$work/prog_tl.o")
tl_link=("$cxx" "$work/prog_tl.o" -o "$work/prog_tl" -L"$lib" -ltensorlings -Wl,-rpath,"$lib")
torch_compile=("$cxx" "${flags[@]}" -D_GLIBCXX_USE_CXX11_ABI=1 -I/usr/include -I/usr/include/torch/csrc/api/include
               -c "$work/prog_torch.cpp" -o "$work/prog_torch.o")
torch_link=("$cxx" "$work/prog_torch.o" -o "$work/prog_torch" -ltorch -ltorch_cpu -lc10)

now() { date +%s.%N; }
# Median wall time of running "$@" $reps times.
median_time() {
  local times=()
  for ((i = 0; i < reps; ++i)); do
    local t0; t0=$(now)
    "$@" > /dev/null
    times+=("$(echo "$(now) - $t0" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.2f", (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'
}

tl_c=$(median_time "${tl_compile[@]}")
tl_l=$(median_time "${tl_link[@]}")
torch_c=$(median_time "${torch_compile[@]}")
torch_l=$(median_time "${torch_link[@]}")
"$work/prog_tl" > /dev/null
"$work/prog_torch" > /dev/null
# What the umbrella header costs: preprocessed lines.
tl_lines=$("$cxx" -std=c++20 -I"$root/reference/include" -E "$work/prog_tl.cpp" | wc -l)
torch_lines=$("$cxx" -std=c++17 -I/usr/include -I/usr/include/torch/csrc/api/include -E "$work/prog_torch.cpp" | wc -l)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }
sum() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a + b}'; }
tl_cl=$(sum "$tl_c" "$tl_l")
torch_cl=$(sum "$torch_c" "$torch_l")
echo "Compiler: $($cxx --version | head -1); flags ${flags[*]} (tl: -std=c++20); median of $reps runs; $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| small program | tl | LibTorch | LibTorch / tl |"
echo "|---|---|---|---|"
echo "| compile (.cpp -> .o) | ${tl_c} s | ${torch_c} s | $(ratio "$torch_c" "$tl_c")× |"
echo "| link | ${tl_l} s | ${torch_l} s | $(ratio "$torch_l" "$tl_l")× |"
echo "| compile + link | ${tl_cl} s | ${torch_cl} s | $(ratio "$torch_cl" "$tl_cl")× |"
echo "| preprocessed lines | ${tl_lines} | ${torch_lines} | $(ratio "$torch_lines" "$tl_lines")× |"

if [[ $student -eq 1 ]]; then
  # A build tree whose student tree is a scratch copy; the library comes from ccache or is
  # built once here (not timed).
  sbuild="$root/build/perf-student"
  cp -r "$root/student" "$work/student"
  cmake -S "$root" -B "$sbuild" -DTL_CUDA=OFF -DTL_BUILD_BENCH=OFF -DTL_BUILD_TESTS=OFF \
    -DTL_COURSE_VARIANTS=student -DTL_COURSE_STUDENT_DIR="$work/student" > /dev/null
  target=student_02-random
  cmake --build "$sbuild" --target "$target" -j2 > /dev/null
  # The student has solved the exercise (the reference's file), so its tests really run.
  stub="$work/student/course/src/02_random.cpp"
  cp "$root/reference/course/src/02_random.cpp" "$stub"
  times=()
  tests=()
  for ((i = 0; i < reps; ++i)); do
    echo "// edit $i $(now)" >> "$stub"  # new content: a compiler run, not a cache hit
    t0=$(now)
    cmake --build "$sbuild" --target "$target" -j2 > /dev/null
    times+=("$(echo "$(now) - $t0" | bc -l)")
    t0=$(now)
    (cd "$sbuild" && ctest -L '^02-random$' > /dev/null 2>&1)
    tests+=("$(echo "$(now) - $t0" | bc -l)")
  done
  med() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {printf "%.2f", (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
  echo
  echo "| student loop (edit course/src/02_random.cpp) | time |"
  echo "|---|---|"
  echo "| rebuild \`$target\` | $(med "${times[@]}") s |"
  echo "| \`ctest -L 02-random\` | $(med "${tests[@]}") s |"
fi
