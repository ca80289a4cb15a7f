"""One view of an article's tokens for the rule stages: the tokens table as plain lists, with a mention index.

The rule stages walk tokens by index many times; reading a DataFrame cell by cell is slow, so each stage used to
copy the columns it needs into lists of its own.  :class:`TokenView` is that copy, made once per call from
``base.tokens`` (and, when given, the mentions table):

* columns (``list``, one item per token, in token order): ``text``, ``norm``, ``start``, ``end``, ``kind``,
  ``sentence`` (``sentence_id``), ``paragraph`` (``paragraph_id``): the fields of the entity stage's ``_Tokens``
  (text, norm, start, end, kind, sentence) and ``paragraph`` besides;
* mention index (empty without mentions): ``mentions`` (the mentions table as records, table order),
  ``mention_at[i]`` (the record covering token ``i``, or ``None``) and ``entity_type`` (entity id -> type).

:func:`tokens_by_sentence` (figures, dates) groups the same columns as :class:`Tok` records by sentence.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

__all__ = ["Tok", "TokenView", "token_view", "tokens_by_sentence"]


@dataclass
class TokenView:
    """Token columns as lists plus the mention index (see the module docstring)."""

    text: list[str]
    norm: list[str]
    start: list[int]
    end: list[int]
    kind: list[str]
    sentence: list[int]
    paragraph: list[int]
    mentions: list[dict] = field(default_factory=list)
    mention_at: list[dict | None] = field(default_factory=list)
    entity_type: dict[int, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.text)


def token_view(tokens: pd.DataFrame, mentions: pd.DataFrame | None = None) -> TokenView:
    """The :class:`TokenView` of a tokens table (``base.tokens``), indexed by ``mentions`` when given (a mention
    covers tokens ``token_start`` .. ``token_end - 1``; a later mention wins a token two would share)."""
    view = TokenView(*(tokens[c].tolist() for c in ("text", "norm", "start", "end", "kind", "sentence_id",
                                                     "paragraph_id")))
    view.mention_at = [None] * len(view.text)
    if mentions is not None:
        view.mentions = mentions.to_dict("records")
        view.entity_type = {int(m["entity_id"]): m["type"] for m in view.mentions}
        for m in view.mentions:
            for i in range(int(m["token_start"]), int(m["token_end"])):
                view.mention_at[i] = m
    return view


class Tok(NamedTuple):
    text: str
    start: int
    end: int
    norm: str
    kind: str


def tokens_by_sentence(base) -> dict[int, list[Tok]]:
    """``sentence_id`` -> that sentence's tokens in order, from ``base.tokens`` (sentences without tokens absent)."""
    v = token_view(base.tokens)
    by_sentence: dict[int, list[Tok]] = {}
    for sid, text, s, e, norm, kind in zip(v.sentence, v.text, v.start, v.end, v.norm, v.kind):
        by_sentence.setdefault(sid, []).append(Tok(text, s, e, norm, kind))
    return by_sentence
