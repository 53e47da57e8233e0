#!/usr/bin/env python3
"""Runs bench_compare and prints one table of tl / LibTorch throughput ratios.

Every case runs through tl and through LibTorch 1.13.1 in the same process, in pairs: the
two runs of a pair follow each other (alternating which goes first), so both see the same
machine load, and --rounds pairs per case are spread over the whole run. The ratio of a
pair is LibTorch's time over tl's time (above 1: tl is faster); the table shows the
median ratio over the rounds, and the median times.

Targets (issue 8): ratio >= 1.0 for calls on >= 64K elements, >= 0.8 below (small tensors
and O(1) views, where per-call overhead dominates).

    tools/bench/run.py                              # build/perf, every case
    tools/bench/run.py --filter 'add_|sum_' --rounds 9
    tools/bench/run.py --rounds 7 --processes 7        # each round in a fresh process
    tools/bench/run.py --markdown table.md --json raw.json
"""
import argparse
import json
import platform
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIG = 64 * 1024  # elements from which tl must be at least as fast


def find_binary(build_dir):
    candidates = [Path(build_dir)] if build_dir else [ROOT / "build" / "perf", ROOT / "build" / "default", ROOT / "build" / "cpu"]
    for d in candidates:
        exe = d / "bin" / "bench_compare"
        if exe.exists():
            return exe
    sys.exit("bench_compare not found; build it: cmake -S . -B build/perf -DTL_CUDA=OFF && "
             "cmake --build build/perf --target bench_compare (needs libbenchmark-dev and libtorch-dev)")


def run(exe, args):
    """The rounds, spread over --processes runs of bench_compare: one report."""
    reports, first = [], 0
    for p in range(args.processes):
        rounds = args.rounds // args.processes + (p < args.rounds % args.processes)
        # --first-round keeps alternating which library goes first from one process to the next.
        cmd = [str(exe), "--benchmark_format=json", f"--rounds={rounds}", f"--first-round={first}",
               f"--benchmark_min_time={args.min_time}"]
        first += rounds
        if args.filter:
            cmd.append(f"--benchmark_filter={args.filter}")
        if args.processes > 1:
            print(f"  process {p + 1} of {args.processes}: {rounds} round(s)", file=sys.stderr, flush=True)
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
        reports.append(json.loads(out))
    merged = reports[0]
    for r in reports[1:]:
        merged["benchmarks"] += r["benchmarks"]
    return merged


def collect(report):
    """Ordered {case: {"tl": [(seconds, items)], "torch": [...]}} (one entry per round)."""
    result = {}
    for b in report["benchmarks"]:
        if b.get("run_type") != "iteration":
            continue
        name = b["run_name"].removesuffix("/real_time")
        backend, case = name.split("/", 1)
        case = case.split("@", 1)[0]
        scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
        seconds = b["real_time"] * scale
        items = round(b.get("items_per_second", 0) * seconds)
        result.setdefault(case, {}).setdefault(backend, []).append((seconds, items))
    return result


def fmt_time(s):
    if s < 1e-6:
        return f"{s * 1e9:.0f} ns"
    if s < 1e-3:
        return f"{s * 1e6:.1f} µs"
    if s < 1:
        return f"{s * 1e3:.2f} ms"
    return f"{s:.2f} s"


def fmt_items(n):
    for unit, size in (("M", 1 << 20), ("K", 1 << 10)):
        if n >= size and n % size == 0:
            return f"{n // size}{unit}"
    return str(n)


def machine(report):
    ctx = report["context"]
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    caches = ", ".join(f"L{c['level']}{c['type'][0] if c['level'] == 1 else ''} {c['size'] // 1024} KiB"
                       for c in ctx.get("caches", []))
    load = ", ".join(f"{x:.1f}" for x in ctx.get("load_avg", []))
    return (f"{cpu}, {ctx.get('num_cpus')} CPUs at {ctx.get('mhz_per_cpu')} MHz ({caches}); "
            f"load average at start {load}; threads: tl {ctx.get('tl_threads')}, "
            f"LibTorch {ctx.get('torch_threads')} (its default here)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build-dir", help="build tree holding bin/bench_compare (default: build/perf)")
    ap.add_argument("--filter", help="regex of cases to run (Google Benchmark's --benchmark_filter)")
    ap.add_argument("--rounds", type=int, default=5, help="pairs of runs per case (default 5)")
    ap.add_argument("--processes", type=int, default=1,
                    help="spread the rounds over this many runs of bench_compare (default 1): each process "
                         "places its buffers anew, which changes some loops' speed on this kind of machine")
    ap.add_argument("--min-time", type=float, default=0.05, help="seconds per run (default 0.05)")
    ap.add_argument("--markdown", help="also write the table as Markdown to this file")
    ap.add_argument("--json", help="also write the raw Google Benchmark reports to this file")
    args = ap.parse_args()
    if args.rounds < 1 or not 1 <= args.processes <= args.rounds:
        ap.error("need 1 <= --processes <= --rounds")

    exe = find_binary(args.build_dir)
    print(f"{exe}: {args.rounds} rounds in {args.processes} process(es) ...", file=sys.stderr, flush=True)
    report = run(exe, args)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1))

    rows, misses = [], 0
    for case, runs in collect(report).items():
        if "torch" not in runs or "tl" not in runs:
            continue
        ratios = [th[0] / t[0] for t, th in zip(runs["tl"], runs["torch"])]
        ratio = statistics.median(ratios)
        tl_t = statistics.median(t[0] for t in runs["tl"])
        th_t = statistics.median(t[0] for t in runs["torch"])
        items = runs["tl"][0][1]
        target = 1.0 if items >= BIG and not case.startswith("view/") else 0.8
        ok = ratio >= target
        misses += not ok
        spread = f"{min(ratios):.2f}-{max(ratios):.2f}"
        rows.append((case, fmt_items(items), fmt_time(tl_t), fmt_time(th_t), f"{ratio:.2f}", spread,
                     f"≥ {target:.1f}", "ok" if ok else "BELOW"))
        if "tl1" in runs:  # TL_BENCH_SERIAL=1: tl on one thread, same pairs
            serial = statistics.median(th[0] / t[0] for t, th in zip(runs["tl1"], runs["torch"]))
            rows[-1] = rows[-1][:-1] + (rows[-1][-1] + f"  (1 thread: {serial:.2f})",)

    header = ("case", "elements", "tl", "LibTorch", "tl/LibTorch", "range", "target", "")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()
    print(machine(report))
    print(f"{args.rounds} rounds in {args.processes} process(es); tl/LibTorch = median over rounds of LibTorch time / tl time "
          "(throughput ratio); range: lowest and highest round; times: medians")
    print(line(header))
    for r in rows:
        print(line(r))
    print(f"{len(rows) - misses} of {len(rows)} cases meet their target")

    if args.markdown:
        md = [f"Machine: {machine(report)}.", "",
              f"{args.rounds} rounds, spread over {args.processes} run(s) of bench_compare; in each round, tl and "
              "LibTorch run one right after the other in one process. "
              "tl/LibTorch = median over the rounds of LibTorch time / tl time (a throughput ratio: above 1, "
              "tl is faster); range: the lowest and highest round; times: medians.", "",
              "| " + " | ".join(header[:-1]) + " | |", "|" + "---|" * len(header)]
        for r in rows:
            md.append("| " + " | ".join(r[:-1]) + f" | {'' if r[-1] == 'ok' else '**below**'} |")
        md += ["", f"{len(rows) - misses} of {len(rows)} cases meet their target."]
        Path(args.markdown).write_text("\n".join(md) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
