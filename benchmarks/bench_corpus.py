"""Corpus mode speed and memory on SaudiNewsNet: articles/s for --jobs 1 and --jobs 2 on a sample, the speed-up,
the extrapolated full-corpus time, peak memory (PSS summed over the run's processes), and whether the two runs
wrote identical tables.  ``--full`` also runs the whole corpus once.  Prints figures.

    .venv/bin/python benchmarks/bench_corpus.py                 # sample of 1000 articles, --jobs 1 and 2
    .venv/bin/python benchmarks/bench_corpus.py --sample 500 --dask
    nice .venv/bin/python benchmarks/bench_corpus.py --full --out data/corpus/saudinewsnet

The machine's load average is printed with the figures: on a shared machine other processes take CPU, so the
CPU seconds per article (summed over the workers) are the steadier figure; wall time is what a user waits.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAUDI = ROOT.parent / "shared" / "corpus" / "saudinewsnet"
FULL = 30_805


def _tree_rss(proc) -> int:
    import psutil

    total = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in procs:
        try:  # PSS: a page shared by the workers (the forked models) is counted once, not once per process
            info = p.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except psutil.Error:
            pass
    return total


def run(inputs: list[str], out: Path, *args: str) -> dict:
    """``python -m analysis corpus`` in a subprocess; wall time, CPU time of the tree, peak summed PSS."""
    import psutil

    cmd = [sys.executable, "-m", "analysis", "corpus", *inputs, "--out", str(out), "--quiet", *args]
    started = time.perf_counter()
    popen = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc = psutil.Process(popen.pid)
    peak = 0
    cpu: dict[int, float] = {}
    while popen.poll() is None:
        peak = max(peak, _tree_rss(proc))
        try:
            for p in [proc, *proc.children(recursive=True)]:
                t = p.cpu_times()
                cpu[p.pid] = t.user + t.system
        except psutil.Error:
            pass
        time.sleep(0.5)
    wall = time.perf_counter() - started
    stdout, stderr = popen.communicate()
    if popen.returncode not in (0, 3):
        raise SystemExit(f"corpus run failed ({popen.returncode}): {stderr.strip()[-2000:]}")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    n = manifest["articles"] + manifest["refused"]
    return {"wall": wall, "cpu": sum(cpu.values()), "peak_rss": peak, "articles": n,
            "parsed": manifest["articles"], "refused": manifest["refused"], "summary": stdout.strip()}


def identical(a: Path, b: Path) -> bool:
    for folder in sorted(p for p in a.iterdir() if p.is_dir()):
        for part in sorted(folder.iterdir()):
            if part.read_bytes() != (b / folder.name / part.name).read_bytes():
                return False
    return True


def show(label: str, r: dict) -> None:
    rate = r["articles"] / r["wall"]
    print(f"{label:<14} {r['articles']:>6} articles ({r['refused']} refused) in {r['wall']:7.1f} s wall: "
          f"{rate:6.1f} articles/s; CPU {r['cpu']:7.1f} s = {1000 * r['cpu'] / r['articles']:5.1f} ms/article; "
          f"peak PSS {r['peak_rss'] / 2**20:6.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sample", type=int, default=1000, help="articles in the sample (default 1000)")
    ap.add_argument("--batch-size", type=int, default=25,
                    help="articles per batch on the sample (default 25: enough batches to keep 2 workers busy)")
    ap.add_argument("--dask", action="store_true", help="also run the sample with --dask local (2 workers)")
    ap.add_argument("--full", action="store_true", help="also run the whole corpus with --jobs 2")
    ap.add_argument("--out", type=Path, default=None, help="where the full run writes (default: a temp folder)")
    args = ap.parse_args()
    if not SAUDI.is_dir():
        print(f"SaudiNewsNet not found at {SAUDI} (it lives in ../shared); nothing to measure")
        return
    inputs = [str(SAUDI)]
    tmp = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    try:
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; sample: first {args.sample} "
              f"SaudiNewsNet articles in batches of {args.batch_size}")
        sample = ["--limit", str(args.sample), "--batch-size", str(args.batch_size)]
        one = run(inputs, tmp / "j1", "--jobs", "1", *sample)
        show("--jobs 1", one)
        two = run(inputs, tmp / "j2", "--jobs", "2", *sample)
        show("--jobs 2", two)
        speedup = one["wall"] / two["wall"]
        print(f"speed-up 1 -> 2 jobs: {speedup:.2f}x (wall); identical tables: {identical(tmp / 'j1', tmp / 'j2')}")
        if args.dask:
            d = run(inputs, tmp / "dask", "--dask", "local", "--jobs", "2", *sample)
            show("--dask local", d)
            print(f"dask identical to --jobs 1: {identical(tmp / 'j1', tmp / 'dask')}")
        for label, r in (("--jobs 1", one), ("--jobs 2", two)):
            est = FULL * r["wall"] / r["articles"]
            print(f"extrapolated full corpus ({FULL} articles) with {label}: {est / 60:.1f} min wall "
                  f"(at this load); CPU-bound on 2 free cores: {FULL * r['cpu'] / r['articles'] / 2 / 60:.1f} min")
        if args.full:
            out = args.out or tmp / "full"
            if out.exists():
                shutil.rmtree(out)
            full = run(inputs, out, "--jobs", "2", "--country", "SA")  # make corpus's command
            show("full --jobs 2", full)
            print(f"full corpus: {full['wall'] / 60:.1f} min wall, peak PSS {full['peak_rss'] / 2**30:.2f} GB, "
                  f"load average now {os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
