"""One view of an article's tokens for the rule stages: the tokens table as plain lists, with a mention index.

The rule stages walk tokens by index many times; reading a DataFrame cell by cell is slow, so each stage used to
copy the columns it needs into lists of its own.  :class:`TokenView` is that copy, made once per call from
``base.tokens`` (and, when given, the mentions table):

* columns (``list``, one item per token, in token order; the integer ones may be ``array("q")``, see
  :func:`shared`): ``text``, ``norm``, ``start``, ``end``, ``kind``,
  ``sentence`` (``sentence_id``), ``paragraph`` (``paragraph_id``): the fields of the entity stage's ``_Tokens``
  (text, norm, start, end, kind, sentence) and ``paragraph`` besides;
* mention index (empty without mentions): ``mentions`` (the mentions table as records, table order),
  ``mention_at[i]`` (the record covering token ``i``, or ``None``) and ``entity_type`` (entity id -> type).

:func:`tokens_by_sentence` (figures, dates) groups the same columns as :class:`Tok` records by sentence.

Inside :func:`shared` (``extract_all`` runs every stage in one) the columns are read from the tokens table once,
or taken from the lists the table was built from, and every view of that table reuses them, as do the
``tokens_by_sentence`` records: the stages neither convert the table again nor hold copies of their own.  The
lists are shared, so a stage must not change them (none does: they are the table's values).
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import groupby
from typing import NamedTuple

import pandas as pd

__all__ = ["Tok", "TokenView", "shared", "token_column", "token_view", "tokens_by_sentence"]

_COLUMNS = ("text", "norm", "start", "end", "kind", "sentence_id", "paragraph_id")  # TokenView's, in field order


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

    _index: tuple | None = field(default=None, init=False, repr=False, compare=False)
    _firsts: dict[str, dict[int, int]] = field(default_factory=dict, init=False, repr=False, compare=False)
    memo: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)  # per-article
    # sets a rule derives from the whole view once (entities.words.subject_words)

    def __len__(self) -> int:
        return len(self.text)

    # --- positional look-ups, so that a rule asking about the mentions before or around a token reads the few
    # --- mentions in question instead of the whole table (one scan per cue made long articles quadratic)

    def _mention_index(self) -> tuple[list[int], bool]:
        """(mention starts, whether the mentions are in start order), for the current ``mentions`` list."""
        idx = self._index
        if idx is None or idx[0] is not self.mentions or idx[1] != len(self.mentions):
            starts = [int(m["start"]) for m in self.mentions]
            idx = self._index = (self.mentions, len(self.mentions), starts,
                                 all(a <= b for a, b in zip(starts, starts[1:])))
        return idx[2], idx[3]

    def mentions_in(self, lo: int | None, hi: int) -> list[dict]:
        """Every mention starting in ``[lo, hi)`` (``lo`` None: any start before ``hi``), in table order -- and,
        when the mentions are not in start order, all of them: a caller still tests the bounds itself, so reading
        this instead of ``mentions`` changes nothing but the time."""
        starts, ordered = self._mention_index()
        if not ordered:
            return self.mentions
        a = 0 if lo is None else bisect_left(starts, lo)
        return self.mentions[a:bisect_left(starts, hi, lo=a)]

    def first_offset(self, i: int, unit: str = "sentence") -> int:
        """Offset of the first token of token ``i``'s sentence (``unit="paragraph"``: paragraph)."""
        firsts = self._firsts.get(unit)
        if firsts is None:
            firsts = self._firsts[unit] = {}
            for k, u in enumerate(self.sentence if unit == "sentence" else self.paragraph):
                if u not in firsts:
                    firsts[u] = k
        return self.start[firsts[(self.sentence if unit == "sentence" else self.paragraph)[i]]]


def token_view(tokens: pd.DataFrame, mentions: pd.DataFrame | None = None) -> TokenView:
    """The :class:`TokenView` of a tokens table (``base.tokens``), indexed by ``mentions`` when given (a mention
    covers tokens ``token_start`` .. ``token_end - 1``; a later mention wins a token two would share)."""
    view = TokenView(*_columns(tokens))
    view.mention_at = [None] * len(view.text)
    if mentions is not None:
        # the rows as dicts, as ``to_dict("records")`` gives them: each column's ``tolist()`` (ints as int, a
        # missing string as NaN), a string column's repeated values (types, rules, names) sharing one object
        names = mentions.columns.tolist()
        view.mentions = [dict(zip(names, row)) for row in zip(*(_shared_values(mentions[c]) for c in names))]
        view.entity_type = {int(m["entity_id"]): m["type"] for m in view.mentions}
        for m in view.mentions:
            for i in range(int(m["token_start"]), int(m["token_end"])):
                view.mention_at[i] = m
    return view


def _shared_values(col: pd.Series) -> list:
    """``col.tolist()``; for a string column, equal values are one object (a long article's mention records
    would otherwise hold a copy of ``"PERSON"`` or of a rule name each)."""
    values = col.tolist()
    if col.dtype == object or isinstance(col.dtype, pd.StringDtype):
        memo: dict = {}
        values = [memo.setdefault(v, v) for v in values]
    return values


class Tok(NamedTuple):
    text: str
    start: int
    end: int
    norm: str
    kind: str


def tokens_by_sentence(base) -> Mapping[int, list[Tok]]:
    """``sentence_id`` -> that sentence's tokens in order, from ``base.tokens`` (sentences without tokens absent;
    keys in order of first appearance).

    A read-only mapping: when each sentence's tokens are one run (as :func:`analysis.parse_article` makes them),
    a sentence's records are made when it is asked for (those of the first :data:`MEMO_TOKENS` tokens asked for
    are kept), so a long article never holds a record per token; otherwise a dict of every sentence's records.
    Inside :func:`shared` the same mapping is returned to every caller."""
    entry = _SHARED.get(id(base.tokens))
    if entry is not None and entry.tokens is base.tokens and entry.by_sentence is not None:
        return entry.by_sentence
    text, norm, start, end, kind, sentence, _ = _columns(base.tokens)
    runs: dict[int, tuple[int, int]] = {}
    a = 0
    for sid, n in ((k, len(list(g))) for k, g in groupby(sentence)):
        if sid in runs:  # a sentence in two places: the records of every sentence, grouped
            by_sentence: Mapping[int, list[Tok]] = _group_records(text, norm, start, end, kind, sentence)
            break
        runs[sid] = (a, a + n)
        a += n
    else:
        by_sentence = _SentenceRecords(runs, (text, start, end, norm, kind))
    if entry is not None and entry.tokens is base.tokens:
        entry.by_sentence = by_sentence
    return by_sentence


MEMO_TOKENS = 50_000
"""How many tokens' records a :func:`tokens_by_sentence` mapping keeps once made (a normal article's every token;
of a long one, the first sentences asked for: the rest are made again when asked again)."""

_make_tok = partial(tuple.__new__, Tok)  # the same records as Tok(...), made in C from the zipped fields


class _SentenceRecords(Mapping):
    """sentence_id -> its :class:`Tok` records, made from the token columns when asked (see
    :func:`tokens_by_sentence`)."""

    def __init__(self, runs: dict[int, tuple[int, int]], fields: tuple[Sequence, ...]):
        self._runs = runs  # sentence_id -> (first token index, one past the last)
        self._fields = fields  # text, start, end, norm, kind
        self._memo: dict[int, list[Tok]] = {}
        self._kept = 0

    def __getitem__(self, sid: int) -> list[Tok]:
        toks = self._memo.get(sid)
        if toks is not None:
            return toks
        a, b = self._runs[sid]
        toks = list(map(_make_tok, zip(*(f[a:b] for f in self._fields))))
        if self._kept + len(toks) <= MEMO_TOKENS:
            self._memo[sid] = toks
            self._kept += len(toks)
        return toks

    def __iter__(self) -> Iterator[int]:
        return iter(self._runs)

    def __len__(self) -> int:
        return len(self._runs)

    def __contains__(self, sid: object) -> bool:
        return sid in self._runs


def _group_records(text, norm, start, end, kind, sentence) -> dict[int, list[Tok]]:
    by_sentence: dict[int, list[Tok]] = {}
    for sid, rec in zip(sentence, map(_make_tok, zip(text, start, end, norm, kind))):
        by_sentence.setdefault(sid, []).append(rec)
    return by_sentence


@dataclass
class _Shared:
    tokens: pd.DataFrame
    columns: tuple[list, ...]
    by_sentence: Mapping[int, list[Tok]] | None = None
    extra: dict[str, list] = field(default_factory=dict)  # other columns (:func:`token_column`)


# id(tokens table) -> its shared columns, while a :func:`shared` block runs (the entry holds the table, so the id
# cannot be reused by another table meanwhile; ``is`` checks it is the same object).
_SHARED: dict[int, _Shared] = {}


@contextmanager
def shared(tokens: pd.DataFrame, columns: Mapping[str, Sequence] | None = None) -> Iterator[None]:
    """Within the block, every view of ``tokens`` shares one set of column lists: ``columns`` (the lists the
    table was built from, by tokens-table column name; they must equal the table's values; integer columns may be
    ``array("q")``, kept as they are) or the table's columns read once.  Blocks nest; the lists are released when
    the block ends."""
    key = id(tokens)
    if key in _SHARED:
        yield
        return
    extra: dict[str, list] = {}
    if columns is not None:
        cols = tuple(_as_list(columns[name]) for name in _COLUMNS)
        extra = {k: _as_list(c) for k, c in columns.items() if k not in _COLUMNS}
    else:
        cols = tuple(tokens[c].tolist() for c in _COLUMNS)
    _SHARED[key] = _Shared(tokens, cols, extra=extra)
    try:
        yield
    finally:
        del _SHARED[key]


def _as_list(values: Sequence) -> list | array:
    """``values`` as the stages read them: a list, or an ``array`` of ints as it is (indexing, slicing, ``len`` and
    iteration give the same Python ints a list would, at 8 bytes a value instead of 36-44)."""
    return values if isinstance(values, (list, array)) else list(values)


def token_column(tokens: pd.DataFrame, name: str) -> list:
    """One column of the tokens table as a list (``stem``, ``is_stopword`` ...; the view's columns too): inside
    :func:`shared` the shared list (read once), else ``tokens[name].tolist()``."""
    entry = _SHARED.get(id(tokens))
    if entry is None or entry.tokens is not tokens:
        return tokens[name].tolist()
    if name in _COLUMNS:
        return entry.columns[_COLUMNS.index(name)]
    if name not in entry.extra:
        entry.extra[name] = tokens[name].tolist()
    return entry.extra[name]


def _columns(tokens: pd.DataFrame) -> tuple[list, ...]:
    """The token columns as lists (:data:`_COLUMNS` order): the shared ones inside :func:`shared`, else fresh."""
    entry = _SHARED.get(id(tokens))
    if entry is not None and entry.tokens is tokens:
        return entry.columns
    return tuple(tokens[c].tolist() for c in _COLUMNS)
