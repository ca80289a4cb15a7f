"""Clitic-aware light stemming of tokens, for matching themes and key terms.

The stemmer is the Snowball Arabic stemmer (``snowballstemmer``, C-accelerated by ``PyStemmer``), chosen after
measuring tashaphyne, NLTK ISRI and qalsadi on the seed and the dev articles (README, "Choices").  Snowball strips
the article, prepositions and pronoun suffixes but keeps a conjunction glued to the article (``والاستخبارية``),
so a leading ``و``/``ف`` before ``ال``/``لل`` is removed first.  Results are cached per distinct word.
"""
from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from analysis.text.normalize import dediac, normalize, strip_tatweel

__all__ = ["stem"]

_STEMMER = snowballstemmer.stemmer("arabic")
_CONJ_ART_RE = re.compile("^[\u0648\u0641](?=\u0627\u0644|\u0644\u0644)")  # و/ف before ال or لل
_ARABIC_WORD_RE = re.compile("^[\u0621-\u064A]+$")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Light stem of one word, in normalised form (``normalize`` applied to the result).

    Non-Arabic tokens come back normalised but otherwise unchanged.

    >>> stem("والاستخبارية")
    'استخبار'
    """
    bare = strip_tatweel(dediac(word))
    if not _ARABIC_WORD_RE.match(bare):
        return normalize(word)
    bare = _CONJ_ART_RE.sub("", bare)
    return normalize(_STEMMER.stemWord(bare))
