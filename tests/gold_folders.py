"""The per-table gold tests' folders and scores (dates, figures), through :mod:`analysis.evaluate`."""
from __future__ import annotations

from pathlib import Path

from analysis import parse_article
from analysis.evaluate import gold_keys, heldout_stems, load_gold, predicted_keys, score

from conftest import DEV_DIR, ROOT, shared_or_skip

GOLD = ROOT / "tests" / "gold"


def heldout() -> frozenset[str]:
    """Gold folders annotated blind and kept out of tuning (tests/gold/HELDOUT.txt)."""
    return heldout_stems(GOLD)


def gold_dirs(table: str) -> list[Path]:
    """Dev gold folders (the seed's excluded) that have a ``<table>.csv``."""
    return sorted(p for p in GOLD.iterdir() if p.is_dir() and (p / f"{table}.csv").exists()
                  and not p.name.startswith("000_"))


def folder_scores(gold_dir: Path, table: str, *, skip_starts: frozenset[int] = frozenset()
                  ) -> tuple[float, float, set, set]:
    """(precision, recall, missed keys, spurious keys) of ``table`` on the dev article of ``gold_dir``.

    ``skip_starts``: start offsets of rows (gold and predicted) left out, for gold rows a later convention superseded.
    """
    art = parse_article(shared_or_skip(DEV_DIR / f"{gold_dir.name}.txt"))
    gold, got = gold_keys(load_gold(gold_dir, table, art.text), table), predicted_keys(art, table)
    assert gold, f"{gold_dir / f'{table}.csv'} has no rows"  # empty gold would score a vacuous 1.0
    if skip_starts:
        gold = {k for k in gold if int(k[0]) not in skip_starts}
        got = {k for k in got if int(k[0]) not in skip_starts}
    s = score(gold, got)
    return s.precision, s.recall, gold - got, got - gold
