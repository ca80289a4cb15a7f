"""Peak memory and time of ``parse_article`` on large generated Arabic articles.  Prints figures.

    .venv/bin/python benchmarks/bench_memory.py                 # 1 and 5 MB
    .venv/bin/python benchmarks/bench_memory.py --sizes 1 5 20  # 20 MB needs the raised limit (passed here)
    .venv/bin/python benchmarks/bench_memory.py --sizes 2 --trace  # where the memory goes (tracemalloc)

Each article is the seed's headline followed by its body paragraphs repeated until the size (in MB of UTF-8) is
reached, written to a temporary file and parsed in a fresh subprocess; the child reports its own peak resident set
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``) and the parse time.  "x input" is peak RSS over the file size,
"parse RSS" subtracts the RSS of the same process after ``import analysis`` (the interpreter, pandas, the lexicons).
Goal: under 50x the input and time linear in the size.  Run the 20 MB size only after checking ``free -g``.

Measured on the shared 2-core machine (times are noisy under load): before issue 13, 1 MB 620 MB peak (620x),
2 MB 1.1 GB (549x), 20 MB 9.3 GB (issue report); after (NER features shared per distinct string, stage 2 in
chunks), 1 MB 284-338 MB, 5 MB 693 MB (139x; 114x above the import baseline), 20 MB 2.3 GB (117x) in 403 s.
The rest was the token tables built as Python lists (~50x) and the entity stage's per-token lists (~65x).  After
the shared token lists (one list copy of the token columns for every stage, built with the table) and linear
quote/figure look-ups: 1 MB 288 MB (139x above the import baseline), 5 MB 623 MB (125x; 95x above the baseline)
in 284 s, 57 s/MB at 5 MB against 60 s/MB at 1 MB (before: 33 and 91 s/MB, quadratic).  The peak is now the NER
model's tagging (per-token feature lists, ~120x the input on the Python heap at its peak); the shared token
lists are ~18x.

Issue 13, NER streamed (stage 1 and 2 a chunk of sentences at a time, attribute ids scored in numpy: see
:mod:`analysis.ner.stream`), name list and clusters loaded with shared objects (the model's load 63 -> 43 MB);
main and this branch run one after the other, CPU time from ``time.process_time`` in the child: before 1 MB
315 MB (11.4 s CPU), 5 MB 660 MB = 132x (53.9 s CPU, 10.8 s/MB); after 1 MB 278-282 MB (4.8-4.9 s CPU), 5 MB
516-523 MB = 103-105x (parse alone 77-78x; 27-30 s CPU, 5.4-6.0 s/MB).  Time is linear in CPU time before and after: the 284 s above was
wall clock on a loaded machine (the same 5 MB run took 95 s wall for 54 s CPU here).  NER is no longer the peak
(its tagging adds ~15 MB on the Python heap at 5 MB); what is left, tracemalloc at 5 MB: the tokens stage (peak
132 MB, 76 MB live after: the tokens table and the shared lists), quotes (+62 MB transient), themes (+52 MB
transient), the figures table (+46 MB live), on top of the import (135 MB) and the lexicons loaded on the first
parse (~110 MB, of which NER 43).

Session 6 (token forms per sentence, no whole-article tuple lists, glibc's free pages returned between stages
of a long article, bounded word caches), one run after another on the idle machine: 1 MB 249 MB peak, 5 MB 396 MB
(79x), **20 MB 978 MB = 48.9x** in 52 s (2.6 s CPU/MB; 2.9 at 1 MB: linear).  Above a warm process (import plus
one first parse that loads the lexicons and models, ~195 MB whatever the input): 54 / 203 / 784 MB = 53.5x /
40.5x / 39.2x; each extra MB of input costs 38x (1 -> 20 MB).  The tables themselves hold 18x the input.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_15d6e93d3754c312.txt"
MB = 1_000_000


def make_article(size_bytes: int) -> str:
    """The seed's headline, then its body paragraphs cycled until the text has ``size_bytes`` bytes of UTF-8."""
    lines = [ln for ln in SEED.read_text(encoding="utf-8").split("\n") if ln.strip()]
    headline = next(ln for ln in lines if len(ln.split()) >= 4)
    body = [ln for ln in lines if len(ln.split()) >= 12]
    parts, size, i = [headline, ""], len(headline.encode()) + 2, 0
    while size < size_bytes:
        para = body[i % len(body)]
        parts += [para, ""]
        size += len(para.encode()) + 2
        i += 1
    return "\n".join(parts) + "\n"


def child(path: Path, trace: bool) -> None:
    import analysis
    from analysis import parse_article
    from analysis.article import TABLE_NAMES

    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    parse_article(SEED)  # loads the lexicons and models once: what any first parse costs, whatever its size
    warm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if trace:
        import tracemalloc

        tracemalloc.start(8)
    t, c = time.perf_counter(), time.process_time()
    art = parse_article(path, max_bytes=path.stat().st_size + 1)
    seconds, cpu = time.perf_counter() - t, time.process_time() - c
    top = []
    if trace:
        snap = tracemalloc.take_snapshot()
        peak = tracemalloc.get_traced_memory()[1]
        top = [f"{s.size / MB:8.1f} MB  {s.traceback.format()[-1].strip() if s.traceback else ''}  "
               f"<- {' <- '.join(f.filename.rsplit('/', 2)[-1] + ':' + str(f.lineno) for f in list(s.traceback)[-4:-1])}"
               for s in snap.statistics("traceback")[:12]]
        top.insert(0, f"tracemalloc peak {peak / MB:.1f} MB (live at end, by allocation site:)")
    tables_bytes = sum(int(getattr(art, name).memory_usage(deep=True).sum()) for name in TABLE_NAMES)
    print(json.dumps({"maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "base_kb": base,
                      "warm_kb": warm, "tables_bytes": tables_bytes,
                      "seconds": seconds, "cpu_seconds": cpu, "tokens": len(art.tokens), "sentences": len(art.sentences),
                      "longest_sentence": int(art.sentences["n_tokens"].max()), "top": top,
                      "version": analysis.__version__}))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 5], metavar="MB")
    ap.add_argument("--trace", action="store_true", help="also print the top allocation sites (slower)")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, args.trace)
        return 0
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        for mb in args.sizes:
            path = Path(tmp) / f"article_{mb:g}mb.txt"
            path.write_text(make_article(int(mb * MB)), encoding="utf-8")
            size = path.stat().st_size
            cmd = [sys.executable, __file__, "--child", str(path)] + (["--trace"] if args.trace else [])
            proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            if proc.returncode != 0:
                print(f"{mb:g} MB: failed\n{proc.stderr}", file=sys.stderr)
                return 1
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            rss = r["maxrss_kb"] * 1024
            parse_rss = (r["maxrss_kb"] - r["base_kb"]) * 1024
            grown = (r["maxrss_kb"] - r["warm_kb"]) * 1024
            rows.append((size, r["cpu_seconds"], grown))
            print(f"{size / MB:6.2f} MB: {r['seconds']:7.1f} s ({r['cpu_seconds']:.1f} s CPU, "
                  f"{r['cpu_seconds'] / (size / MB):.1f} s/MB), peak RSS "
                  f"{rss / MB:8.0f} MB = {rss / size:5.1f}x input (parse alone {parse_rss / MB:.0f} MB = "
                  f"{parse_rss / size:.1f}x); {r['tokens']:,} tokens, {r['sentences']:,} sentences, longest "
                  f"{r['longest_sentence']:,} tokens", flush=True)
            print(f"{'':10}above a warm process (lexicons and models loaded by a first parse): {grown / MB:.0f} MB = "
                  f"{grown / size:.1f}x; the tables themselves: {r['tables_bytes'] / MB:.0f} MB = "
                  f"{r['tables_bytes'] / size:.1f}x", flush=True)
            for line in r["top"]:
                print("    " + line)
    if len(rows) > 1:
        (s0, t0, g0), (s1, t1, g1) = rows[0], rows[-1]
        print(f"CPU time per MB: {t0 / (s0 / MB):.2f} s at {s0 / MB:.0f} MB, {t1 / (s1 / MB):.2f} s at {s1 / MB:.0f} MB "
              f"(linear: the two are close)")
        print(f"memory per extra MB of input ({s0 / MB:.0f} -> {s1 / MB:.0f} MB): {(g1 - g0) / (s1 - s0):.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
