"""Arabic stopwords, matched on normalised form, with or without a leading و/ف conjunction."""
from __future__ import annotations

from functools import cache

from analysis.lexicon import load_csv
from analysis.text.clitics import strip_conjunction
from analysis.text.normalize import normalize

__all__ = ["stopwords", "is_stopword"]


@cache
def stopwords() -> frozenset[str]:
    """The normalised stopword set (from ``analysis/data/stopwords_ar.csv``, with English glosses)."""
    rows = load_csv("stopwords_ar.csv", required=("word", "gloss"), key=("word",))
    return frozenset(normalize(row["word"]) for row in rows)


def is_stopword(norm: str) -> bool:
    """True for a normalised token that is a stopword, also after a conjunction (``وهو``, ``فقد``)."""
    words = stopwords()
    return norm in words or strip_conjunction(norm, min_rest=2) in words
