"""Numbers as Arabic news writes them: digits and number words, parsed to floats.

* Digit strings: ``1,497``, ``١٬٤٩٧`` (thousands separators), ``2.38``, ``٢٫٣٨`` (decimal points), ``2,5`` (a comma
  followed by one or two digits is a decimal comma), ``18%``.
* The outlet style ``2ر0`` (KUNA and others) writes the *fraction first*: ``19ر162`` is 162.19 and ``2ر0`` is 0.2
  (checked against the dev corpus, where ``73ر17569`` is the Dow Jones level 17,569.73); see :func:`reversed_decimal`.
* Number words (``خمسة``، ``ألف وأربعمائة``، ``ثلاثة آلاف``، ``مليار``) with their attached clitics (و، ف، ب، ل، ك);
  the lexicon is data: ``analysis/data/number_words.csv`` (value, kind, English gloss), which also lists the
  approximation qualifiers (حوالي، نحو، أكثر من ... before the amount; تقريبا، على الأقل after it).

All functions are pure; lexicons are loaded once.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from analysis.lexicon import load_csv
from analysis.text.clitics import PROCLITICS_SHORTEST_FIRST, proclitic_splits
from analysis.text.normalize import normalize

__all__ = ["NumberWord", "number_words", "qualifiers", "words_of_kind", "parse_numeral", "reversed_decimal", "number_word",
           "compose", "strip_clitics"]


class NumberWord(NamedTuple):
    """One entry of the number-word lexicon."""

    word: str
    value: float
    kind: str  # unit, ten, teen_unit, tens, hundred, hundreds, scale, scale_plural, scale_dual, vague
    gloss: str


@cache
def _rows() -> tuple[dict[str, str], ...]:
    # value is empty for the qualifiers (approx_before / approx_after), which are not numbers
    return load_csv("number_words.csv", required=("word", "kind", "gloss"), optional=("value",), key=("word",))


@cache
def number_words() -> dict[str, NumberWord]:
    """Normalised number word -> :class:`NumberWord`."""
    return {normalize(r["word"]): NumberWord(r["word"], float(r["value"]), r["kind"], r["gloss"])
            for r in _rows() if r["value"]}


@cache
def qualifiers() -> dict[str, dict[tuple[str, ...], str]]:
    """``{"approx_before": {normalised word tuple: gloss}, "approx_after": {...}}``."""
    out: dict[str, dict[tuple[str, ...], str]] = {"approx_before": {}, "approx_after": {}}
    for r in _rows():
        if r["kind"] in out:
            out[r["kind"]][tuple(normalize(r["word"]).split())] = r["gloss"]
    return out


@cache
def words_of_kind(kind: str) -> frozenset[str]:
    """Normalised words of the ``number_words.csv`` rows of one ``kind`` (``age_before``, ``age_of`` ...)."""
    return frozenset(normalize(r["word"]) for r in _rows() if r["kind"] == kind)


_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_DECIMAL_COMMA_RE = re.compile(r"^\d+,\d{1,2}$")
_PLAIN_RE = re.compile(r"^\d+(?:\.\d+)?$")


def parse_numeral(text: str) -> float | None:
    """The value of a digit string, or ``None`` if it is not a plain amount (dates, times, ranges).

    >>> parse_numeral("١٬٤٩٧"), parse_numeral("2.38%"), parse_numeral("2,5")
    (1497.0, 2.38, 2.5)
    """
    s = normalize(text).rstrip("%").strip()
    if _PLAIN_RE.match(s):
        return float(s)
    if _THOUSANDS_RE.match(s):
        return float(s.replace(",", ""))
    if _DECIMAL_COMMA_RE.match(s):
        return float(s.replace(",", "."))
    return None


def reversed_decimal(fraction: str, integer: str) -> float | None:
    """``2ر0`` style: the digits *before* ر are the fraction, the digits after it the integer part.

    >>> reversed_decimal("19", "162"), reversed_decimal("2", "0")
    (162.19, 0.2)
    """
    f, i = normalize(fraction), normalize(integer)
    if not (f.isdigit() and i.isdigit()):
        return None
    return float(f"{i}.{f}")


def strip_clitics(norm: str) -> list[str]:
    """Candidate bare forms of a normalised word: itself, without a leading و/ف, then without ب/ل/ك too.

    >>> strip_clitics("وبخمسه")
    ['وبخمسه', 'بخمسه', 'خمسه']
    """
    return list(_clitic_forms(norm))


@lru_cache(maxsize=16384)
def _clitic_forms(norm: str) -> tuple[str, ...]:  # strip_clitics, once per word (callers get a fresh list)
    return tuple(form for _, form in proclitic_splits(norm, proclitics=PROCLITICS_SHORTEST_FIRST, lam_lam=False))


@lru_cache(maxsize=32768)
def number_word(norm: str) -> tuple[NumberWord, str] | None:
    """The lexicon entry for a normalised token, allowing attached و/ف/ب/ل/ك; returns ``(entry, prefix)``.

    Computed once per word (the lexicon is loaded once; the result is immutable)."""
    lex = number_words()
    for cand in _clitic_forms(norm):
        if cand in lex:
            return lex[cand], norm[: len(norm) - len(cand)]
    return None


def compose(words: list[NumberWord], *, base: float | None = None) -> float:
    """Value of a sequence of number words (``ألف وأربعمائة`` -> 1400), optionally after a digit ``base``
    (``3`` + ``ملايين`` -> 3,000,000).  Vague plurals (``عشرات``، ``مئات``) count as their lower bound.

    >>> lex = number_words(); compose([lex["الف"], lex["اربعمائه"]])
    1400.0
    """
    total = 0.0
    current = base or 0.0
    for w in words:
        if w.kind in ("scale", "scale_plural"):
            total += (current or 1.0) * w.value
            current = 0.0
        elif w.kind == "vague":
            current = (current or 1.0) * w.value
        elif w.kind == "scale_dual":
            total += w.value
            current = 0.0
        elif w.kind == "hundred" and 0 < current < 10:
            current *= 100  # ثلاث مائة
        else:
            current += w.value
    return total + current
