"""Token records grouped by sentence: the lists the rule stages (dates, figures) walk over."""
from __future__ import annotations

from typing import NamedTuple

__all__ = ["Tok", "tokens_by_sentence"]


class Tok(NamedTuple):
    text: str
    start: int
    end: int
    norm: str
    kind: str


def tokens_by_sentence(base) -> dict[int, list[Tok]]:
    """``sentence_id`` -> that sentence's tokens in order, from ``base.tokens`` (sentences without tokens absent)."""
    tokens = base.tokens
    by_sentence: dict[int, list[Tok]] = {}
    for sid, text, s, e, norm, kind in zip(*(tokens[c].tolist() for c in
                                             ("sentence_id", "text", "start", "end", "norm", "kind"))):
        by_sentence.setdefault(sid, []).append(Tok(text, s, e, norm, kind))
    return by_sentence
