"""Sentence splitting that knows Arabic punctuation and quotations.

A sentence ends at ``.``, ``!``, ``?``, ``؟``, ``۔`` or ``…`` (plus any closing quotes or brackets that follow) when
whitespace or the end of the paragraph comes next, *unless* a quotation opened before it is still open: a quote
that runs across a full stop stays in one sentence.  Quotes that never close in the paragraph are ignored rather
than swallowing the rest of it.  A full stop after a lone letter (``د.``, ``أ.``) is an abbreviation, not an end.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

__all__ = ["Span", "split_sentences"]

_TERMINAL_RE = re.compile(r"(?:\.{1,3}|[!?\u061F\u06D4\u2026])+[\"'\u00BB\u201D\u2019)\]]*(?=\s|$)")
_OPEN = {"\u00AB": "\u00BB", "\u201C": "\u201D"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_ABBREV_RE = re.compile(r"(?:^|\s)[\u0621-\u064A]$")
_LEADING_WS_RE = re.compile(r"\s*")
_TRAILING_WS_RE = re.compile(r"\s*$")


class Span(NamedTuple):
    start: int
    end: int


def _quote_depths(text: str, start: int, end: int) -> list[int]:
    """Quotation depth before each character of ``text[start:end]`` and after the last; unbalanced quotes ignored."""
    straight_balanced = text.count('"', start, end) % 2 == 0
    paired = {o: text.count(o, start, end) == text.count(c, start, end) for o, c in _OPEN.items()}
    depths = []
    depth = 0
    in_straight = False
    for i in range(start, end):
        depths.append(depth + in_straight)
        ch = text[i]
        if ch == '"' and straight_balanced:
            in_straight = not in_straight
        elif ch in _OPEN and paired[ch]:
            depth += 1
        elif ch in _CLOSE and paired[_CLOSE[ch]] and depth:
            depth -= 1
    depths.append(depth + in_straight)
    return depths


def split_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Yield sentence spans of ``text[start:end]`` (offsets into ``text``, whitespace trimmed).

    >>> t = 'قال "هذا مهم. جدا". ثم غادر.'
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['قال "هذا مهم. جدا".', 'ثم غادر.']
    """
    stop = len(text) if end is None else end
    depths = None
    cursor = start
    for m in _TERMINAL_RE.finditer(text, start, stop):
        if m.end() < stop and not text[m.end()].isspace():
            continue
        if m.group().startswith(".") and len(m.group().rstrip("\"'\u00BB\u201D\u2019)]")) == 1 and _ABBREV_RE.search(text, cursor, m.start()):
            continue
        if depths is None:
            depths = _quote_depths(text, start, stop)
        if depths[m.end() - start]:  # still inside a quotation after the closing marks
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
