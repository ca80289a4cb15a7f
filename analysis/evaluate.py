"""Precision, recall and F1 of extracted tables against gold annotations (exact match on a key per table).

Gold lives in ``tests/gold/<article stem>/<table>.csv``: offsets and values only (the dev articles' text stays in
``../shared``); the seed's gold may add a ``text``/``content`` column, which the loader checks against the article.
:data:`KEYS` is the one place that says what a correct row is for every table:

========== ==========================================================================================
table      key columns (a predicted row is a true positive when a gold row has the same key)
========== ==========================================================================================
mentions   ``start, end, type``
entities   ``name_en, type``
quotes     ``start, end, speaker, mode`` (``speaker``: the speaker entity's ``name_en``; ``ar:<normalised
           name_ar>`` for an entity without an English name; empty when there is no speaker entity)
figures    ``start, end, value, category``
themes     ``sentence_start, theme`` (the sentence's start offset)
dates      ``start, end, resolved``
========== ==========================================================================================

Keys are compared as strings after light canonicalisation (floats to 6 significant digits, missing values to
``""``), each key counted once (sets, not bags).
"""
from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.text.normalize import normalize

__all__ = ["KEYS", "Score", "score", "predicted_keys", "gold_keys", "load_gold", "evaluate_article",
           "GOLD_TABLES", "GoldError", "heldout_stems"]

KEYS: dict[str, tuple[str, ...]] = {
    "mentions": ("start", "end", "type"),
    "entities": ("name_en", "type"),
    "quotes": ("start", "end", "speaker", "mode"),
    "figures": ("start", "end", "value", "category"),
    "themes": ("sentence_start", "theme"),
    "dates": ("start", "end", "resolved"),
}
GOLD_TABLES = tuple(KEYS)
# Text columns a gold file may carry (seed only) and the span they must equal in the article.
_TEXT_COLUMNS = {"text": ("start", "end"), "content": ("start", "end")}


class GoldError(ValueError):
    """A gold file does not fit its article (offsets out of range, text mismatch, missing key columns)."""


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def _canon(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, numbers.Number):
        f = float(value)
        return str(int(f)) if f.is_integer() else f"{f:.6g}"
    s = str(value).strip()
    try:
        f = float(s)
    except ValueError:
        return s
    return str(int(f)) if f.is_integer() else f"{f:.6g}"


def _keys(df: pd.DataFrame, cols: tuple[str, ...]) -> set[tuple[str, ...]]:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise GoldError(f"table lacks key columns {missing}")
    return {tuple(_canon(v) for v in row) for row in df[list(cols)].itertuples(index=False, name=None)}


def score(gold: set, predicted: set) -> Score:
    """Exact-match counts of two key sets."""
    return Score(len(gold & predicted), len(predicted - gold), len(gold - predicted))


def _speaker_keys(quotes: pd.DataFrame, entities: pd.DataFrame) -> list[str]:
    names_en = dict(zip(entities["entity_id"], entities["name_en"]))
    names_ar = dict(zip(entities["entity_id"], entities["name_ar"]))
    out = []
    for eid in quotes["speaker_entity_id"]:
        if eid is None or eid is pd.NA or (isinstance(eid, float) and math.isnan(eid)):
            out.append("")
            continue
        en = names_en.get(eid)
        out.append(en if isinstance(en, str) and en else "ar:" + normalize(str(names_ar.get(eid, ""))))
    return out


def predicted_keys(article, table: str) -> set[tuple[str, ...]]:
    """The key set of one extracted table of a parsed article (derived columns computed here)."""
    df = article.table(table)
    if table == "quotes":
        df = df.assign(speaker=_speaker_keys(df, article.entities))
    elif table == "themes":
        starts = dict(zip(article.sentences["sentence_id"], article.sentences["start"]))
        df = df.assign(sentence_start=[starts[s] for s in df["sentence_id"]])
    return _keys(df, KEYS[table])


def load_gold(gold_dir: str | Path, table: str, text: str) -> pd.DataFrame | None:
    """The gold rows of ``table`` in ``gold_dir`` (None if there is no such file), checked against ``text``."""
    path = Path(gold_dir) / f"{table}.csv"
    if not path.exists():
        return None
    gold = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    if "start" in gold.columns and "end" in gold.columns:
        for r in gold.itertuples(index=False):
            s, e = int(r.start), int(r.end)
            if not (0 <= s < e <= len(text)) or text[s:e] != text[s:e].strip():
                raise GoldError(f"{path}: span {s}:{e} does not fit the article text (length {len(text)})")
    for col, (a, b) in _TEXT_COLUMNS.items():
        if col in gold.columns:
            for r in gold.to_dict("records"):
                if text[int(r[a]):int(r[b])] != r[col]:
                    raise GoldError(f"{path}: {col} {r[col]!r} != text[{r[a]}:{r[b]}] {text[int(r[a]):int(r[b])]!r}")
    return gold


def gold_keys(gold: pd.DataFrame, table: str) -> set[tuple[str, ...]]:
    return _keys(gold, KEYS[table])


def heldout_stems(gold_root: str | Path) -> frozenset[str]:
    """Gold folders annotated blind and kept out of tuning, from ``<gold_root>/HELDOUT.txt`` (``#`` comments)."""
    path = Path(gold_root) / "HELDOUT.txt"
    if not path.exists():
        return frozenset()
    lines = (ln.split("#", 1)[0].strip() for ln in path.read_text(encoding="utf-8").splitlines())
    return frozenset(ln for ln in lines if ln)


def evaluate_article(article, gold_dir: str | Path, tables: tuple[str, ...] = GOLD_TABLES) -> dict[str, Score]:
    """Scores of every table that has a gold file in ``gold_dir``."""
    out = {}
    for table in tables:
        gold = load_gold(gold_dir, table, article.text)
        if gold is not None:
            out[table] = score(gold_keys(gold, table), predicted_keys(article, table))
    return out
