"""English names of entities: how many have one, from which source, and (blind **dev** part only) how often the
name equals the blind gold's ``name_en``.

    .venv/bin/python benchmarks/bench_names.py [--no-hint] [--list]

* the seed and the 15 dev articles (``../shared/corpus/dev``): entities, share with an English name, by
  ``name_en_source``, and the places' ``geo_reason``;
* the blind dev part (``benchmarks/blind_set.py``; the sealed test part is never read here): the same, plus
  agreement with the gold: a predicted entity is identified with the gold entity its mentions hit
  (``analysis.evaluate._gold_entity_of``), and its ``name_en`` counts as equal when it matches the gold name
  case-insensitively, letters and digits only (``Al-Kadhimi`` = ``al Kadhimi``), and the character error rate
  (edit distance over the gold name's length, same folding).  By type (persons, places =
  GPE/LOC/FAC, organisations, other) and by source.  The outlet's country is given to ``parse_article`` from the
  corpus metadata (Arabic Newspapers: the file's country code; SaudiNewsNet: ``SA``) unless ``--no-hint``.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from analysis import parse_article  # noqa: E402
from analysis.evaluate import _gold_entity_of, load_gold  # noqa: E402
from analysis.names.train import edit_distance  # noqa: E402

from blind_set import ROOT, blind_articles  # noqa: E402

DEV = ROOT.parent / "shared" / "corpus" / "dev"
GOLD_DEV = ROOT / "tests" / "gold_blind" / "dev"
ISO = {"TM": "TN"}  # the Arabic Newspapers corpus codes Tunisia TM (its PROVENANCE); ISO 3166's TM is Turkmenistan
GROUPS = {"PERSON": "persons", "GPE": "places", "LOC": "places", "FAC": "places", "ORG": "orgs", "MISC": "other"}


def _fold(s: str) -> str:
    return "".join(c for c in s.casefold() if c.isalnum())


def _summary(label: str, arts: list) -> None:
    n = sum(len(a.entities) for a in arts)
    named = sum(1 for a in arts for s in a.entities["name_en"] if isinstance(s, str) and s.strip())
    src: Counter = Counter()
    why: Counter = Counter()
    per_type: Counter = Counter()
    for a in arts:
        src.update(a.entities["name_en_source"])
        why.update(a.entities["geo_reason"].dropna())
        for t, s in zip(a.entities["type"], a.entities["name_en_source"]):
            per_type[(GROUPS[t], s)] += 1
    print(f"{label}: {len(arts)} articles, {n} entities, {named} with an English name ({named / max(n, 1):.0%})")
    print("  by source: " + ", ".join(f"{k} {v}" for k, v in sorted(src.items())))
    print("  places, geo_reason: " + ", ".join(f"{k} {v}" for k, v in sorted(why.items())))
    for g in ("persons", "places", "orgs", "other"):
        row = {s: per_type[(g, s)] for s in ("gazetteer", "lexicon", "romanized")}
        tot = sum(row.values())
        print(f"  {g:8} {tot:4}: " + ", ".join(f"{s} {c}" for s, c in row.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-hint", action="store_true", help="do not give the outlet's country")
    ap.add_argument("--list", action="store_true", help="list the blind dev entities whose name differs")
    args = ap.parse_args(argv)
    dev = [parse_article(ROOT / "seeds" / "000_15d6e93d3754c312.txt")]
    if DEV.is_dir():
        dev += [parse_article(p) for p in sorted(DEV.glob("*.txt"))]
    _summary("seed + dev", dev)
    try:
        blind = [a for a in blind_articles() if a.part == "dev"]
    except FileNotFoundError as exc:
        print(f"skip blind dev: {exc}")
        return 0
    parsed = []
    agree: Counter = Counter()
    total: Counter = Counter()
    diffs = []
    errs: Counter = Counter()
    chars: Counter = Counter()
    for b in blind:
        hint = None if args.no_hint else ("SA" if b.corpus == "saudinewsnet" else ISO.get(b.group, b.group))
        art = parse_article(b.text, name=b.article_id, country=hint)
        parsed.append(art)
        gm = load_gold(GOLD_DEV / b.article_id, "mentions", art.text)
        if gm is None:
            continue
        ident = _gold_entity_of(art, gm)
        for eid, t, en, src, ar in zip(art.entities["entity_id"], art.entities["type"], art.entities["name_en"],
                                       art.entities["name_en_source"], art.entities["name_ar"]):
            gold = ident.get(int(eid))
            if gold is None:
                continue
            same = _fold(en) == _fold(gold)
            for k in ((GROUPS[t], "all"), (GROUPS[t], src), ("all", src), ("all", "all")):
                total[k] += 1
                agree[k] += same
            errs[GROUPS[t]] += edit_distance(_fold(en), _fold(gold))
            chars[GROUPS[t]] += max(len(_fold(gold)), 1)
            if not same:
                diffs.append((b.article_id, t, src, ar, en, gold))
    _summary("blind dev" + (" (no outlet hint)" if args.no_hint else " (outlet country hint)"), parsed)
    print("  name_en equal to the gold's, entities identified with a gold entity:")
    for g in ("persons", "places", "orgs", "other", "all"):
        cells = [f"{s} {agree[(g, s)]}/{total[(g, s)]}" for s in ("all", "gazetteer", "lexicon", "romanized")
                 if total[(g, s)]]
        e, c = (sum(x.values()) for x in (errs, chars)) if g == "all" else (errs[g], chars[g])
        print(f"    {g:8} " + ", ".join(cells) + (f"; character error rate {e / c:.3f}" if c else ""))
    if args.list:
        for d in diffs:
            print("   ", *d, sep=" | ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
