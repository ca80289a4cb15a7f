"""Proclitics: the readings of an Arabic token with its leading conjunction/preposition stripped.

Arabic writes the conjunctions و/ف and the prepositions ب/ل/ك fused to the next word (``وبغداد``, ``لإيطاليا``,
``فبالدولار``).  Every layer that looks a word up in a lexicon needs the bare forms; this module is the one place
that produces them, with keyword options that carry each caller's thresholds:

* :func:`proclitic_splits` -- ``(letters stripped, form)`` readings of a *normalised* word;
* :func:`clitic_forms` -- the same with offsets into the *written* token (diacritics ride along), so a span can
  start after the proclitic (``وبغداد`` -> ``بغداد`` one character in);
* :func:`strip_conjunction` -- the word without one leading و/ف;
* :func:`strip_article` -- the word without a leading ال / لل (ل + article).

Where the preposition ل meets the article (``للتحالف`` = ل + التحالف) the article's ا is not written; with
``lam_lam=True`` the reading ``التحالف`` is offered too, its offset keeping the ``ل`` that stands for ``ال``.

All functions are pure and work on letters only (the lists below are closed grammatical classes, not lexicon).
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.text.normalize import normalize

__all__ = ["CONJUNCTIONS", "PREPOSITIONS", "PROCLITICS", "PROCLITICS_SHORTEST_FIRST", "LAM_PROCLITICS",
           "ARTICLE_PREFIXES", "CLITIC_ARTICLE_PREFIXES",
           "PREPOSITION_PROCLITIC_RE", "proclitic_splits", "clitic_forms", "written_offset", "strip_conjunction",
           "strip_article"]

# Closed classes (normalised letters).  و "and", ف "and/so"; ب "with/in", ل "for/to", ك "like".
CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
# Proclitic sequences: conjunction + preposition, then each alone.  Longest first: the first reading after the
# word itself strips the most (وببغداد -> بغداد, then ببغداد).
PROCLITICS: tuple[str, ...] = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
# The same, shortest first: the readings come in stripping order (وبخمسه -> بخمسه -> خمسه).
PROCLITICS_SHORTEST_FIRST: tuple[str, ...] = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
# Proclitics ending in the preposition ل: before a second ل they stand for ل + the article (للتحالف).
LAM_PROCLITICS = frozenset({"ل", "ول", "فل"})
# The article, alone or with ل fused to it (للدولار = ل + الدولار).
ARTICLE_PREFIXES: tuple[str, ...] = ("ال", "لل")
# The article behind a conjunction or preposition as well (والدولار, بالدولار).
CLITIC_ARTICLE_PREFIXES: tuple[str, ...] = ("وال", "فال", "بال", "لل", "ال")
# On written (undiacritised) text: an optional و/ف and one preposition ب/ل/ك before at least three letters
# (لفرض -> فرض); the theme layer strips it before stemming again.
PREPOSITION_PROCLITIC_RE = re.compile("^[\u0648\u0641]?[\u0628\u0644\u0643](?=[\u0621-\u064A]{3})")


@lru_cache(maxsize=131072)
def proclitic_splits(norm: str, *, proclitics: tuple[str, ...] = PROCLITICS, min_rest: int = 2,
                     lam_lam: bool = True, lam_lam_min_rest: int = 3) -> tuple[tuple[int, str], ...]:
    """Readings ``(normalised letters stripped, form)`` of a normalised word: the word itself first, then for each
    proclitic of ``proclitics`` (in that order) that starts it, the rest when it keeps ``min_rest`` letters.

    ``lam_lam``: for a proclitic ending in ل (:data:`LAM_PROCLITICS`) followed by ل, also the reading with the
    article restored (``للتحالف`` -> ``التحالف``, one letter stripped), offered before the plain rest when the rest
    (from the second ل) has ``lam_lam_min_rest`` letters.

    >>> proclitic_splits("وللتحالف")
    ((0, 'وللتحالف'), (1, 'التحالف'), (2, 'لتحالف'), (1, 'للتحالف'))
    """
    out = [(0, norm)]
    for p in proclitics:
        if not norm.startswith(p):
            continue
        rest = norm[len(p):]
        if lam_lam and p in LAM_PROCLITICS and rest.startswith("ل") and len(rest) >= lam_lam_min_rest:
            out.append((len(p) - 1, "ا" + rest))  # لل = ل + ال: keep the ل standing for ال
        if len(rest) >= min_rest:
            out.append((len(p), rest))
    return tuple(out)


def written_offset(token: str, n_norm_chars: int) -> int:
    """Characters of ``token`` spanning its first ``n_norm_chars`` normalised letters (diacritics ride along)."""
    seen = 0
    for i, ch in enumerate(token):
        if seen == n_norm_chars:
            if normalize(ch):
                return i
            continue
        if normalize(ch):
            seen += 1
    return len(token)


@lru_cache(maxsize=131072)
def clitic_forms(token: str, norm: str | None = None, *, proclitics: tuple[str, ...] = PROCLITICS,
                 min_rest: int = 2, lam_lam: bool = True,
                 lam_lam_min_rest: int = 3) -> tuple[tuple[int, str], ...]:
    """Readings ``(offset into the written token, normalised form)`` of ``token`` (``norm``: its normalised form,
    computed when not given); the options are those of :func:`proclitic_splits`.

    >>> clitic_forms("لإيطاليا")
    ((0, 'لايطاليا'), (1, 'ايطاليا'))
    """
    if norm is None:
        norm = normalize(token)
    splits = proclitic_splits(norm, proclitics=proclitics, min_rest=min_rest, lam_lam=lam_lam,
                              lam_lam_min_rest=lam_lam_min_rest)
    return ((0, norm),) + tuple((written_offset(token, k), form) for k, form in splits[1:])


def strip_conjunction(norm: str, *, min_rest: int = 3) -> str:
    """``norm`` without one leading و/ف when ``min_rest`` letters remain, else ``norm`` (``وقال`` -> ``قال``).

    The default (rest of three letters or more) is the entity and quote layers'; the stopword list uses
    ``min_rest=2`` (``وهو`` -> ``هو``).
    """
    return norm[1:] if len(norm) > min_rest and norm[0] in CONJUNCTIONS else norm


def strip_article(norm: str, *, prefixes: tuple[str, ...] = ARTICLE_PREFIXES, min_rest: int = 2) -> str | None:
    """``norm`` without the first of ``prefixes`` that starts it and leaves ``min_rest`` letters, else None
    (``الدولار`` -> ``دولار``, ``للبرميل`` -> ``برميل``; with :data:`CLITIC_ARTICLE_PREFIXES`, ``بالدولار`` ->
    ``دولار``)."""
    for p in prefixes:
        if norm.startswith(p) and len(norm) - len(p) >= min_rest:
            return norm[len(p):]
    return None
