"""Speaker steps: who says what a cue reports.  Each step takes ``(ctx, cue)`` and answers a
:class:`~analysis.extract.quotes.context.Speaker`, ``REJECT`` (the cue is not a quote) or ``None`` (not this
step's case: the next step is asked).  :data:`SPEAKER_STEPS` is their order.

``speaker_rule`` is the name of the step that answered; ``speaker_how`` its coarser class: ``named`` (steps
``named``, ``title_chain``, ``subject_before_verb``), ``title``, ``implicit`` (``implicit``, ``second_verb``),
``inherited``, ``nominal``.
"""
from __future__ import annotations

from collections.abc import Callable

from analysis.extract.quotes.context import (
    MIN_DIRECT_WORDS,
    REJECT,
    Cue,
    QuoteContext,
    Speaker,
    is_comp,
    sentence_start,
    strip_conj,
    words,
)
from analysis.extract.titlechain import skip_title_chain
from analysis.lexicon.gazetteer import CueVerb, titles
from analysis.text.normalize import normalize

__all__ = ["SPEAKER_STEPS", "inherited", "end_of_sentence", "named", "title", "subject_before_verb", "implicit",
           "second_verb", "strict", "nominal"]



def inherited(ctx: QuoteContext, cue: Cue) -> Speaker | None:
    """A participle (مؤكدا أن) continues the speaker of its sentence: its latest quote, else the first person or
    organisation named before it in the sentence, else the organisation a sentence-opening noun (وأرجعت الشركة)
    stands for."""
    if cue.verb.kind != "participle":
        return None
    v, i = ctx.v, cue.index
    j = i + 1
    same = [q for q in ctx.quotes if q.sentence_id == v.sentence[i]]
    if same:
        return Speaker(same[-1].speaker, None, "inherited", j, "inherited")
    for m in v.mentions_in(v.first_offset(i), v.start[i]):
        if m["sentence_id"] == v.sentence[i] and m["start"] < v.start[i] and m["type"] in ("PERSON", "ORG"):
            return Speaker(int(m["entity_id"]), None, "inherited", j, "inherited")
    first = sentence_start(v, i)
    if first + 1 < i and ctx.cue_at(first) is None and strip_conj(v.norm[first + 1]) in words("org_noun"):
        # وأرجعت الشركة نتائجها ...، مشيرة إلى أن: the sentence's subject is "the company"
        return Speaker(head_referent(ctx, first + 1, v.start[i]), None, "inherited", j, "inherited")
    return Speaker(None, None, "inherited", j, "inherited")


def end_of_sentence(ctx: QuoteContext, cue: Cue):
    """A verb that ends its sentence reports nothing."""
    v, j = ctx.v, cue.index + 1
    return REJECT if j >= len(v) or v.sentence[j] != v.sentence[cue.index] else None


def named(ctx: QuoteContext, cue: Cue) -> Speaker | None:
    """A mention right after the cue (قال باراك أوباما)."""
    v, j = ctx.v, cue.index + 1
    m = v.mention_at[j]
    if m is not None and m["start"] <= v.end[j] and m["type"] in ("PERSON", "ORG", "GPE", "MISC"):
        end_tok = int(m["token_end"])
        return Speaker(int(m["entity_id"]), (v.start[j], v.end[end_tok - 1]), "named", end_tok, "named")
    return None


def title(ctx: QuoteContext, cue: Cue) -> Speaker | None:
    """A title after the cue: up to a person's name (``title_chain``: قال رئيس الوزراء العراقي مصطفى الكاظمي,
    how ``named``), else the latest person introduced with that title (``title``: واكد الوزير الايطالي)."""
    v, i = ctx.v, cue.index
    j = i + 1
    k = skip_title(ctx, j)
    if k == j:
        return None
    m = v.mention_at[k] if k < len(v) else None
    if m is not None and m["type"] == "PERSON":
        end_tok = int(m["token_end"])
        return Speaker(int(m["entity_id"]), (v.start[j], v.end[end_tok - 1]), "named", end_tok, "title_chain")
    return Speaker(title_referent(ctx, j, k, v.start[i]), (v.start[j], v.end[k - 1]), "title", k, "title")


def subject_before_verb(ctx: QuoteContext, cue: Cue) -> Speaker | None:
    """The person or organisation opening the sentence before ``، <cue>`` (``<name>، <title>، قال``)."""
    pre = preverbal_subject(ctx, cue.index)
    if pre is None:
        return None
    return Speaker(int(pre["entity_id"]), (int(pre["start"]), int(pre["end"])), "named", cue.index + 1,
                   "subject_before_verb")


def implicit(ctx: QuoteContext, cue: Cue) -> Speaker | None:
    """No subject after the verb (وشدد على أن, وقال: ...): the speaker is taken from context
    (:func:`implicit_speaker`)."""
    v, j = ctx.v, cue.index + 1
    norm = v.norm[j]
    if is_comp(norm) or norm in words("preposition") or v.kind[j] != "word" or norm in words("circumstance"):
        return Speaker(implicit_speaker(ctx, cue.index, cue.verb), None, "implicit", j, "implicit")
    return None


def second_verb(ctx: QuoteContext, cue: Cue) -> Speaker | None:
    """A second و/ف verb in the sentence of the previous quote, without a subject of its own (واكد حرص حكومته):
    the previous speaker."""
    v, i = ctx.v, cue.index
    j = i + 1
    q = ctx.quotes
    if v.norm[i][0] in "وف" and q and q[-1].sentence_id == v.sentence[i] and not subject_then_comp(ctx, j):
        return Speaker(q[-1].speaker, None, "implicit", j, "second_verb")
    return None


def strict(ctx: QuoteContext, cue: Cue):
    """An ambiguous form (بين, تابع) that reached this step has no named subject: not a cue."""
    return REJECT if cue.verb.strict else None


def nominal(ctx: QuoteContext, cue: Cue):
    """A subject that is not an entity (وقال التقرير): up to four words before the content; a mention inside it
    (تحليل لصحيفة فاينانشيال تايمز), a short quoted name after it (تقرير "المركز"), a name in apposition
    (الشركة الاستشارية، <name>) or the organisation a definite organisation noun stands for is the speaker."""
    v, i = ctx.v, cue.index
    n = len(v)
    j = i + 1
    preps, circ = words("preposition"), words("circumstance")
    k = j
    ent = None
    while k < n and k - j < 4 and v.sentence[k] == v.sentence[j] and v.kind[k] == "word" and not is_comp(v.norm[k]) \
            and v.norm[k] not in preps and v.norm[k] not in circ and ctx.cue_at(k) is None:
        m = v.mention_at[k]
        if m is not None:
            ent = int(m["entity_id"]) if ent is None else ent
            k = int(m["token_end"])
            continue
        k += 1
    # a quoted name right after the noun (تقرير "المركز", صحيفة “ديلي ميل”)
    while k < n and k in ctx.quote_end and ctx.quote_end[k] - k - 1 < MIN_DIRECT_WORDS:
        inner = v.mention_at[k + 1] if k + 1 < n else None
        if inner is not None and ent is None:
            ent = int(inner["entity_id"])
        k = ctx.quote_end[k] + 1
        while k < n and v.kind[k] == "word" and v.norm[k].startswith("ال") and not is_comp(v.norm[k]) \
                and v.mention_at[k] is None and k - j < 8:
            k += 1
    if k == j:
        return REJECT
    if ent is None and k + 1 < n and v.text[k] in ("،", ",") and v.mention_at[k + 1] is not None \
            and v.mention_at[k + 1]["type"] in ("PERSON", "ORG"):
        m = v.mention_at[k + 1]  # الشركة الاستشارية، كابيتال إيكونوميكس، ...: the name in apposition
        ent, k = int(m["entity_id"]), int(m["token_end"])
    elif ent is None and strip_conj(v.norm[j]) in words("org_noun"):
        ent = head_referent(ctx, j, v.start[i])  # وتضيف الشركة الاستشارية: the company named before
    return Speaker(ent, (v.start[j], v.end[k - 1]), "nominal", k, "nominal")


SPEAKER_STEPS: tuple[tuple[str, Callable], ...] = (
    ("inherited", inherited),
    ("end_of_sentence", end_of_sentence),
    ("named", named),
    ("title", title),
    ("subject_before_verb", subject_before_verb),
    ("implicit", implicit),
    ("second_verb", second_verb),
    ("strict", strict),
    ("nominal", nominal),
)


# -- helpers of the steps ------------------------------------------------------------------------------------------

def skip_title(ctx: QuoteContext, j: int) -> int:
    """Skip a title phrase (رئيس الوزراء العراقي, الوزير الايطالي, a chain such as نائب رئيس مجلس إدارة "سابك"
    الرئيس التنفيذي المكلف) from token j; returns the next index (a person mention ends the skip).  The walk is
    the entity layer's (:func:`analysis.extract.titlechain.skip_title_chain`), stopped at a complementiser or a
    cue and at most 12 tokens from the title."""
    v = ctx.v
    if j >= len(v) or v.norm[j] not in titles().get("person_title", frozenset()):
        return j
    return skip_title_chain(v.text, v.norm, v.kind, v.sentence, j + 1, v.mention_at,
                            is_person=lambda m: m["type"] == "PERSON", mention_end=lambda m: int(m["token_end"]),
                            stop=lambda k, w: is_comp(w) or ctx.cue_at(k) is not None, until=j + 12)[0]


def title_referent(ctx: QuoteContext, j: int, k: int, before: int) -> int | None:
    """Entity of the latest person introduced (before ``before``) with the title written at tokens j..k."""
    v = ctx.v
    head = v.norm[j][2:] if v.norm[j].startswith("ال") else v.norm[j]
    title_words = {w for w in v.norm[j + 1:k] if w.startswith("ال")}
    for m in reversed(v.mentions_in(None, before)):  # the latest first
        if m["start"] >= before or m["type"] != "PERSON" or not isinstance(m.get("title_head"), str):
            continue
        if m["title_head"] == head and title_words <= set(str(m["title"]).split()):
            return int(m["entity_id"])
    return None


def preverbal_subject(ctx: QuoteContext, i: int) -> dict | None:
    """The person or organisation that opens the sentence when the cue comes after it and a comma
    (``مهاب مميش، رئيس هيئة القناة، قال ...``), with no other cue in between."""
    v = ctx.v
    found = ctx.cue_at(i)
    if i == 0 or v.text[i - 1] not in ("،", ",") or found is None or found[1] != 0:
        return None
    first = sentence_start(v, i)
    m = v.mention_at[first]
    if m is None or m["type"] not in ("PERSON", "ORG") or int(m["token_start"]) != first:
        return None
    if any(ctx.cue_at(k) is not None or is_comp(v.norm[k]) for k in range(int(m["token_end"]), i)):
        return None
    return m


def subject_then_comp(ctx: QuoteContext, j: int) -> bool:
    """A short noun phrase from token j followed by أن/إن (وذكر البيان أن ...): an explicit subject."""
    v = ctx.v
    for k in range(j, min(j + 4, len(v))):
        if v.sentence[k] != v.sentence[j] or v.kind[k] != "word" or ctx.cue_at(k) is not None:
            return False
        if k > j and is_comp(v.norm[k]):
            return True
    return False


def head_referent(ctx: QuoteContext, j: int, before: int) -> int | None:
    """Entity a definite organisation noun (الشركة) stands for: the latest organisation named before ``before``
    whose name has that head (شركة ...), else the latest organisation named before it."""
    v = ctx.v
    head = strip_conj(v.norm[j])[2:]
    latest = same_head = None
    for m in v.mentions:
        if m["start"] >= before:
            break
        if m["type"] != "ORG":
            continue
        latest = int(m["entity_id"])
        if normalize(str(m["text"])).split()[0].endswith(head):
            same_head = latest
    return same_head if same_head is not None else latest


def implicit_speaker(ctx: QuoteContext, i: int, cue: CueVerb) -> int | None:
    """Speaker of a cue without a subject (وشدد على أن, وقال "..."): a person who opened a sentence since the
    previous quote (this or the previous paragraph), else the previous speaker, else the first person of the
    paragraph; a plural verb (وأشاروا) never stands for one person."""
    v = ctx.v
    para = v.paragraph[i]
    last = ctx.quotes[-1] if ctx.quotes else None
    since = max(last.end, last.cue_span[1]) if last else -1
    newer = None
    for m in v.mentions_in(since, v.start[i]):
        if m["start"] >= v.start[i]:
            break
        t0 = int(m["token_start"])
        if m["type"] == "PERSON" and m["start"] >= since and v.paragraph[t0] >= para - 1 and not ctx.in_quote[t0] \
                and sentence_start(v, t0) == t0:
            newer = int(m["entity_id"])
    if newer is not None:
        speaker = newer
    elif last and last.paragraph_id >= para - 2:
        speaker = last.speaker  # the previous speaker, even an unnamed one (وقال المسؤولون ... وأشاروا)
    else:
        speaker = next((int(m["entity_id"]) for m in v.mentions_in(v.first_offset(i, "paragraph"), v.start[i])
                        if m["start"] < v.start[i] and m["type"] == "PERSON"
                        and v.paragraph[int(m["token_start"])] == para), None)
    if speaker is not None and _plural(cue) and v.entity_type.get(speaker) == "PERSON":
        return None
    return speaker


def _plural(cue: CueVerb) -> bool:
    form = normalize(cue.form)
    return form.endswith("وا") or form.endswith("ون")
