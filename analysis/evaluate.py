"""Precision, recall and F1 of extracted tables against gold annotations (exact match on a key per table).

Gold lives in ``tests/gold/<article stem>/<table>.csv``: offsets and values only (the dev articles' text stays in
``../shared``); the seed's gold may add a ``text``/``content`` column, which the loader checks against the article.
:data:`KEYS` is the one place that says what a correct row is for every table:

========== ==========================================================================================
table      key columns (a predicted row is a true positive when a gold row has the same key)
========== ==========================================================================================
mentions   ``start, end, type``
entities   ``name_en, type``
quotes     ``start, end, speaker, mode`` (``speaker``: the speaker entity's ``name_en`` from the gazetteer;
           ``ar:<normalised name_ar>`` for an entity without one; empty when there is no speaker entity)
figures    ``start, end, value, category``
themes     ``sentence_start, theme`` (the sentence's start offset)
dates      ``start, end, resolved``
========== ==========================================================================================

Only gazetteer names (``name_en_source == "gazetteer"``) count in the ``entities`` and ``quotes`` keys: the tuned gold
was written when only those entities had an English name, and a romanized spelling measures spelling, not finding.

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

__all__ = ["KEYS", "Score", "score", "predicted_keys", "gold_keys", "load_gold", "evaluate_article", "blind_scores",
           "wrong_speakers", "top_theme", "BLIND_EXTRA",
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

    def __add__(self, other: Score) -> Score:
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


def _gazetteer_names(entities: pd.DataFrame) -> pd.Series:
    """``name_en`` where it comes from the gazetteer, null elsewhere (see the module docstring)."""
    if "name_en_source" not in entities.columns:
        return entities["name_en"]
    return entities["name_en"].where(entities["name_en_source"] == "gazetteer")


def _speaker_keys(quotes: pd.DataFrame, entities: pd.DataFrame) -> list[str]:
    names_en = dict(zip(entities["entity_id"], _gazetteer_names(entities)))
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
    elif table == "entities":
        df = df.assign(name_en=_gazetteer_names(df))
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


# --------------------------------------------------------------------------- measures of the blind gold set
# The blind gold (tests/gold_blind/<part>/<article>/) names every entity in English (`name_en` in mentions.csv,
# `speaker` in quotes.csv) whether or not the extractor knows an English name.  So that entity and speaker scores
# measure *finding* things, not spelling them, a predicted entity is identified with the gold entity whose gold
# mentions its own mentions hit exactly (most hits wins; ties: the gold name first in text order); an entity that
# hits none is its own, spurious, thing.

BLIND_EXTRA = ("entities", "statements", "speakers", "main_theme")


def _gold_entity_of(article, gold_mentions: pd.DataFrame) -> dict[int, str]:
    """Predicted ``entity_id`` -> gold ``name_en`` (see above); entities that hit no gold mention are absent."""
    gold_at = {(int(s), int(e)): n for s, e, n in zip(gold_mentions["start"], gold_mentions["end"],
                                                    gold_mentions["name_en"])}
    order = {n: i for i, n in enumerate(dict.fromkeys(gold_mentions["name_en"]))}
    hits: dict[int, dict[str, int]] = {}
    m = article.mentions
    for eid, s, e in zip(m["entity_id"], m["start"], m["end"]):
        name = gold_at.get((int(s), int(e)))
        if name:
            hits.setdefault(int(eid), {}).setdefault(name, 0)
            hits[int(eid)][name] += 1
    return {eid: min(h, key=lambda n: (-h[n], order[n])) for eid, h in hits.items()}


def _no_speaker(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def blind_scores(article, gold_dir: str | Path) -> dict[str, Score]:
    """The issue-level measures on one blind-gold article (each where its gold file exists).

    * ``entities``: one key per real-world thing, (gold name, type) for predicted entities identified with a gold
      entity, a key of their own for the rest;
    * ``statements``: a quote found, key (start, end, mode) — whoever said it;
    * ``speakers``: key (start, end, speaker) with the predicted speaker identified as above (a quote without a
      speaker entity has speaker ``""``, as in the gold for non-entity speakers);
    * ``main_theme``: tp when the article's top theme (highest summed score; ties: first in text) is the gold
      ``main_theme`` of ``story.csv``, else one fp (a wrong top theme) or one fn (no theme at all).
    """
    out: dict[str, Score] = {}
    text = article.text
    gm = load_gold(gold_dir, "mentions", text)
    ident: dict[int, str] = {}
    if gm is not None:
        ident = _gold_entity_of(article, gm)
        gold = {(n, t) for n, t in zip(gm["name_en"], gm["type"])}
        ents = article.entities
        pred = {(ident.get(int(eid), f"predicted:{int(eid)}"), t) for eid, t in zip(ents["entity_id"], ents["type"])}
        out["entities"] = score(gold, pred)
    gq = load_gold(gold_dir, "quotes", text)
    if gq is not None:
        q = article.quotes
        out["statements"] = score(_keys(gq, ("start", "end", "mode")), _keys(q, ("start", "end", "mode")))
        speakers = ["" if _no_speaker(eid) else ident.get(int(eid), f"predicted:{int(eid)}")
                    for eid in q["speaker_entity_id"]]
        out["speakers"] = score(_keys(gq, ("start", "end", "speaker")),
                                _keys(q.assign(speaker=speakers), ("start", "end", "speaker")))
    story = Path(gold_dir) / "story.csv"
    if story.exists():
        want = pd.read_csv(story, dtype=str, keep_default_na=False)["main_theme"].iloc[0].strip()
        out["main_theme"] = score({(want,)}, {(t,)} if (t := top_theme(article)) else set())
    return out


def wrong_speakers(article, gold_dir: str | Path) -> tuple[int, int]:
    """(quotes found with a wrong speaker entity, quotes found): a found quote (same start, end) whose predicted
    speaker is an entity other than the gold speaker (also where the gold has no speaker entity)."""
    gq = load_gold(gold_dir, "quotes", article.text)
    gm = load_gold(gold_dir, "mentions", article.text)
    if gq is None:
        return 0, 0
    ident = _gold_entity_of(article, gm) if gm is not None else {}
    gold = {(int(s), int(e)): sp for s, e, sp in zip(gq["start"], gq["end"], gq["speaker"])}
    wrong = found = 0
    q = article.quotes
    for s, e, eid in zip(q["start"], q["end"], q["speaker_entity_id"]):
        if (int(s), int(e)) not in gold:
            continue
        found += 1
        if not _no_speaker(eid) and ident.get(int(eid), f"predicted:{int(eid)}") != gold[(int(s), int(e))]:
            wrong += 1
    return wrong, found


def top_theme(article) -> str | None:
    """The article's main theme: rank 1 of :func:`analysis.extract.themes.rank_themes` (sentence scores weighted
    by position, the headline and lead more than later sentences; ties: the one seen first)."""
    from analysis.extract.themes import rank_themes
    ranked = rank_themes(article.themes, article.sentences)
    return None if ranked.empty else str(ranked["theme"].iloc[0])
