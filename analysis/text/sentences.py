"""Sentence splitting that knows Arabic punctuation and quotations.

A sentence ends at ``.``, ``!``, ``?``, ``؟``, ``۔`` or ``…`` (plus any closing quotes or brackets that follow) when
whitespace or the end of the paragraph comes next, *unless* a quotation opened before it is still open: a quote
that runs across a full stop stays in one sentence.  Quotes that never close in the paragraph are ignored rather
than swallowing the rest of it (the pairing is :mod:`analysis.text.quotation`, policy ``BALANCED``).  A full stop
after a lone letter (``د.``, ``أ.``) is an abbreviation, not an end, and a ``?`` glued to digits before ``من``
(``80? من``) is a percent sign a Windows-1256 page lost, not a question.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from analysis.text.quotation import char_quotations, inside

__all__ = ["Span", "split_sentences"]

_TERMINAL_RE = re.compile(r"(?:\.{1,3}|[!?\u061F\u06D4\u2026])+[\"'\u00BB\u201D\u2019)\]]*(?=\s|$)")
_ABBREV_RE = re.compile(r"(?:^|\s)[\u0621-\u064A]$")
_LOST_PERCENT_RE = re.compile(r"\?(?=[ \u00a0]+من[ \u00a0])")  # as analysis.text.numbers
_LEADING_WS_RE = re.compile(r"\s*")
_TRAILING_WS_RE = re.compile(r"\s*$")


class Span(NamedTuple):
    start: int
    end: int


def split_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Yield sentence spans of ``text[start:end]`` (offsets into ``text``, whitespace trimmed).

    >>> t = 'قال "هذا مهم. جدا". ثم غادر.'
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['قال "هذا مهم. جدا".', 'ثم غادر.']
    """
    stop = len(text) if end is None else end
    quotations = None
    cursor = start
    for m in _TERMINAL_RE.finditer(text, start, stop):
        if m.end() < stop and not text[m.end()].isspace():
            continue
        if m.group() == "?" and m.start() > start and text[m.start() - 1].isdigit() \
                and _LOST_PERCENT_RE.match(text, m.start()):
            continue  # "80? من": a percent sign lost to "?" (Windows-1256 pages), not a question
        if m.group().startswith(".") and len(m.group().rstrip("\"'\u00BB\u201D\u2019)]")) == 1 and _ABBREV_RE.search(text, cursor, m.start()):
            continue
        if quotations is None:
            quotations = char_quotations(text, start, stop)  # analysis.text.quotation, policy BALANCED
        if inside(quotations, m.end()):  # still inside a quotation after the closing marks
            continue
        span = _trim(text, cursor, m.end())
        if span:
            yield span
        cursor = m.end()
    span = _trim(text, cursor, stop)
    if span:
        yield span


def _trim(text: str, start: int, end: int) -> Span | None:
    s = _LEADING_WS_RE.match(text, start, end).end()
    e = end
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(s, e) if e > s else None
