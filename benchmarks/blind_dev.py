"""Tuning view of the blind gold set: **blind dev and fresh parts only** — totals and, per article, what was missed
and what was extra for one measure.  The sealed test part is refused here (its errors are never shown; see
``benchmarks/blind_scores.py`` for its totals).  The fresh part (annotated blind in session 5) was scored once as a
second sealed part, totals only, and recorded in the README; in session 6 it was opened for tuning (``--parts``).
The fresh2 part (annotated blind in session 8, scored once on that session's final code, recorded in the README)
was opened for tuning in session 9.  The fresh3 part (annotated blind in session 9, scored once on session 8's and
once on session 9's final code, both recorded in the README) was opened for tuning in session 10.  The fresh4 part
(annotated blind in session 10, scored on session 9's and session 10's final code, both recorded in the README) was
opened for tuning in session 11.  The fresh5 part (chosen in session 11, annotated blind and reviewed in session 14,
scored on session 13's and session 14's final code, both recorded in the README) was opened for tuning in session
15.  The sealed test part and fresh6 are never shown here.

    python benchmarks/blind_dev.py                       # dev totals per measure
    python benchmarks/blind_dev.py --errors figures      # + missed / extra figures with their text
    python benchmarks/blind_dev.py --errors speakers --article snn_aleqtisadiya_1a2b3c4d
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import pandas as pd  # noqa: E402

from analysis import parse_article  # noqa: E402
from analysis.evaluate import (  # noqa: E402
    Score,
    _gold_entity_of,
    _keys,
    _no_speaker,
    blind_scores,
    evaluate_article,
    load_gold,
    top_theme,
    wrong_speakers,
)

from blind_scores import GOLD_BLIND, MEASURES  # noqa: E402
from blind_set import (  # noqa: E402
    blind_articles,
    fresh2_articles,
    fresh3_articles,
    fresh4_articles,
    fresh5_articles,
    fresh_articles,
)

ERROR_KEYS = {"mentions": ("start", "end", "type"), "figures": ("start", "end", "value", "category"),
              "dates": ("start", "end", "resolved"), "statements": ("start", "end", "mode"),
              "speakers": ("start", "end", "speaker")}


def _diff(parsed, gold_dir: Path, measure: str) -> list[str]:
    text = parsed.text
    lines: list[str] = []
    if measure == "main_theme":
        story = pd.read_csv(gold_dir / "story.csv", dtype=str, keep_default_na=False)
        want, got = story["main_theme"].iloc[0], top_theme(parsed)
        if want != got:
            lines.append(f"    main theme: gold {want!r}, predicted {got!r}")
        return lines
    if measure == "entities":
        gm = load_gold(gold_dir, "mentions", text)
        ident = _gold_entity_of(parsed, gm)
        gold = {(n, t) for n, t in zip(gm["name_en"], gm["type"])}
        ents = parsed.entities
        pred = {(ident.get(int(e), f"predicted:{n}"), t) for e, n, t in
                zip(ents["entity_id"], ents["name_ar"], ents["type"])}
        lines += [f"    missed {k}" for k in sorted(gold - pred)] + [f"    extra  {k}" for k in sorted(pred - gold)]
        return lines
    table = {"statements": "quotes", "speakers": "quotes"}.get(measure, measure)
    gold = load_gold(gold_dir, table, text)
    if gold is None:
        return lines
    pred = parsed.table(table)
    if measure == "speakers":
        gm = load_gold(gold_dir, "mentions", text)
        ident = _gold_entity_of(parsed, gm) if gm is not None else {}
        pred = pred.assign(speaker=["" if _no_speaker(e) else ident.get(int(e), f"predicted:{int(e)}")
                                    for e in pred["speaker_entity_id"]])
    cols = ERROR_KEYS[measure]
    g, p = _keys(gold, cols), _keys(pred, cols)
    for tag, keys in (("missed", g - p), ("extra ", p - g)):
        for k in sorted(keys, key=lambda k: (int(k[0]), int(k[1]))):
            s, e = int(k[0]), int(k[1])
            lines.append(f"    {tag} {k[2:]} {text[s:e][:120]!r} @{s}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", choices=MEASURES, help="list missed/extra rows of this measure per article")
    ap.add_argument("--article", action="append", help="only these blind dev articles (repeatable)")
    ap.add_argument("--no-ner", action="store_true")
    ap.add_argument("--parts", default="dev,fresh,fresh2,fresh3,fresh4,fresh5",
                    help="comma-separated tuning parts: dev, fresh, fresh2, fresh3, fresh4, fresh5 (default all; the "
                         "sealed test and fresh6 are never shown)")
    args = ap.parse_args(argv)
    parts = {p.strip() for p in args.parts.split(",") if p.strip()}
    if not parts or parts - {"dev", "fresh", "fresh2", "fresh3", "fresh4", "fresh5"}:
        ap.error(f"--parts takes dev, fresh, fresh2, fresh3, fresh4 and/or fresh5, not {args.parts!r} (the sealed "
                 "test and fresh6 parts are never shown here)")
    arts = [a for a in blind_articles() if a.part == "dev" and "dev" in parts]
    arts += fresh_articles() if "fresh" in parts else []
    arts += fresh2_articles() if "fresh2" in parts else []
    arts += fresh3_articles() if "fresh3" in parts else []
    arts += fresh4_articles() if "fresh4" in parts else []
    arts += fresh5_articles() if "fresh5" in parts else []
    if args.article:
        unknown = set(args.article) - {a.article_id for a in arts}
        if unknown:
            ap.error(f"not blind dev/fresh articles (the sealed test part is never shown here): {sorted(unknown)}")
        arts = [a for a in arts if a.article_id in args.article]
    totals: dict[str, Score] = {}
    wrong = found = scored = 0
    for art in arts:
        gold_dir = GOLD_BLIND / art.part / art.article_id
        if not gold_dir.is_dir():
            continue
        scored += 1
        parsed = parse_article(art.text, name=art.article_id, ner=not args.no_ner)
        scores = {**evaluate_article(parsed, gold_dir, ("mentions", "figures", "dates")),
                  **blind_scores(parsed, gold_dir)}
        for m, s in scores.items():
            totals[m] = totals.get(m, Score(0, 0, 0)) + s
        w, f = wrong_speakers(parsed, gold_dir)
        wrong, found = wrong + w, found + f
        if args.errors and args.errors in scores:
            diff = _diff(parsed, gold_dir, args.errors)
            s = scores[args.errors]
            print(f"{art.article_id} [{art.group}/{art.category or '-'}] {args.errors}: "
                  f"P={s.precision:.2f} R={s.recall:.2f} F1={s.f1:.2f}")
            print("\n".join(diff) if diff else "    (all right)")
    print(f"\nblind {'+'.join(sorted(parts))} totals ({scored} articles):")
    for m in MEASURES:
        if m in totals:
            s = totals[m]
            print(f"  {m:12} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} (tp={s.tp} fp={s.fp} fn={s.fn})")
    if found:
        print(f"  wrong speaker: {wrong} of {found} found quotes ({wrong / found:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
