"""Parsing speed: seed parse time, tokens/s over the dev articles, package import time.  Prints figures.

    .venv/bin/python benchmarks/bench_parse.py
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_15d6e93d3754c312.txt"
DEV = ROOT.parent / "shared" / "corpus" / "dev"


def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times)


def import_time(repeat=5):
    def run(code):
        return timed(lambda: subprocess.run([sys.executable, "-c", code], check=True), repeat)[0]
    return run("import analysis") - run("pass")


def main() -> None:
    from analysis import parse_article
    from analysis.text.normalize import normalize
    from analysis.text.tokens import tokenize

    first = time.perf_counter()
    art = parse_article(SEED)
    first = time.perf_counter() - first
    med, best = timed(lambda: parse_article(SEED), 20)
    n = len(art.tokens)
    print(f"seed parse: first call {first * 1000:.1f} ms (cold caches), then median {med * 1000:.1f} ms, "
          f"best {best * 1000:.1f} ms for {n} tokens ({n / med:,.0f} tokens/s)")

    if not DEV.is_dir():
        print(f"dev articles: skipped ({DEV} not found)")
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]
        arts = [parse_article(t) for t in texts]
        total = sum(len(a.tokens) for a in arts)
        med, _ = timed(lambda: [parse_article(t) for t in texts], 5)
        print(f"dev articles ({len(texts)}): full parse {total / med:,.0f} tokens/s ({total} tokens in "
              f"{med * 1000:.0f} ms, all tables)")
        big = "\n".join(texts) * 10
        def tok_norm():
            return [normalize(t.text) for t in tokenize(big)]
        med, _ = timed(tok_norm, 5)
        ntok = len(tok_norm())
        print(f"tokenize+normalize only: {ntok / med:,.0f} tokens/s ({ntok} tokens)")

    imp = import_time()
    print(f"import analysis: {imp * 1000:.0f} ms (subprocess, python startup subtracted)")


if __name__ == "__main__":
    main()
