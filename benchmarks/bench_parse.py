"""Parsing speed: seed parse time, tokens/s over the dev articles, package import time.  Prints figures.

    .venv/bin/python benchmarks/bench_parse.py            # wall-clock medians
    .venv/bin/python benchmarks/bench_parse.py --stages   # also the seed's time per stage (CPU time, medians)

Non-NER stages, issue 11 (seed, ``--stages``'s ``stage_times``: CPU ms, medians of 30 warm parses; three runs
alternating with main checked out beside it, load average 6 on 2 cores; median of the three):

    stage                 before  after       stage                 before  after
    read + layout           0.56   0.45       extract_figures        10.53   2.15
    sentences + tokens      2.65   1.70       tag_themes              1.97   1.47
    entities without NER    5.78   3.45       extract_dates           2.43   1.09
    extract_quotes          3.94   2.66       schema.frame (inside)   7.38   3.74
    total without NER      31.7   15.7        (NER model unchanged: 33.3 / 29.1)

Tables byte-identical (``benchmarks/compare_tables.py``: 200 unlabeled SaudiNewsNet articles + seed + 15 dev).

The machine may be shared: medians of repeated runs are printed, and ``--stages`` uses the process's CPU time
(``time.process_time``), steadier than wall time under load.  The stages: reading and layout, sentences and
tokens (with the tokens table), each extraction stage (the entity stage with the NER model's tagging shown
apart), and ``schema.frame`` (all tables' construction, inside the stages above).

Seed, ``--stages``, CPU ms (shared machine, same conditions, main checked out beside): before the fast NER path
(issue 9) entities 33.8 of which NER 29.1, total 56.5; after entities 10.5 of which NER 5.9, total 33.4 (again
under a heavier load: before 50.3 / 42.9 / 84.6, after 16.4 / 8.5 / 55.8).
"""
from __future__ import annotations

import argparse
import functools
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


def stage_times(path: Path, repeat: int = 20) -> list[tuple[str, float]]:
    """(stage, median CPU ms per parse) for ``repeat`` warm parses of ``path``, stages wrapped in place."""
    import analysis.article as A
    import analysis.extract.pipeline as P
    import analysis.ner as N
    import analysis.schema as S

    spent: dict[str, float] = {}

    def wrap(mod, name, label):
        f = getattr(mod, name)

        @functools.wraps(f)
        def timed_call(*a, **k):
            t = time.process_time()
            try:
                return f(*a, **k)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - t
        setattr(mod, name, timed_call)
        return mod, name, f

    wrapped = [wrap(A, "read_source", "read + layout"), wrap(A, "read_layout", "read + layout"),
               wrap(A, "_sentences_and_tokens", "sentences + tokens"), wrap(S, "frame", "schema.frame (all tables)"),
               wrap(N, "tag_sentences", "  of which NER model")]
    wrapped[4:4] = [wrap(P, n, n) for n in ("extract_entities", "extract_quotes", "extract_figures", "tag_themes",
                                              "extract_dates")]
    try:
        A.parse_article(path)
        runs: list[dict[str, float]] = []
        totals = []
        for _ in range(repeat):
            spent.clear()
            t = time.process_time()
            A.parse_article(path)
            totals.append(time.process_time() - t)
            runs.append(dict(spent))
    finally:
        for mod, name, f in reversed(wrapped):
            setattr(mod, name, f)
    order = ["read + layout", "sentences + tokens", "extract_entities", "  of which NER model", "extract_quotes",
             "extract_figures", "tag_themes", "extract_dates", "schema.frame (all tables)"]
    out = [(k, statistics.median(r.get(k, 0.0) for r in runs) * 1000) for k in order]
    return out + [("total", statistics.median(totals) * 1000)]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stages", action="store_true", help="also print the seed's CPU time per stage")
    args = ap.parse_args(argv)
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

    if args.stages:
        print("seed parse per stage (CPU ms, median of 20):")
        for name, ms in stage_times(SEED):
            print(f"  {name:28s} {ms:7.2f}")

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
