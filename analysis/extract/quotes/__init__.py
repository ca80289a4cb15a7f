"""Quotes: statements attributed to someone, with the speaker resolved to an entity where the text allows.

A quote starts at a reporting **cue** (``analysis/data/cue_verbs.csv``: past-tense verbs such as قال، أكد، أشار،
شدد، أعرب، اعتبر ... and participles such as مؤكدا، معتبرا، معربا) outside quotation marks.  Present-tense
impersonal narration (``يشار الى ان``, ``يذكر ان``) is the outlet speaking and is never a cue.

**Speaker** (``speaker_how``; ``speaker_status`` says whether it is known, :data:`context.SPEAKER_STATUSES`):

* ``named``: a mention follows the cue, possibly after a title (``قال رئيس الوزراء العراقي مصطفى الكاظمي``), a
  comma, an honorific or a place (``مدير عام الهيئة، محمد بوبشيت``، ``مدير التعليم بمنطقة حائل الدكتور ...``), or
  in quotation marks (``ذكر "العبدالكريم" أن``); or comes before it (``<name>، <title>، قال``, ``البنك الدولي
  يعلن أن``, ``وكان <name> قد قال``, ``<name> وهو يقول``); ``نقل ... عن X قوله`` has X speak;
* ``title``: a title without a name (``واكد الوزير الايطالي``) stands for the latest person introduced with that
  title (the mention's ``title`` column: ``وزير الدفاع الايطالي``, or an earlier quote's speaker phrase);
* ``implicit``: no subject after the verb (``وشدد على ان``, ``وقال لـ ... إن``): the speaker of the previous quote
  of this or the previous paragraph, else the first person named earlier in the paragraph; a present-tense cue
  with no quote in sight (``يتوقع أن``) is impersonal narration, not a quote;
* ``inherited``: a participle (``مؤكدا أن``) continues the speaker of its sentence (``وأردف قائلا``: the speaker
  in context);
* ``nominal``: a subject that is not an entity (``وقال التقرير``, ``قالت داعشية منشقة``); if the phrase contains a
  mention (``تحليل لصحيفة فاينانشيال تايمز``) or is followed by one in apposition (``الشركة الاستشارية، <name>``)
  that entity is the speaker; a definite organisation noun (``الشركة``, ``التنظيم``) stands for the organisation
  named before it (never one named with another head noun: ``الصحيفة`` after ``جامعة ...``); a source noun (``مصادر``,
  ``مسؤول``, ``أحد``) is never an entity; a name in the genitive of a head that is no document, organisation or
  class noun (``مصور وكالة فرانس برس``) is only its possessor;
* ``author``: the writer's own speech (``قلت``، ``أقول``), no entity.
* A title chain (``نائب رئيس مجلس إدارة "سابك" الرئيس التنفيذي <name>``) ends at the person; ``implicit``
  prefers a person who opened a sentence since the previous quote; a dual or plural verb (``شددا``, ``وأشاروا``)
  never stands for one person; an addressee (``قال لأوباما``) is never the speaker; a person right after a title
  in the construct state (``سفير خادم الحرمين الشريفين``) is its possessor, not the speaker; a sentence adverb,
  a pronoun phrase or an addressee after the cue (``وأضاف كذلك``، ``قال فيه``، ``أكد لـ"الرياض" X``) is passed
  over; an honorific pronoun (``معاليه``) is the person last called by that honorific (``honorific``).

**Content** (``start``/``end``, ``mode``): ``direct`` is the text between quotation marks (« », “ ”, " ") that
follow the cue and its subject, of four words or more (a shorter quoted phrase, or one holding only a name, is a
name: ``تقرير "المركز"``), the quotation right before a post-posed cue (``«...»، قال الوزير``), or the words after
a colon without a complementiser (``قال: نتائجنا ...``); ``indirect`` is the clause after the complementiser
(``أن``/``إن``/``بأن``; a fused pronoun ``إنها`` stays in the content), after ``: إن``, or, for cues that take an
object, the phrase after the cue's own preposition (``prep`` of cue_verbs.csv: ``أعرب عن``، ``شدد على``; an
addressee before it is passed over: ``داعيا المستهلك إلى``) or after the cue and any circumstantial phrase
(``اعتبر``، ``خلال اجتماعه ... مع <name>``); ``أكد`` + a bare noun (``وأكد أهمية``) is no quote (blind H5) except
as a و-verb coordinated with a quote of its sentence (quote_words.csv ``coordinated_object``), and a ``، وأن``
clause after such a noun is the content; a fused complementiser before a quotation (``انه «...»``) is partly
quoted: indirect from the pronoun to the closing mark; ``بعد أن``/``قبل أن`` is a time clause, not a marker.
Indirect content ends at the sentence end (also a full stop glued to the next word; an ellipsis ``..`` only
pauses it), at the next cue (a participle, or a verb with و/ف, after a comma, an ellipsis or ``، وبدوره``, after
``في حين``/``بينما`` or ``قد``/``فقد``, a verb with its own named subject, a cue opening a speech after a colon --
cut back to the comma of the و-clause leading to it: ``، وعن ... قال المدرب:``, ``حتى انها اشارت``), at ``، أما``,
at another party's turn (``من جانبهم``), at a boundary participle (``، معلنة عن``، ``مشيدا``، ``متمنية``:
cue_verbs.csv kind ``boundary``) or at an attribution tail (``كما نقل``، ``جاء ذلك``; ``بحسب``/``وفق`` only before a
source); closing punctuation is not part of it.  A quotation left open at the end of a paragraph runs into the next one when that paragraph's first
mark can only close it.  Cues include present-tense forms (``يقول``، ``تضيف``، ``يتوقع``; also after ل:
``لتؤكد``), dual forms (``شددا``), a verb with its addressee fused (``وطالبهم بضرورة``) and verbal nouns with a
subject (``وتأكيد نظيره <name> أن``); a cue form after a preposition (``من كشف``) is a verbal noun, not a cue,
and so is denied speech (``لا أقول إن``); a byline (``كتب - <name>:``), a cue after a relative
pronoun used as object (``الذي أشارت إليه``) or forming a tail (``كما نقلت``) reports nothing.

**How it runs** (:data:`PASSES`, run in order by :func:`run` over one :class:`QuoteContext`):

1. ``quotation_marks``: pair the article's quotation marks (:mod:`analysis.text.quotation`, policy ``GREEDY``);
   tokens inside a quotation are never cues;
2. ``cues``: every cue of a body paragraph, in text order (a cue form after a preposition is a verbal noun);
3. ``attribution``: for each cue in order, the speaker steps (:data:`speaker.SPEAKER_STEPS`: byline,
   document_source, not_own_clause, author, inherited, end_of_sentence, reported_source, named, title,
   subject_before_verb,
   implicit, second_verb, strict, nominal) then the content steps (:data:`content.CONTENT_STEPS`:
   preceding_quotation, preposition_object, direct_quotation, colon, complementiser, object); the first step that
   answers decides, a ``REJECT`` or no answer drops the cue; the next cue tried follows :func:`resume_after`, the
   one overlap policy (``exclusive``).

Each quote records the content rule (``rule``: ``direct:quotation_marks``, ``direct:continued_paragraph``,
``direct:colon``, ``direct:before_cue``, ``indirect:complementiser``, ``indirect:colon``,
``indirect:preposition_object``, ``indirect:object``), the speaker step that resolved the speaker
(``speaker_rule``: ``named``, ``title_chain``, ``subject_before_verb``, ``title``, ``implicit``, ``second_verb``,
``inherited``, ``nominal``, ``reported_source``, ``relative``, ``partitive``, ``honorific``, ``document``, ``author``; ``speaker_how`` is its
coarser class) and ``speaker_status``.  Word lists: ``analysis/data/quote_words.csv``.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import pandas as pd

from analysis import schema
from analysis.extract.quotes.content import CONTENT_STEPS
from analysis.extract.quotes.context import (
    REJECT,
    Content,
    Cue,
    Quote,
    QuoteContext,
    Speaker,
    context,
    status_of,
    strip_conj,
    words,
)
from analysis.extract.quotes.speaker import SPEAKER_STEPS
from analysis.text.quotation import APOSTROPHE, GREEDY, QUOTE_MARKS, Mark, pair_apostrophes, pair_marks

__all__ = ["extract_quotes", "QUOTE_COLUMNS", "PASSES", "OVERLAP_POLICY", "run", "context", "resume_after",
           "pair_quotation_marks", "find_cues", "attribute", "first_answer"]

QUOTE_COLUMNS = list(schema.TABLES["quotes"].names[1:])  # the declared columns (analysis/schema.py)


def pair_quotation_marks(ctx: QuoteContext) -> None:
    """Pass ``quotation_marks``: ``ctx.quote_end`` (opening-mark token -> closing-mark token) and
    ``ctx.in_quote`` (tokens between them); a quotation may close in the next paragraph."""
    v = ctx.v
    marks = [Mark(i, t, v.paragraph[i]) for i, t in enumerate(v.text) if t in QUOTE_MARKS]
    for q in pair_marks(marks, GREEDY):
        ctx.quote_end[q.open] = q.close
        for k in range(q.open + 1, q.close):
            ctx.in_quote[k] = True
    _pair_apostrophes(ctx)


def _pair_apostrophes(ctx: QuoteContext) -> None:
    """Apostrophe quotations (:func:`analysis.text.quotation.pair_apostrophes`: ``'إن المهرجان ...'``,
    ``''الجزائر ...''``) outside the quotations already paired: the opening run's last apostrophe token is the
    opening mark, the closing run's first the closing one."""
    v = ctx.v
    runs: list[tuple[int, int, int]] = []
    toks: list[tuple[int, int]] = []
    i = 0
    while i < len(v):
        if v.text[i] == APOSTROPHE and not ctx.in_quote[i] and i not in ctx.quote_end:
            e = i
            if e + 1 < len(v) and v.text[e + 1] == APOSTROPHE and v.start[e + 1] == v.end[e]:
                e += 1
            runs.append((v.start[i], v.end[e], v.paragraph[i]))
            toks.append((i, e))
            i = e + 1
            continue
        i += 1
    if len(runs) < 2:
        return
    for a, b in pair_apostrophes(ctx.text, runs):
        o, c = toks[a][1], toks[b][0]
        if any(ctx.in_quote[k] or k in ctx.quote_end for k in range(o, c)):
            continue
        ctx.quote_end[o] = c
        for k in range(o + 1, c):
            ctx.in_quote[k] = True


def find_cues(ctx: QuoteContext) -> None:
    """Pass ``cues``: ``ctx.cues``, every reporting cue of a body paragraph outside quotation marks, in order;
    a past-tense verb right after a preposition (من كشف النقاب, بعد قال) is a verbal noun and is left out."""
    v = ctx.v
    markers = words("noun_marker")
    for i in range(len(v)):
        if v.paragraph[i] not in ctx.body:
            continue
        found = ctx.cue_at(i)
        if found is None:
            continue
        verb, off = found
        if verb.kind == "verb" and off == 0 and i > 0 and v.sentence[i - 1] == v.sentence[i] \
                and (v.norm[i - 1] in markers or (v.norm[i - 1][:1] in "وف" and v.norm[i - 1][1:] in markers)) \
                and not (v.norm[i - 1] == "من" and i > 1 and strip_conj(v.norm[i - 2]) in words("partitive")):
            continue  # (منهم من قال: "who said", a cue)
        ctx.cues.append(Cue(i, verb, off))


OVERLAP_POLICY = "exclusive"
"""The one rule for quotes that overlap (:func:`resume_after`): no two quotes overlap.  The next cue tried is the
first after the quote's content: cues inside quotation marks are never cues anyway, and an indirect content ends
where a new reporting clause starts (:func:`content.clause_end`: a participle, a و/ف cue, a cue after a comma,
``في حين``، ``قد``); a cue it runs over is reported speech inside the reported speech (``قال أوباما إن كيري قال
إن ...``), part of that content, not a quote of its own (was ``direct-exclusive``: such a cue started a second
quote inside the first, which no gold annotates)."""


def resume_after(cue: Cue, speaker: Speaker, content: Content) -> int:
    """Token index from which the next cue is tried after the quote at ``cue`` (policy :data:`OVERLAP_POLICY`)."""
    return max(cue.index + 1, content.next)


def first_answer(steps: tuple[tuple[str, Callable], ...], *args) -> Speaker | Content | None:
    """The answer of the first of ``steps`` (``(name, function)``) that gives one; None if none does or one says
    ``REJECT``."""
    for _, step in steps:
        out = step(*args)
        if out is REJECT:
            return None
        if out is not None:
            return out
    return None


def attribute(ctx: QuoteContext) -> None:
    """Pass ``attribution``: speaker then content of each cue (see the module docstring); ``ctx.quotes``."""
    v = ctx.v
    resume = 0
    for cue in ctx.cues:
        if cue.index < resume:
            continue
        speaker = first_answer(SPEAKER_STEPS, ctx, cue)
        if speaker is None:
            continue
        content = first_answer(CONTENT_STEPS, ctx, cue, speaker.next)
        if content is None:
            continue
        i = cue.index
        ctx.quotes.append(Quote(v.paragraph[i], v.sentence[i], speaker.entity, speaker.span, speaker.how, cue.verb,
                                (v.start[i] + cue.offset, v.end[i]), content.mode, content.start, content.end,
                                content.rule, speaker.rule, status_of(speaker)))
        resume = resume_after(cue, speaker, content)


class Pass(NamedTuple):
    name: str
    run: Callable[[QuoteContext], None]


PASSES: tuple[Pass, ...] = (
    Pass("quotation_marks", pair_quotation_marks),
    Pass("cues", find_cues),
    Pass("attribution", attribute),
)


def run(ctx: QuoteContext, passes: tuple[Pass, ...] = PASSES) -> QuoteContext:
    """Run ``passes`` in order over ``ctx``; returns it."""
    for p in passes:
        p.run(ctx)
    return ctx


def extract_quotes(base, mentions: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """The quotes table of one article (see the module docstring for the rules)."""
    ctx = run(context(base, mentions))
    return _table(base, ctx.quotes, entities)


def _table(base, quotes: list[Quote], entities: pd.DataFrame) -> pd.DataFrame:
    names = dict(zip(entities["entity_id"].tolist(), entities["name_en"].tolist()))
    text = base.text
    col: dict[str, list] = {c: [] for c in QUOTE_COLUMNS}
    for qid, q in enumerate(quotes, 1):
        name = names.get(q.speaker) if q.speaker is not None else None
        for c, v in (("quote_id", qid), ("paragraph_id", q.paragraph_id), ("sentence_id", q.sentence_id),
                     ("speaker_entity_id", q.speaker),
                     ("speaker_text", text[q.speaker_span[0]:q.speaker_span[1]] if q.speaker_span else None),
                     ("speaker_start", q.speaker_span[0] if q.speaker_span else None),
                     ("speaker_end", q.speaker_span[1] if q.speaker_span else None),
                     ("speaker_how", q.how), ("speaker_name_en", name if isinstance(name, str) else None),
                     ("cue", text[q.cue_span[0]:q.cue_span[1]]), ("cue_lemma", q.cue.lemma),
                     ("cue_gloss", q.cue.gloss_en), ("cue_start", q.cue_span[0]), ("cue_end", q.cue_span[1]),
                     ("mode", q.mode), ("content", text[q.start:q.end]), ("start", q.start), ("end", q.end),
                     ("rule", q.rule), ("speaker_rule", q.speaker_rule), ("speaker_status", q.status)):
            col[c].append(v)
    return schema.frame("quotes", col, article_id=base.article_id)
