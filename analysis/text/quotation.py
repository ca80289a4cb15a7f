"""Quotation marks: the one table of marks and the one place that pairs them.

Two layers need to know where a quotation opens and closes, and they need slightly different answers:

* the **sentence splitter** (:mod:`analysis.text.sentences`) asks, character by character inside one paragraph,
  whether a full stop lies inside a quotation (a quoted statement that runs across a full stop stays one
  sentence).  Policy :data:`BALANCED`: quotations nest (``«… “…” …»``), a kind of mark whose openings and
  closings do not balance in the paragraph is ignored (a stray ``"`` must not swallow the rest of the paragraph),
  and only ``«``/``“`` (and the straight ``"``) open;
* the **quote finder** (:mod:`analysis.extract.quotes`) asks, token by token over the whole article, which tokens
  are a quotation's content.  Policy :data:`GREEDY`: a quotation is flat (it ends at the first closing mark that
  can close it: its own closing mark, ``»`` or ``”``), the closing-style marks ``”`` and ``„`` may also open one
  (``”…”``, ``„…”``), and a quotation left open at the end of its paragraph closes in the next paragraph when
  that paragraph's first mark can only close it (multi-paragraph quotations are written without a closing mark
  at each paragraph end).

Both read the same mark table (:data:`PAIRS`, :data:`STRAIGHT`, :data:`REVERSED_OPENERS`) and go through
:func:`pair_marks`; the policies differ only where the two uses really differ.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from typing import NamedTuple

__all__ = ["PAIRS", "STRAIGHT", "REVERSED_OPENERS", "QUOTE_MARKS", "CLOSING", "APOSTROPHE", "Policy", "BALANCED",
           "GREEDY", "Mark", "Quotation", "openers", "pair_marks", "char_marks", "char_quotations", "inside",
           "pair_apostrophes"]

PAIRS = {"\u00AB": "\u00BB", "\u201C": "\u201D"}  # « » and “ ”: opening mark -> its closing mark
STRAIGHT = '"'  # opens and closes
REVERSED_OPENERS = {"\u201D": "\u201D", "\u201E": "\u201D"}  # ”…” and „…”: closing-style marks that open
QUOTE_MARKS = frozenset('"\u00AB\u00BB\u201C\u201D\u201E')  # every quotation mark
CLOSING = frozenset(PAIRS.values())  # » and ”: close any quotation (GREEDY)
APOSTROPHE = "'"  # a quotation mark in some papers (PS: 'إنه ...'; DZ doubled: ''...''), a comma in others (EG)
_CLOSE_TO_OPEN = {c: o for o, c in PAIRS.items()}
_MARK_RE = re.compile("[" + "".join(sorted(QUOTE_MARKS)) + "]")


class Policy(Enum):
    BALANCED = "balanced"
    GREEDY = "greedy"


BALANCED = Policy.BALANCED
GREEDY = Policy.GREEDY


class Mark(NamedTuple):
    """One quotation mark: its position (a character offset or a token index), the mark, its paragraph."""

    pos: int
    mark: str
    paragraph: int = 0


class Quotation(NamedTuple):
    """Positions of an opening mark and of the mark that closes it (``None``: open to the end of the span)."""

    open: int
    close: int | None


def openers(policy: Policy) -> dict[str, str]:
    """Marks that open a quotation under ``policy`` -> the closing mark they expect."""
    out = {**PAIRS, STRAIGHT: STRAIGHT}
    if policy is GREEDY:
        out = {**PAIRS, STRAIGHT: STRAIGHT, **REVERSED_OPENERS}
    return out


def pair_marks(marks: Sequence[Mark], policy: Policy) -> list[Quotation]:
    """The quotations the ``marks`` (in text order) form under ``policy`` (see the module docstring).

    ``BALANCED`` (one paragraph): quotations nest; a straight ``"`` pairs with the next one when the span holds
    an even number of them; ``«``/``“`` count only when the span holds as many of that opening mark as of its
    closing mark, and a closing mark closes the innermost open quotation; quotations still open at the end have
    ``close=None``.  ``GREEDY`` (an article): quotations are flat and every one returned is closed.
    """
    if policy is BALANCED:
        return _pair_balanced(marks)
    return _pair_greedy(marks)


def _pair_balanced(marks: Sequence[Mark]) -> list[Quotation]:
    chars = [m.mark for m in marks]
    straight_ok = chars.count(STRAIGHT) % 2 == 0
    paired = {o: chars.count(o) == chars.count(c) for o, c in PAIRS.items()}
    out: list[Quotation] = []
    stack: list[int] = []
    straight_at: int | None = None
    for m in marks:
        if m.mark == STRAIGHT and straight_ok:
            if straight_at is None:
                straight_at = m.pos
            else:
                out.append(Quotation(straight_at, m.pos))
                straight_at = None
        elif m.mark in PAIRS and paired[m.mark]:
            stack.append(m.pos)
        elif m.mark in _CLOSE_TO_OPEN and paired[_CLOSE_TO_OPEN[m.mark]] and stack:
            out.append(Quotation(stack.pop(), m.pos))
    out.extend(Quotation(p, None) for p in stack)
    if straight_at is not None:
        out.append(Quotation(straight_at, None))
    return sorted(out)


def _pair_greedy(marks: Sequence[Mark]) -> list[Quotation]:
    table = openers(GREEDY)
    out: list[Quotation] = []
    n = len(marks)
    x = 0
    while x < n:
        m = marks[x]
        if m.mark not in table:
            x += 1
            continue
        close = table[m.mark]
        y = x + 1
        while y < n and marks[y].paragraph == m.paragraph and marks[y].mark not in (close, *CLOSING):
            y += 1
        if y >= n or marks[y].paragraph != m.paragraph:
            y = _closing_in_next_paragraph(marks, x, y, close)
        if y is None:
            x += 1
            continue
        out.append(Quotation(m.pos, marks[y].pos))
        x = y + 1
    return out


def _closing_in_next_paragraph(marks: Sequence[Mark], x: int, y: int, close: str) -> int | None:
    """Index (into ``marks``) of the mark of the next paragraph that closes the quotation opened at ``marks[x]``:
    that paragraph's first quotation mark when it can only be a closing one (an unpaired ``"``, or ``»`` before
    any ``«``); ``y`` is the first mark after the opening paragraph."""
    para = marks[x].paragraph
    relevant = (close, *PAIRS, *CLOSING)
    nxt = [k for k in range(y, len(marks)) if marks[k].paragraph == para + 1 and marks[k].mark in relevant]
    if not nxt:
        return None
    if close == STRAIGHT:
        straight = [k for k in nxt if marks[k].mark == STRAIGHT]
        return straight[0] if len(straight) % 2 == 1 else None
    return nxt[0] if marks[nxt[0]].mark == close else None


def char_marks(text: str, start: int = 0, end: int | None = None) -> list[Mark]:
    """The quotation marks of ``text[start:end]`` by character offset (one paragraph)."""
    stop = len(text) if end is None else end
    return [Mark(m.start(), m.group()) for m in _MARK_RE.finditer(text, start, stop)]


def char_quotations(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(open, close)`` character offsets of the ``BALANCED`` quotations of one paragraph ``text[start:end]``;
    a quotation still open at the end closes at ``end``."""
    stop = len(text) if end is None else end
    return [(q.open, stop if q.close is None else q.close) for q in pair_marks(char_marks(text, start, stop),
                                                                             BALANCED)]


def inside(quotations: Sequence[tuple[int, int]], pos: int) -> bool:
    """Whether the point just before character ``pos`` lies inside one of ``quotations`` (after its opening
    mark, up to and including the point before its closing mark)."""
    return any(o < pos <= c for o, c in quotations)


def pair_apostrophes(text: str, runs: Sequence[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Quotations marked with apostrophes, for the quote finder only (the sentence splitter and :data:`QUOTE_MARKS`
    leave them out: some papers write ``'`` for a comma).  ``runs``: ``(start, end, paragraph)`` character spans of
    one or two adjacent apostrophes (``'`` or ``''``), in text order.  A run opens when it is glued to the word
    after it and not to a letter before it (`` 'إنه``, ``لـ''الخبر``), closes when glued to the word or stop before
    it and not to a letter after it (``ماهية'.``); an opening pairs with the next closing run of the same size in
    its paragraph, nothing nests, an unmatched run is no mark (``حسين ابراهيم' زعيم ...'``: two closings).  Returns
    the (opening, closing) run indices."""
    def kind(k: int) -> str | None:
        s, e, _ = runs[k]
        before = text[s - 1] if s > 0 else " "
        after = text[e] if e < len(text) else " "
        if after.isalnum() and not before.isalnum():
            return "open"
        if (before.isalnum() or before in ".!?\u061F") and not after.isalnum():
            return "close"
        return None

    out: list[tuple[int, int]] = []
    x = 0
    while x < len(runs):
        if kind(x) != "open":
            x += 1
            continue
        size = runs[x][1] - runs[x][0]
        y = x + 1
        while y < len(runs) and runs[y][2] == runs[x][2] and kind(y) != "close":
            y += 1
        if y < len(runs) and runs[y][2] == runs[x][2] and runs[y][1] - runs[y][0] == size:
            out.append((x, y))
            x = y + 1
        else:
            x += 1
    return out
