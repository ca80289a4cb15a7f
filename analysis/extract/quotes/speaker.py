"""Speaker steps: who says what a cue reports.  Each step takes ``(ctx, cue)`` and answers a
:class:`~analysis.extract.quotes.context.Speaker`, ``REJECT`` (the cue is not a quote) or ``None`` (not this
step's case: the next step is asked).  :data:`SPEAKER_STEPS` is their order.

``speaker_rule`` is the name of the step that answered (``title_chain`` for a title that leads to its person,
``reported_source``, ``relative``, ``partitive``, ``author`` for the steps' special cases); ``speaker_how`` its
coarser class: ``named`` (a mention), ``title``, ``implicit`` (``implicit``, ``second_verb``), ``inherited``,
``nominal`` (a phrase that is no mention), ``author``.  ``speaker_status`` (:data:`SPEAKER_STATUSES`) says whether
the speaker is known: an entity is given only when the cue's clause names it (``resolved``) or it is carried from
an earlier quote or sentence (``carried``); a source that is no entity (``مصادر``، ``أحد المغردين``) is
``source-not-entity``, the writer ``author``, anything else ``unattributed`` -- never a guessed entity.

Never the speaker: an addressee or object (``قال لأوباما``، ``مع جون كيري``، ``دعا الحكومة إلى``: see
:func:`addressed`), the outlet of an attribution (``، بحسب الصحيفة،``، ``نقلا عن``), the body a source noun is
close to (``مصادر في الأمم المتحدة``); a dual or plural verb (``شددا``، ``أكدوا``) never stands for one person.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from analysis.extract.dates import date_words
from analysis.extract.entities.words import abbreviated_title, verb_shaped
from analysis.extract.quotes.content import first_marker, quoted_name
from analysis.extract.quotes.context import (
    MIN_DIRECT_WORDS,
    REJECT,
    Cue,
    Quote,
    QuoteContext,
    Speaker,
    describes_noun,
    is_comp,
    phrase_end,
    phrases,
    sentence_start,
    status_of,
    strip_conj,
    tails,
    words,
)
from analysis.extract.titlechain import POSSESSIVE_RE, skip_title_chain
from analysis.lexicon.gazetteer import CueVerb, titles
from analysis.text.commonwords import is_common
from analysis.text.normalize import normalize
from analysis.text.quotation import QUOTE_MARKS
from analysis.text.stopwords import is_stopword

__all__ = ["SPEAKER_STEPS", "byline", "not_own_clause", "author", "inherited", "end_of_sentence",
           "reported_source", "named", "title", "subject_before_verb", "implicit", "second_verb", "strict", "nominal"]

_COMMAS = ("،", ",")
_WORD_RE = re.compile(r"\w+")
_SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "MISC")
_APPOSITION = 8  # tokens from the end of a title phrase to the person it names (، د. محمد العامر)
_AUTHOR_REACH = 12  # tokens from a first-person cue (قلت، أقول) to its content marker
_AUXILIARY_REACH = 30  # tokens of a subject framed by كان ... قد
_DESCRIPTION_RUN = 3  # words after a nominal subject description before the person it describes
_SUBJECT_REACH = 10  # tokens from a sentence's opening verb to its subject's name (after a title phrase)
_PP_FIRST = frozenset("فعمبلا")  # first letters of the prepositions of _PREP_PRONOUN_RE
_RESUMPTIVE = frozenset(("عليه", "اليه", "عنه", "به", "له"))  # ما أكد عليه، ما أشار إليه: the pronoun is ما
_PREP_PRONOUN_RE = re.compile(r"^(?:في|عن|من|ب|مع|علي|الي|لدي|ل)(?:ه|ها|هم|هما|هن|نا)$")  # فيه، عنها، له: a PP


def byline(ctx: QuoteContext, cue: Cue):
    """``كتب`` opening a paragraph and followed within five tokens by ``:`` or a dash (``كتب - حسن عبدالنبي:``,
    ``كتب صادق الشايع:``) is the byline, not a quote."""
    v, i = ctx.v, cue.index
    if normalize(cue.verb.lemma) != "كتب" or (i > 0 and v.paragraph[i - 1] == v.paragraph[i]):
        return None
    for k in range(i + 1, min(i + 6, len(v))):
        if v.paragraph[k] != v.paragraph[i]:
            break
        if v.text[k] in (":", "-", "ـ", "–", "—"):
            return REJECT
    return None


_ISSUED = frozenset(("الصادر", "الصادره", "الصادرة"))  # البيان الصادر عن وزارة المالية: its issuer follows عن
_ABOUT = frozenset(("بشان", "بخصوص"))  # البيان ... بشأن اللقاء: "about", part of the phrase, not its content
_DOCUMENT_REACH = 12  # tokens of the document phrase after جاء في (التعميم الذي أصدره وزير التعليم <name>)


def document_source(ctx: QuoteContext, cue: Cue):
    """``جاء في`` + a document (``وجاء في البيان أن``، ``جاء في التعميم الذي أصدره وزير التعليم <name> بضرورة``):
    the document speaks (blind conventions: indirect, empty speaker), or the person or organisation the phrase
    names as its issuer; ``جاء`` anywhere else (``جاء ذلك``، ``جاء في المركز الثاني``) reports nothing."""
    if normalize(cue.verb.lemma) != "جاء":
        return None
    v, i = ctx.v, cue.index
    s = i + 2
    if s >= len(v) or v.norm[i + 1] not in ("في", "فى") or v.sentence[s] != v.sentence[i]:
        return REJECT
    head = v.norm[s][2:] if v.norm[s].startswith("ال") else v.norm[s]
    if head not in words("document_noun"):
        return REJECT
    ent = None
    e = s + 1
    while e < len(v) and e - s < _DOCUMENT_REACH and v.sentence[e] == v.sentence[i] and v.kind[e] == "word" \
            and not is_comp(v.norm[e]) and ctx.cue_at(e) is None \
            and (v.norm[e] not in words("preposition") or v.norm[e - 1] in _ISSUED) \
            and not (v.norm[e].startswith("ب") and len(v.norm[e]) > 3 and v.mention_at[e] is None
                     and v.norm[e] not in _ABOUT):
        m = v.mention_at[e]
        if m is not None:
            if ent is None and m["type"] in ("PERSON", "ORG"):
                ent = int(m["entity_id"])
            e = int(m["token_end"])
            continue
        e += 1
    return Speaker(ent, (v.start[s], v.end[e - 1]), "nominal", e, "document",
                   "resolved" if ent is not None else "source-not-entity")


def not_own_clause(ctx: QuoteContext, cue: Cue):
    """A cue that is not a clause of its own: after a relative pronoun used as object (``الأمر الذي أشارت
    إليه``: REJECT) or as subject (``الأبحاث التي كشفت عن``: the entity named right before it, else
    ``unattributed``), forming an attribution tail (``كما نقلت``: REJECT), after a partitive ``منهم من قال``
    (some of them: ``source-not-entity``), after a negation (``لا أقول إن``: REJECT), and a participle that
    describes the noun before it (``مقولة مؤكدة، ...``، ``النتيجة معبرة عن``: REJECT)."""
    v, i = ctx.v, cue.index
    if i == 0 or v.sentence[i - 1] != v.sentence[i]:
        return None
    prev = strip_conj(v.norm[i - 1])
    if (v.norm[i - 1], strip_conj(v.norm[i])) in tails():
        return REJECT
    if describes_noun(ctx, i):
        return REJECT  # وفق مقولة مؤكدة، تفيد; النتيجة معبرة عن: an adjective, not a report
    if v.norm[i - 1] in words("negation"):
        return REJECT  # لا أقول إن، لم يقل: denied speech
    if cue.verb.strict and not cue.verb.present and cue.offset == 0 and v.kind[i - 1] == "word" \
            and ctx.cue_at(i - 1) is None \
            and prev not in words("clause_particle") and prev not in words("auxiliary") and not is_stopword(prev) \
            and not (i + 1 < len(v) and is_comp(v.norm[i + 1])) \
            and not (_after_day_phrase(v, i) and subject_then_prep(ctx, cue)):
        return REJECT  # الاتفاق بين إيران ...: an ambiguous form after a content word, without أن, is no verb
        # (ويوم أمس الأول طالب أعضاء البرلمان باستقالة: a day phrase, then the verb and its subject)
    nxt = v.norm[i + 1] if i + 1 < len(v) else ""
    if prev == "ما" and nxt in _RESUMPTIVE and v.sentence[i + 1] == v.sentence[i]:
        return REJECT  # وهذا ما شدد عليه <name>: "what X stressed", the cue's object is the relative ما
    if prev in words("relative"):
        if nxt[:3] in ("الي", "عن", "به", "له") and nxt[-1:] in ("ه", "ا") or nxt in ("عنه", "عنها", "به", "بها"):
            return REJECT
        m = v.mention_at[i - 2] if i >= 2 else None
        ent = int(m["entity_id"]) if m is not None and m["type"] in _SPEAKER_TYPES and int(m["token_end"]) == i - 1 \
            else _titled_before_relative(ctx, i - 1)
        return Speaker(ent, None, "named" if ent is not None else "nominal", i + 1, "relative",
                       "resolved" if ent is not None else "unattributed")
    if v.norm[i - 1] == "من" and i >= 2 and strip_conj(v.norm[i - 2]) in words("partitive"):
        return Speaker(None, (v.start[i - 2], v.end[i - 1]), "nominal", i + 1, "partitive", "source-not-entity")
    return None


def _titled_before_relative(ctx: QuoteContext, r: int) -> int | None:
    """The person whose title, in apposition after a comma, ends right before the relative pronoun at token r
    (``بعبد الكريم الهاروني، وزير النقل الذي عبر``: the minister is the person), else None."""
    v = ctx.v
    person_titles = titles().get("person_title", frozenset())
    k = r - 1
    while k > 0 and r - k <= 6 and v.sentence[k] == v.sentence[r] and v.kind[k] == "word" \
            and (v.mention_at[k] is None or v.mention_at[k]["type"] != "PERSON"):
        k -= 1
    if k <= 0 or k == r - 1 or v.text[k] not in _COMMAS or v.sentence[k] != v.sentence[r]:
        return None
    if not any(f in person_titles for f in _forms(v.norm[k + 1])):
        return None
    m = v.mention_at[k - 1]
    return int(m["entity_id"]) if m is not None and m["type"] == "PERSON" and int(m["token_end"]) == k else None


def author(ctx: QuoteContext, cue: Cue):
    """The writer's own speech (``وقلت فيه "..."``, ``أقول لسعادة اللواء ... إن``): no speaker entity, status
    ``author``; the content marker must follow within ``_AUTHOR_REACH`` tokens (``قلت`` is also قلّت
    "decreased")."""
    if not cue.verb.first_person:
        return None
    m = first_marker(ctx, cue.index + 1)
    if m is None or m.index - cue.index > _AUTHOR_REACH:
        return REJECT
    return Speaker(None, None, "author", cue.index + 1, "author", "author")


def inherited(ctx: QuoteContext, cue: Cue) -> Speaker | None:
    """A participle (مؤكدا أن) continues the speaker of its sentence: its latest quote, else the first person or
    organisation named before it in the sentence, else the organisation a sentence-opening noun (وأرجعت الشركة)
    stands for."""
    if cue.verb.kind != "participle":
        return None
    v, i = ctx.v, cue.index
    j = i + 1
    if v.norm[i] in words("saying_noun"):
        m = clause_named_subject(ctx, i)  # ، واختتم الحمد حديثه بقوله: the subject of its own clause
        if m is not None:
            return Speaker(int(m["entity_id"]), (int(m["start"]), int(m["end"])), "named", j, "subject_before_verb")
    same = ctx.last_quote_in(v.sentence[i])
    if same is not None:
        return Speaker(same.speaker, None, "inherited", j, "inherited", carried_status(same))
    first = sentence_start(v, i)
    said = earlier_cue_subject(ctx, first, i)
    if said is not None:  # حيث أكدت الأستاذة <name> تقدير ...، مؤكدة أن: the subject of the cue verb before it
        return Speaker(said, None, "inherited", j, "inherited")
    source = opening_attribution(ctx, first, i)
    if source is not None:  # ووفقا للناطق ... الرائد <name>، فإن ...، مشيرا إلى أن: the source speaks on
        return Speaker(source, None, "inherited", j, "inherited")
    for m in v.mentions_in(v.first_offset(i), v.start[i]):
        if m["sentence_id"] == v.sentence[i] and m["start"] < v.start[i] and m["type"] in ("PERSON", "ORG"):
            if not clause_subject(ctx, first, m) or (m["type"] == "PERSON" and possessor(ctx, m)) \
                    or (m["type"] == "ORG" and _title_in_construct(ctx, int(m["token_start"]) - 1)):
                continue  # وتوقع تراجع ... "زين السعودية" ...، متوقعا: a name in the object is not the subject;
                # مدير الوكالة الدولية ... يوكيا أمانو: nor the body a title is of (the person after it may be)
            nxt = v.mention_at[int(m["token_end"])] if int(m["token_end"]) < len(v) else None
            if m["type"] == "ORG" and nxt is not None and nxt["type"] == "PERSON" \
                    and int(nxt["token_start"]) == int(m["token_end"]):
                continue  # وكان الرئيس السوداني عمر البشير أعلن ...، معتبرا: a word of the title, the person follows
            return Speaker(int(m["entity_id"]), None, "inherited", j, "inherited")
    if first + 1 < i and ctx.cue_at(first) is None and strip_conj(v.norm[first + 1]) in words("org_noun"):
        # وأرجعت الشركة نتائجها ...، مشيرة إلى أن: the sentence's subject is "the company"
        return Speaker(head_referent(ctx, first + 1, v.start[i]), None, "inherited", j, "inherited")
    if (first < i and ctx.cue_at(first) is not None and all(v.kind[x] == "word" and v.mention_at[x] is None
                                                            for x in range(first, i))) \
            or first == i:
        # (a participle opening its sentence, after a quote «...». مبينا ان ... or a line break: the speaker
        # in context continues, within implicit_speaker's reach)
        # وأردف قائلا: "...", وتابع قائلا: a verb without a subject: the speaker in context
        ent, status = implicit_speaker(ctx, i, cue.verb)
        return Speaker(ent, None, "inherited", j, "inherited", status)
    if recent_quote(ctx, i) and all(v.mention_at[x] is None and not v.norm[x].startswith(("ال", "وال"))
                                    and not ctx.in_quote[x] for x in range(first, i)):
        # ولا يزال يعيش هناك حتى يومنا هذا، مؤكدا أن: a clause that names no one and has no definite noun for a
        # subject goes on about the one who has just spoken
        ent, status = implicit_speaker(ctx, i, cue.verb)
        return Speaker(ent, None, "inherited", j, "inherited", status)
    return Speaker(None, None, "inherited", j, "inherited", "unattributed")


_OPENING_TAILS = frozenset(("وفقا", "وفق", "حسب", "بحسب", "طبقا"))
_ATTRIBUTION_REACH = 14  # tokens from وفقا to the comma closing its source phrase


def opening_attribution(ctx: QuoteContext, first: int, i: int) -> int | None:
    """The source of an attribution opening the sentence (``ووفقا للناطق الإعلامي لشرطة منطقة القصيم الرائد
    <name>، فإن ...``): the first person named before its comma (a title chain ends at the person), else an
    organisation opening the source phrase; None if the sentence does not open so or the comma is not before i."""
    v = ctx.v
    if strip_conj(v.norm[first]) not in _OPENING_TAILS:
        return None
    org = None
    for x in range(first + 1, min(first + 1 + _ATTRIBUTION_REACH, i)):
        if v.sentence[x] != v.sentence[first] or ctx.cue_at(x) is not None or is_comp(v.norm[x]):
            return None
        if v.text[x] in _COMMAS:
            return org
        m = v.mention_at[x]
        if m is not None and int(m["token_start"]) == x:
            if m["type"] == "PERSON" and not possessor(ctx, m):
                return int(m["entity_id"])
            if m["type"] == "ORG" and x == first + 1:
                org = int(m["entity_id"])
    return None


def earlier_cue_subject(ctx: QuoteContext, first: int, i: int) -> int | None:
    """The entity named as subject (a name or a title chain to a person, :func:`named`, :func:`title`) of the
    latest verb cue of the sentence before token i that gave no quote (``أكدت <name> تقدير الدولة``: a bare
    noun), else None."""
    for x in range(i - 1, first - 1, -1):
        found = ctx.cue_at(x)
        if found is None or found[0].kind != "verb":
            continue
        c = Cue(x, found[0], found[1])
        for step in (named, title):
            sp = step(ctx, c)
            if isinstance(sp, Speaker) and sp.entity is not None and status_of(sp) == "resolved":
                return sp.entity
        return None
    return None


def clause_named_subject(ctx: QuoteContext, i: int):
    """The person or organisation named right after the verb that opens the clause of token i (its sentence start
    or the و/ف word after the last comma: ``، واختتم الحمد حديثه بقوله``), else None; not an addressee."""
    v = ctx.v
    first = sentence_start(v, i)
    for x in range(i - 1, first, -1):
        if v.text[x] in _COMMAS:
            first = x + 1
            break
    if first + 1 >= i:
        return None
    m = v.mention_at[first + 1]
    if m is None or int(m["token_start"]) != first + 1 or m["type"] not in ("PERSON", "ORG") or addressed(ctx, m):
        return None
    return m


def clause_subject(ctx: QuoteContext, first: int, m) -> bool:
    """Mention ``m`` is the subject of the sentence starting at token ``first``: it opens it (after و/ف, an
    adverbial such as ``من جانبه``، or ``وكان``), or follows its opening verb, directly or after a title chain
    (``وانتهز المرشح الجمهوري لانتخابات الرئاسة ميت رومني``، ``ويأمل عضو المكتب التنفيذي ...``، ``وأرجعت شركة سابك``:
    a definite word, a title or a head noun after the verb, then words only, no relative pronoun, within ``_SUBJECT_REACH`` tokens)."""
    v = ctx.v
    t0 = int(m["token_start"])
    s = phrase_end(v, first, "adverbial")
    if s < len(v) and v.text[s] in _COMMAS:
        s += 1
    if s < len(v) and strip_conj(v.norm[s]) in words("auxiliary"):
        s += 1
    if t0 in (first, s, s + 1):
        return True
    if t0 <= s + 1 or t0 - (s + 1) > _SUBJECT_REACH or s + 1 >= len(v):
        return False
    w = v.norm[s + 1]
    person_titles = titles().get("person_title", frozenset())
    titled = m["type"] == "PERSON" and t0 - (s + 1) <= 4 and v.norm[t0 - 1].startswith("ال") \
        and v.norm[t0 - 1] in person_titles  # وتوجه راعي الاحتفال النائب <name>: a definite title right before
    if not (w.startswith("ال") or w in person_titles or document_head(w) or titled):
        return False  # وتوقع تراجع السيولة ...: an indefinite noun after the verb is its object, not a title
    return not any((v.kind[x] != "word" and not (v.text[x] in QUOTE_MARKS and x == t0 - 1)
                    and not (v.text[x] == "." and len(v.norm[x - 1]) == 1))  # (النائب د. <name>)
                   or v.norm[x] in words("relative") or is_comp(v.norm[x])
                   or ctx.cue_at(x) is not None for x in range(s + 1, t0))  # (صحيفة "ماركا": its quoted name)


def end_of_sentence(ctx: QuoteContext, cue: Cue):
    """A verb that ends its sentence reports nothing."""
    v, j = ctx.v, cue.index + 1
    return REJECT if j >= len(v) or v.sentence[j] != v.sentence[cue.index] else None


def named(ctx: QuoteContext, cue: Cue) -> Speaker | None:
    """A mention right after the cue (قال باراك أوباما; also after a sentence adverb or a pronoun phrase:
    ``وقال كذلك``, ``قال فيه``: :func:`subject_start`)."""
    v, j = ctx.v, subject_start(ctx, cue)
    m = v.mention_at[j]
    if m is None and j in ctx.quote_end and quoted_name(ctx, j, ctx.quote_end[j]):
        m = v.mention_at[j + 1]  # ذكر "العبدالكريم" أن، وأوضح «فيفا» بأن: a quoted name
        if m is not None and m["type"] in _SPEAKER_TYPES:
            close = ctx.quote_end[j]
            return Speaker(int(m["entity_id"]), (int(m["start"]), int(m["end"])), "named", close + 1, "named")
    if m is not None and m["start"] <= v.end[j] and m["type"] in _SPEAKER_TYPES and not addressed(ctx, m):
        end_tok = int(m["token_end"])
        return Speaker(int(m["entity_id"]), (v.start[j], v.end[end_tok - 1]), "named",
                       past_apposed_title(ctx, end_tok), "named")
    i = cue.index
    if i >= 2 and v.norm[i - 1] in words("circumstantial") and v.sentence[i - 2] == v.sentence[i]:
        m = v.mention_at[i - 2]  # كنعان مكية وهو يقول: "...": the one named before وهو
        if m is not None and m["type"] in ("PERSON", "ORG") and int(m["token_end"]) == i - 1:
            return Speaker(int(m["entity_id"]), (int(m["start"]), int(m["end"])), "named", j, "named")
    return None


def reported_source(ctx: QuoteContext, cue: Cue):
    """``نقل`` (``ونقل بيان لوزارة الطاقة عن نوفاك قوله: «...»``, ``ونقلت الصحيفة عن مصدر ... قوله: إن``): the
    one quoted after ``عن`` is the speaker (a source noun such as ``مصدر`` is no entity); the content follows
    ``قوله``."""
    if normalize(cue.verb.lemma) != "نقل":
        return None
    v, i = ctx.v, cue.index
    n = len(v)
    an = None
    for x in range(i + 1, min(i + 9, n)):
        if v.sentence[x] != v.sentence[i] or is_comp(v.norm[x]) or v.text[x] == ":" or ctx.cue_at(x) is not None:
            break
        if v.norm[x] == "عن":
            an = x
            break
    if an is None:
        return REJECT
    s = e = an + 1
    ent = None
    while e < n and e - s < 8 and v.sentence[e] == v.sentence[i] and v.kind[e] == "word" \
            and v.norm[e] not in words("quoting") and not is_comp(v.norm[e]) and ctx.cue_at(e) is None:
        m = v.mention_at[e]
        if m is not None:
            if e == s and m["type"] in _SPEAKER_TYPES:
                ent = int(m["entity_id"])
            e = int(m["token_end"])
            continue
        e += 1
    if e == s:
        return REJECT
    if ent is None and skip_title(ctx, s) > s:  # عن نائب أمين الإعلام في الحزب <name> قوله: the title's holder,
        m = v.mention_at[e - 1]  # named last, right before قوله
        if m is not None and m["type"] == "PERSON" and int(m["token_end"]) == e and not possessor(ctx, m) \
                and not addressed(ctx, m):
            ent = int(m["entity_id"])
    nxt = e + 1 if e < n and v.norm[e] in words("quoting") else e
    how = "named" if ent is not None else "nominal"
    return Speaker(ent, (v.start[s], v.end[e - 1]), how, nxt, "reported_source")


def title(ctx: QuoteContext, cue: Cue) -> Speaker | None:
    """A title after the cue: up to a person's name (``title_chain``: قال رئيس الوزراء العراقي مصطفى الكاظمي,
    how ``named``), else the latest person introduced with that title (``title``: واكد الوزير الايطالي)."""
    v, i = ctx.v, cue.index
    j = subject_start(ctx, cue)
    k = skip_title(ctx, j)
    if k == j:
        return None
    if (ana := anaphor_end(ctx, j)) is not None:
        ent, status = anaphor_referent(ctx, cue)
        return Speaker(ent, (v.start[j], v.end[ana - 1]), "title", ana, "anaphor", status)
    m = v.mention_at[k] if k < len(v) else None
    if m is not None and is_comp(v.norm[int(m["token_start"])]):
        m = None  # أفاد الوزير بأن الطبيبين: a name the tagger ran over the complementiser is no subject
    if m is not None and m["type"] == "PERSON" and possessor(ctx, m):
        k = int(m["token_end"])  # سفير خادم الحرمين الشريفين: the ambassador, not the king; a name may follow
        m = None
    if m is None or m["type"] != "PERSON":
        m = apposed_person(ctx, k)
    if m is not None:
        end_tok = int(m["token_end"])
        nxt = end_tok + 1 if end_tok < len(v) and end_tok - 1 >= 0 and ctx.in_quote[end_tok - 1] \
            and v.text[end_tok] in QUOTE_MARKS else past_apposed_title(ctx, end_tok)
        return Speaker(int(m["entity_id"]), (v.start[j], v.end[end_tok - 1]), "named", nxt, "title_chain")
    ref = title_referent(ctx, j, k, v.start[i])
    if ref is None:
        ref = titled_speaker(ctx, j, k)
    return Speaker(ref, (v.start[j], v.end[k - 1]), "title", k, "title",
                   "resolved" if ref is not None else "unattributed")


def anaphor_end(ctx: QuoteContext, j: int) -> int | None:
    """``أكد المتحدث أن``, ``وأضاف المتحدث ذاته``: a noun that stands for the one who has just spoken
    (quote_words.csv ``anaphoric_subject``), alone as the subject -- not a title with more to it (``المتحدث باسم
    الوزارة``, ``المتحدث الرسمي``, a name after it) -- and its optional ذاته / نفسه: the token after it, else None."""
    v = ctx.v
    if strip_conj(v.norm[j]) not in words("anaphoric_subject"):
        return None
    e = j + 1
    if e < len(v) and v.sentence[e] == v.sentence[j] and v.norm[e] in words("self_word"):
        e += 1
    if e < len(v) and v.sentence[e] == v.sentence[j] and v.kind[e] == "word" and not is_comp(v.norm[e]) \
            and v.norm[e] not in words("preposition") and v.norm[e] not in words("circumstance") \
            and ctx.cue_at(e) is None:
        return None  # more title or a name follows: not the anaphor
    return e


def anaphor_referent(ctx: QuoteContext, cue: Cue) -> tuple[int | None, str]:
    """The speaker an anaphoric subject stands for: the previous quote's (this or the two paragraphs before), else
    the speaker in context (:func:`implicit_speaker`)."""
    last = ctx.quotes[-1] if ctx.quotes else None
    if last is not None and last.speaker is not None and last.paragraph_id >= ctx.v.paragraph[cue.index] - 2:
        return last.speaker, "carried"
    return implicit_speaker(ctx, cue.index, cue.verb)


def subject_before_verb(ctx: QuoteContext, cue: Cue) -> Speaker | None:
    """The person or organisation opening the sentence before ``، <cue>`` (``<name>، <title>، قال``)."""
    pre = preverbal_subject(ctx, cue.index) or adjacent_subject(ctx, cue)
    if pre is not None:
        return Speaker(int(pre["entity_id"]), (int(pre["start"]), int(pre["end"])), "named", cue.index + 1,
                       "subject_before_verb")
    aux = auxiliary_subject(ctx, cue.index)
    if aux is None:
        return None
    ent, s, e = aux
    v = ctx.v
    return Speaker(ent, (v.start[s], v.end[e - 1]), "named" if ent is not None else "nominal", cue.index + 1,
                   "subject_before_verb")


def implicit(ctx: QuoteContext, cue: Cue) -> Speaker | None:
    """No subject after the verb (وشدد على أن, وقال: ...; also ``وأكد أهمية ...``: a verbal-noun object,
    quote_words.csv ``object_noun``, is no subject; ``وأفاد معاليه``: an honorific pronoun, ``honorific``): the
    speaker is taken from context (:func:`implicit_speaker`)."""
    v, j = ctx.v, subject_start(ctx, cue)
    if j >= len(v) or v.sentence[j] != v.sentence[cue.index]:
        return None
    norm = v.norm[j]
    if norm in words("honorific_subject"):
        # وأفاد معاليه أن، وتأكيد سموه أن: "His Excellency", a pronoun: the one last called so, not a new subject
        ent, status = honorific_referent(ctx, cue, j)
        return Speaker(ent, (v.start[j], v.end[j]), "implicit", j + 1, "honorific", status)
    if cue.verb.strict and not (is_comp(norm) or norm in words("preposition") or v.text[j] == ":"
                                or (j in ctx.quote_end and j == cue.index + 1 and recent_quote(ctx, cue.index))
                                or fused_prep_noun(cue.verb, norm)):
        return None  # an ambiguous form (بين، عبر) without أن or its preposition: see step strict
        # (وتابع "..." right after a quote: the speaker goes on, a quotation follows the verb)
    if is_comp(norm) or norm in words("preposition") or v.kind[j] != "word" or norm in words("circumstance") \
            or addressee_at(ctx, j) or norm in words("clause_opener") \
            or (norm in words("object_noun") and second_verb(ctx, cue) is None) \
            or ("ب" in cue.verb.preps and norm.startswith("ب") and len(norm) > 3):  # وطالبهم بضرورة
        if cue.verb.present and not recent_quote(ctx, cue.index):
            return REJECT  # يتوقع أن، تؤكد أنها with no speaker in sight: impersonal narration
        if cue.verb.present and normalize(cue.verb.lemma) == "توقع" and j == cue.index + 1 and is_comp(norm):
            return REJECT  # بينما يتوقع أن: "it is expected that" (يُتوقع), impersonal (blind conventions)
        if norm in words("object_noun") and j + 1 < len(v) and v.norm[j + 1] in cue.verb.preps:
            j += 1  # لفت الانتباه إلى: the object noun is the verb's own, the content follows its preposition
        linked = linked_person(ctx, cue)
        if linked is not None:
            return Speaker(linked, None, "implicit", j, "implicit", "carried")
        ent, status = implicit_speaker(ctx, cue.index, cue.verb)
        return Speaker(ent, None, "implicit", j, "implicit", status)


def linked_person(ctx: QuoteContext, cue: Cue) -> int | None:
    """A subjectless verb cue after ``حيث`` (``ما جاء في كلمة <name>، رئيسة ...، في ندوة ... حيث قالت إن``): the
    person named last before it in its sentence (not an addressee, not a possessor), when no quote of the sentence
    came before; a consecutive ف cue (``التقت «آخر لحظة» <name> مدير الملاحة فقال``، ``سئل <name> عن ... فأجاب``):
    the one person its sentence names before it (none or two: not this step's case); else None."""
    v, i = ctx.v, cue.index
    if i == 0 or v.sentence[i - 1] != v.sentence[i] or cue.verb.number != "sg" \
            or ctx.last_quote_in(v.sentence[i]) is not None:
        return None
    consecutive = cue.offset == 1 and v.norm[i][:1] == "ف"
    if not consecutive and (cue.offset != 0 or v.norm[i - 1] not in words("linking_adverb")):
        return None
    first = sentence_start(v, i)
    found = []
    for m in v.mentions_in(v.start[first], v.start[i]):
        if m["start"] < v.start[i] and m["type"] == "PERSON" and int(m["token_start"]) >= first \
                and not addressed(ctx, m) and not possessor(ctx, m) and not ctx.in_quote[int(m["token_start"])]:
            found.append(int(m["entity_id"]))
    if consecutive:  # التقت «آخر لحظة» <name> مدير ... فقال: the one person the clause names answers
        return found[0] if len(set(found)) == 1 else None
    return found[-1] if found else None


def second_verb(ctx: QuoteContext, cue: Cue) -> Speaker | None:
    """A second و/ف verb in the sentence of the previous quote, without a subject of its own (واكد حرص حكومته):
    the previous speaker."""
    v, i = ctx.v, cue.index
    j = i + 1
    q = ctx.quotes
    if v.norm[i][0] in "وف" and q and q[-1].sentence_id == v.sentence[i] and not subject_then_comp(ctx, j):
        return Speaker(q[-1].speaker, None, "implicit", j, "second_verb", carried_status(q[-1]))
    return None


def strict(ctx: QuoteContext, cue: Cue):
    """An ambiguous form (بين, تابع) that reached this step has no named subject: not a cue, unless a short
    subject and أن follow (``لتؤكد تقارير إعلامية أن``، ``توقع محللون، تحدثت إليهم الصحيفة، أن``: the nominal
    step takes it)."""
    if not cue.verb.strict or subject_then_comp(ctx, cue.index + 1) or subject_then_prep(ctx, cue):
        return None
    m = first_marker(ctx, cue.index + 1)
    if m is not None and m.kind == "complementiser" and m.index - cue.index <= 10 \
            and any(ctx.v.text[x] in _COMMAS for x in range(cue.index + 1, m.index)):
        return None  # كما توقع محللون، تحدثت إليهم الصحيفة، أن: a subject with a parenthetical, then أن
    if m is not None and m.kind in ("quotation", "colon") and 1 < m.index - cue.index <= 8 \
            and not _verb_between(ctx, cue.index + 1, m.index):
        return None  # وتابع المسؤول في بيانه "...": a short subject, then the quotation (the nominal step)
    return REJECT


def _verb_between(ctx: QuoteContext, a: int, b: int) -> bool:
    """A verb-shaped word, another cue or a relative pronoun among tokens a..b-1 (تابع المباراة التي أقيمت ...: a
    clause, no subject)."""
    v = ctx.v
    return any(v.kind[x] == "word" and v.mention_at[x] is None and (verb_shaped(v.norm[x]) or ctx.cue_at(x) is not None
                                                                    or v.norm[x] in words("relative"))
               for x in range(a, b))


def nominal(ctx: QuoteContext, cue: Cue):
    """A subject that is not an entity (وقال التقرير): up to four words before the content; a mention inside it
    (تحليل لصحيفة فاينانشيال تايمز), a short quoted name after it (تقرير "المركز"), a name in apposition
    (الشركة الاستشارية، <name>) or the organisation a definite organisation noun stands for is the speaker."""
    v, i = ctx.v, cue.index
    n = len(v)
    j = subject_start(ctx, cue)
    if j + 1 < n and v.norm[j].startswith(("ال", "وال")) and v.norm[j + 1] in words("self_word") \
            and v.sentence[j + 1] == v.sentence[i]:
        # كما أوضح المسؤول ذاته، المصدر نفسه: "the same official", the one who has just spoken (not a new subject)
        last = ctx.quotes[-1] if ctx.quotes else None
        if last is not None and last.paragraph_id >= v.paragraph[i] - 2:
            return Speaker(last.speaker, (v.start[j], v.end[j + 1]), "title", j + 2, "anaphor", carried_status(last))
        return Speaker(None, (v.start[j], v.end[j + 1]), "title", j + 2, "anaphor", "unattributed")
    preps, circ = words("preposition"), words("circumstance")
    k = j
    ent = person = None
    inner = False  # the entity is named inside the phrase, not at its head (تقرير البنك الدولي، مصور وكالة ...)
    while k < n and k - j < 4 and v.sentence[k] == v.sentence[j] and not is_comp(v.norm[k]) \
            and (v.kind[k] == "word" or (v.text[k] == "." and len(v.norm[k - 1]) == 1 and k > j)) \
            and v.norm[k] not in preps and v.norm[k] not in circ and ctx.cue_at(k) is None \
            and (strip_conj(v.norm[k]),) not in tails() and not (k > j and v.norm[k] in words("object_noun")) \
            and not (k > j and fused_prep_noun(cue.verb, v.norm[k])):  # وطالب المتظاهرون | بإقالة
        m = v.mention_at[k]
        if m is not None:
            if ent is None and not addressed(ctx, m):
                ent, inner = int(m["entity_id"]), k > j
            elif person is None and m["type"] == "PERSON" and not addressed(ctx, m):
                person = int(m["entity_id"])
            k = int(m["token_end"])
            continue
        k += 1
    if inner and person is not None and v.entity_type.get(ent) != "PERSON" and apposed_name(ctx, person, j, k):
        ent = person  # مفتي دبي الشيخ <name>: the place is the title's complement, the person after it speaks
    kin = strip_conj(v.norm[j]) in words("construct_head") and _construct_head(strip_conj(v.norm[j]))
    if inner and not document_head(v.norm[j]) and (kin or not apposed_name(ctx, ent, j, k)):
        ent = None  # مصور وكالة فرانس برس، المنسق الخاص للأمم المتحدة: the name is the head noun's possessor;
        # زوجة السياسي المعارض <name>: an indefinite construct head (kin, office) governs the whole phrase
    if ent is None and k > j and not kin:
        # أكد لاعب خط وسط نادي الهلال حمد الحمد أن: a description (its organisation only a possessor) runs on to
        # the person it describes (not an addressee, not a possessor in construct)
        x = k
        while x < n and x - k < _DESCRIPTION_RUN and v.sentence[x] == v.sentence[j] and v.kind[x] == "word" \
                and v.mention_at[x] is None and not is_comp(v.norm[x]) and v.norm[x] not in preps \
                and v.norm[x] not in circ and ctx.cue_at(x) is None:
            x += 1
        m = v.mention_at[x] if x < n else None
        if m is not None and int(m["token_start"]) == x and m["type"] == "PERSON" and not addressed(ctx, m) \
                and not possessor(ctx, m):
            ent, k = int(m["entity_id"]), int(m["token_end"])
    # a quoted name right after the noun (تقرير "المركز", صحيفة “ديلي ميل”)
    while k < n and k in ctx.quote_end and ctx.quote_end[k] - k - 1 < MIN_DIRECT_WORDS:
        inner = v.mention_at[k + 1] if k + 1 < n else None
        if inner is not None and ent is None and v.text[k - 1] not in ("ل", "لـ"):  # (لـ «فرانس برس»: addressee)
            ent = int(inner["entity_id"])
        k = ctx.quote_end[k] + 1
        while k < n and v.kind[k] == "word" and v.norm[k].startswith("ال") and not is_comp(v.norm[k]) \
                and v.mention_at[k] is None and k - j < 8:
            k += 1
    if k == j:
        return REJECT
    k = skip_attribution(ctx, k)
    if ent is None and k + 1 < n and v.text[k] in ("،", ",") and v.mention_at[k + 1] is not None \
            and v.mention_at[k + 1]["type"] in ("PERSON", "ORG"):
        m = v.mention_at[k + 1]  # الشركة الاستشارية، كابيتال إيكونوميكس، ...: the name in apposition
        ent, k = int(m["entity_id"]), int(m["token_end"])
    elif ent is None and strip_conj(v.norm[j]) in words("org_noun"):
        ent = head_referent(ctx, j, v.start[i])  # وتضيف الشركة الاستشارية: the company named before
    if strip_conj(v.norm[j]) in words("source_noun"):
        ent = None  # مصادر في اللجنة، مسؤول في الوزارة، أحد المغردين: a source, not the body it is close to
    return Speaker(ent, (v.start[j], v.end[k - 1]), "nominal", k, "nominal")


SPEAKER_STEPS: tuple[tuple[str, Callable], ...] = (
    ("byline", byline),
    ("document_source", document_source),
    ("not_own_clause", not_own_clause),
    ("author", author),
    ("inherited", inherited),
    ("end_of_sentence", end_of_sentence),
    ("reported_source", reported_source),
    ("named", named),
    ("title", title),
    ("subject_before_verb", subject_before_verb),
    ("implicit", implicit),
    ("second_verb", second_verb),
    ("strict", strict),
    ("nominal", nominal),
)


# -- helpers of the steps ------------------------------------------------------------------------------------------

def subject_start(ctx: QuoteContext, cue: Cue) -> int:
    """The token after the cue where its subject may start: a sentence adverb (``كذلك``، ``أيضا``، ``بدوره``:
    quote_words.csv ``adverbial``), a preposition with a pronoun (``قال فيه``، ``وقال له``) or an addressee
    (``أكد لـ"الرياض" الرائد ...``، ``قال لأوباما``: :func:`addressee_end`) is passed over (memoised per cue:
    several steps ask)."""
    i = cue.index
    j = ctx.subject_at.get(i)
    if j is None:
        j = ctx.subject_at[i] = _subject_start(ctx, i)
    return j


def _subject_start(ctx: QuoteContext, i: int) -> int:
    v = ctx.v
    n = len(v)
    j = i + 1
    starts = _adverbial_starts()
    while j < n and v.sentence[j] == v.sentence[i]:
        w = v.norm[j]
        k = _day_phrase_end(v, j)
        if k > j and k < n and v.sentence[k] == v.sentence[i]:
            j = k  # أعلن أمس الأربعاء وزير الخارجية ...: the day named between the verb and its subject
            continue
        if w not in starts and w[:1] not in _PP_FIRST:
            break  # (the common case: no adverbial, pronoun phrase or addressee)
        k = phrase_end(v, j, "adverbial") if w in starts else j
        if k == j and v.kind[j] == "word" and _PREP_PRONOUN_RE.match(w) and j + 1 < n \
                and v.sentence[j + 1] == v.sentence[i]:
            k = j + 1
        if k == j and w[:1] == "ل":
            k = addressee_end(ctx, j)
        if k == j or k >= n or v.sentence[k] != v.sentence[i]:
            break
        j = k
    return j


_DAY_LEAD = frozenset(("يوم", "مساء", "صباح", "ظهر", "فجر"))  # يوم / مساء + a day word: part of the time phrase


def _after_day_phrase(v, i: int) -> bool:
    """A day phrase (:func:`_day_phrase_end`) ends right before token i, in its sentence."""
    return any(_day_phrase_end(v, j) == i for j in range(max(0, i - 4), i) if v.sentence[j] == v.sentence[i])


def _day_phrase_end(v, j: int) -> int:
    """The token after a day phrase at token j (``أمس``، ``اليوم``، ``أمس الأول``، ``الأربعاء``، ``مساء أمس``:
    weekdays.csv ``weekday`` and day ``relative`` rows, optionally after يوم/مساء/صباح), else j."""
    k = j + 1 if v.norm[j] in _DAY_LEAD else j
    words_ = date_words()
    for length in (3, 2, 1):
        w = words_.get(tuple(v.norm[k:k + length]))
        if w is not None and k + length <= len(v) and (w.kind == "weekday" or (w.kind == "relative"
                                                                                and w.unit == "day")):
            k += length
            w2 = words_.get((v.norm[k],)) if k < len(v) else None
            if w2 is not None and w2.kind == "weekday":
                k += 1  # أمس الأربعاء
            return k
    return j


@cache
def _adverbial_starts() -> frozenset[str]:
    return frozenset(p[0] for p in phrases("adverbial"))


def honorific_referent(ctx: QuoteContext, cue: Cue, j: int) -> tuple[int | None, str]:
    """Speaker and status of an honorific pronoun at token j (``سموه``، ``معاليه``): the person named after the
    latest use of that honorific (``سمو ولي العهد الأمير ...``، ``معالي الأمين العام ... الدكتور ...``) in this or the
    two paragraphs before; ``unattributed`` when that use names nobody; with no such use, the speaker in context
    (:func:`implicit_speaker`)."""
    v = ctx.v
    base = re.sub(r"(?:ه|ها)$", "", v.norm[j])
    base = base[:-1] + "ه" if base.endswith("ت") else base
    para = v.paragraph[cue.index]
    for x in range(cue.index - 1, -1, -1):
        if v.paragraph[x] < para - 2:
            break
        if strip_conj(v.norm[x]) != base:
            continue
        for y in range(x + 1, min(x + 1 + _APPOSITION + 4, cue.index)):
            if v.sentence[y] != v.sentence[x]:
                break
            m = v.mention_at[y]
            if m is not None and m["type"] == "PERSON":
                return int(m["entity_id"]), "carried"
        return None, "unattributed"
    return implicit_speaker(ctx, cue.index, cue.verb)


def addressee_end(ctx: QuoteContext, j: int) -> int:
    """The token after an addressee phrase at token j (``لـ"الرياض"``، ``لـ«الحياة»``، ``لـ الصحيفة``، ``لأوباما``),
    else j: a standalone ``ل``/``لـ`` and the (quoted) name or word after it, a name fused to ل, or an outlet noun
    fused to ل and the (quoted) name after it (``لموقع سيتي``، ``لصحيفة «الحياة»``)."""
    v = ctx.v
    n = len(v)
    t = v.text[j]
    if t in ("ل", "لـ") and j + 1 < n and v.sentence[j + 1] == v.sentence[j]:
        k = j + 1
        if k in ctx.quote_end and ctx.quote_end[k] - k - 1 < MIN_DIRECT_WORDS:
            return ctx.quote_end[k] + 1
        m = v.mention_at[k]
        if m is not None and int(m["token_start"]) == k:
            return int(m["token_end"])
        return k + 1 if v.kind[k] == "word" and not is_comp(v.norm[k]) else j
    m = v.mention_at[j]
    if v.kind[j] == "word" and t.startswith("ل") and m is not None and int(m["token_start"]) == j and addressed(ctx, m):
        return int(m["token_end"])
    if v.kind[j] == "word" and m is None and v.norm[j].startswith("ل") and not v.norm[j].startswith("لل") \
            and document_head(v.norm[j][1:]) and j + 1 < n and v.sentence[j + 1] == v.sentence[j]:
        k = j + 1  # وأضاف لموقع سيتي، لصحيفة «الحياة»: ل + an outlet noun + its name
        if k in ctx.quote_end and ctx.quote_end[k] - k - 1 < MIN_DIRECT_WORDS:
            return ctx.quote_end[k] + 1
        nxt = v.mention_at[k]
        if nxt is not None and int(nxt["token_start"]) == k:
            return int(nxt["token_end"])
        if nxt is None and v.kind[k] == "word" and not is_comp(v.norm[k]) and not is_stopword(v.norm[k]) \
                and ctx.cue_at(k) is None:
            return k + 1  # (a one-word name the tagger missed)
    return j


def possessor(ctx: QuoteContext, m) -> bool:
    """Person mention ``m`` follows a title or head noun in the construct state (indefinite: ``سفير خادم الحرمين
    الشريفين``، ``المتحدث الرسمي لمركز الملك سلمان``: person titles, organisation heads and quote_words.csv
    ``construct_head``): it is that noun's possessor (the ambassador *of* the king), not the one the title names
    (``الرئيس أوباما``, ``وزير الخارجية جون كيري``: after a definite word)."""
    v = ctx.v
    t0 = int(m["token_start"])
    if t0 == 0 or v.sentence[t0 - 1] != v.sentence[t0] or v.kind[t0 - 1] != "word" \
            or strip_conj(v.norm[t0 - 1]) in words("honorific_title"):
        return False  # (العقيد دكتور <name>: an honorific, no construct)
    return any(_construct_head(w) or (w[:1] == "ل" and _construct_head(w[1:])) for w in _forms(v.norm[t0 - 1]))


def _forms(norm: str) -> tuple[str, ...]:
    """A word as written and without a leading و/ف (``وكالة`` is a word, ``ومدير`` و + مدير)."""
    bare = strip_conj(norm)
    return (norm,) if bare == norm else (norm, bare)


def _title_in_construct(ctx: QuoteContext, k: int) -> bool:
    """Token k is an indefinite person title or construct noun (``مدير``، ``محامي``) governing what follows."""
    if k < 0 or ctx.v.kind[k] != "word":
        return False
    t = titles().get("person_title", frozenset())
    return any(not w.startswith("ال") and (w in t or w in words("construct_head")) for w in _forms(ctx.v.norm[k]))


def _construct_head(w: str) -> bool:
    t = titles()
    return not w.startswith("ال") and (w in t.get("person_title", frozenset()) or w in t.get("org_head", frozenset())
                                       or w in words("construct_head"))


def apposed_name(ctx: QuoteContext, ent: int, j: int, k: int) -> bool:
    """The person ``ent`` named inside the phrase j..k follows a definite word (``وكيل الوزارة عباس الشيخ``،
    ``نظيره سيرغي لافروف``, ``المفوضة الأوروبية للتجارة سيسيليا مالمستروم``: the article, also fused with ل, or a
    possessive pronoun), or right after a head word that is no known noun
    (``غرازيانو دا سيلفا`` before ``سيلفا``: name words it was found without): the phrase's holder, not a possessor in
    construct (``محامي عائلة ...``)."""
    v = ctx.v
    for x in range(j + 1, k):
        m = v.mention_at[x]
        if m is not None and int(m["entity_id"]) == ent and int(m["token_start"]) == x:
            if m["type"] != "PERSON" or v.kind[x - 1] != "word":
                return False
            w = v.norm[x - 1]
            return w.startswith(("ال", "لل")) or bool(POSSESSIVE_RE.match(v.text[x - 1])) or all(
                v.kind[y] == "word" and not is_common(v.norm[y]) and not is_stopword(v.norm[y])
                and v.norm[y] not in words("construct_head") and v.norm[y] not in titles().get("person_title", ())
                and not document_head(v.norm[y]) for y in range(j, x))
    return False


def document_head(norm: str) -> bool:
    """A head noun whose genitive name speaks through it: a document (``تقرير``، ``بيان``: quote_words.csv
    ``document_noun``), a class noun followed by its own name (``دولة فلسطين``: ``naming_head``) or an
    organisation head (``صحيفة``، ``وكالة``)."""
    for w in _forms(norm):
        w = w[2:] if w.startswith("ال") else w
        if w in words("document_noun") or w in words("naming_head") or w in titles().get("org_head", frozenset()) \
                or "ال" + w in words("org_noun"):
            return True
    return False


def past_apposed_title(ctx: QuoteContext, k: int) -> int:
    """After a speaker's name ending before token k, a title phrase in apposition without a comma
    (``شدد المدرب الروماني ريجيكامب مدرب نادي الهلال على أهمية``): the token after it (the content starts
    there), else k; between commas (``دعا <name>، وزير الصحة، المنظمات إلى``) the token after the second comma.
    A chain that reaches another person is no apposition."""
    v = ctx.v
    if k < len(v) and v.text[k] in _COMMAS:
        e = k + 1 + len(apposed_title_words(ctx, k))
        return e + 1 if e > k + 1 and e < len(v) and v.text[e] in _COMMAS and v.sentence[e] == v.sentence[k] else k
    if k >= len(v) or v.norm[k] not in titles().get("person_title", frozenset()) or v.sentence[k] != v.sentence[k - 1]:
        return k
    e = skip_title(ctx, k)
    m = v.mention_at[e] if e < len(v) else None
    return k if e <= k + 1 or (m is not None and m["type"] == "PERSON") else e


def skip_title(ctx: QuoteContext, j: int) -> int:
    """Skip a title phrase (رئيس الوزراء العراقي, الوزير الايطالي, a chain such as نائب رئيس مجلس إدارة "سابك"
    الرئيس التنفيذي المكلف) from token j; returns the next index (a person mention ends the skip).  The walk is
    the entity layer's (:func:`analysis.extract.titlechain.skip_title_chain`), stopped at a complementiser, a cue
    or a circumstance word (``أثناء``، ``خلال``; not ``في``) and at most 12 tokens from the title."""
    v = ctx.v
    if j >= len(v) or (v.norm[j] not in titles().get("person_title", frozenset()) and not abbreviated_title(v, j)):
        return j
    return skip_title_chain(v.text, v.norm, v.kind, v.sentence, j + 1, v.mention_at,
                            is_person=lambda m: m["type"] == "PERSON", mention_end=lambda m: int(m["token_end"]),
                            stop=lambda k, w: is_comp(w) or ctx.cue_at(k) is not None
                            or (w in words("circumstance") and w != "في"), until=j + 12)[0]


def title_referent(ctx: QuoteContext, j: int, k: int, before: int) -> int | None:
    """Entity of the latest person introduced (before ``before``) with the title written at tokens j..k."""
    v = ctx.v
    head = v.norm[j][2:] if v.norm[j].startswith("ال") else v.norm[j]
    title_words = {w for w in v.norm[j + 1:k] if w.startswith("ال")}
    for m in reversed(v.mentions_in(None, before)):  # the latest first
        if m["start"] >= before or m["type"] != "PERSON" or is_comp(v.norm[int(m["token_start"])]):
            continue
        if isinstance(m.get("title_head"), str):
            said = str(m["title"]).split()
            heads = {m["title_head"]} | set(_construct_titles(ctx, int(m["token_start"]) - len(said)))
        else:
            said, heads = _title_after_li(ctx, int(m["token_start"]))
        if head in heads and title_words <= set(said) and not possessor(ctx, m):
            return int(m["entity_id"])  # (مبعوث الرئيس الاندونيسي <name> ... المبعوث الاندونيسي: the outer title)
    for m in reversed(v.mentions_in(None, before)):  # <name>، وزير الصحة، ...: a title in apposition after the name
        if m["start"] < before and m["type"] == "PERSON" and not is_comp(v.norm[int(m["token_start"])]):
            e = int(m["token_end"])
            after = apposed_title_words(ctx, e) or bare_apposed_title(ctx, e)
            if after and (after[0][2:] if after[0].startswith("ال") else after[0]) == head \
                    and title_words <= {w if w.startswith("ال") else "ال" + w for w in after[1:]} | set(after[1:]):
                return int(m["entity_id"])
    return None


def _title_after_li(ctx: QuoteContext, t0: int) -> tuple[list[str], set[str]]:
    """A title fused with ل + the article within three words before a name at token t0 (``فيلم ... للمخرجة
    العالمية <name>``: the director's film): its words (the title written with ال) and head; ([], set())."""
    v = ctx.v
    person_titles = titles().get("person_title", frozenset())
    for x in range(t0 - 1, max(-1, t0 - 4), -1):
        if v.sentence[x] != v.sentence[t0] or v.kind[x] != "word" or v.mention_at[x] is not None:
            break
        w = v.norm[x]
        if w.startswith("لل") and "ال" + w[2:] in person_titles:
            return ["ال" + w[2:], *v.norm[x + 1:t0]], {w[2:]}
    return [], set()


def bare_apposed_title(ctx: QuoteContext, e: int) -> list[str]:
    """The words of a title in apposition right after a name ending before token e, without a comma (``عبد ربه
    منصور هادي رئيس الجمهورية اليوم``: :func:`past_apposed_title`; not a chain that reaches another person,
    ``استقبل <name> رئيس الوزراء <name>``): normalised, the head first; [] otherwise."""
    v = ctx.v
    if e >= len(v) or v.kind[e] != "word":
        return []
    end = past_apposed_title(ctx, e)
    return list(v.norm[e:end]) if end > e + 1 and v.text[e] not in _COMMAS else []


def _construct_titles(ctx: QuoteContext, t: int) -> list[str]:
    """Heads of the indefinite person titles in construct right before token t, where a person's title phrase
    starts (``مبعوث`` before ``الرئيس الاندونيسي <name>``, ``نائب`` before ``رئيس الوزراء``): the title the person
    holds is the outer one, so a later ``المبعوث`` stands for them."""
    v, out = ctx.v, []
    person_titles = titles().get("person_title", frozenset())
    while t > 0 and v.sentence[t - 1] == v.sentence[t] and v.kind[t - 1] == "word" and len(out) < 3:
        w = next((f for f in _forms(v.norm[t - 1]) if f in person_titles), None)
        if w is None or w.startswith("ال"):
            break
        out.append(w)
        t -= 1
    return out


def apposed_title_words(ctx: QuoteContext, e: int) -> list[str]:
    """The words of a title in apposition after a name ending before token e, between commas (``عبد اللطيف
    المكي، وزير الصحة،``): normalised, the head first; [] when no person title follows a comma there."""
    v = ctx.v
    if e + 1 >= len(v) or v.text[e] not in _COMMAS or v.sentence[e] != v.sentence[e - 1] \
            or not any(w in titles().get("person_title", frozenset()) for w in _forms(v.norm[e + 1])):
        return []
    out = []
    for x in range(e + 1, min(e + 8, len(v))):
        if v.sentence[x] != v.sentence[e] or v.kind[x] != "word" or v.mention_at[x] is not None and \
                v.mention_at[x]["type"] == "PERSON":
            break
        out.append(v.norm[x])
    return out


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


def adjacent_subject(ctx: QuoteContext, cue: Cue) -> dict | None:
    """A person or organisation named right before a cue without و/ف (``البنك الدولي يعلن أنه``, ``الرئيس أوباما
    قال إن``): subject-verb order; not an addressee, not inside quotation marks."""
    v, i = ctx.v, cue.index
    if cue.offset != 0 or i == 0 or v.sentence[i - 1] != v.sentence[i]:
        return None
    m = v.mention_at[i - 1]
    if m is None or m["type"] not in ("PERSON", "ORG") or int(m["token_end"]) != i or addressed(ctx, m) \
            or ctx.in_quote[int(m["token_start"])]:
        return None
    return m


def auxiliary_subject(ctx: QuoteContext, i: int) -> tuple[int | None, int, int] | None:
    """The subject between a sentence-opening ``كان`` (or ``وكان`` opening a clause after a comma) and the cue
    (``وكان محمد مرسي قال``, ``وكانت تقارير إعلامية قد أفادت``): (its entity or None, first token, end token),
    ``قد`` left out; None if the sentence does not open so.  A source noun (``مصادر``) gives no entity; with ``قد``
    the subject may be long or quoted (up to ``_AUXILIARY_REACH`` tokens)."""
    v = ctx.v
    first = sentence_start(v, i)
    comma = next((x for x in range(i - 2, first, -1) if v.text[x] in _COMMAS), None)
    if comma is not None and strip_conj(v.norm[comma + 1]) in words("auxiliary") and v.norm[comma + 1][:1] in "وف":
        first = comma + 1  # ...، وكان مسؤولون في واشنطن قد صرحوا بأن: a clause of its own after the comma
    if first >= i - 1 or strip_conj(v.norm[first]) not in words("auxiliary") or v.norm[first] == "قد":
        return None
    s, e = first + 1, i
    explicit = v.norm[e - 1] == "قد"
    if explicit:
        e -= 1
    if e <= s or any(is_comp(v.norm[x]) or ctx.cue_at(x) is not None for x in range(s, e)):
        return None
    if e - s > 6 or any(v.kind[x] != "word" for x in range(s, e)):
        if not explicit or e - s > _AUXILIARY_REACH:
            return None
        # وكانت "القيادة المشتركة ..." قد أعلنت: كان ... قد frames a subject of its own, however long: never the
        # previous speaker; an entity only if a name opens it
        s0 = s + 1 if v.text[s] in QUOTE_MARKS and s + 1 < e else s
        m = v.mention_at[s0]
        ent = int(m["entity_id"]) if m is not None and int(m["token_start"]) == s0 \
            and m["type"] in ("PERSON", "ORG", "GPE") and strip_conj(v.norm[s0]) not in words("source_noun") else None
        if ent is None and document_head(v.norm[s0]) and s0 + 2 < e and v.text[s0 + 1] in QUOTE_MARKS:
            m = v.mention_at[s0 + 2]  # وكانت صحيفة «كوميرسانت» الروسية قد توقعت: the quoted name after the head
            ent = int(m["entity_id"]) if m is not None and m["type"] in ("ORG", "PERSON") else None
        return ent, s, e
    ent = None
    m = v.mention_at[s]
    if m is not None and int(m["token_start"]) == s and m["type"] in ("PERSON", "ORG", "GPE") \
            and strip_conj(v.norm[s]) not in words("source_noun"):
        ent = int(m["entity_id"])
    return ent, s, e


def fused_prep_noun(verb, norm: str) -> bool:
    """``norm`` is the verb's one-letter preposition fused with a definite or hamza-initial verbal noun
    (``طالب بإقالة``، ``طالب بالإصلاح``): the content of an ambiguous form (طالب: also "a student")."""
    return len(norm) > 4 and any(len(p) == 1 and norm.startswith(p) and (norm[1:3] == "ال" or norm[1] in "اإأ")
                                 for p in verb.preps)


def subject_then_prep(ctx: QuoteContext, cue: Cue) -> bool:
    """A short subject (one to three words) after an ambiguous form, then its fused preposition and a verbal noun
    (``وطالب المتظاهرون بإقالة``): an explicit subject and the cue's noun content."""
    v, j = ctx.v, cue.index + 1
    for k in range(j + 1, min(j + 4, len(v))):
        if v.sentence[k] != v.sentence[j] or v.kind[k - 1] != "word" or ctx.cue_at(k - 1) is not None:
            return False
        if v.kind[k] == "word" and fused_prep_noun(cue.verb, v.norm[k]):
            return True
    return False


def subject_then_comp(ctx: QuoteContext, j: int) -> bool:
    """A short noun phrase from token j followed by أن/إن (وذكر البيان أن ...): an explicit subject."""
    v = ctx.v
    for k in range(j, min(j + 6, len(v))):
        if k > j and v.text[k] == "." and len(v.norm[k - 1]) == 1:
            continue  # د. ميلاد حنا: an abbreviated honorific
        if v.sentence[k] != v.sentence[j] or v.kind[k] != "word" or ctx.cue_at(k) is not None:
            return False
        if k > j and is_comp(v.norm[k]):
            return True
    return False


def head_referent(ctx: QuoteContext, j: int, before: int) -> int | None:
    """Entity a definite organisation noun (الشركة) stands for: the latest organisation named before ``before``
    that is named somewhere with that head (شركة ...: ``«سامير»`` after ``شركة سامير``, the entity's name, not
    the one mention), else the latest organisation named before it."""
    v = ctx.v
    head = strip_conj(v.norm[j])[2:]
    with_head = {int(m["entity_id"]) for m in v.mentions if m["type"] == "ORG"
                 and (any(w.endswith(head) for w in _forms(normalize(str(m["text"])).split()[0]))
                      or _head_before(v, int(m["token_start"]), head))}
    latest = same_head = None
    for m in v.mentions:
        if m["start"] >= before:
            break
        if m["type"] != "ORG":
            continue
        first = normalize(str(m["text"])).split()[0]
        t0 = int(m["token_start"])
        before_name = v.norm[t0 - 1] if t0 > 0 and v.sentence[t0 - 1] == v.sentence[t0] else ""
        if int(m["entity_id"]) in with_head:
            same_head = latest = int(m["entity_id"])
        elif not _other_head(first, head) and not _other_head(before_name, head):
            latest = int(m["entity_id"])  # (شركة سابك ... الصحيفة: the head written before the name counts too)
    return same_head if same_head is not None else latest


def _head_before(v, t0: int, head: str) -> bool:
    """The organisation noun ``head`` is written right before the name at token t0, a quotation mark between them
    allowed (``وشركة بومبارديي``، ``شركة «بومبارديي»``): the name is one of that noun's."""
    k = t0 - 1
    if k >= 0 and v.text[k] in QUOTE_MARKS:
        k -= 1
    return k >= 0 and v.sentence[k] == v.sentence[t0] and v.kind[k] == "word" and strip_conj(v.norm[k]) == head


def _other_head(first: str, head: str) -> bool:
    """An organisation name opening with another organisation head noun (``جامعة ...`` for ``الصحيفة``, ``وزارة
    ...`` for ``الشركة``): not what the noun stands for."""
    for f in _forms(first):
        for w in (f, f[1:] if f[:1] in ("ل", "ب") else ""):
            w = w[2:] if w.startswith("ال") else w
            if w and w != head and w in titles().get("org_head", frozenset()):
                return True
    return False


def implicit_speaker(ctx: QuoteContext, i: int, cue: CueVerb) -> tuple[int | None, str]:
    """Speaker and ``speaker_status`` of a cue without a subject (وشدد على أن, وقال "..."): a person who opened a
    sentence since the previous quote (this or the previous paragraph), else the previous speaker, else the first
    person of the paragraph; a dual or plural verb (شددا، وأشاروا) never stands for one person (``unattributed``)."""
    v = ctx.v
    para = v.paragraph[i]
    last = ctx.quotes[-1] if ctx.quotes else None
    since = max(last.end, last.cue_span[1]) if last else -1
    newer = newer_at = None
    for m in v.mentions_in(since, v.start[i]):
        if m["start"] >= v.start[i]:
            break
        t0 = int(m["token_start"])
        if m["start"] < since or v.paragraph[t0] < para - 1 or ctx.in_quote[t0]:
            continue
        if (m["type"] == "PERSON" and not name_line(ctx, m) and (sentence_start(v, t0) == t0 or verb_subject(ctx, m))) \
                or (m["type"] == "ORG" and verb_subject(ctx, m) and org_after_verb(ctx, m)):
            # (ورحبت دول البنيلوكس بـ ...، ودعت إلى: an organisation as the subject of its sentence's verb)
            newer, newer_at = int(m["entity_id"]), m["start"]
    titled = titled_subject(ctx, i, since, para)
    if titled is not None and (newer_at is None or titled[1] > newer_at):
        newer = titled[0]
    status = "carried"
    if newer is not None:
        speaker = newer
    elif last and last.paragraph_id >= para - 2:
        speaker = last.speaker  # the previous speaker, even an unnamed one (وقال المسؤولون ... وأشاروا)
        status = carried_status(last)
    else:
        speaker = next((int(m["entity_id"]) for m in v.mentions_in(v.first_offset(i, "paragraph"), v.start[i])
                        if m["start"] < v.start[i] and m["type"] == "PERSON"
                        and v.paragraph[int(m["token_start"])] == para), None)
    if speaker is not None and cue.number != "sg" and v.entity_type.get(speaker) == "PERSON":
        return None, "unattributed"
    return speaker, status if speaker is not None or status != "carried" else "unattributed"


def verb_subject(ctx: QuoteContext, m) -> bool:
    """Mention ``m`` is the subject of the verb opening its sentence (``استقبل الأخ الرئيس <name>``,
    ``وتناول <name>``: :func:`clause_subject`): the first name after the verb (``وثمن <name> جهود الأمير ...``: the
    prince is the object), not a possessor or an addressee, and the clause goes on after it."""
    v = ctx.v
    t0 = int(m["token_start"])
    first = sentence_start(v, t0)
    t1 = int(m["token_end"])
    if t1 >= len(v) or v.sentence[t1] != v.sentence[t0]:
        return False  # افعال صبيانية: a two-word subheading, no clause
    if not (t0 > first and ctx.cue_at(first) is None and all(v.mention_at[y] is None for y in range(first, t0))
            and clause_subject(ctx, first, m) and not possessor(ctx, m) and not addressed(ctx, m)):
        return False
    s = phrase_end(v, first, "adverbial")
    s += 1 if s < len(v) and v.text[s] in _COMMAS else 0
    s += 1 if s < len(v) and strip_conj(v.norm[s]) in words("auxiliary") else 0
    if t0 <= s + 1:
        return True
    # words between the verb and the name: only a title phrase that leads to it (عقد الله ... لأمير العلا <name>:
    # الله is the subject, the name an object's)
    person_titles = titles().get("person_title", frozenset())
    if not any(w in person_titles or w in words("honorific_title") for w in _forms(v.norm[s + 1])):
        return False
    return all(v.norm[x] in person_titles or v.norm[x] in words("honorific_title") or v.norm[x][:1] in ("ا", "ل", "ب")
               or (v.text[x] == "." and len(v.norm[x - 1]) == 1) or len(v.norm[x]) == 1
               for x in range(s + 2, t0))


def org_after_verb(ctx: QuoteContext, m) -> bool:
    """Organisation mention ``m`` follows its sentence's opening verb directly (``ورحبت دول البنيلوكس``، ``وأعلنت
    وزارة الداخلية``) and no person or person title comes right after it (``مدير عام صندوق التنمية العقاري
    المهندس <name>``, ``المتحدث باسم وزارة الخارجية``: the body of someone's title, not the subject)."""
    v = ctx.v
    t0, t1 = int(m["token_start"]), int(m["token_end"])
    if t0 != phrase_end(v, sentence_start(v, t0), "adverbial") + 1 or t1 >= len(v):
        return False
    nxt = v.mention_at[t1]
    return not (nxt is not None and nxt["type"] == "PERSON") \
        and not any(w in titles().get("person_title", frozenset()) for w in _forms(v.norm[t1]))


def titled_subject(ctx: QuoteContext, i: int, since: int, para: int) -> tuple[int, int] | None:
    """The latest sentence since offset ``since`` (this or the previous paragraph) whose opening verb has a title
    for its subject (``وتناول رئيس الجمهورية ...``, ``نقل مبعوث الرئيس الاندونيسي تحايا ...``) that stands for a
    person introduced with it (:func:`title_referent`): (that person's entity, the title's offset), else None."""
    v = ctx.v
    for x in range(i - 1, -1, -1):
        if v.start[x] < since or v.paragraph[x] < para - 1:
            return None
        if x > 0 and v.sentence[x - 1] == v.sentence[x]:
            continue  # (not its sentence's first token)
        x = sentence_start(v, x)
        if x >= i or v.mention_at[x] is not None or ctx.cue_at(x) is not None:
            continue
        s = phrase_end(v, x, "adverbial")
        for j in range(s + 1, min(s + 4, i)):  # the verb, or a short opening phrase and the verb (وفي اللقاء نقل)
            if v.sentence[j] != v.sentence[x] or any(v.kind[y] != "word" or v.mention_at[y] is not None
                                                     or ctx.cue_at(y) is not None for y in range(s, j)):
                break
            k = skip_title(ctx, j)
            if k == j:
                continue
            if k > i or (k < len(v) and v.mention_at[k] is not None and v.mention_at[k]["type"] == "PERSON"):
                break
            for e in range(k, j + 1, -1):  # the chain may run over the verb's object (رئيس الجمهورية الخطوات)
                ref = title_referent(ctx, j, e, v.start[j])
                if ref is not None:
                    return ref, v.start[j]
            break
    return None


def name_line(ctx: QuoteContext, m) -> bool:
    """Mention ``m`` is all of a paragraph that is no body paragraph and comes before the body (a byline: the
    writer's name on its own line under the headline): the writer, never the speaker of a subjectless cue (a name
    on its own line between body paragraphs heads a section about that person, and does count)."""
    v = ctx.v
    t0, t1 = int(m["token_start"]), int(m["token_end"])
    para = v.paragraph[t0]
    if para in ctx.body or not ctx.body or para > min(ctx.body):
        return False
    return (t0 == 0 or v.paragraph[t0 - 1] != para) and (t1 >= len(v) or v.paragraph[t1] != para)


def carried_status(q: Quote) -> str:
    """Status of a speaker carried from quote ``q``: ``carried`` for an entity, else ``q``'s own (a source that
    is no entity stays one)."""
    return "carried" if q.speaker is not None else q.status


def recent_quote(ctx: QuoteContext, i: int) -> bool:
    """A quote before token i in its paragraph or the previous one."""
    return bool(ctx.quotes) and ctx.quotes[-1].paragraph_id >= ctx.v.paragraph[i] - 1


def addressed(ctx: QuoteContext, m) -> bool:
    """Mention ``m`` is an addressee or object: fused to ل/ب (``لأوباما``, ``بجون كيري``) or after a standalone
    preposition (``مع جون كيري``, ``إلى``, ``لـ``)."""
    v = ctx.v
    t0 = int(m["token_start"])
    prefix = strip_conj(normalize(ctx.text[v.start[t0]:int(m["start"])]))
    if prefix[:1] in ("ل", "ب", "ك"):
        return True
    if t0 > 1 and v.text[t0 - 1] in QUOTE_MARKS and v.sentence[t0 - 1] == v.sentence[t0]:
        t0 -= 1  # لـ «فرانس برس»: the preposition before the quoted name
    return t0 > 0 and v.sentence[t0 - 1] == v.sentence[t0] and (v.norm[t0 - 1] in words("preposition")
                                                              or v.text[t0 - 1] in ("ل", "لـ", "مع"))


def addressee_at(ctx: QuoteContext, j: int) -> bool:
    """Token j opens an addressee (``لـ«الشرق الأوسط»``, ``لسعادة اللواء``, ``لنا``): a ل-prefixed word."""
    v = ctx.v
    t = v.text[j]
    return v.kind[j] == "word" and (t in ("ل", "لـ") or (t.startswith("ل") and v.mention_at[j] is not None
                                                          and addressed(ctx, v.mention_at[j]))
                                    or v.norm[j] in ("لنا", "له", "لها", "لهم"))


def apposed_person(ctx: QuoteContext, k: int):
    """The person a title phrase names when the chain stopped short of it: after a comma (``مدير عام الهيئة،
    محمد بوبشيت``), an honorific (``د. محمد العامر``), a place (``بمنطقة حائل الدكتور ...``) or in quotation
    marks (``"الدكتور عبدالكريم ..."``); within ``_APPOSITION`` tokens, before the content marker, not an
    addressee (``مع``، ``لـ``)."""
    v = ctx.v
    n = len(v)
    x = k
    sid = v.sentence[k - 1] if k > 0 else None
    while x < n and x - k < _APPOSITION and v.sentence[x] == sid:
        m = v.mention_at[x]
        if m is not None:
            after_comma = x > 0 and (v.text[x - 1] in _COMMAS or v.norm[x - 1] in titles().get("person_title", ()))
            if (m["type"] == "PERSON" or (after_comma and m["type"] in ("ORG", "MISC"))) and not addressed(ctx, m) \
                    and not (m["type"] == "PERSON" and possessor(ctx, m)):
                return m  # مدير عام الهيئة، محمد بوبشيت (whatever type the name was given; not لمركز الملك سلمان)
            x = int(m["token_end"])
            continue
        if x in ctx.quote_end:
            if not quoted_name(ctx, x, ctx.quote_end[x]):
                return None
            x += 1
            continue
        t, w = v.text[x], v.norm[x]
        if t in QUOTE_MARKS or t in _COMMAS or t == ".":
            x += 1
            continue
        if w == "في" and x + 1 < n and v.mention_at[x + 1] is not None \
                and v.mention_at[x + 1]["type"] in ("GPE", "LOC") and int(v.mention_at[x + 1]["token_start"]) == x + 1:
            x += 1  # السفير المصري في الرياض <name>: the post's place
            continue
        if v.kind[x] != "word" or is_comp(w) or ctx.cue_at(x) is not None or w in words("circumstance"):
            return None
        if w.startswith(("ال", "وال")) or w[:1] in ("ب", "ل") or w in titles().get("person_title", ()) \
                or w == "علي" or len(w) == 1:
            x += 1  # الشباب، والصناعة (وزير السياحة والصناعة)، بمنطقة، لشؤون، الدكتور، على، د (د.)
            continue
        if x + 1 < n and v.sentence[x + 1] == sid and not is_stopword(w) \
                and ((nxt := v.mention_at[x + 1]) is not None and nxt["type"] != "PERSON"):
            x += 1  # رئيس بلدية وسط الدمام المهندس <name>: a noun in construct with the place it names
            continue
        return None
    return None


def skip_attribution(ctx: QuoteContext, k: int) -> int:
    """After a speaker phrase, a parenthetical attribution (``ودعا المصدر، بحسب الصحيفة، الإدارة ...``): the
    token after its closing comma; else k.  Its source is never the speaker."""
    v = ctx.v
    n = len(v)
    if k + 2 >= n or v.text[k] not in _COMMAS or (strip_conj(v.norm[k + 1]),) not in tails():
        return k
    for x in range(k + 2, min(k + 10, n)):
        if v.sentence[x] != v.sentence[k]:
            break
        if v.text[x] in _COMMAS:
            return x + 1
    return k


def titled_speaker(ctx: QuoteContext, j: int, k: int) -> int | None:
    """The speaker entity of the latest quote whose speaker phrase began with the title written at tokens j..k
    (``قال مدير عام الهيئة، محمد بوبشيت`` ... ``وقال مدير عام الهيئة``; ``محافظ قلقيلية <name>`` ... ``المحافظ``)."""
    v = ctx.v
    head = v.norm[j][2:] if v.norm[j].startswith("ال") else v.norm[j]
    title_words = {w for w in v.norm[j + 1:k] if w.startswith("ال")}
    for q in reversed(ctx.quotes):
        if q.speaker is None or q.speaker_span is None or q.status != "resolved":
            continue
        said = [normalize(w) for w in _WORD_RE.findall(ctx.text[q.speaker_span[0]:q.speaker_span[1]])]
        first = said[0][2:] if said and said[0].startswith("ال") else (said[0] if said else "")
        if first == head and title_words <= set(said) and (q.speaker_rule == "title_chain"
                                                           or v.entity_type.get(q.speaker) == "PERSON"):
            return q.speaker
    return None
