"""Content steps: what a cue reports, searched from the token ``j`` after its subject.  Each step takes
``(ctx, cue, j)`` and answers a :class:`~analysis.extract.quotes.context.Content`, ``REJECT`` (the cue is not a
quote) or ``None`` (not this step's case).  :data:`CONTENT_STEPS` is their order; the ``rule`` of a quote:

* ``indirect:preposition_object``: a cue that takes an object, right before its preposition's object
  (أعرب عن الأمل ..., أشار إلى مقتل ...);
* steps ``direct_quotation``, ``colon``, ``complementiser``: the first content marker within the sentence
  (:func:`first_marker`) decides which of them answers: ``direct:quotation_marks`` (a quotation of four words
  or more), ``direct:continued_paragraph`` (one whose closing mark is in the next paragraph), ``indirect:colon``
  (after ``:``), ``indirect:complementiser`` (after أن/إن/بأن, or from a fused إنها);
* ``indirect:object``: for a cue that takes an object, the phrase after it, its preposition and any
  circumstantial phrase (خلال اجتماعه ... مع <name>).

Indirect content ends where :func:`clause_end` says.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from analysis.extract.quotes.context import (
    MIN_DIRECT_WORDS,
    REJECT,
    Content,
    Cue,
    QuoteContext,
    describes_noun,
    is_comp,
    phrase_end,
    phrases,
    strip_conj,
    tails,
    words,
)
from analysis.lexicon.gazetteer import clause_breaks, titles
from analysis.text.normalize import normalize
from analysis.text.quotation import APOSTROPHE, QUOTE_MARKS

__all__ = ["CONTENT_STEPS", "Marker", "first_marker", "quoted_name", "preceding_quotation", "bare_clause",
           "preposition_object",
           "direct_quotation", "colon",
           "complementiser", "object_phrase", "direct", "after_colon", "after_complementiser", "indirect",
           "clause_end"]

_SCAN = 30
_ADDRESSEE = 7  # words between a cue and its preposition that are its addressee (داعيا المستهلك إلى، دعا المنظمات المهتمة بالملف إلى)
_SUBJECT_RUN = 6  # tokens of an unresolved subject before ``، <preposition>`` (عبر محافظ قلقيلية <name>، عن)
_FIRST_PERSON_COMP = ("اننا", "انني", "اني")  # إننا، إنني، إني after a colon: first person, direct speech
_FIRST_PERSON = ("نحن", "انا")  # clause_opener pronouns that make a bare clause the speaker's own words
_CIRCUMSTANCE_REACH = 12  # words of a circumstantial phrase before a first-person bare clause
_CIRCUMSTANCE_RUN = 6  # tokens of a circumstantial phrase before the cue's preposition (أمس في تصريحات صحفية عن)
_ELLIPSIS = ("..", "…")  # a pause inside speech; the sentence splitter ends a sentence there
_COMMAS = ("،", ",")
_PAUSES = _COMMAS + _ELLIPSIS  # a new clause may open after them (، مشيدا ... ؛ .. مشيدا ...)
_SENTENCE_END = (".", "!", "?", "؟")


def _object_preps(cue: Cue) -> frozenset[str]:
    """The prepositions after which a noun is the cue's content: its own (``prep`` of cue_verbs.csv: أعرب عن،
    أشار إلى), else any preposition for a cue that takes an object."""
    if cue.verb.preps:
        return cue.verb.preps
    return words("preposition") if cue.verb.object_ok else frozenset()


def _noun_start(ctx: QuoteContext, k: int) -> bool:
    v = ctx.v
    return k < len(v) and v.kind[k] == "word" and not is_comp(v.norm[k]) and k not in ctx.quote_end


def preposition_object(ctx: QuoteContext, cue: Cue, j: int):
    """The cue's own preposition and a word (أعرب عن الأمل، أشار إلى مقتل): the phrase from the word; after a cue
    that takes an addressee (quote_words.csv ``addressee_cue``: دعا، طالب) the addressee between it and its
    preposition (داعيا المستهلك إلى ضرورة) is passed over."""
    v = ctx.v
    n = len(v)
    preps = _object_preps(cue)
    if not preps or j + 1 >= n:
        return None
    j = phrase_end(v, j, "adverbial")  # مبينا في الوقت ذاته إجراءات ...
    if j + 1 >= n:
        return None
    k = j
    if v.norm[j] not in preps and normalize(cue.verb.lemma) in words("addressee_cue"):
        k = next((x for x in range(j + 1, min(j + _ADDRESSEE + 1, n - 1)) if v.norm[x] in preps), j)
        if any(v.sentence[x] != v.sentence[j] or v.kind[x] != "word" or is_comp(v.norm[x])
               or ctx.cue_at(x) is not None or x in ctx.quote_end for x in range(j, k)):
            k = j
    if k == j and v.norm[j] not in preps and cue.verb.preps:
        # عبر محافظ قلقيلية ربيح الخندقجي، عن أهمية: the subject runs on to a comma before the cue's preposition
        x = next((x for x in range(j + 1, min(j + _SUBJECT_RUN + 1, n - 1)) if v.norm[x] in preps
                  and v.text[x - 1] in _COMMAS), None)
        if x is not None and not any(v.sentence[y] != v.sentence[j] or is_comp(v.norm[y]) or y in ctx.quote_end
                                     or ctx.cue_at(y) is not None or (v.kind[y] != "word" and v.text[y] not in _COMMAS)
                                     for y in range(j, x)):
            k = x
    if k == j and v.norm[j] not in preps and cue.verb.preps and v.norm[j] in words("circumstance"):
        # وكشف حولي أمس في تصريحات صحفية عن تسديد ...: a circumstantial phrase before the cue's own preposition
        x = next((x for x in range(j + 1, min(j + _CIRCUMSTANCE_RUN + 1, n - 1)) if v.norm[x] in preps), None)
        if x is not None and not any(v.sentence[y] != v.sentence[j] or v.kind[y] != "word" or is_comp(v.norm[y])
                                     or y in ctx.quote_end or ctx.cue_at(y) is not None for y in range(j, x)):
            k = x
    if v.norm[k] in preps and v.sentence[k + 1] == v.sentence[k] and _noun_start(ctx, k + 1):
        return indirect(ctx, k + 1, "indirect:preposition_object") or REJECT
    if k == j and "ب" in cue.verb.preps and v.kind[j] == "word" and v.norm[j].startswith("ب") and len(v.norm[j]) > 3 \
            and not is_comp(v.norm[j]):
        c = indirect(ctx, j, "indirect:preposition_object")  # مطالبين بإلغاء: the content starts after the fused ب
        return c._replace(start=c.start + 1) if c is not None else REJECT
    return None


class Marker(NamedTuple):
    """Where a content is marked: ``kind`` quotation (four words or more), colon, complementiser or
    fused_quotation (a fused complementiser before a quotation: ``انه «...»``, partly quoted), at token
    ``index``."""

    kind: str
    index: int


def first_marker(ctx: QuoteContext, j: int) -> Marker | None:
    """The first content marker from token j in its sentence, at most ``_SCAN`` tokens on (قال في مقابلة "...",
    كتب على صفحته "...", قال بيان من مكتب الوزير: إن ...); a short quoted name is passed over, a colon or
    complementiser right before a quotation gives way to it; the search stops at another cue or a full stop."""
    v = ctx.v
    n = len(v)
    sent = v.sentence[j] if j < n else None
    k = j
    while k < n and v.sentence[k] == sent and k - j < _SCAN:
        if k in ctx.quote_end:
            close = ctx.quote_end[k]
            if sum(1 for x in range(k + 1, close) if v.kind[x] == "word") >= MIN_DIRECT_WORDS \
                    and not quoted_name(ctx, k, close) and not _after_title_noun(ctx, k):
                return Marker("quotation", k)
            k = close + 1  # a short quoted name or a quoted person's name: look on
            continue
        norm = v.norm[k]
        opening = _opening(ctx, k + 1)
        if v.text[k] == ":":
            if k + 1 < n and opening in ctx.quote_end:
                k = opening
                continue
            return Marker("colon", k)
        if is_comp(norm) and opening != k + 1 and opening in ctx.quote_end:
            k += 1  # أن ''...'': the doubled apostrophe's first half, then its opening mark
            continue
        if is_comp(norm) and k + 1 in ctx.quote_end:  # من أن "..." : the quotation is the content
            if norm not in words("complementiser") and sum(
                    1 for x in range(k + 2, ctx.quote_end[k + 1]) if v.kind[x] == "word") >= MIN_DIRECT_WORDS:
                return Marker("fused_quotation", k)  # مؤكدا انه «...»: partly quoted, reported
            k += 1
            continue
        if is_comp(norm) and not (k > 0 and v.sentence[k - 1] == sent
                                  and strip_conj(v.norm[k - 1]) in words("temporal_conjunction")):
            return Marker("complementiser", k)  # (بعد أن حررت، قبل أن: a time clause, not what is reported)
        if k > j and ctx.cue_at(k) is not None:
            break
        if v.text[k] in _SENTENCE_END:
            break
        if k > j and norm in words("adversative") and v.text[k - 1] in _COMMAS:
            break  # وأعترف بارتفاع النبرة ...، ولكني أتمنى ... أن: a new clause, its أن is not this cue's
        k += 1
    return None


def _opening(ctx: QuoteContext, k: int) -> int:
    """Token k, or k + 1 when k is the first half of a doubled apostrophe (``''الجزائر ...''``, the Algerian
    press's marks) whose second half opens a quotation (the opening mark of a run is its last apostrophe)."""
    v = ctx.v
    if k + 1 < len(v) and v.text[k] == APOSTROPHE and v.text[k + 1] == APOSTROPHE and v.start[k + 1] == v.end[k] \
            and k + 1 in ctx.quote_end:
        return k + 1
    return k


def _after_title_noun(ctx: QuoteContext, k: int) -> bool:
    """The quotation opened at token k follows a :func:`title_noun` (glued marks before it passed over:
    ``لكتابه ''...''``)."""
    v = ctx.v
    p = k - 1
    while p >= 0 and v.kind[p] != "word" and v.end[p] == v.start[p + 1]:
        p -= 1
    return p >= 0 and v.kind[p] == "word" and v.sentence[p] == v.sentence[k] and title_noun(v.norm[p])


def title_noun(norm: str) -> bool:
    """A noun naming a work (quote_words.csv ``title_noun``: ``كتابه``، ``لكتابه``، ``بحث``، ``بعنوان``): a quotation
    right after it is the work's title, not speech; clitics (و/ف، ل/ب، ال، a possessive pronoun) are allowed."""
    nouns = words("title_noun")
    forms = {norm, strip_conj(norm)}
    forms |= {f[1:] for f in forms if f[:1] in ("ل", "ب")}
    forms |= {f[2:] for f in forms if f.startswith("ال")}
    forms |= {f[:-len(p)] for f in forms for p in ("ه", "ها", "هم") if f.endswith(p) and len(f) > len(p) + 2}
    return any(f in nouns for f in forms)


def quoted_name(ctx: QuoteContext, k: int, close: int) -> bool:
    """The quotation k..close holds only a name: mentions and person titles (``"الدكتور عبدالكريم بن عبدالله
    العبدالكريم"``), at least one mention."""
    v = ctx.v
    person_titles = titles().get("person_title", frozenset())
    x, seen = k + 1, False
    while x < close:
        m = v.mention_at[x]
        if m is not None:
            x, seen = int(m["token_end"]), True
            continue
        if v.kind[x] == "word" and v.norm[x] not in person_titles:
            return False
        x += 1
    return seen and x == close


def preceding_quotation(ctx: QuoteContext, cue: Cue, j: int):
    """A cue right after a closing quotation mark (``«...»، قال الوزير``) with no content after it: the quotation
    before it (``direct:before_cue``), unless an earlier quote already holds it."""
    v = ctx.v
    i = cue.index
    if first_marker(ctx, j) is not None:
        return None
    b = i - 1
    if b >= 0 and v.text[b] in _COMMAS:
        b -= 1
    opening = ctx.opening_of(b)
    if opening is None or sum(1 for x in range(opening + 1, b) if v.kind[x] == "word") < MIN_DIRECT_WORDS:
        return None
    c = direct(ctx, opening)
    last = ctx.quotes[-1] if ctx.quotes else None
    if ctx.has_quote(c.start, c.end) or (last is not None and last.start <= c.start and c.end <= last.end):
        return None  # (a quotation inside the previous quote's content is its words, not this cue's)
    return Content("direct", c.start, c.end, j, "direct:before_cue")


_TAIL_SUBJECT = 8  # tokens of the subject of a post-posed cue before the sentence ends (، يقول المواطن <name> من القدس.)


def preceding_clause(ctx: QuoteContext, cue: Cue, j: int):
    """A present-tense ``قال`` after a comma with nothing reported after its subject (``عرض شيق ... جئنا
    لمشاهدته، تقول المواطنة <name>.``): the clause before it, from its sentence start, is the speaker's words
    (``direct:before_cue``, as a quotation before ``، يقول <name>``); at least four words, no cue or quotation
    mark in it."""
    v = ctx.v
    i = cue.index
    if cue.verb.kind != "verb" or not cue.verb.present or cue.offset != 0 or normalize(cue.verb.lemma) != "قال" \
            or i < 2 or v.text[i - 1] not in _COMMAS or first_marker(ctx, j) is not None:
        return None
    e = j
    while e < len(v) and v.sentence[e] == v.sentence[i] and v.kind[e] == "word":
        e += 1
    if e - j > _TAIL_SUBJECT or (e < len(v) and v.sentence[e] == v.sentence[i] and v.text[e] not in _SENTENCE_END):
        return None
    s = i - 1
    while s > 0 and v.sentence[s - 1] == v.sentence[i]:
        s -= 1
    while s < i - 1 and v.kind[s] != "word":
        s += 1
    body = range(s, i - 1)
    if sum(1 for x in body if v.kind[x] == "word") < MIN_DIRECT_WORDS or any(
            ctx.cue_at(x) is not None or v.text[x] in QUOTE_MARKS or ctx.in_quote[x] for x in body):
        return None
    if ctx.quotes and ctx.quotes[-1].end > v.start[s]:
        return None
    return Content("direct", v.start[s], v.end[i - 2], e, "direct:before_cue")


def bare_clause(ctx: QuoteContext, cue: Cue, j: int):
    """A clause right after the cue, without أن or a colon (``وأضاف لا يوجد ...``، ``وأضاف لن نسمح ...``): reported
    from there (``indirect:bare_clause``); in the first person (``نحن``، ``أنا``، ``لن نسمح``: the imperfect prefix
    ن after a negation) the speaker's own words (``direct:bare_clause``)."""
    v = ctx.v
    if j < len(v) and v.norm[j] in words("circumstance") and j > cue.index + 1:
        # وقال مرسي في مؤتمر صحفي مع عدد من رموز القوى السياسية نحن جميعا ننتظر ...: after the subject and a
        # circumstantial phrase, the speaker's own first-person words
        x = j + 1
        while x < len(v) and x - j <= _CIRCUMSTANCE_REACH and v.sentence[x] == v.sentence[j] \
                and v.kind[x] == "word" and not is_comp(v.norm[x]) and ctx.cue_at(x) is None:
            if v.norm[x] in _FIRST_PERSON:
                c = indirect(ctx, x, "direct:bare_clause")
                return c._replace(mode="direct") if c is not None else None
            x += 1
        return None
    if j >= len(v) or v.norm[j] not in words("clause_opener") or j != cue.index + 1:
        return None
    c = indirect(ctx, j, "indirect:bare_clause")
    if c is None:
        return REJECT
    first_person = v.norm[j] in _FIRST_PERSON or (j + 1 < len(v) and v.norm[j] in words("negation")
                                                   and v.norm[j + 1].startswith("ن") and len(v.norm[j + 1]) > 3)
    return c._replace(mode="direct", rule="direct:bare_clause") if first_person else c


def direct_quotation(ctx: QuoteContext, cue: Cue, j: int):
    """The first marker is a quotation: its words (:func:`direct`); but when the cue's own preposition and words
    of the content come before it (``دعا X المنظمات إلى وضع حد لما وصفه بـ”...”``) the speech is partly quoted:
    indirect from after the preposition to the clause end (``indirect:preposition_object``), and a quotation
    after the bare noun a verb such as ``أكد`` announces (``أكد جواز إفطار ... مستندا إلى قوله تعالى: «...»``) is
    not its speech."""
    m = first_marker(ctx, j)
    if m is None or m.kind != "quotation":
        return None
    v = ctx.v
    preps = cue.verb.preps
    if preps:
        x = next((x for x in range(j, m.index) if v.norm[x] in preps), None)
        if x is not None and x > j and (normalize(cue.verb.lemma) not in words("addressee_cue") or any(
                v.norm[y] in words("circumstance") for y in range(j, x))):
            x = None  # أكد في رده على سؤال "...": a circumstantial phrase, not the cue's object (only an
            # addressee may come between: دعا المنظمات والجمعيات ... إلى)
        if x is not None and x + 1 < m.index and _noun_start(ctx, x + 1) and not any(
                v.text[y] == ":" or is_comp(v.norm[y]) for y in range(x + 1, m.index)):
            return indirect(ctx, x + 1, "indirect:preposition_object")
    if normalize(cue.verb.lemma) in words("coordinated_object") and not coordinated_object(ctx, cue) \
            and j < m.index and _bare_noun(ctx, j):
        return None
    return direct(ctx, m.index)


def _bare_noun(ctx: QuoteContext, j: int) -> bool:
    """Token j is an indefinite content word that is no preposition, circumstance, adverbial, title or name
    (``أكد جواز ...``: the noun the verb announces)."""
    v = ctx.v
    w = v.norm[j]
    return v.kind[j] == "word" and not w.startswith("ال") and v.mention_at[j] is None and not is_comp(w) \
        and w not in words("preposition") and w not in words("circumstance") and phrase_end(v, j, "adverbial") == j \
        and w not in titles().get("person_title", frozenset()) and w[:1] not in ("ل", "ب", "ف", "و") \
        and w not in _PRONOUN_PP and len(w) > 2


_PRONOUN_PP = frozenset(("فيه", "فيها", "له", "لها", "عنه", "عنها", "منه", "منها", "عليه", "عليها"))


def colon(ctx: QuoteContext, cue: Cue, j: int):
    """The first marker is a colon: the clause after it (:func:`after_colon`), or not a quote."""
    m = first_marker(ctx, j)
    return (after_colon(ctx, m.index) or REJECT) if m is not None and m.kind == "colon" else None


def complementiser(ctx: QuoteContext, cue: Cue, j: int):
    """The first marker is a complementiser: the clause after it (:func:`after_complementiser`), or not a
    quote."""
    m = first_marker(ctx, j)
    if m is not None and m.kind == "fused_quotation":
        close = ctx.quote_end[m.index + 1]  # انه «اول اتفاق ...»: the fused pronoun to the closing mark
        return Content("indirect", ctx.v.start[m.index], ctx.v.end[close], close + 1, "indirect:complementiser")
    if m is not None and m.kind == "complementiser" and ctx.v.norm[m.index] == "لان" \
            and normalize("إلى") not in cue.verb.preps and m.index - j <= 1:
        # وقالت مديرة المهرجان <name>، لأن الثقافة ...: "because" opens the speech (لأن is "that" only after a
        # cue of إلى: أشار لأن), reported from there
        return indirect(ctx, m.index, "indirect:bare_clause") or REJECT
    return (after_complementiser(ctx, m.index) or REJECT) if m is not None and m.kind == "complementiser" else None


def object_phrase(ctx: QuoteContext, cue: Cue, j: int):
    """A cue that takes an object (اعتبر، أعرب): the phrase after it, after any circumstantial phrase (up to its
    last mention) and a preposition."""
    v = ctx.v
    n = len(v)
    preps = _object_preps(cue)
    object_ok = cue.verb.object_ok or coordinated_object(ctx, cue)
    if not (object_ok or preps) or j >= n:
        return None
    s = phrase_end(v, j, "adverbial")
    if s >= n:
        return None
    if v.norm[s] in words("circumstance"):
        end = clause_end(ctx, s)
        last = None
        for x in range(s, end):
            m = v.mention_at[x]
            if m is not None:
                last = int(m["token_end"])
        if last is None:
            return None
        s = last
    if s < n and v.norm[s] in preps:
        s += 1
    elif not object_ok:
        # نفى التهمة، نوه بالتعاون، أكد أهمية: a bare noun after these is no quote; a coordinated clause after it
        # (مؤكدا حرص الوكالة على ...، وأن الوكالة تقود ...) is what the cue reports
        x = _coordinated_complementiser(ctx, s)
        return indirect(ctx, x + 1, "indirect:complementiser") if x is not None else None
    if s >= n or (v.kind[s] != "word" and s not in ctx.quote_end) or strip_conj(v.norm[s]) != v.norm[s]:
        return None  # كما أشار التقرير، إذ ...; معبرا ومجسدا: nothing reported after the cue
    return indirect(ctx, s, "indirect:object")


def coordinated_object(ctx: QuoteContext, cue: Cue) -> bool:
    """A verb of quote_words.csv ``coordinated_object`` (أكد) takes a bare noun as its content only as a و/ف verb
    coordinated with a quote of its own sentence (``قال إن ...، واكد حرص حكومته على ...``: it continues the
    report); on its own (``وأكد أهمية ...``، ``مؤكدة أهمية ...``) it announces a noun and is no quote (blind H5)."""
    v, i = ctx.v, cue.index
    if cue.verb.kind != "verb" or cue.offset != 1 or normalize(cue.verb.lemma) not in words("coordinated_object"):
        return False
    last = ctx.quotes[-1] if ctx.quotes else None
    if last is None or last.sentence_id != v.sentence[i]:
        return False
    x = i - 1
    while x >= 0 and v.start[x] >= last.end:
        if v.text[x] in _SENTENCE_END:
            return False  # المخالفين.وأكد: a full stop glued to the verb ends the sentence
        x -= 1
    return True


def _coordinated_complementiser(ctx: QuoteContext, s: int) -> int | None:
    """Token of a ``، وأن`` (quote_words.csv ``coordinated_complementiser``) within ``_SCAN`` tokens of s in its
    sentence, before any other cue or quotation, else None."""
    v = ctx.v
    n = len(v)
    for x in range(s + 1, min(s + _SCAN, n)):
        if v.sentence[x] != v.sentence[s] or ctx.cue_at(x) is not None or x in ctx.quote_end:
            return None
        if v.norm[x] in words("coordinated_complementiser") and v.text[x - 1] in _COMMAS:
            return x
    return None


CONTENT_STEPS: tuple[tuple[str, Callable], ...] = (
    ("preceding_quotation", preceding_quotation),
    ("preceding_clause", preceding_clause),
    ("bare_clause", bare_clause),
    ("preposition_object", preposition_object),
    ("direct_quotation", direct_quotation),
    ("colon", colon),
    ("complementiser", complementiser),
    ("object", object_phrase),
)


def direct(ctx: QuoteContext, k: int) -> Content:
    """The words of the quotation opened at token k (white space trimmed)."""
    v = ctx.v
    close = ctx.quote_end[k]
    cs, ce = v.end[k], v.start[close]
    while cs < ce and ctx.text[cs].isspace():
        cs += 1
    while ce > cs and ctx.text[ce - 1].isspace():
        ce -= 1
    rule = "direct:quotation_marks" if v.paragraph[close] == v.paragraph[k] else "direct:continued_paragraph"
    return Content("direct", cs, ce, close + 1, rule)


def after_colon(ctx: QuoteContext, k: int) -> Content | None:
    """The clause after the colon at token k: reported (``indirect:colon``) after a complementiser (``قال: إن
    ...``, skipped), else the speaker's words without quotation marks (``direct:colon``: ``قال: نتائجنا ...``)."""
    s = k + 1
    if s < len(ctx.v) and ctx.v.norm[s] in _FIRST_PERSON_COMP:
        c = indirect(ctx, s, "direct:colon")  # وأضاف: اننا كرجال أمن نحمل ...: "we" -- the speaker's own words
        return c._replace(mode="direct") if c is not None else None
    if s < len(ctx.v) and is_comp(ctx.v.norm[s]):
        if ctx.v.norm[s] in words("complementiser"):
            s += 1
        return indirect(ctx, s, "indirect:colon")
    while s < len(ctx.v) and ctx.v.text[s] in QUOTE_MARKS and s not in ctx.quote_end:
        s += 1  # an opening mark never closed (قوله: «ينبغي ...): the words after it
    c = indirect(ctx, s, "direct:colon")
    return c._replace(mode="direct") if c is not None else None


def after_complementiser(ctx: QuoteContext, k: int) -> Content | None:
    """The clause after the complementiser at token k; a fused pronoun (إنها) stays in the content."""
    s = k + 1 if ctx.v.norm[k] in words("complementiser") else k
    c = indirect(ctx, s, "indirect:complementiser")
    if c is not None and s == k and ctx.v.norm[k][:1] == "ب" and ctx.v.text[k][:1] == "ب":
        c = c._replace(start=c.start + 1)  # أفاد بأنه ...: the content starts after the fused ب (conventions)
    return c


def indirect(ctx: QuoteContext, s: int, rule: str) -> Content | None:
    """Indirect content from token s to :func:`clause_end`, or None when it holds no word."""
    v = ctx.v
    if s >= len(v):
        return None
    e = clause_end(ctx, s)
    if e <= s or not any(v.kind[x] == "word" for x in range(s, e)):
        return None
    return Content("indirect", v.start[s], v.end[e - 1], e, rule)


def _is_tail(ctx: QuoteContext, i: int) -> bool:
    """An attribution tail at token i (كما نقل، جاء ذلك; حسب/بحسب/وفق only before a source: ``بحسب ما أفاد``,
    ``حسب قوله``, ``وفق مصادر``, a named outlet; ``وفق الخطة``، ``حسب تصنيف مجلة ...`` are the speaker's own
    words)."""
    v = ctx.v
    n1 = strip_conj(v.norm[i])
    nxt = i + 1 if i + 1 < len(v) and v.sentence[i + 1] == v.sentence[i] else None
    n2 = v.norm[nxt] if nxt is not None else ""
    if (n1, n2) in tails():
        return True
    if (n1,) not in tails():
        return False
    if n1 not in words("circumstance") and n1 not in ("وفق", "وفقا"):
        return True  # نقلا
    if nxt is None:
        return False
    m = v.mention_at[nxt]
    if n2 in _OPINION_TAILS:  # ... العلاج المناسب” بحسب رايه.: a tail only where the clause ends (كونها شخصيات حسب
        after = nxt + 1      # رأيها اكثر جاذبية: "in her view", inside the speech)
        return after >= len(v) or v.sentence[after] != v.sentence[i] or v.kind[after] != "word"
    return strip_conj(n2) in words("tail_source") or (m is not None and int(m["token_start"]) == nxt
                                                       and m["type"] in ("PERSON", "ORG"))


_OPINION_TAILS = frozenset(("رايه", "رايها"))


def _strict_cue_here(ctx: QuoteContext, k: int) -> bool:
    """An ambiguous cue form (بين، تابع) at token k is a cue: a complementiser or a named subject follows."""
    v = ctx.v
    if k + 1 >= len(v) or v.sentence[k + 1] != v.sentence[k]:
        return False
    m = v.mention_at[k + 1]
    return is_comp(v.norm[k + 1]) or (m is not None and m["type"] in ("PERSON", "ORG"))


_COLON_REACH = 8  # tokens from a cue to the colon opening its speech (قال المدرب الروماني:)
_CLAUSE_LEAD = 12  # tokens from a comma + و-word to the cue its clause leads to (، وعن انخفاض ... قال)


def _opens_colon_speech(ctx: QuoteContext, k: int) -> bool:
    """The cue at token k is followed, within ``_COLON_REACH`` tokens of its sentence, by a colon (its subject
    between): it opens a speech of its own."""
    v = ctx.v
    for x in range(k + 1, min(k + 1 + _COLON_REACH, len(v))):
        if v.sentence[x] != v.sentence[k] or ctx.in_quote[x] or is_comp(v.norm[x]) or ctx.cue_at(x) is not None:
            return False
        if v.text[x] == ":":
            return True
        if v.kind[x] != "word":
            return False
    return False


def _clause_opening(ctx: QuoteContext, j: int, k: int) -> int:
    """End (exclusive) of a content from j cut before the cue at k: the comma before a و-word that opens the cue's
    clause (``، وعن ... قال``، ``، واختتم ... بقوله``) when within ``_CLAUSE_LEAD`` tokens, else k; closing
    punctuation left out."""
    v = ctx.v
    e = k
    for x in range(k - 1, max(j, k - _CLAUSE_LEAD) - 1, -1):
        if v.text[x] in _COMMAS:
            if x + 1 < k and v.norm[x + 1][:1] in "وف" and len(v.norm[x + 1]) > 2:
                e = x
            break
        if v.kind[x] != "word" or is_comp(v.norm[x]):
            break
    return _trim_end(ctx, j, e)


def _after_comma_adverbial(ctx: QuoteContext, j: int, k: int) -> int:
    """The cue at token k follows a comma and a sentence adverbial (``، وبدوره أكد``، ``، ومن جانبه قال``:
    quote_words.csv ``adverbial``, a leading و/ف allowed): as after a bare comma, a new reporting clause; the
    token of that comma, else 0."""
    v = ctx.v
    for entry in phrases("adverbial"):
        s = k - len(entry)
        if s - 1 <= j or v.text[s - 1] not in _COMMAS:
            continue
        if strip_conj(v.norm[s]) == entry[0] or v.norm[s] == entry[0]:
            if all(v.norm[s + x] == w for x, w in enumerate(entry) if x):
                return s - 1
    return 0


def _named_subject_after(ctx: QuoteContext, k: int) -> bool:
    """The verb cue at token k has its own named subject right after it (``... فأكثر” تدعو اللجنة الدولية للصليب
    الأحمر إلى``): verb-subject order opens a new reporting clause, even without و or a comma."""
    v = ctx.v
    if k + 1 >= len(v) or v.sentence[k + 1] != v.sentence[k] or ctx.cue_at(k)[0].kind != "verb":
        return False
    m = v.mention_at[k + 1]
    if m is None or int(m["token_start"]) != k + 1 or m["type"] not in ("PERSON", "ORG"):
        return False
    prefix = normalize(ctx.text[v.start[k + 1]:int(m["start"])])
    return prefix[:1] not in ("ل", "ب", "ك")


@cache
def _phrase_starts(name: str) -> frozenset[str]:
    """First words of the phrases of list ``name`` (a cheap test before :func:`phrase_end` in a token loop)."""
    return frozenset(p[0] for p in phrases(name))


def clause_end(ctx: QuoteContext, j: int) -> int:
    """Token index (exclusive) where an indirect content starting at j ends: the sentence end, the next cue (a
    participle, a و/ف verb, a cue after a comma or after في حين/بينما), ``، أما``, a boundary participle
    (``، معلنة عن``) or an attribution tail (كما نقل، بحسب); closing punctuation is left out."""
    v = ctx.v
    n = len(v)
    k = j
    breaks = clause_breaks()
    contrast, new_clause = words("contrast"), words("new_clause")
    turn_starts = _phrase_starts("turn_lead")
    consecutive = words("consecutive")
    sent = v.sentence[j]
    while k < n and (v.sentence[k] == sent or (k > j and v.text[k - 1] in _ELLIPSIS and not ctx.in_quote[k - 1]
                                               and v.paragraph[k] == v.paragraph[k - 1] and v.kind[k] == "word")):
        sent = v.sentence[k]  # (التمارين.. لكن لا يهم: an ellipsis pauses the speech, it does not end it)
        if k > j and not ctx.in_quote[k] and v.text[k] == "." and k + 1 < n and v.start[k + 1] == v.end[k] \
                and v.kind[k + 1] == "word" and v.kind[k - 1] == "word" and len(v.text[k - 1]) > 1:
            break  # a full stop glued to the next sentence (تطور.وتمت): the sentence ends here
        if k > j and not ctx.in_quote[k] and v.text[k] in ("\u2013", "\u2014") and v.start[k] > v.end[k - 1] \
                and k + 1 < n and v.start[k + 1] > v.end[k]:
            break  # a spaced dash opens an aside (الحكومة الرشيدة – أيدها الله): the writer's, not the speaker's
        if k > j and v.norm[k] in turn_starts and not ctx.in_quote[k] and phrase_end(v, k, "turn_lead") > k:
            break  # ... نجاح التجربة من جانبهم تناول أعضاء المجلس: another party's turn, a new clause
        if k > j and not ctx.in_quote[k] and strip_conj(v.norm[k]) in words("passive_cue"):
            if v.norm[k - 1] in consecutive and k - 1 > j:
                k -= 1  # ...، حتى قيل إن: hearsay opens a new clause, حتى with it
            break
        if k > j + 1 and not ctx.in_quote[k] and v.norm[k] in consecutive and k + 2 < n \
                and v.sentence[k + 2] == v.sentence[k] and is_comp(v.norm[k + 1]) \
                and v.norm[k + 1] not in words("complementiser") and ctx.cue_at(k + 2) is not None:
            break  # ... طالما تتولاها قبرص حتى انها اشارت الى: "so much so that it pointed to", a new report
        if k > j and not ctx.in_quote[k]:
            cue = ctx.cue_at(k)
            if cue is not None and (v.norm[k - 1] in words("clause_particle") or v.norm[k - 1] in words("negation")) \
                    and k - 1 > j:
                k -= 1  # فقد قلت ...، لا أقول ...: the particle opens the new clause
                break
            if cue is not None and normalize(cue[0].lemma) in words("chant_cue") and not (
                    k + 1 < n and (v.text[k + 1] == ":" or k + 1 in ctx.quote_end)):
                cue = None  # وهتفوا بإسقاط النظام: a chant reported as a noun stays in the content
            if cue is not None and ((cue[0].strict and not _strict_cue_here(ctx, k)) or describes_noun(ctx, k)):
                cue = None  # وبين الصناعيين: the preposition "between"; النتيجة معبرة: an adjective
            if cue is not None and v.norm[k - 1] not in words("relative") and _opens_colon_speech(ctx, k):
                # ...، وعن انخفاض مستواه قال المدرب: ...، واختتم المدرب حديثه بقوله: ...: a new speech after a
                # colon; the content ends before the و-clause that leads to it
                return _clause_opening(ctx, j, k)
            lead = _after_comma_adverbial(ctx, j, k) if cue is not None else 0
            if cue is not None and (cue[0].kind == "participle" or cue[1] == 1 or v.text[k - 1] in _PAUSES
                                    or strip_conj(v.norm[k - 1]) in contrast or _named_subject_after(ctx, k)
                                    or lead):
                if lead:
                    k = lead  # ، وبدوره أكد: the adverbial opens the new clause
                elif strip_conj(v.norm[k - 1]) in contrast:
                    k -= 1  # في حين قال ...: the contrast word is not part of the content
                    if k - 1 > j and v.norm[k - 1] in words("contrast_lead"):
                        k -= 1
                break
            if _is_tail(ctx, k) and any(v.kind[x] == "word" and not is_comp(v.norm[x]) for x in range(j, k)):
                break  # (an attribution right after the complementiser, أنه وفق الخطة, is part of the content)
            if v.text[k - 1] in _PAUSES and (strip_conj(v.norm[k]) in breaks or v.norm[k] in breaks
                                             or v.norm[k] in new_clause):  # (واصفا: its و is the root's)
                break  # ، معلنة عن ... / ، أما بخصوص ...: a new clause
        k += 1
    return _trim_end(ctx, j, k)


def _trim_end(ctx: QuoteContext, j: int, k: int) -> int:
    """End (exclusive) of a content j..k without its closing punctuation: a bracket or quotation mark that closes
    something opened inside the content stays (a balanced span), a closing quotation mark whose opening is not in
    the content (``... العلاج المناسب” بحسب رايه``, ``:»... سفر»،``: a stray or misplaced mark) goes."""
    v = ctx.v
    while k > j:
        t = v.text[k - 1]
        if v.kind[k - 1] in ("punct", "symbol") and t not in ")]\u00BB\u201D\"":
            k -= 1
        elif t in QUOTE_MARKS and k - 1 > j and not _opened_inside(ctx, j, k - 1):
            k -= 1
        else:
            break
    return k


def _opened_inside(ctx: QuoteContext, j: int, close: int) -> bool:
    """The quotation mark at token ``close`` closes a quotation opened at token j or after."""
    o = ctx.opening_of(close)
    return o is not None and o >= j
