"""Precision, recall and F1 of the extracted tables against the gold in tests/gold, per table and per article.

    .venv/bin/python benchmarks/bench_extraction.py            # with the NER model (when it ships)
    .venv/bin/python benchmarks/bench_extraction.py --no-ner   # gazetteer + patterns only
    .venv/bin/python benchmarks/bench_extraction.py --compare-ner   # mentions/quotes with and without NER
    .venv/bin/python benchmarks/bench_extraction.py --quiet --tables mentions,quotes   # group totals only

Articles: the seed (seeds/<stem>.txt) and the dev articles (../shared/corpus/dev/<stem>.txt) that have a gold
folder.  Scores are exact-match on the keys of analysis.evaluate.KEYS; totals are micro-averaged and reported in
three groups that must not be mixed up:

* ``seed``: the seed article (its gold must match exactly, tests/test_extraction_gold.py);
* ``tuned``: dev folders the extractors were developed against (optimistic figures);
* ``held-out``: dev folders annotated blind and kept out of tuning (tests/gold/HELDOUT.txt);
* ``blind dev`` and ``sealed test``: the blind gold set of ``benchmarks/blind_set.py`` (tests/gold_blind/), 65
  articles from 14 Saudi outlets and 19 countries' papers, annotated before the extractors ever ran on them; the
  sealed test part prints totals only (per table, outlet group, section) -- the honest figure;
* ``fresh`` (``--fresh``): 22 more articles chosen by ``blind_set.fresh_articles`` and annotated blind in session 4,
  totals only, scored on the code before and after that session's changes (tuned on since session 6);
* ``fresh2`` (``--fresh2``): 31 more articles chosen by ``blind_set.fresh2_articles`` and annotated blind in
  sessions 8 (26) and 9 (5), totals only; the 26 were scored on session 8's final code before any rule was chosen
  from them (README), then opened for tuning in session 9;
* ``fresh3`` (``--fresh3``): 31 more articles chosen by ``blind_set.fresh3_articles`` and annotated blind in
  session 9, totals only, scored on session 8's and session 9's final code, then opened for tuning in session 10;
* ``fresh4`` (``--fresh4``): 29 more articles chosen by ``blind_set.fresh4_articles`` and annotated blind in
  session 10, totals only, scored on session 9's and session 10's final code, then opened for tuning in session 11;
* ``fresh5`` (``--fresh5``): 29 more articles chosen by ``blind_set.fresh5_articles`` in session 11 and annotated
  blind (then reviewed) in session 14, totals only, scored on session 13's and session 14's final code, then opened
  for tuning in session 15;
* ``fresh6`` (``--fresh6``): 29 more articles chosen by ``blind_set.fresh6_articles``, annotated blind in sessions
  14 (26) and 15 (3) and reviewed in session 15, totals only, never tuned on.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import parse_article  # noqa: E402
from analysis.evaluate import GOLD_TABLES, Score, evaluate_article, heldout_stems  # noqa: E402
from analysis.extract import entities as entities_module  # noqa: E402

GOLD = ROOT / "tests" / "gold"
DEV = ROOT.parent / "shared" / "corpus" / "dev"
GROUPS = ("seed", "tuned", "held-out")


def article_path(stem: str) -> Path | None:
    for p in (ROOT / "seeds" / f"{stem}.txt", DEV / f"{stem}.txt"):
        if p.exists():
            return p
    return None


def group_of(stem: str, heldout: frozenset[str]) -> str:
    if (ROOT / "seeds" / f"{stem}.txt").exists():
        return "seed"
    return "held-out" if stem in heldout else "tuned"


def run(tables: tuple[str, ...], *, verbose: bool = True, ner: bool = True) -> dict[str, dict[str, Score]]:
    results: dict[str, dict[str, Score]] = {}
    for d in sorted(p for p in GOLD.iterdir() if p.is_dir()):
        path = article_path(d.name)
        if path is None:
            print(f"skip {d.name}: article not found (dev articles live in {DEV})")
            continue
        results[d.name] = evaluate_article(parse_article(path, ner=ner), d, tables)
    if verbose:
        heldout = heldout_stems(GOLD)
        print(f"{'article':28} {'group':8} {'table':9} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
        for stem, scores in results.items():
            g = group_of(stem, heldout)
            for t, s in scores.items():
                print(f"{stem:28} {g:8} {t:9} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                      f"{s.tp:4} {s.fp:4} {s.fn:4}")
    return results


def totals(results: dict[str, dict[str, Score]], group: str) -> dict[str, Score]:
    heldout = heldout_stems(GOLD)
    out: dict[str, Score] = {}
    for stem, scores in results.items():
        if group_of(stem, heldout) != group:
            continue
        for t, s in scores.items():
            out[t] = out.get(t, Score(0, 0, 0)) + s
    return out


def print_totals(results, label: str = "") -> None:
    heldout = heldout_stems(GOLD)
    for group in GROUPS:
        stems = [s for s in results if group_of(s, heldout) == group]
        print(f"\nTotals, {group}{label} (micro):")
        for t, s in totals(results, group).items():
            n = sum(t in results[x] for x in stems)
            print(f"  {t:9} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} (tp={s.tp} fp={s.fp} fn={s.fn}; "
                  f"{n} article{'s' * (n != 1)})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-ner", action="store_true", help="entities from the gazetteer and patterns only")
    ap.add_argument("--compare-ner", action="store_true", help="mentions and quotes with and without the NER model")
    ap.add_argument("--quiet", action="store_true", help="group totals only, no per-article lines")
    ap.add_argument("--tables", default=",".join(GOLD_TABLES))
    ap.add_argument("--no-blind", action="store_true", help="skip the blind gold set (tests/gold_blind)")
    ap.add_argument("--fresh", action="store_true", help="also the fresh blind part (tests/gold_blind/fresh, totals)")
    ap.add_argument("--fresh2", action="store_true", help="also the fresh2 blind part (tests/gold_blind/fresh2, totals)")
    ap.add_argument("--fresh3", action="store_true", help="also the fresh3 blind part (tests/gold_blind/fresh3, totals)")
    ap.add_argument("--fresh4", action="store_true", help="also the fresh4 blind part (tests/gold_blind/fresh4, totals)")
    ap.add_argument("--fresh5", action="store_true", help="also the fresh5 blind part (tests/gold_blind/fresh5, totals)")
    ap.add_argument("--fresh6", action="store_true", help="also the fresh6 blind part (tests/gold_blind/fresh6, totals)")
    args = ap.parse_args()
    tables = tuple(t for t in args.tables.split(",") if t)
    if args.compare_ner:
        for enabled in (False, True):
            label = " with NER" if enabled and entities_module.ner_available() else " without NER"
            print(f"\n=== {label.strip()} ===")
            t0 = time.perf_counter()
            res = run(("mentions", "quotes"), verbose=False, ner=enabled)
            print(f"parsed {len(res)} articles in {time.perf_counter() - t0:.2f}s")
            print_totals(res, label)
        return 0
    t0 = time.perf_counter()
    res = run(tables, verbose=not args.quiet, ner=not args.no_ner)
    print(f"\nparsed and scored {len(res)} articles in {time.perf_counter() - t0:.2f}s")
    print_totals(res)
    if not args.no_blind:
        import blind_scores  # the blind dev / sealed test parts (benchmarks/blind_set.py)

        parts = ("dev", "test") + ("fresh",) * args.fresh + ("fresh2",) * args.fresh2 + ("fresh3",) * args.fresh3 \
            + ("fresh4",) * args.fresh4 + ("fresh5",) * args.fresh5 + ("fresh6",) * args.fresh6
        blind_scores.report(blind_scores.run(ner=not args.no_ner, parts=parts), show_dev_articles=not args.quiet)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
