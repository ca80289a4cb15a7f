"""Tokenizer with exact character offsets.

Numbers keep their separators (``1,497``, ``١٬٤٩٧``, ``2.38%``, ``28-09-2020``, ``22:26``); Arabic words keep their
diacritics, tatweel and attached clitics (``لإيطاليا`` is one token; stripping clitics is the stemmer's job);
punctuation, quotes and guillemets are tokens of their own.  A clitic glued to a number (``و390``) splits into the
conjunction and the number, since they are different kinds of thing.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

__all__ = ["Token", "tokenize", "token_columns", "TOKEN_KINDS"]

_AR = "\u0621-\u063A\u0640-\u065F\u066E-\u06D3\u06D5-\u06EF\u06FA-\u06FF\uFB50-\uFD3D\uFD40-\uFDFF\uFE70-\uFEFC"  # + presentation forms
_LAT = "A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F"
# \d is Unicode-aware: ASCII, Arabic-Indic and Persian digits.
_NUMBER = r"\d+(?:[.,:/\-\u066B\u066C]\d+)*(?:[%\u066A])?"
_TOKEN_RE = re.compile(
    rf"(?P<number>{_NUMBER})"
    rf"|(?P<word>[{_AR}]+)"
    rf"|(?P<latin>[{_LAT}]+(?:[\-'\u2019.][{_LAT}0-9]+)*[{_LAT}0-9]*)"
    r"|(?P<punct>\.{2,}|[!-/:-@\[-`{-~\u00A1-\u00BF\u00D7\u00F7\u060C\u061B\u061F\u066A\u066D\u06D4\u2010-\u2027\u2030-\u205E])"
    r"|(?P<symbol>[^\s])"
)

TOKEN_KINDS = ("word", "number", "latin", "punct", "symbol")


class Token(NamedTuple):
    """One token: ``text == source[start:end]``."""

    text: str
    start: int
    end: int
    kind: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Yield the tokens of ``text[start:end]`` with offsets into ``text``.

    >>> [t.text for t in tokenize("بحوالي 1,497 جندياً.")]
    ['بحوالي', '1,497', 'جندياً', '.']
    """
    stop = len(text) if end is None else end
    for m in _TOKEN_RE.finditer(text, start, stop):
        yield Token(m.group(), m.start(), m.end(), m.lastgroup)


def token_columns(text: str, start: int = 0, end: int | None = None
                  ) -> tuple[list[str], list[int], list[int], list[str]]:
    """The tokens of ``text[start:end]`` as four lists -- texts, starts, ends, kinds -- the same tokens as
    :func:`tokenize` without a record per token (the table builder's form).

    >>> token_columns("قال: 17 طائرة")
    (['قال', ':', '17', 'طائرة'], [0, 3, 5, 8], [3, 4, 7, 13], ['word', 'punct', 'number', 'word'])
    """
    ms = list(_TOKEN_RE.finditer(text, start, len(text) if end is None else end))
    return ([m.group() for m in ms], [m.start() for m in ms], [m.end() for m in ms],
            [m.lastgroup for m in ms])  # type: ignore[misc]  (every alternative is a named group)
