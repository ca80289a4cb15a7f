"""Arabic stopwords, matched on normalised form, with or without a leading و/ف conjunction."""
from __future__ import annotations

import csv
from functools import cache
from importlib.resources import files

from analysis.text.clitics import strip_conjunction
from analysis.text.normalize import normalize

__all__ = ["stopwords", "is_stopword"]


@cache
def stopwords() -> frozenset[str]:
    """The normalised stopword set (from ``analysis/data/stopwords_ar.csv``, with English glosses)."""
    with files("analysis").joinpath("data/stopwords_ar.csv").open(encoding="utf-8") as fh:
        return frozenset(normalize(row["word"]) for row in csv.DictReader(fh))


def is_stopword(norm: str) -> bool:
    """True for a normalised token that is a stopword, also after a conjunction (``وهو``, ``فقد``)."""
    words = stopwords()
    return norm in words or strip_conjunction(norm, min_rest=2) in words
