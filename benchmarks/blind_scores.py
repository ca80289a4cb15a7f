"""Scores on the blind gold set (``benchmarks/blind_set.py``): blind dev and sealed test, never mixed.

Used by ``benchmarks/bench_extraction.py``.  For the sealed **test** part only totals are printed (per table,
per outlet group, per section): its per-article errors are never shown, so no rule is chosen because of them.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's analysis, not the installed one

from analysis import parse_article  # noqa: E402
from analysis.evaluate import Score, blind_scores, evaluate_article, wrong_speakers

from blind_set import (
    blind_articles,
    fresh2_articles,
    fresh3_articles,
    fresh4_articles,
    fresh5_articles,
    fresh6_articles,
    fresh_articles,
)

ROOT = Path(__file__).resolve().parents[1]
GOLD_BLIND = ROOT / "tests" / "gold_blind"
REGIONS = {  # outlet groups of the Arabic Newspapers corpus by the outlet's country
    "Gulf": {"AE", "BH", "KW", "OM", "QA", "SA", "YE"},
    "Levant": {"IQ", "JO", "LB", "PS", "SY"},
    "Nile": {"EG", "SD"},
    "Maghreb": {"DZ", "LY", "MA", "MR", "TM"},
}
# The blind gold names every entity and speaker in English, so entities and speakers are scored through mentions
# (analysis.evaluate.blind_scores), not through the extractor's English names; the per-sentence themes table has
# no blind gold (story.csv holds the main theme).
MEASURES = ("mentions", "entities", "statements", "speakers", "figures", "dates", "main_theme")


def outlet_group(art) -> str:
    if art.corpus == "saudinewsnet":
        return "SaudiNewsNet"
    return next((f"{r} papers" for r, cs in REGIONS.items() if art.group in cs), "other papers")


def section_of(gold_dir: Path, art) -> str:
    story = gold_dir / "story.csv"
    if story.exists():
        import csv
        with story.open(encoding="utf-8") as fh:
            row = next(csv.DictReader(fh), None)
        if row and row.get("section"):
            return row["section"].strip()
    return art.category or "unknown"


def run(*, ner: bool = True, parts: tuple[str, ...] = ("dev", "test")):
    """Per article: (part, outlet group, section, {measure: Score}, (wrong speakers, quotes found)).

    ``parts``: ``dev`` and ``test`` (the blind set), ``fresh`` (annotated blind in session 4), ``fresh2``
    (annotated blind in session 8), ``fresh3`` (annotated blind in session 9), ``fresh4`` (annotated blind in
    session 10), ``fresh5`` (chosen in session 11, annotated blind and reviewed in session 14) and/or ``fresh6``
    (chosen and annotated blind in session 14)."""
    out = {}
    arts = [a for a in blind_articles() if a.part in parts] + (fresh_articles() if "fresh" in parts else []) \
        + (fresh2_articles() if "fresh2" in parts else []) + (fresh3_articles() if "fresh3" in parts else []) \
        + (fresh4_articles() if "fresh4" in parts else []) + (fresh5_articles() if "fresh5" in parts else []) \
        + (fresh6_articles() if "fresh6" in parts else [])
    for art in arts:
        gold_dir = GOLD_BLIND / art.part / art.article_id
        if not gold_dir.is_dir():
            continue
        parsed = parse_article(art.text, name=art.article_id, **({} if ner else {"ner": False}))
        scores = {**evaluate_article(parsed, gold_dir, ("mentions", "figures", "dates")),
                  **blind_scores(parsed, gold_dir)}
        out[art.article_id] = (art.part, outlet_group(art), section_of(gold_dir, art), scores,
                               wrong_speakers(parsed, gold_dir))
    return out


def _line(label: str, s: Score, n: int) -> str:
    return (f"  {label:22} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
            f"(tp={s.tp} fp={s.fp} fn={s.fn}; {n} article{'s' * (n != 1)})")


def report(results, *, show_dev_articles: bool = True) -> None:
    if not results:
        print(f"\nblind gold: no annotated article under {GOLD_BLIND}")
        return
    if show_dev_articles:
        print(f"\n{'blind dev article':28} {'measure':10} {'P':>6} {'R':>6} {'F1':>6}")
        for aid, (part, _, _, scores, _) in results.items():
            if part == "dev":
                for m, s in scores.items():
                    print(f"{aid:28} {m:10} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")
    for part, title in (("dev", "blind dev (annotated blind; tuning may look at it)"),
                        ("test", "SEALED TEST (totals only; never tuned on)"),
                        ("fresh", "FRESH (annotated blind in session 4; tuned on since session 6)"),
                        ("fresh2", "FRESH2 (annotated blind in session 8; tuned on since session 9)"),
                        ("fresh3", "FRESH3 (annotated blind in session 9; tuned on since session 10)"),
                        ("fresh4", "FRESH4 (annotated blind in session 10; tuned on since session 11)"),
                        ("fresh5", "FRESH5 (annotated blind in session 14; tuned on since session 15)"),
                        ("fresh6", "FRESH6 (annotated blind in sessions 14-15; totals only, never tuned on)")):
        rows = {k: v for k, v in results.items() if v[0] == part}
        if not rows and part in ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6"):
            continue
        print(f"\nTotals, {title}: {len(rows)} articles")
        if not rows:
            continue
        for m in MEASURES:
            have = [v[3][m] for v in rows.values() if m in v[3]]
            if have:
                print(_line(m, sum(have, Score(0, 0, 0)), len(have)))
        wrong = sum(v[4][0] for v in rows.values())
        found = sum(v[4][1] for v in rows.values())
        print(f"  quotes found with a wrong speaker: {wrong} of {found} ({wrong / found:.1%})" if found else
              "  quotes found with a wrong speaker: no quote found")
        for key, idx in (("outlet group", 1), ("section", 2)):
            groups: dict[str, list] = defaultdict(list)
            for v in rows.values():
                groups[v[idx]].append(v[3])
            print(f"  by {key} (F1: mentions / speakers / figures / dates / main theme):")
            for g in sorted(groups):
                cells = []
                for m in ("mentions", "speakers", "figures", "dates", "main_theme"):
                    have = [s[m] for s in groups[g] if m in s]
                    cells.append(f"{sum(have, Score(0, 0, 0)).f1:.2f}" if have else "  - ")
                print(f"    {g:16} {' / '.join(cells)}  ({len(groups[g])})")


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parts", default="dev,test", help="comma-separated: dev, test, fresh, fresh2, fresh3, fresh4, fresh5, fresh6")
    ap.add_argument("--no-ner", action="store_true")
    args = ap.parse_args(argv)
    parts = tuple(p for p in args.parts.split(",") if p)
    report(run(ner=not args.no_ner, parts=parts), show_dev_articles=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
