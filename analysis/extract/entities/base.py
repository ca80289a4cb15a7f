"""The entity layer's shared state: mentions, the token view, the coverage index, the pass record and its runner.

**Overlap policy (one for every pass): earlier pass wins.**  spaCy's ``filter_spans`` keeps, among overlapping
spans, the longest; here the passes run in order of trust (:data:`analysis.extract.entities.PASSES`), and a token
belongs to the first mention that claims it.  A pass proposes mentions only on tokens no earlier mention holds
(:func:`free`), so the gazetteer beats the patterns, the patterns beat the aliases and the model.  A later mention
takes tokens another mention holds only in the named ways below, each a call the reader can find:

* :func:`absorb` -- the holder leaves the output (``source = "absorbed"``, dropped after the pass): an
  organisation taking in a gazetteer place (``بنك أبوظبي الوطني``, ``ريال مدريد``), a model person taking in a
  surname alias (``كوفي أنان``);
* :func:`release` -- a pass withdraws a mention's claim (a gazetteer surname after another first name, a title
  pattern the model reads as another type, a pattern person before the model resets its extent);
* a mention *grows* over free tokens (``منظمة`` before a gazetteer organisation, a known first name before a
  surname) -- :func:`claim` again with the wider extent.

:func:`claim` gives a mention every token of its extent (the coverage index then points to it).  Outside the
three named ways a claim never meets a token another live mention holds (checked on the dev articles and 615
SaudiNewsNet articles, with and without the model: no case).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from analysis.extract.tokenview import TokenView, token_view
from analysis.lexicon.gazetteer import GazetteerEntry

__all__ = ["Mention", "Tokens", "ModelSpan", "Context", "Pass", "free", "claim", "release", "absorb",
           "run_passes", "tokens_of"]


@dataclass
class Mention:
    tok0: int  # first token index (into the article's token list)
    tok1: int  # one past the last token
    start: int
    end: int
    type: str
    source: str  # gazetteer, pattern, alias, ner (absorbed: leaves the output)
    key: str  # entity grouping key
    entry: GazetteerEntry | None = None
    short: bool = False
    title: str | None = None
    title_head: str | None = None
    name_norm: tuple[str, ...] = field(default_factory=tuple)
    rule: str = ""  # the pass (and rule inside it) that made the mention: the ``rule`` column


# The article's tokens as parallel lists (index = position in ``base.tokens``): the one token view of the
# extraction stages (analysis/extract/tokenview.py); the entity layer reads text, norm, start, end, kind, sentence.
Tokens = TokenView


class ModelSpan(NamedTuple):
    ids: list[int]  # token indices (into the article's token list), consecutive within one sentence
    label: str  # PERS, LOC, ORG, MISC


def tokens_of(base) -> Tokens:
    """The token view of ``base.tokens`` (without a mention index: the entity layer builds the mentions)."""
    return token_view(base.tokens)


@dataclass
class Context:
    """What the passes read and write: the token view, the coverage index (token -> mention holding it), the
    mentions so far (in the order the passes found them) and the model's spans (empty without the model)."""

    toks: Tokens
    use_model: bool = False
    covered: list[Mention | None] = field(default_factory=list)
    found: list[Mention] = field(default_factory=list)
    spans: list[ModelSpan] = field(default_factory=list)
    named: frozenset[int] = frozenset()  # tokens inside a model span (a verb-shaped word there may be a name)
    absorbed: int = 0  # mentions absorbed by the running pass (they leave ``found`` after it)

    def __post_init__(self) -> None:
        if not self.covered:
            self.covered = [None] * len(self.toks.norm)

    def add(self, m: Mention) -> None:
        """A new mention: it joins ``found`` and holds the tokens of its extent (:func:`claim`)."""
        self.found.append(m)
        claim(self.covered, m)


@dataclass(frozen=True)
class Pass:
    """One named step of the entity layer: ``run(ctx)`` reads and updates the context."""

    name: str
    run: Callable[[Context], None]
    needs_model: bool = False  # skipped when the article is parsed without the NER model
    doc: str = ""


def free(covered: Sequence[Mention | None], i: int) -> bool:
    """No mention holds token i (a pass may propose a mention on it)."""
    return covered[i] is None


def claim(covered: list[Mention | None], m: Mention) -> None:
    """``m`` holds the tokens of its extent (see the overlap policy above)."""
    for x in range(m.tok0, m.tok1):
        covered[x] = m


def release(covered: list[Mention | None], m: Mention) -> None:
    """The tokens of ``m``'s extent are free again (``m`` itself is left to the caller)."""
    for x in range(m.tok0, m.tok1):
        covered[x] = None


def absorb(ctx: Context, m: Mention) -> None:
    """``m`` gives way to the mention about to claim its tokens and leaves the output after this pass."""
    m.source = "absorbed"
    release(ctx.covered, m)
    ctx.absorbed += 1


def run_passes(ctx: Context, passes: Sequence[Pass]) -> Context:
    """Run ``passes`` in order on ``ctx`` (model passes only when ``ctx.use_model``); mentions a pass absorbed
    leave ``ctx.found`` right after it.  Returns ``ctx``."""
    for p in passes:
        if p.needs_model and not ctx.use_model:
            continue
        p.run(ctx)
        if ctx.absorbed:
            ctx.found = [m for m in ctx.found if m.source != "absorbed"]
            ctx.absorbed = 0
    return ctx
