"""The one context object the quote passes read and write, the records they exchange, and the word lists.

:class:`QuoteContext` holds everything a pass may use: the article text, the :class:`TokenView` (token columns
and the mention index), the body paragraphs, the quotation regions (``quote_end``, ``in_quote``: pass
``quotation_marks``), the candidate cues (pass ``cues``) and the quotes accepted so far (pass ``attribution``;
speaker steps read earlier quotes).  Word lists come from ``analysis/data/quote_words.csv`` (``word,list,
gloss_en``; words normalised on load, a multi-word entry is space-separated).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import NamedTuple

import pandas as pd

from analysis.extract.tokenview import TokenView, token_view
from analysis.lexicon.gazetteer import CueVerb, cue_verbs, quote_word_rows
from analysis.text.clitics import strip_conjunction
from analysis.text.normalize import normalize

__all__ = ["QuoteContext", "Cue", "Speaker", "Content", "Quote", "REJECT", "MIN_DIRECT_WORDS", "SPEAKER_STATUSES",
           "status_of", "words", "tails", "phrases", "phrase_end", "describes_noun", "context", "is_comp", "strip_conj", "sentence_start"]

MIN_DIRECT_WORDS = 4  # a direct quotation has four words or more; a shorter quoted phrase is a name (تقرير "المركز")

_OBJECT_SUFFIX_RE = re.compile(r"^(\w{3,}?)(?:هم|هما|ها|ه|كم|نا)$")  # طالبهم، دعاهم: a verb + its addressee
_FUSED_COMP_RE = re.compile(r"^(?:ب)?[ا](?:نه|نها|نهم|نهما|نهن|ننا|ني|نك|نكم|نكما|نكن)$")  # إنها, بأنه, إنك


class _Reject:
    """A step's answer "this cue is not a quote" (as opposed to ``None``: "not my case, ask the next step")."""

    def __repr__(self) -> str:
        return "REJECT"


REJECT = _Reject()


class Cue(NamedTuple):
    """A candidate reporting cue: token index, the cue verb, offset of the verb inside the token (1 after و/ف)."""

    index: int
    verb: CueVerb
    offset: int


SPEAKER_STATUSES = ("resolved", "carried", "source-not-entity", "author", "unattributed")
"""``speaker_status`` of a quote: ``resolved`` (the cue's own clause names the speaker entity), ``carried`` (the
speaker entity of an earlier quote or sentence: a cue without a subject, a participle), ``source-not-entity``
(the speaker is named but is no entity: ``مصادر``, ``التقرير``, ``أحد المغردين``, a title nobody was introduced
with), ``author`` (the writer's own speech: ``قلت``، ``أقول``), ``unattributed`` (no speaker could be resolved:
never a guessed entity)."""


class Speaker(NamedTuple):
    """A speaker step's answer: entity (or None), speaker span (chars, or None), ``speaker_how``, the token after
    the subject (where the content search starts), the step (``speaker_rule``) and the ``speaker_status``
    (:data:`SPEAKER_STATUSES`; None: derived from the entity and the span by :func:`status_of`)."""

    entity: int | None
    span: tuple[int, int] | None
    how: str
    next: int
    rule: str
    status: str | None = None


def status_of(sp: Speaker) -> str:
    """The ``speaker_status`` of a speaker step's answer (its own, else: an entity from the cue's clause is
    ``resolved``, one carried by ``implicit``/``inherited`` is ``carried``, a span without an entity is
    ``source-not-entity``, nothing is ``unattributed``)."""
    if sp.status is not None:
        return sp.status
    if sp.entity is not None:
        return "carried" if sp.how in ("implicit", "inherited") else "resolved"
    return "source-not-entity" if sp.span is not None else "unattributed"


class Content(NamedTuple):
    """A content step's answer: mode, start/end chars, the token after it and the rule (``rule``)."""

    mode: str
    start: int
    end: int
    next: int
    rule: str


@dataclass
class Quote:
    paragraph_id: int
    sentence_id: int
    speaker: int | None
    speaker_span: tuple[int, int] | None
    how: str
    cue: CueVerb
    cue_span: tuple[int, int]
    mode: str
    start: int
    end: int
    rule: str
    speaker_rule: str
    status: str = "unattributed"


@dataclass
class QuoteContext:
    """State of one article's quote extraction (see the module docstring)."""

    text: str
    v: TokenView
    body: frozenset[int]
    in_quote: list[bool]
    quote_end: dict[int, int] = field(default_factory=dict)  # opening-mark token -> closing-mark token
    cues: list[Cue] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    cue_forms: dict[str, CueVerb] = field(default_factory=cue_verbs)  # normalised form -> cue (cue_verbs.csv)
    subject_at: dict[int, int] = field(default_factory=dict)  # cue token -> where its subject may start (memo)
    _closing: tuple = field(default=(None, 0, None), init=False, repr=False, compare=False)  # quote_end reversed
    _seen: tuple = field(default=(None, 0, None), init=False, repr=False, compare=False)  # (quotes, n, last) indexed
    _last_in: dict[int, Quote] = field(default_factory=dict, init=False, repr=False, compare=False)
    _spans: set[tuple[int, int]] = field(default_factory=set, init=False, repr=False, compare=False)

    def opening_of(self, close: int) -> int | None:
        """The opening-mark token whose quotation closes at token ``close`` (the first in ``quote_end`` order),
        else None; the reverse of ``quote_end``, made once it is filled (pass ``quotation_marks``)."""
        qe, (d, n, rev) = self.quote_end, self._closing
        if d is not qe or n != len(qe):
            rev = {}
            for o, c in qe.items():
                rev.setdefault(c, o)
            self._closing = (qe, len(qe), rev)
        return rev.get(close)

    def _index_quotes(self) -> None:
        """Bring the look-ups over ``quotes`` up to date (quotes are appended: only the new ones are read; any
        other change to the list reads it again), so that a question about the quotes so far does not scan them
        all (one scan per cue made long articles quadratic)."""
        qs, (lst, n, last) = self.quotes, self._seen
        if lst is not qs or n > len(qs) or (n and qs[n - 1] is not last):
            self._last_in, self._spans, n = {}, set(), 0
        for q in qs[n:]:
            self._last_in[q.sentence_id] = q
            self._spans.add((q.start, q.end))
        self._seen = (qs, len(qs), qs[-1] if qs else None)

    def last_quote_in(self, sentence_id: int) -> Quote | None:
        """The latest quote so far of sentence ``sentence_id``, else None."""
        self._index_quotes()
        return self._last_in.get(sentence_id)

    def has_quote(self, start: int, end: int) -> bool:
        """Whether a quote so far has exactly the content ``start``..``end``."""
        self._index_quotes()
        return (start, end) in self._spans

    def cue_at(self, i: int) -> tuple[CueVerb, int] | None:
        """(cue, offset of the verb inside the token) if token i is a reporting cue outside quotation marks."""
        if self.v.kind[i] != "word" or self.in_quote[i]:
            return None
        found = _form_cue(self.v.norm[i], self.cue_forms)
        if found is not None and found[0].strict and found[0].kind == "participle" \
                and self.v.text[i].endswith(_ACCUSATIVE_TANWEEN):
            return replace(found[0], strict=False), found[1]  # مطالبةً: the accusative marks a participle, no noun
        return found


def _form_cue(norm: str, cues: dict[str, CueVerb]) -> tuple[CueVerb, int] | None:
    """The cue a normalised token is (memoised per token form: the steps ask the same tokens many times)."""
    entry = _FORM_MEMO.get(id(cues))
    if entry is None:
        entry = _FORM_MEMO[id(cues)] = ({}, cues)
    memo = entry[0]
    out = memo.get(norm, _UNSEEN)
    if out is not _UNSEEN:
        return out
    out = None
    bare = strip_conjunction(norm)
    if norm in cues:
        out = cues[norm], 0
    elif bare != norm and bare in cues:
        out = cues[bare], 1
    elif norm[:1] == "ل" and norm[1:] in cues and cues[norm[1:]].present:
        out = cues[norm[1:]], 1  # لتؤكد تقارير: the subjunctive after ل
    else:
        m = _OBJECT_SUFFIX_RE.match(bare)
        if m and m.group(1) in cues and normalize(cues[m.group(1)].lemma) in words("addressee_cue"):
            # وطالبهم بضرورة، ودعاهم إلى: the addressee fused to the verb, which it makes unambiguous
            out = replace(cues[m.group(1)], strict=False), 1 if bare != norm else 0
    memo[norm] = out
    return out


_UNSEEN = object()
_ACCUSATIVE_TANWEEN = ("\u064b", "\u064b\u0627", "\u0627\u064b")  # ـً / ـًا / ـاً: a circumstantial participle
_FORM_MEMO: dict[int, tuple[dict[str, tuple[CueVerb, int] | None], dict[str, CueVerb]]] = {}
"""id(cue form table) -> (token form -> cue, the table itself, kept alive so its id is not reused)."""


def context(base, mentions: pd.DataFrame) -> QuoteContext:
    """A fresh context for ``base`` (anything with ``text``, ``tokens``, ``paragraphs``: the base tables or an
    :class:`analysis.Article`) and its mentions; no pass has run yet."""
    v = token_view(base.tokens, mentions)
    paras = base.paragraphs
    body = frozenset(p for p, kind in zip(paras["paragraph_id"].tolist(), paras["kind"].tolist()) if kind == "body")
    return QuoteContext(base.text, v, body, [False] * len(v))


@cache
def _lists() -> dict[str, frozenset[tuple[str, ...]]]:
    out: dict[str, set[tuple[str, ...]]] = {}
    for r in quote_word_rows():
        out.setdefault(r["list"], set()).add(tuple(normalize(w) for w in r["word"].split()))
    return {k: frozenset(v) for k, v in out.items()}


@cache
def words(name: str) -> frozenset[str]:
    """The normalised one-word entries of list ``name`` of ``quote_words.csv`` (complementiser, preposition,
    circumstance, contrast, contrast_lead, new_clause, org_noun, noun_marker)."""
    return frozenset(w[0] for w in _lists()[name] if len(w) == 1)


@cache
def tails() -> frozenset[tuple[str, ...]]:
    """Attribution tails (``كما نقل``, ``بحسب``, ``جاء ذلك``) as tuples of normalised words."""
    return _lists()["tail"]


@cache
def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """The entries of list ``name`` of ``quote_words.csv`` as tuples of normalised words, the longest first."""
    return tuple(sorted(_lists()[name], key=lambda e: (-len(e), e)))


def phrase_end(v: TokenView, k: int, name: str) -> int:
    """The token after a phrase of list ``name`` of ``quote_words.csv`` starting at token k (``في الوقت ذاته``,
    in one sentence; the longest first), else k."""
    if k >= len(v):
        return k
    for entry in phrases(name):
        if entry[0] != v.norm[k]:
            continue
        e = k + len(entry)
        if e <= len(v) and all(v.norm[k + x] == w and v.sentence[k + x] == v.sentence[k] for x, w in enumerate(entry)):
            return e
    return k


def describes_noun(ctx: QuoteContext, i: int) -> bool:
    """The participle cue at token i describes the noun before it rather than reporting (``وفق مقولة مؤكدة،
    تفيد``: nothing follows but a comma; ``أن تكون النتيجة معبرة عن``: feminine, agreeing with the noun before)."""
    v = ctx.v
    found = ctx.cue_at(i)
    if found is None or found[0].kind != "participle" or found[1] != 0 or i == 0:
        return False
    if i + 1 < len(v) and v.text[i + 1] in ("،", ",") and v.text[i - 1] not in ("،", ","):
        return True  # (، مضيفا، في مؤتمر صحفي، أنه: between commas the participle opens a parenthetical report)
    return found[0].form.endswith("ة") and v.kind[i - 1] == "word" and v.sentence[i - 1] == v.sentence[i] \
        and v.norm[i - 1].endswith("ه") and ctx.cue_at(i - 1) is None


def is_comp(norm: str) -> bool:
    """A complementiser (أن، بأن، لأن) or one with a fused pronoun (إنها، بأنه)."""
    return norm in words("complementiser") or bool(_FUSED_COMP_RE.match(norm))


strip_conj = strip_conjunction  # ``norm`` without a leading و/ف (words of four letters or more): the shared primitive


def sentence_start(v: TokenView, i: int) -> int:
    """First word token of token i's sentence."""
    k = i
    while k > 0 and v.sentence[k - 1] == v.sentence[i]:
        k -= 1
    while k < i and v.kind[k] != "word":
        k += 1
    return k
