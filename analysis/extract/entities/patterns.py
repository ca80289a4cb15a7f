"""Pattern passes: an organisation/facility head + its name (``وزارة الطاقة``, ``قاعدة العند الجوية``), a title
chain + a personal name (``وزير الدفاع الإيطالي لورنزو غويريني``), ``NAME، TITLE`` (``مهاب مميش، رئيس هيئة
القناة``) and a quoted short name after an organisation's full name (``شركة المركز المالي الكويتي "المركز"``)."""
from __future__ import annotations

import re
from functools import cache

from analysis.extract.entities.base import Context, Mention, Tokens, absorb, claim
from analysis.extract.entities.words import (
    abbreviated_title,
    accusative_indefinite,
    bare_accusative,
    big_place,
    future_verb,
    glued,
    hal_participle,
    is_nisba,
    known_name_word,
    listed_first_name,
    listed_place,
    namey,
    never_name,
    outside_name_word,
    person_name_word,
    place_nisba,
    surname_word,
    verb_here,
    verb_shaped,
    word_list,
    written_ali,
)
from analysis.extract.titlechain import QUOTE_MARKS, skip_title_chain
from analysis.lexicon.gazetteer import cue_verbs, titles
from analysis.text.clitics import clitic_forms, strip_conjunction
from analysis.text.commonwords import is_common
from analysis.text.stopwords import is_stopword

__all__ = ["org_pass", "org_unit_pass",
           "dated_event_pass", "person_list_pass", "place_org_after_model_pass",
           "place_list_pass", "club_pass", "quoted_place_pass", "dateline_pass",
           "dual_head_pass", "definite_org_name", "place_org_name",
           "person_pass", "quoted_short_name_pass", "org_name", "person_name", "skip_title_complement",
           "after_title", "apposition_name", "writer_line_pass", "club_retype_pass"]


def _is_person(m: Mention) -> bool:
    return m.type == "PERSON"


def _end(m: Mention) -> int:
    return m.tok1


def _stopword_at(k: int, norm: str) -> bool:
    return is_stopword(norm)


def skip_title_complement(toks: Tokens, j: int, covered: list[Mention | None]) -> tuple[int, Mention | None]:
    """From just after a title word, skip its complement and any title chain (الدفاع, الإيطالي, عام, منظمة أوبك,
    نائب رئيس مجلس إدارة "سابك" الرئيس التنفيذي ...); returns (next index, person mention reached or None).
    A stopword ends the chain; at most ten words or mentions are skipped."""
    return skip_title_chain(toks.text, toks.norm, toks.kind, toks.sentence, j, covered, is_person=_is_person,
                            mention_end=_end, stop=_stopword_at, max_steps=10)


def after_title(toks: Tokens, b: int, covered: list[Mention | None]) -> bool:
    """Token b is where a title phrase before it ends (وزير خارجيتها | رياض): b starts a personal name."""
    person_titles = titles().get("person_title", frozenset())
    for t in range(b - 1, max(-1, b - 8), -1):
        if toks.sentence[t] != toks.sentence[b]:
            return False
        if strip_conjunction(toks.norm[t]) in person_titles or toks.norm[t] in person_titles:
            return skip_title_complement(toks, t + 1, covered)[0] == b
    return False


def person_name(toks: Tokens, j: int, covered: list[Mention | None]) -> int:
    """End (exclusive) of a personal name starting at token j, or j if there is none."""
    n = len(toks.norm)
    if j >= n:
        return j
    connectors, openers = word_list("connector"), word_list("name_opener")
    same = lambda k: k < n and toks.sentence[k] == toks.sentence[j]  # noqa: E731
    if bare_accusative(toks.norm[j]) or _COMPLEMENTISER_RE.match(toks.text[j]) or toks.norm[j] == "ان":
        return j  # سابقا يوسف, وقفا: an adverb or object in the accusative starts no name; nor بأن, إنه
    if _adjective_not_name(toks.norm[j]):
        return j  # قائد مصري جديد: the title's adjective, not a name
    if toks.norm[j] in openers and same(j + 1) and covered[j + 1] is None and toks.kind[j + 1] == "word" \
            and (toks.norm[j + 1] == "الله" or namey(toks, j + 1, covered)):
        k = j + 1  # عبد الرزاق, أبو بكر: a connector may start the name
    elif written_ali(toks.text[j], toks.norm[j]) and covered[j] is None and same(j + 1) \
            and covered[j + 1] is None and (namey(toks, j + 1, covered) or toks.norm[j + 1] in connectors):
        k = j + 1  # المدير العام علي الحازمي: the name علي, not the preposition على
    elif _common_given_name(toks, j, covered):
        k = j + 1  # الأستاذة مشاعر أحمد ...: a given name that is also a common word, before a father's name
    elif not namey(toks, j, covered) or any(f.startswith("ال") for _, f in clitic_forms(toks.text[j], toks.norm[j])) \
            or accusative_indefinite(toks.text[j]) or future_verb(strip_conjunction(toks.norm[j])):
        return j  # a definite word (الحكومة, بالحكومة), an indefinite accusative (احتياطياً) or a future verb
        # (رئيس الوزراء ستتولى ...) starts no name
    else:
        k = j + 1
    if k == j + 1 and same(k) and covered[k] is not None and covered[k].type in ("ORG", "GPE", "LOC") \
            and toks.norm[j] not in openers:
        return j  # زعيم تنظيم داعش: a noun governing a name, not a one-word personal name
    while same(k) and k - j < 5:
        norm = toks.norm[k]
        if norm == "الله" and covered[k] is None:
            k += 1  # عبد الله, فضل الله
            continue
        if glued(toks, k) and k + 1 < n and namey(toks, k + 1, covered):
            k += 2
            continue
        if norm in connectors and k + 1 < n and (namey(toks, k + 1, covered) or (
                norm in openers and same(k + 1) and covered[k + 1] is None and toks.kind[k + 1] == "word"
                and toks.norm[k + 1].startswith("ال") and not is_stopword(toks.norm[k + 1]))):
            k += 2  # محمد بن سلمان; علي محمود عبد الرسول: عبد + a definite word, common or not (الرسول)
            continue
        if not namey(toks, k, covered) or verb_here(toks, norm) \
                or accusative_indefinite(toks.text[k]) \
                or hal_participle(norm) or (k - j >= 2 and _conjoined_word(norm)):
            break  # a verb or a circumstantial participle after a name ends it: جمال عبد الناصر | يأمر;
            # مختار فلاتة | وعبدالفتاح عسيري: a second person
        if norm.startswith("ال") and toks.norm[k - 1] in connectors:
            k += 1  # عبد الرزاق: the definite word completes the connector, the name goes on
            continue
        if norm.startswith("ال"):
            if surname_word(norm):  # a family name: يوسف البنيان, رامي الحمد الله
                k += 1
                if same(k) and toks.norm[k] == "الله" and covered[k] is None:
                    k += 1
            break
        k += 1
    return k


def _conjoined_word(norm: str) -> bool:
    """و + a word that is no و-name (``وعزان``، ``وعبدالفتاح``; not ``وليد``، ``ولد``): after a name of two words or
    more it starts the next item of a list, not the name's next word."""
    return norm[:1] == "و" and len(norm) >= 4 and norm not in word_list("waw_name") and not known_name_word(norm)


def _adjective_not_name(norm: str) -> bool:
    """An indefinite nisba of a gazetteer place (``مصري``، ``عراقية``) that is no listed name starts no personal
    name where one is expected: it is the title's adjective (``قائد مصري جديد``: "a new Egyptian leader")."""
    return not norm.startswith("ال") and place_nisba(norm) and not known_name_word(norm)


def _conjoined_first_name(norm: str) -> bool:
    """و + a listed first name or an عبد name (``وعبدالفتاح``، ``ومحمد``), no و-name of its own (``وليد``): after a
    name of two words or more it starts a second person, not the first one's next name."""
    rest = norm[1:]
    return norm[:1] == "و" and len(rest) >= 3 and norm not in word_list("waw_name") and not listed_first_name(norm) \
        and (listed_first_name(rest) or (rest.startswith("عبد") and len(rest) > 4))


def _common_given_name(toks: Tokens, j: int, covered: list[Mention | None]) -> bool:
    """Token j is a given name that is also a common word (``مشاعر``، ``أمل``، ``نور``): an indefinite free word,
    no stopword, title, cue verb or ``not_entities.csv`` word, followed in its sentence by a listed first name
    (the father's name: ``مشاعر أحمد``).  Only asked where a name is expected (after a title chain, before
    ``، <title>``)."""
    n = len(toks.norm)
    norm = toks.norm[j]
    if toks.kind[j] != "word" or covered[j] is not None or not is_common(norm) or is_stopword(norm) \
            or norm.startswith("ال") or len(norm) < 3 or accusative_indefinite(toks.text[j]) or never_name(norm) \
            or norm in titles().get("person_title", ()) or strip_conjunction(norm) in cue_verbs() \
            or j + 1 >= n or toks.sentence[j + 1] != toks.sentence[j] or covered[j + 1] is not None:
        return False
    return listed_first_name(toks.norm[j + 1]) and namey(toks, j + 1, covered)


def apposition_name(toks: Tokens, comma: int, covered: list[Mention | None]) -> int | None:
    """First token of a name written before ``، <title>`` at the start of a sentence or right after a reporting verb
    (``مهاب مميش، رئيس هيئة القناة``), or None."""
    openers = word_list("name_opener")
    a = comma
    while a - 1 >= 0 and comma - (a - 1) <= 4 and toks.sentence[a - 1] == toks.sentence[comma] \
            and (namey(toks, a - 1, covered) or toks.norm[a - 1] in openers):
        a -= 1
    while a < comma and comma - a >= 2:
        before = a - 1
        starts = (before < 0 or toks.sentence[before] != toks.sentence[a] or toks.kind[before] != "word"
                  or strip_conjunction(toks.norm[before]) in cue_verbs())
        if starts and person_name(toks, a, covered) == comma:
            return a
        a += 1
    return None


# A verbal noun (masdar) of the derived verb forms, normalised: تنظيم, تشريع (II); اعمار, انتاج (IV); انتخاب,
# انفتاح (VII/VIII); استثمار (X).  Indefinite after an organisation head it governs the next word (idafa):
# هيئة تنظيم الاتصالات, لجنة تشريع القوانين.
_GENERIC_CONTESTS = frozenset({"الكاس", "البطوله", "الدوري", "المسابقه"})  # normalised: the cup, championship ...
_DIRECTION_MARKS = frozenset("\u200e\u200f")  # left-to-right / right-to-left marks (written between words)
_YEAR_RE = re.compile(r"^(?:(?:1[89]|20)\d\d(?:م|هـ)?|14\d\d(?:هـ|ه)?|\d\d(?:هـ|ه))$")  # 2014, 2015م, 1433هـ, 33هـ
# أن, بأن, لأن, إنه, بأنها as written (with the hamza: بان without it is also the name Ban, بان كي مون)
_COMPLEMENTISER_RE = re.compile(r"^[وف]?[بل]?[أإ]ن(?:ه|ها|هم|هما|هن|ني|نا|ك|كم)?$")
_MASDAR_RE = re.compile(r"^(?:ت\w\wي\w|ا\w\wا\w|ا\w\w\wا\w|است\w\wا\w)$")


# An elative adjective, definite (الأصغر, الأعلى, الأكبر): af'al after the article.
_ELATIVE_RE = re.compile(r"^الا\w\w[\wي]$")
# A verbal noun of a derived form (استغناء, انتقال, اعتماد) after لل: with a preposition after it, a purpose.
_DERIVED_MASDAR_RE = re.compile(r"^(?:ا\w\wا\w|ا\w\w\wا\w|است\w\wا\w)$")


def _purpose_masdar(toks: Tokens, k: int, i: int) -> bool:
    """Token k is لل + a verbal noun of a derived form followed by a preposition (``للاستغناء عن``): the purpose of
    an act, after the name (``اعتماد وزارة التعليم للاستغناء عن المباني``), not an "of" phrase inside it."""
    stem = toks.norm[k][2:]
    nxt = k + 1
    return bool(_DERIVED_MASDAR_RE.match(stem)) and nxt < len(toks.norm) and toks.sentence[nxt] == toks.sentence[i] \
        and toks.norm[nxt] in word_list("purpose_preposition")


def _definite_free(toks: Tokens, k: int, covered: list[Mention | None], i: int) -> bool:
    """Token k is a free definite word in token i's sentence (ال.. or لل..), no stopword."""
    return (k < len(toks.norm) and toks.sentence[k] == toks.sentence[i] and covered[k] is None
            and toks.kind[k] == "word" and toks.norm[k].startswith(("ال", "لل")) and not is_stopword(toks.norm[k]))


def _governing_noun(norm: str, heads: frozenset[str]) -> bool:
    """An indefinite noun that governs the definite word after it inside a name: an organisation head
    (مجلس اتحاد ...), a masdar (تنظيم), a feminine noun (مراقبة) or a listed idafa noun (entity_words.csv
    ``idafa_noun``: محكمة أمن الدولة, محكمة جنايات القاهرة)."""
    return norm in heads or bool(_MASDAR_RE.match(norm)) or (norm.endswith("ه") and len(norm) >= 4) \
        or norm in word_list("idafa_noun")


def _possessed(norm: str) -> bool:
    """A common noun with a possessive pronoun (``خططها``، ``أعمالهم``): never a name's proper word (``وزارة
    خططها``: the ministry's plans)."""
    for end in ("هما", "هم", "ها", "هن"):
        if norm.endswith(end) and len(norm) - len(end) >= 3 and is_common(norm[:-len(end)]):
            return True
    return False


def _governed_by_lam(prev: str) -> bool:
    """The word before is ل + an indefinite word (``لتنظيم``): the next word is its object (``لتنظيم المعارض``,
    the exhibitions), not an adjective of the name (``حزب المؤتمر الشعبي | المعارض``)."""
    return prev[:1] == "ل" and not prev.startswith("لل") and len(prev) > 3


def _proper_word(toks: Tokens, k: int, named: frozenset[int] = frozenset()) -> bool:
    """An indefinite word that is no vocabulary: the proper part of a name (أوبك, سابك, لايت سبيد).  A preposition
    ب/ل/ك fused to a common word or a place (``بتصميم``, ``بإفران``) is none: it starts a phrase after the name."""
    norm = toks.norm[k]
    return (toks.kind[k] == "word" and not norm.startswith("ال") and not is_common(norm) and not is_stopword(norm)
            and not is_nisba("ال" + norm) and not norm.endswith("ه") \
            and not (verb_shaped(norm, False) and k not in named)
            and not accusative_indefinite(toks.text[k]) and len(norm) >= 2 and not _prepositional(norm))


def _prepositional(norm: str) -> bool:
    """ب/ل/ك + a common word, a listed place, a known name word or a definite word (``بتصميم``، ``بإفران``،
    ``لتنظيم``، ``بالسيب``)."""
    rest = norm[1:]
    return norm[:1] in "بلك" and len(rest) >= 3 and (is_common(rest) or listed_place(rest) or known_name_word(rest)
                                                    or rest.startswith("ال") or big_place(rest))


def _proper_definite(norm: str) -> bool:
    """A definite word that is no vocabulary (``العند``, ``الحسيني``): neither it nor its bare form is a common
    word, and it is no place adjective -- the proper name of a facility after a weak head."""
    return norm.startswith("ال") and len(norm) >= 5 and not is_common(norm) and not is_common(norm[2:]) \
        and not place_nisba(norm) and not is_stopword(norm) and norm not in word_list("time_adjective")


def _idafa_next(toks: Tokens, k: int, covered: list[Mention | None], i: int) -> bool:
    """Token k continues an idafa: a free definite word or the start of a place mention (كأس أمم | آسيا)."""
    if k >= len(toks.norm) or toks.sentence[k] != toks.sentence[i]:
        return False
    m = covered[k]
    if m is not None:
        return m.type in ("GPE", "LOC") and m.start == toks.start[k]
    return _definite_free(toks, k, covered, i)


def _year_at(toks: Tokens, k: int, i: int) -> int:
    """End of a year written after an event's name (``2014``, ``2015م``, ``2015 م``) at token k, or k."""
    if k + 1 < len(toks.norm) and toks.text[k] in _DIRECTION_MARKS and toks.start[k + 1] == toks.end[k] \
            and toks.sentence[k] == toks.sentence[i] and _YEAR_RE.match(toks.text[k + 1]):
        k += 1  # كأس اوروبا\u200f2012: a direction mark before the year
    if k < len(toks.norm) and toks.sentence[k] == toks.sentence[i] and _YEAR_RE.match(toks.text[k]):
        if k + 1 < len(toks.norm) and toks.start[k + 1] == toks.end[k] and toks.norm[k + 1] in ("م", "ه", "هـ"):
            return k + 2
        return k + 1
    if k + 1 < len(toks.norm) and toks.sentence[k] == toks.sentence[i] and re.fullmatch(r"\d\d", toks.text[k]) \
            and toks.start[k + 1] == toks.end[k] and toks.text[k + 1] in ("هـ", "ه"):
        return k + 2  # مهرجان صيف عنيزة 33هـ: a Hijri year written short, its era glued
    return k


@cache
def _all_heads() -> frozenset[str]:
    """Every organisation, facility, event and league head of titles.csv."""
    t = titles()
    return frozenset().union(*(t.get(k, frozenset()) for k in ("org_head", "fac_head", "fac_head_weak", "fac_head_named",
                                                                "org_head_named", "event_head", "league_head")))


def org_name(toks: Tokens, i: int, covered: list[Mention | None], head: str, *,
             facility: bool = False, weak: bool = False, event: bool = False,
             named: frozenset[int] = frozenset()) -> tuple[int, list[Mention]]:
    """End (exclusive) of an organisation (facility) name headed by token i (i + 1: not a name) and the places it
    absorbs.  A weak facility head (قاعدة: also "rule", "database") + definite word needs a closing nisba.

    The name is: a place (absorbed), definite words (وزارة الطاقة), one coordinated definite word after them
    (صندوق التنمية والتشغيل), an indefinite governing noun + definite words (هيئة تنظيم الاتصالات), or up to three
    proper words (شركة لايت سبيد) + a nisba that is no place's (حركة كاخ; شركة توتال | الفرنسية).  A title
    (المهندس), a verb, a stopword or a cue word ends it.

    ``named``: tokens the NER model reads as part of a name: a verb-shaped word there is a proper word (شركة
    توتال), elsewhere a verb (قانون ينظم).

    ``event``: the head of an event, a cup or a law (titles.csv ``event_head``, ``league_head``): its name is an
    idafa (كأس أمم آسيا, بطولة كأس الخليج, دوري أبطال أوروبا), may hold a person or title (كأس الملك) and a
    ``ل`` phrase (لتميز الأداء), and takes a year written after it (مونديال البرازيل 2014)."""
    n = len(toks.norm)
    j = i + 1
    k = j
    strong_heads = word_list("strong_org_head")
    strong = head in strong_heads or facility or event
    evidence = strong
    proper = False  # the name's first word is a proper (indefinite, non-vocabulary) word: منظمة أوبك
    coordinated = masdar = False
    governed = n + 1
    absorbed: list[Mention] = []
    t = titles()
    descriptors = t.get("descriptor", frozenset())
    person_titles = t.get("person_title", frozenset())
    heads = t.get("org_head", frozenset())
    named_org = head in t.get("org_head_named", frozenset())  # مركز, كلية: a body only after a titled person
    named_only = named_org or head in t.get("fac_head_named", frozenset())  # طريق, باب: likewise a facility
    while k < n and k - j < (8 if event else 6) and toks.sentence[k] == toks.sentence[i]:
        if named_only and not (k == j and toks.norm[k] in person_titles and toks.norm[k].startswith("ال")):
            break
        m = covered[k]
        if m is not None:
            if (m.type in ("GPE", "LOC") or (event and m.type == "PERSON" and m.source == "gazetteer")) \
                    and m.start == toks.start[k]:  # a place inside the name: سوق الكويت ...; كأس الأمير فلان
                absorbed.append(m)
                k, evidence = m.tok1, True
                continue
            break
        norm = toks.norm[k]
        if event and (k > j or head in word_list("year_event_head")) and _year_at(toks, k, i) > k:
            k = _year_at(toks, k, i)  # مونديال البرازيل 2014, مهرجان صيف عنيزة 33هـ
            break
        if event and norm in person_titles and norm.startswith("ال"):
            k += 1  # كأس الملك
            continue
        if event and k == j and norm in person_titles and _definite_free(toks, k + 1, covered, i) \
                and toks.norm[k + 1] in titles().get("complement", frozenset()):
            k += 2  # كأس ولي العهد: a cup named after a title and its complement
            continue
        if (facility or head in heads or named_org) and k == j and norm in person_titles and norm.startswith("ال"):
            p = person_name(toks, k + 1, covered)  # جامعة الملك عبدالعزيز: an organisation named after one too
            held = covered[k + 1] if k + 1 < n else None
            if held is not None and held.type == "PERSON" and held.source == "gazetteer" \
                    and held.start == toks.start[k + 1]:
                p = held.tok1  # مركز الملك سلمان: the gazetteer's person is the name (absorbed)
                absorbed.append(held)
            elif p == k + 1 and k + 1 < n and covered[k + 1] is None and known_name_word(toks.norm[k + 1]):
                p = k + 2  # فيصل (also a common word) بن فهد: a known given name opens the name
                while p + 1 < n and toks.sentence[p + 1] == toks.sentence[i] and toks.norm[p] in word_list("connector") \
                        and namey(toks, p + 1, covered):
                    p += 2
            p = next((x for x in range(k + 2, p) if toks.norm[x].startswith("و")
                      and strip_conjunction(toks.norm[x]) in _all_heads()), p)  # | وجامعة: the next name's head
            if p > k + 1:  # ملعب الأمير فيصل بن فهد, شارع الأمير متعب: a facility named after a person
                k, evidence, proper = p, True, True
                if not facility:
                    k = _titled_name_tail(toks, k, covered, i)  # كلية الملك فهد الأمنية, مركز الملك سلمان للإغاثة
            elif absorbed and absorbed[-1] is held:
                absorbed.pop()
            break
        if event and k > j and norm.startswith("ل") and not norm.startswith("لل") and len(norm) > 3 \
                and _definite_free(toks, k + 1, covered, i):
            k += 2  # جائزة ... لتميز الأداء
            continue
        if not event and not facility and head in heads and k > j and norm.startswith("ل") \
                and not norm.startswith("لل") and len(norm) > 4 \
                and (is_common(norm[1:]) or norm.endswith("ه") or bool(_MASDAR_RE.match(norm[1:]))) \
                and not is_stopword(norm) and not verb_shaped(norm[1:]) and _definite_free(toks, k + 1, covered, i) \
                and not toks.norm[k + 1].startswith("لل"):
            k += 2  # شركة الخليج لصناعة البتروكيماويات: ل + a noun + its definite complement, the company's line
            governed = k  # (then adjectives only)
            continue
        if toks.kind[k] != "word" or is_stopword(norm) or strip_conjunction(norm) in cue_verbs() \
                or (norm in descriptors and not _governed_by_lam(toks.norm[k - 1])) or norm in person_titles \
                or (k > j and verb_shaped(norm)) or norm in word_list("time_adjective") \
                or (k > j and norm == "ال" + head) or (k > j and strip_conjunction(norm) in person_titles) \
                or (event and k > j and norm in word_list("ordinal") and toks.norm[k - 1].startswith("ال")
                    and head not in t.get("league_head", frozenset()) and toks.norm[k - 1] != "الدرجه"):
            break  # ... حزب العمال | الحزب الحاكم: the head repeated opens an apposition; | والمدير: a title;
            # مهرجان العيد | الأول: an edition number (not جائزة الملك عبدالله الثاني, دوري الدرجة الثانية)
        if not facility and not proper and (not coordinated or toks.norm[k - 1].startswith("وال")) and k > j \
                and norm.startswith("وال") and len(norm) > 4 \
                and toks.norm[k - 1].startswith(("ال", "لل", "وال")) and not place_nisba(norm) \
                and covered[k - 1] is None and (not is_nisba(norm[1:]) or norm.endswith("يات")):
            coordinated = True  # صندوق التنمية والتشغيل, حزب الحرية والعدالة, وزارة الثقافة والفنون والتراث
            k += 1
            continue
        if norm.startswith("لل") and k > j and _purpose_masdar(toks, k, i):
            break  # وزارة التعليم | للاستغناء عن ...: a purpose, not an "of" phrase of the name
        if norm == "للشؤون" and k > j and i > 0 and (toks.norm[i - 1] in person_titles
                                                     or strip_conjunction(toks.norm[i - 1]) in person_titles):
            break  # وكيل وزارة العمل | للشؤون الدولية: the title's portfolio, not the ministry's name
        if k > j and head in word_list("nisba_outside_head") and place_nisba(norm) and not coordinated:
            break  # نادي الهلال | السعودي: a country's adjective after a club's or company's name is outside it
        if norm.startswith("ال") or (norm.startswith("لل") and k > j):
            if facility and k > j + 1 and not proper:
                break  # a facility: head + name + one adjective (قاعدة العند الجوية)
            if proper and norm.startswith("لل"):
                proper = False  # شركة ويدبوش للأدوات المالية: an "of" phrase goes on
            elif proper and (not is_nisba(norm) or place_nisba(norm)):
                break  # after a proper word only a nisba may follow: حركة كاخ (العنصرية المناهضة ...)
            if facility and k == j and is_common(norm):
                break  # قاعدة البيانات is no facility
            adjective = is_nisba(norm) or norm in word_list("elative_adjective") \
                or norm in word_list("closing_adjective")  # ... العليا, والتكنولوجيات الحديثة
            if (k >= governed and not event and not adjective) or (coordinated and not adjective):
                break  # after an idafa or a coordination only adjectives (قانون المطبوعات والنشر العماني | ...)
            if is_nisba(norm) and head in strong_heads:
                evidence = True
            if k == j and norm in word_list("council_complement") and not (
                    i > 0 and strip_conjunction(toks.norm[i - 1]) in person_titles):  # not رئيس مجلس الوزراء (a title)
                masdar, governed = True, k + 1  # مجلس الوزراء: a council named by its members (| المنتخب)
            k += 1
            continue
        if k == j and head in word_list("definite_name_head"):
            break  # محمد عيد إبراهيم: عيد + an indefinite word is a name, not a feast
        if k == j and not facility and (_governing_noun(norm, heads) or event) and not verb_shaped(norm) \
                and (_definite_free(toks, k + 1, covered, i)
                     or ((event or head in strong_heads) and _idafa_next(toks, k + 1, covered, i))):
            k += 1  # هيئة تنظيم | الاتصالات, كأس أمم | آسيا: the definite words follow as above
            masdar = bool(_MASDAR_RE.match(norm))  # لجنة تشريع القوانين: a named body
            governed = k + 1  # after the governed word only adjectives (أقرت لجنة تشريع القوانين | التعديل)
            continue
        if k == j and not is_common(norm) and not is_nisba("ال" + norm) and not norm.endswith("ه") \
                and not norm.startswith("لل") and not _possessed(norm) \
                and not (verb_shaped(norm, False) and k not in named) and not (event and norm.endswith("ات")) \
                and not (norm[:1] in "بلك" and len(norm) > 4 and is_common(norm[1:])):
            # (مستشفى | بمحافظات القاهرة: ب + a common word starts a phrase after the head; not نادي باليرمو)
            k, evidence, proper = k + 1, True, True  # a proper word: منظمة أوبك, شركة سابك (not قانون ينظم)
            continue
        if proper and k - j < 3 and _proper_word(toks, k, named):
            k += 1  # شركة لايت سبيد, شركة مينا تليكوم
            continue
        break
    if not strong and not absorbed and not proper:
        # a weak head (سوق, قوات, مجموعة) needs a place or a proper word (سوق النفط العالمية is no name), except
        # definite words closed by الدولية: مجموعة الأزمات الدولية, غرفة الملاحة الدولية
        evidence = (masdar or (k - j >= 2 and toks.norm[k - 1] in word_list("intl_adjective"))) \
            and head not in word_list("weak_head_not_intl")
    if weak and not absorbed and not proper and not (k - j >= 2 and is_nisba(toks.norm[k - 1])) \
            and not (k - j == 1 and _proper_definite(toks.norm[j])):
        evidence = False  # قاعدة البيانات; but قاعدة العند الجوية, قاعدة العند, جسر الحسيني
    if k == j or not evidence:
        return i + 1, []
    return k, absorbed


def _titled_name_tail(toks: Tokens, k: int, covered: list[Mention | None], i: int) -> int:
    """End (exclusive) of a body's name after the titled person it is named after (token k on): its adjective
    (``كلية الملك فهد | الأمنية``: a nisba, no place's) or its "of" phrase, with the adjectives and one coordinated
    word after it (``مركز الملك سلمان | للإغاثة والأعمال الإنسانية``); k when neither follows.  A facility stops at
    the person (``ملعب الأمير فيصل بن فهد | الرئيسي``)."""
    n = len(toks.norm)
    t = titles()
    stops = t.get("descriptor", frozenset()) | t.get("person_title", frozenset()) | word_list("time_adjective")

    def free(x: int) -> bool:
        return x < n and toks.sentence[x] == toks.sentence[i] and covered[x] is None and toks.kind[x] == "word" \
            and toks.norm[x] not in stops and not is_stopword(toks.norm[x]) and not verb_shaped(toks.norm[x])

    if not free(k):
        return k
    w = toks.norm[k]
    if w.startswith("ال") and is_nisba(w) and not place_nisba(w):
        return k + 1  # كلية الملك فهد الأمنية
    if not (w.startswith("لل") and len(w) > 4) or _purpose_masdar(toks, k, i):
        return k
    k += 1
    coordinated = False
    while free(k) and k - i <= 12:
        w = toks.norm[k]
        if w.startswith("ال") and is_nisba(w) and not place_nisba(w):
            k += 1  # للإغاثة ... الإنسانية
        elif w.startswith("وال") and len(w) > 4 and not coordinated:
            coordinated, k = True, k + 1  # للإغاثة والأعمال
        else:
            break
    return k


def definite_org_name(toks: Tokens, i: int, covered: list[Mention | None]) -> int:
    """End (exclusive) of an organisation named by a definite head, its adjectives and an "of" phrase (``ل``):
    ``اللجنة العليا للانتخابات الرئاسية``, ``الاتحاد الكويتي لكرة القدم``, ``المؤسسة العامة للتأمينات
    الاجتماعية``, ``الشركة التونسية للكهرباء والغاز``; or a club, ``النادي`` + one definite word (``النادي
    الأهلي``); or a court, named by its adjectives alone (entity_words.csv ``adjective_named_head``:
    ``المحكمة الجزائية المتخصصة``), or any body with a naming adjective (entity_words.csv ``naming_adjective``:
    ``المجلس الوطني السوري``, ``المجلس العسكري``, ``الاتحاد العمالي العام``; its ``ل`` phrase may be a purpose:
    ``الحركة الوطنية لتحرير أزواد``).  Without the ``ل`` phrase a definite head + adjectives is a description
    (الحكومة العراقية), i + 1 then."""
    n = len(toks.norm)
    heads = titles().get("org_head", frozenset()) | word_list("definite_org_head")
    head = next((f[2:] for _, f in clitic_forms(toks.text[i], toks.norm[i]) if f.startswith("ال") and f[2:] in heads),
                None) or _lam_definite_head(toks.norm[i], heads)
    if head is None or head in word_list("weak_head_not_intl"):
        return i + 1  # القوات الموالية لحكومة ...: forces, markets, movements are described, not named so
    t = titles()
    stops = t.get("descriptor", frozenset()) | t.get("person_title", frozenset())

    def adjective(k: int) -> bool:
        return _definite_free(toks, k, covered, i) and not toks.norm[k].startswith("لل") \
            and toks.norm[k] not in stops and not verb_shaped(toks.norm[k]) \
            and toks.norm[k] not in word_list("time_adjective") \
            and toks.norm[k] not in word_list("ordinal")  # فريق الاتحاد | الأول لكرة القدم: the first team

    k = i + 1
    while k < n and k - i <= 3 and adjective(k):
        k += 1
    if k == i + 1 or toks.norm[i + 1] in word_list("function_adjective"):
        return i + 1  # الجهاز الفني للفريق, اللجنة المنظمة للحدث: a body described by its function
    naming = any(toks.norm[x] in word_list("naming_adjective") for x in range(i + 1, k))
    while naming and not is_nisba(toks.norm[k - 1]) and toks.norm[k - 1] not in word_list("naming_adjective"):
        k -= 1  # المجلس العسكري | الحداد: the object after the name is no adjective of it
    if naming and k < n and toks.sentence[k] == toks.sentence[i] and covered[k] is None and toks.norm[k] in ("العام", "العامه"):
        k += 1  # الاتحاد العمالي العام
    if naming and not (k < n and toks.sentence[k] == toks.sentence[i] and toks.norm[k].startswith("ل")
                       and len(toks.norm[k]) > 3 and not is_stopword(toks.norm[k])):
        return k  # المجلس الوطني السوري, المجلس العسكري: a body named by its adjectives
    top = next((x + 1 for x in range(i + 1, k) if toks.norm[x] in word_list("supreme_adjective")), None)
    if top is not None and not any(place_nisba(toks.norm[x]) for x in range(i + 1, top)) \
            and not (top < n and toks.sentence[top] == toks.sentence[i] and toks.norm[top].startswith("ل")):
        return top  # المجلس الإسلامي الأعلى, اللجنة العليا: a supreme body is named by its adjectives
    if head == "نادي" and k == i + 2:
        return k if not toks.norm[i + 1].endswith("ه") else i + 1  # النادي الأهلي (not مباريات النادي الودية)
    if head in word_list("adjective_named_head") and not any(place_nisba(toks.norm[x]) for x in range(i + 1, k)) \
            and not (k < n and toks.sentence[k] == toks.sentence[i] and toks.norm[k].startswith("ل")):
        return k  # المحكمة الجزائية المتخصصة: a court is named by its adjectives (not المحكمة العراقية)
    if not (k < n and toks.sentence[k] == toks.sentence[i] and covered[k] is None and toks.kind[k] == "word"):
        return i + 1
    w = toks.norm[k]
    if w.startswith("لل") and len(w) > 4:
        k += 1  # للانتخابات
    elif w.startswith("ل") and len(w) > 3 and not is_stopword(w) and (naming or not _MASDAR_RE.match(w[1:])) \
            and (_definite_free(toks, k + 1, covered, i) or (
                naming and k + 1 < n and toks.sentence[k + 1] == toks.sentence[i] and toks.kind[k + 1] == "word"
                and not is_stopword(toks.norm[k + 1]) and not verb_shaped(toks.norm[k + 1])
                and covered[k + 1] is None)):
        k += 2  # لكرة القدم, لانتخابات الرئاسة; not a purpose (المجموعة الفرعية | لتدريب الشرطة), but a named
        # body's (الحركة الوطنية لتحرير أزواد)
        if toks.norm[k - 1] in t.get("person_title", frozenset()):
            p = person_name(toks, k, covered)
            if p == k:
                return i + 1  # لكلية الملك without a name: no body named here
            return _titled_name_tail(toks, p, covered, i)  # المديرية العامة لكلية الملك فهد الأمنية
    else:
        return i + 1
    coordinated = None  # where a coordinated word starts
    while k < n and k - i <= 8 and toks.sentence[k] == toks.sentence[i] and covered[k] is None \
            and toks.kind[k] == "word" and toks.norm[k] not in t.get("person_title", frozenset()) \
            and not verb_shaped(toks.norm[k]):
        w = toks.norm[k]
        if w.startswith("ال") and (is_nisba(w) or w.endswith("ه") or _ELATIVE_RE.match(w)) and not is_stopword(w) \
                and w not in word_list("time_adjective") and w not in stops:
            k += 1  # للتأمينات الاجتماعية, للقوات المسلحة, للتمويل الأصغر (an adjective; not ... لكرة القدم | السماح)
        elif w.startswith("وال") and len(w) > 4 and coordinated is None:
            coordinated, k = k, k + 1  # للكهرباء والغاز
        else:
            break
    if coordinated is not None and k < n and toks.norm[k] == "الاخري":
        k = coordinated  # لرعاية الشباب | والقطاعات الكشفية الأخرى: other bodies listed after the name
    return k


def _lam_definite_head(norm: str, heads: frozenset[str]) -> str | None:
    """The head a ``ل`` + definite token reads as when the head itself starts with ``ل``: ل + اللجنة is written
    ``للجنة`` (the article's lam merges with the word's), the same letters as ل + لجنة; None otherwise."""
    head = norm[1:]
    return head if norm.startswith("لل") and head in heads and head.startswith("ل") else None


def place_org_name(toks: Tokens, i: int, covered: list[Mention | None],
                   sources: tuple[str, ...] = ("gazetteer",)) -> tuple[int, Mention | None]:
    """End (exclusive) and place of a body named by its sector and a place (titles.csv ``place_org_head``):
    ``تعليم حائل``, ``أمانة منطقة حائل``, ``شرطة دبي``; (i + 1, None) when no place follows."""
    k = i + 1
    if k < len(toks.norm) and toks.sentence[k] == toks.sentence[i] and covered[k] is None \
            and toks.norm[k] in word_list("settlement_head"):
        k += 1  # أمانة منطقة حائل
    m = covered[k] if k < len(toks.norm) and toks.sentence[k] == toks.sentence[i] else None
    if m is None or m.type not in ("GPE", "LOC") or m.start != toks.start[k] or m.source not in sources:
        return i + 1, None
    return m.tok1, m


_DATELINE_DASHES = frozenset("-\u2010\u2011\u2013\u2014\u0640")


def dateline_pass(ctx: Context) -> None:
    """A dateline opening a paragraph, ``<place> - <outlet>:`` or ``<outlet> - <place>:`` (``مسقط ـ الوطن:``,
    ``سبق– الرياض:``), or a line ``<place>: <outlet>`` (``الخرطوم: الأحداث``): the side that is not a gazetteer
    place (one or two free words) is the outlet, ORG
    (``pattern:dateline``)."""
    toks, covered = ctx.toks, ctx.covered
    persons = {x for sp in ctx.spans if sp.label == "PERS" for x in sp.ids}
    n = len(toks.norm)
    for i in range(n):
        if i > 0 and toks.paragraph[i] == toks.paragraph[i - 1]:
            continue
        dash = next((d for d in range(i + 1, min(i + 3, n)) if toks.text[d] in _DATELINE_DASHES
                     and toks.paragraph[d] == toks.paragraph[i]), None)
        m = covered[i]
        b = m.tok1 if m is not None and m.type == "GPE" and m.tok0 == i else None
        if b is not None and b + 3 < n and toks.text[b] == "(" and toks.text[b + 2] == ")" \
                and (toks.text[b + 3] in _DATELINE_DASHES or toks.text[b + 3] == ":") \
                and toks.paragraph[b + 3] == toks.paragraph[i] and covered[b + 1] is None \
                and toks.kind[b + 1] == "word" and not is_stopword(toks.norm[b + 1]) \
                and not person_name_word(toks.norm[b + 1]) and b + 1 not in persons:
            name = (toks.norm[b + 1],)  # أبوظبي (الاتحاد)-: the outlet in brackets after the dateline's place
            ctx.add(Mention(b + 1, b + 2, toks.start[b + 1], toks.end[b + 1], "ORG", "pattern", "org:" + name[0],
                            name_norm=name, rule="pattern:dateline"))
            continue
        if dash is None and m is not None and m.type == "GPE" and m.tok0 == i and m.tok1 < n \
                and toks.text[m.tok1] == ":" and toks.paragraph[m.tok1] == toks.paragraph[i]:
            dash = m.tok1  # الخرطوم: الأحداث -- a line of its own: the place, a colon, the outlet
            end = next((e for e in range(dash + 2, min(dash + 4, n + 1))
                        if e == n or toks.paragraph[e] != toks.paragraph[i]), None)
        elif dash is None:
            continue
        else:
            end = next((e for e in range(dash + 2, min(dash + 4, n + 1))
                        if e == n or toks.paragraph[e] != toks.paragraph[i] or toks.text[e] == ":"), None)
        if end is None:
            continue
        sides = [(i, dash), (dash + 1, end)]
        place = [covered[a] is not None and covered[a].type == "GPE" and covered[a].tok0 == a
                 and covered[a].tok1 == b for a, b in sides]
        if sum(place) != 1:
            continue
        a, b = sides[place.index(False)]
        if any(covered[x] is not None or toks.kind[x] != "word" or is_stopword(toks.norm[x]) or len(toks.norm[x]) < 2
               for x in range(a, b)) or person_name_word(toks.norm[a]) or any(x in persons for x in range(a, b)):
            continue  # not a byline (هشام لاشين - القاهرة; الخرطوم: تيسير عبدالحليم, a person to the model)
        name = tuple(toks.norm[x] for x in range(a, b))
        ctx.add(Mention(a, b, toks.start[a], toks.end[b - 1], "ORG", "pattern", "org:" + " ".join(name),
                        name_norm=name, rule="pattern:dateline"))


def _dual_heads(heads: frozenset[str]) -> dict[str, str]:
    """Dual forms of organisation heads (مجلسي, مجلسا, وزارتي, وزارتا) -> the head."""
    out: dict[str, str] = {}
    for h in heads:
        stem = h[:-1] + "ت" if h.endswith("ه") else h
        for end in ("ي", "ا"):
            out.setdefault(stem + end, h)
    return out


def dual_head_pass(ctx: Context) -> None:
    """A dual head shared by two bodies (``مجلسي الشورى والدولة``, ``وزارتي الدفاع والداخلية``): one ORG mention per
    body on its distinguishing word, the dual outside (``pattern:dual_head``); each keyed as the full name
    (مجلس الشورى) so that it joins that body named elsewhere."""
    toks, covered = ctx.toks, ctx.covered
    duals = _dual_heads(titles().get("org_head", frozenset()))
    n = len(toks.norm)
    for i in range(n - 2):
        if toks.kind[i] != "word" or covered[i] is not None or not toks.norm[i].endswith(("ي", "ا")) \
                or not toks.norm[i + 1].startswith("ال"):
            continue
        head = next((duals[f] for _, f in clitic_forms(toks.text[i], toks.norm[i]) if f in duals), None)
        a, b = i + 1, i + 2
        if head is None or not _definite_free(toks, a, covered, i) or toks.norm[a].startswith("لل") \
                or toks.sentence[b] != toks.sentence[i] or covered[b] is not None \
                or not toks.norm[b].startswith("وال") or len(toks.norm[b]) < 5:
            continue
        c = b + 1  # وزارتي المالية والخدمة المدنية: the second body's adjective
        while c < n and _definite_free(toks, c, covered, i) and is_nisba(toks.norm[c]) and not place_nisba(toks.norm[c]):
            c += 1
        for x, y, off in ((a, a + 1, 0), (b, c, 1)):
            name = (head, toks.norm[x][off:]) + tuple(toks.norm[z] for z in range(x + 1, y))
            ctx.add(Mention(x, y, toks.start[x] + off, toks.end[y - 1], "ORG", "pattern", "org:" + " ".join(name),
                            name_norm=name, rule="pattern:dual_head"))


def org_pass(ctx: Context) -> None:
    """Organisation and facility heads (titles.csv ``org_head``, ``fac_head``, ``fac_head_weak``) + their name
    (:func:`org_name`); ``منظمة`` before a gazetteer organisation joins its span.  Places inside the name are
    absorbed (``بنك أبوظبي الوطني``)."""
    toks, covered = ctx.toks, ctx.covered
    org_heads = titles().get("org_head", frozenset())
    fac_weak = titles().get("fac_head_weak", frozenset())
    fac_heads = titles().get("fac_head", frozenset()) | fac_weak | titles().get("fac_head_named", frozenset())
    org_heads = org_heads | titles().get("org_head_named", frozenset())  # مركز الملك سلمان (after a titled person)
    event_heads, league_heads = titles().get("event_head", frozenset()), titles().get("league_head", frozenset())
    place_heads = titles().get("place_org_head", frozenset())
    all_heads = org_heads | fac_heads | event_heads | league_heads
    definite_heads = frozenset("ال" + h for h in org_heads | word_list("definite_org_head"))
    name_part_heads = word_list("name_part_head")
    outside_heads = word_list("outside_org_head")
    any_head = all_heads | place_heads | definite_heads
    headless: dict[tuple[str, str], bool] = {}  # (text, norm) -> no reading of the token is a head of any kind
    n = len(toks.norm)
    i = 0
    while i < n:
        if toks.kind[i] != "word" or covered[i] is not None:
            i += 1
            continue
        tok = (toks.text[i], toks.norm[i])
        forms = clitic_forms(*tok)
        none = headless.get(tok)
        if none is None:
            none = headless[tok] = any_head.isdisjoint([f for _, f in forms])
        if none:
            i += 1  # fast path: nothing below starts at a token none of whose readings is a head
            continue
        head_off = next(((off, f) for off, f in forms if f in all_heads), None)
        if head_off is not None and _lam_definite_head(toks.norm[i], all_heads) == head_off[1] and i + 1 < n \
                and toks.norm[i + 1].startswith("ال") and (is_nisba(toks.norm[i + 1])
                                                         or toks.norm[i + 1] in word_list("elative_adjective")):
            head_off = None  # للجنة العليا, للجنة الأولمبية: the definite head (ل + اللجنة) and its adjective
        place_head = next(((off, f) for off, f in forms if f in place_heads), None)
        if place_head is not None:
            k, place = place_org_name(toks, i, covered)
            if place is not None:
                absorb(ctx, place)  # تعليم حائل: the place is part of the body's name
                off, f = place_head
                name = (f,) + tuple(toks.norm[x] for x in range(i + 1, k))
                ctx.add(Mention(i, k, toks.start[i] + off, toks.end[k - 1], "ORG", "pattern", "org:" + " ".join(name),
                                name_norm=name, rule="pattern:place_org"))
                i = k
                continue
        if head_off is None:
            definite = next(((o, f) for o, f in forms if f in definite_heads), None)
            if definite is None and _lam_definite_head(toks.norm[i], all_heads):
                definite = (0, "ال" + toks.norm[i][1:])  # للجنة = ل + اللجنة: the whole token (ل + article)
            k = definite_org_name(toks, i, covered) if definite is not None else i + 1
            if k > i + 1:
                off, f = definite
                name = (f,) + tuple(toks.norm[x] for x in range(i + 1, k))
                ctx.add(Mention(i, k, toks.start[i] + off, toks.end[k - 1], "ORG", "pattern", "org:" + " ".join(name),
                                name_norm=name, rule="pattern:org_definite"))
                i = k
                continue
            i += 1
            continue
        off, head = head_off
        q = i + 1 if i + 1 < n and toks.text[i + 1] in QUOTE_MARKS else i  # شركة "جوجل": the name in marks
        nxt = covered[q + 1] if q + 1 < n else None
        if head in name_part_heads and nxt is not None and nxt.type == "ORG" and nxt.source == "gazetteer" \
                and nxt.start == toks.start[q + 1] and toks.sentence[q + 1] == toks.sentence[i] \
                and (q == i or (head in word_list("quoted_name_part_head") and nxt.tok1 < n
                                and toks.text[nxt.tok1] in QUOTE_MARKS)):
            nxt.tok0, nxt.start = i, toks.start[i] + off  # منظمة الانتربول: the head belongs to the name (grows)
            if q > i:
                nxt.tok1, nxt.end = nxt.tok1 + 1, toks.end[nxt.tok1]  # the closing mark with the opening one
            claim(covered, nxt)
            i = nxt.tok1
            continue
        facility = head in fac_heads and head not in org_heads
        event = head in event_heads or head in league_heads
        outside = head in outside_heads
        if outside and i + 2 < n and toks.text[i + 1] in _NAME_OPENERS and toks.sentence[i + 1] == toks.sentence[i]:
            c = next((x for x in range(i + 2, min(i + 6, n)) if toks.text[x] in _NAME_CLOSERS), None)
            if c is not None and c > i + 2 and all(
                    covered[x] is None and toks.kind[x] == "word" and not is_stopword(toks.norm[x])
                    for x in range(i + 2, c)):  # صحيفة "سبق", لصحيفة (سبق): the name inside the marks
                name = tuple(toks.norm[x] for x in range(i + 2, c))
                ctx.add(Mention(i + 2, c, toks.start[i + 2], toks.end[c - 1], "ORG", "pattern",
                                "org:" + " ".join(name), name_norm=name, rule="pattern:outlet_name"))
                i = c
                continue
        k, absorbed = org_name(toks, i, covered, head, facility=facility, weak=head in fac_weak, event=event,
                               named=ctx.named)
        if k > i + 1 and outside:
            name = tuple(toks.norm[x] for x in range(i + 1, k))  # صحيفة الوئام: the head is outside (H21)
            ctx.add(Mention(i + 1, k, toks.start[i + 1], toks.end[k - 1], "ORG", "pattern", "org:" + " ".join(name),
                            name_norm=name, rule="pattern:outlet_name"))
            i = k
            continue
        if event and k == i + 2 and toks.norm[i + 1] in _GENERIC_CONTESTS:
            i += 1  # بطولة الكأس, كأس البطولة: one contest word after another names no contest (not مهرجان العيد)
            continue
        if k > i + 1:
            for a in absorbed:
                absorb(ctx, a)  # its tokens pass to the organisation claimed below
            name = (head,) + tuple(toks.norm[x] for x in range(i + 1, k))
            typ = "FAC" if facility else "MISC" if head in event_heads else "ORG"
            rule = "pattern:fac_head" if facility else "pattern:event_head" if event else "pattern:org_head"
            m = Mention(i, k, toks.start[i] + off, toks.end[k - 1], typ, "pattern", f"{typ.lower()}:" + " ".join(name),
                        name_norm=name, rule=rule)
            ctx.add(m)
            i = k
            continue
        i += 1


def _person(toks: Tokens, a: int, b: int, rule: str) -> Mention:
    """The pattern person on tokens a .. b-1 (its key: the normalised words of the name), after a proclitic
    fused with its first word (:func:`_proclitic_name`)."""
    name = tuple(toks.norm[x] for x in range(a, b) if toks.kind[x] == "word")
    off, first = _proclitic_name(toks, a)
    if off:
        name = (first,) + name[1:]
    return Mention(a, b, toks.start[a] + off, toks.end[b - 1], "PERSON", "pattern", "person:" + " ".join(name),
                   name_norm=name, rule=rule)


def _proclitic_name(toks: Tokens, a: int) -> tuple[int, str]:
    """(offset, form) of a name's first word after a fused و/ف/ب/ل (``، وجابر الجناحي``, ``المدرب بحسين حبيب``):
    when the word without the letter is a known name word and the word as written is none (``وليد``, ``بلال``,
    ``فؤاد`` stay whole), or, for و after a comma (a list of names), when the word is no و-name; else (0, the
    word)."""
    norm = toks.norm[a]
    if len(norm) < 4 or norm[0] not in "وفبل" or known_name_word(norm) or listed_first_name(norm) \
            or norm in word_list("waw_name"):
        return 0, norm
    listed = norm[0] == "و" and a > 0 and toks.text[a - 1] in "،," and toks.sentence[a - 1] == toks.sentence[a] \
        and (len(norm) >= 5 or norm[1] not in "اوي")
    return next(((o, f) for o, f in clitic_forms(toks.text[a], norm)[1:] if o > 0 and f == norm[1:]
                 and (listed or known_name_word(f) or listed_first_name(f))), (0, norm))


_NAME_OPENERS = frozenset(QUOTE_MARKS) | {"("}
_NAME_CLOSERS = frozenset(QUOTE_MARKS) | {")"}


def person_pass(ctx: Context) -> None:
    """Persons after a title chain (``pattern:title_chain``) and before ``، <title>`` (``pattern:apposition``)."""
    toks, covered = ctx.toks, ctx.covered
    person_titles = titles().get("person_title", frozenset())
    n = len(toks.norm)
    i = 0
    while i < n:
        if toks.kind[i] != "word" or covered[i] is not None:
            i += 1
            continue
        base = strip_conjunction(toks.norm[i])
        if base not in person_titles and toks.norm[i] not in person_titles \
                and not abbreviated_title(toks, i):  # د. ميلاد حنا (not م د سنة: million dinars)
            i += 1
            continue
        if i >= 3 and toks.text[i - 1] in "،," and toks.sentence[i - 1] == toks.sentence[i]:
            a = apposition_name(toks, i - 1, covered)
            if a is not None:
                ctx.add(_person(toks, a, i - 1, "pattern:apposition"))
        j, person = skip_title_complement(toks, i + 1, covered)
        if person is None and j + 1 < n and toks.text[j] in _NAME_OPENERS and toks.sentence[j] == toks.sentence[i]:
            k = person_name(toks, j + 1, covered)  # الزميل (مخلوف), الفنانة " آمنه النصيري: the marks stay outside
            if k > j + 1 and k < n and (toks.text[k] in _NAME_CLOSERS or toks.text[k] in "،,"):
                ctx.add(_person(toks, j + 1, k, "pattern:title_chain"))
                i = k
                continue
        if person is None:
            k = person_name(toks, j, covered)
            if k == j and j == i + 1 and j + 1 < n and toks.kind[j] == "word" and is_common(toks.norm[j]) \
                    and not is_stopword(toks.norm[j]) and toks.sentence[j + 1] == toks.sentence[j] \
                    and not verb_shaped(toks.norm[j]):  # لاعب يمتلك | مهارات: a verb, not a name's epithet
                k0 = person_name(toks, j + 1, covered)  # العميد شامل روكز: a common word after the title, then a name
                j, k = (j + 1, k0) if k0 > j + 1 else (j, j)
            if k > j:
                ctx.add(_person(toks, j, k, "pattern:title_chain"))
                if k < n and toks.sentence[k] == toks.sentence[j] and _conjoined_first_name(toks.norm[k]) \
                        and covered[k] is None:
                    e = person_name(toks, k, covered)  # مهاجما الفريق مختار فلاتة وعبدالفتاح عسيري: both named
                    if e > k + 1:
                        name = (toks.norm[k][1:],) + tuple(toks.norm[x] for x in range(k + 1, e) if toks.kind[x] == "word")
                        ctx.add(Mention(k, e, toks.start[k] + 1, toks.end[e - 1], "PERSON", "pattern",
                                        "person:" + " ".join(name), name_norm=name, rule="pattern:title_chain"))
                        k = e
                i = k
                continue
        i += 1


_WRITER_MARKS = frozenset(":-–/*")


def _writer_mark(text: str) -> bool:
    """Punctuation around a writer's name (``كتب ـ``، ``بقلم:``، ``عبدالحسن*``), tatweel runs too."""
    return bool(text) and all(c in _WRITER_MARKS or c == "\u0640" for c in text)


def writer_line_pass(ctx: Context) -> None:
    """A writer's line (``كتب صادق الشايع:``، ``كتبت - منال عباس``، ``بقلم: فيصل عبدالحسن*``): a paragraph of a
    writer cue (entity_words.csv ``writer_cue``), punctuation and one to four name words is that person
    (``pattern:writer_line``); a title (``كتب/ المحرر الثقافي``) or a stopword makes it no name."""
    toks, covered = ctx.toks, ctx.covered
    n = len(toks.norm)
    cues = word_list("writer_cue")
    person_titles = titles().get("person_title", frozenset())
    i = 0
    while i < n:
        if toks.kind[i] != "word" or toks.norm[i] not in cues or (i > 0 and toks.paragraph[i - 1] == toks.paragraph[i]):
            i += 1
            continue
        para = toks.paragraph[i]
        end = i + 1
        while end < n and toks.paragraph[end] == para:
            end += 1
        k = i + 1
        while k < end and _writer_mark(toks.text[k]):
            k += 1
        colon = next((x for x in range(k + 1, min(k + 5, end)) if toks.text[x] == ":"), None)
        e = colon if colon is not None else end  # كتب - حسن عبدالنبي:أكد ...: the name ends at the colon
        while e > k and _writer_mark(toks.text[e - 1]):
            e -= 1
        words = range(k, e)
        if 1 <= len(words) <= 4 and all(
                toks.kind[x] == "word" and covered[x] is None and toks.norm[x] not in person_titles and (
                    (not is_stopword(toks.norm[x]) and not toks.norm[x].startswith("ال"))
                    or written_ali(toks.text[x], toks.norm[x]) or (x > k and surname_word(toks.norm[x])))
                for x in words) and any(known_name_word(toks.norm[x]) or outside_name_word(toks.norm[x]) for x in words):
            ctx.add(_person(toks, k, e, "pattern:writer_line"))  # (not كتب قصائد رائعة: common words)
        i = end


def quoted_short_name_pass(ctx: Context) -> None:
    """A short name in quotation marks right after an organisation's full name (``شركة المركز المالي الكويتي
    "المركز"``) is a mention of it, and its repeats join it through the alias pass."""
    toks, covered = ctx.toks, ctx.covered
    n = len(toks.norm)
    for m in list(ctx.found):
        q = m.tok1
        if m.type != "ORG" or q >= n or toks.text[q] not in QUOTE_MARKS or toks.sentence[q] != toks.sentence[m.tok0]:
            continue
        c = next((x for x in range(q + 1, min(q + 5, n)) if toks.text[x] in QUOTE_MARKS), None)
        if c is None or c == q + 1 or toks.start[q] == toks.end[q - 1] \
                or (m.tok0 > 0 and toks.text[m.tok0 - 1] in QUOTE_MARKS) \
                or any(toks.kind[x] != "word" or covered[x] is not None or is_stopword(toks.norm[x])
                       or len(toks.norm[x]) < 2 for x in range(q + 1, c)):
            continue  # not “نايكي” و”ماكدونالدز”: the mark after a quoted name closes it
        name = tuple(toks.norm[x] for x in range(q + 1, c))
        short = Mention(q + 1, c, toks.start[q + 1], toks.end[c - 1], m.type, "pattern", m.key, entry=m.entry,
                        name_norm=name, rule="pattern:quoted_short_name")
        ctx.found.append(short)
        claim(covered, short)


def org_unit_pass(ctx: Context) -> None:
    """A unit of an organisation named with it is one ORG mention (``pattern:org_unit``): ``<org> فرع <place>``
    (``بنك السودان فرع الأبيض``, ``الاتحاد العام ... فرع سوريا``: entity_words.csv ``unit_word``) and a company
    with a proper name + a continent or region (``جنرال موتورز أوروبا``, ``جنرال موتورز أميركا الشمالية``;
    conventions: a company's unit is one mention).  The unit is an entity of its own; a place inside is absorbed."""
    toks, covered = ctx.toks, ctx.covered
    n = len(toks.norm)
    units = word_list("unit_word")
    for m in list(ctx.found):
        if m.type != "ORG" or m.source == "absorbed" or m.tok1 >= n or toks.sentence[m.tok1] != toks.sentence[m.tok0]:
            continue
        k = m.tok1
        end, place = None, None
        nxt = covered[k]
        if nxt is None and strip_conjunction(toks.norm[k]) == toks.norm[k] and toks.norm[k] in units \
                and k + 1 < n and toks.sentence[k + 1] == toks.sentence[k]:
            p = covered[k + 1]
            if p is not None and p.type in ("GPE", "LOC") and p.start == toks.start[k + 1]:
                end, place = p.tok1, p
            elif p is None and toks.kind[k + 1] == "word" and toks.norm[k + 1].startswith("ال") \
                    and not is_stopword(toks.norm[k + 1]) and not is_common(toks.norm[k + 1]):
                end = k + 2
        elif nxt is not None and nxt.type == "LOC" and nxt.start == toks.start[k] and m.name_norm \
                and not m.name_norm[0].startswith("ال") and m.name_norm[0] not in titles().get("org_head", ()):
            end, place = nxt.tok1, nxt
        if end is None:
            continue
        if place is not None:
            absorb(ctx, place)
        m.tok1, m.end = end, toks.end[end - 1]
        m.name_norm = m.name_norm + tuple(toks.norm[x] for x in range(k, end) if toks.kind[x] == "word")
        m.key, m.entry, m.source, m.short, m.rule = "org:" + " ".join(m.name_norm), None, "pattern", False, \
            "pattern:org_unit"
        claim(covered, m)


_SPORTS_ARTICLE_TRIGGERS = 3  # sport trigger words (ner_triggers.csv ``sport``) that make an article a sports story


def standing_alone(ctx: Context, forms: frozenset[str] | set[str]) -> list[tuple[int, tuple[int, str]]]:
    """``(token, (offset, form))`` of every free word token that, read through its clitics, is one of the definite
    ``forms`` (``للنصر`` -> النصر, ``بالمملكة`` -> المملكة) and stands alone: no definite word that is not a
    stop word follows it in its sentence (``الهلال الأحمر``، ``المملكة المتحدة``: another name, not this one)."""
    toks, covered = ctx.toks, ctx.covered
    stems = tuple(f[2:] for f in forms)  # هلال, مملكه: a cheap test before the clitic readings
    n = len(toks.norm)
    hits = []
    for i in range(n):
        if toks.kind[i] != "word" or covered[i] is not None or not toks.norm[i].endswith(stems):
            continue
        hit = next(((off, f) for off, f in clitic_forms(toks.text[i], toks.norm[i]) if f in forms), None)
        if hit is None:
            continue
        k = i + 1
        if k < n and toks.sentence[k] == toks.sentence[i] and toks.kind[k] == "word" \
                and toks.norm[k].startswith("ال") and not is_stopword(toks.norm[k]):
            continue
        hits.append((i, hit))
    return hits


def club_pass(ctx: Context) -> None:
    """In a sports story (at least three sport trigger words: مباراة، مدرب، دوري ...) a club name of
    entity_words.csv ``sports_club`` standing alone in a sentence with a sport word (``مدربا للنصر``، ``أمام الهلال``
    بعد خسارته كأس الملك) is the club, ORG
    (``pattern:club``); not before a definite word that continues another name (``الهلال الأحمر``).  So is a club
    of ``ner_clubs.csv`` whose name has no other sense (``كأرسنال``، ``لتوتنهام``: anywhere in the story) or only a
    city's (``نابولي``: in a sentence with a sport word, not after a locative word), unless the model reads it
    inside a longer organisation (``أولمبيك مرسيليا``)."""
    from analysis.ner.features import trigger_categories

    toks = ctx.toks
    hits = standing_alone(ctx, word_list("sports_club"))  # not الهلال الأحمر
    firsts = tuple({name[0] for name in _listed_clubs()})
    listed = _listed_club_hits(ctx) if any(w.endswith(firsts) for w in toks.norm) else []
    if not hits and not listed:
        return
    n = len(toks.norm)
    def sporty(x: int) -> bool:
        w = toks.norm[x]
        return toks.kind[x] == "word" and ("sport" in trigger_categories(w) or (
            w.endswith("ا") and len(w) > 3 and "sport" in trigger_categories(w[:-1])))  # مدربا

    sport = [x for x in range(n) if sporty(x)]
    if len(sport) < _SPORTS_ARTICLE_TRIGGERS:
        return
    sentences = {toks.sentence[x] for x in sport}
    span_of = {x: id(sp) for sp in ctx.spans if sp.label == "ORG" for x in sp.ids}  # the model's club names
    for i, k, off, name, city in listed:  # كأرسنال, لنابولي: a listed club (ner_clubs.csv) in a sports story
        longer = (i - 1 in span_of and span_of[i - 1] == span_of.get(i)) or (
            k in span_of and span_of[k] == span_of.get(k - 1) and not toks.norm[k].startswith("و"))
        if (toks.sentence[i] in sentences or not city or _masculine_nisba_at(toks, k, i)) \
                and all(ctx.covered[x] is None for x in range(i, k)) \
                and not longer:  # أولمبيك مرسيليا: the model's longer name (not كأرسنال | والمان يونايتد)
            ctx.add(Mention(i, k, toks.start[i] + off, toks.end[k - 1], "ORG", "pattern", "org:" + " ".join(name),
                            name_norm=name, rule="pattern:club"))
    for i, (off, form) in hits:
        if toks.sentence[i] not in sentences or ctx.covered[i] is not None:
            continue  # ويحتفي الفن العربي بالنصر: no sport word in the sentence, the victory
        ctx.add(Mention(i, i + 1, toks.start[i] + off, toks.end[i], "ORG", "pattern", "org:" + form,
                        name_norm=(form,), rule="pattern:club"))


def _masculine_nisba_at(toks: Tokens, k: int, i: int) -> bool:
    """Token k (after a club named like its city, from token i) is a masculine place adjective: ``وباليرمو
    الإيطالي`` is the club (نادي understood), where the city would take the feminine (``باليرمو الإيطالية``)."""
    return k < len(toks.norm) and toks.sentence[k] == toks.sentence[i] and toks.norm[k].startswith("ال") \
        and not toks.norm[k].endswith("ه") and place_nisba(toks.norm[k])


def _listed_club_hits(ctx: Context) -> list[tuple[int, int, int, tuple[str, ...], bool]]:
    """``(first token, end token, offset into the first, name, also a city)`` of every free run of tokens that spells
    a club of
    ``ner_clubs.csv`` whose name has no other sense (``أرسنال``, ``توتنهام``, ``كأرسنال``) or only a city's
    (``نابولي``, ``برشلونة``: not after a locative word, ``في برشلونة``); the first token read through its
    proclitics, the longest name first."""
    toks, covered = ctx.toks, ctx.covered
    clubs = _listed_clubs()
    firsts = {name[0] for name in clubs}
    ends = tuple(firsts)
    n = len(toks.norm)
    out = []
    i = 0
    while i < n:
        if toks.kind[i] != "word" or covered[i] is not None or not toks.norm[i].endswith(ends):
            i += 1
            continue
        best = None
        for off, form in clitic_forms(toks.text[i], toks.norm[i]):
            if form not in firsts:
                continue
            for name, city in clubs.items():
                L = len(name)
                if name[0] != form or i + L > n or (best is not None and L <= best[1] - i) \
                        or any(toks.norm[i + x] != name[x] or covered[i + x] is not None
                               or toks.sentence[i + x] != toks.sentence[i] for x in range(1, L)):
                    continue
                if city and ((off > 0 and toks.norm[i][:off].endswith("ب"))
                             or (i > 0 and strip_conjunction(toks.norm[i - 1]) in word_list("locative_word"))):
                    continue  # في نابولي, بنابولي, مدينة نابولي: the city (not المحترف في فيورنتينا: a club)
                best = (i, i + L, off, name, city)
        if best is None:
            i += 1
            continue
        out.append(best)
        i = best[1]
    return out


@cache
def _listed_clubs() -> dict[tuple[str, ...], bool]:
    """Clubs of ``ner_clubs.csv`` that the club pass may read standing alone: name -> True when its other sense is
    a city (``نابولي``: also Naples), False when it has none (``أرسنال``).  Names with another sense (a common
    word, a country, an institution: ``الهلال``, ``الكويت``, ``الشرطة``) are left to ``sports_club`` and the model."""
    from analysis.lexicon import load_csv
    from analysis.lexicon.gazetteer import name_tokens
    from analysis.names.places import candidates

    out: dict[tuple[str, ...], bool] = {}
    for r in load_csv("ner_clubs.csv", required=("word", "gloss_en"), key=("word",)):
        name = name_tokens(r["word"])
        if len(name) == 1 and name[0].startswith("ال"):
            continue  # الفتح, العهد, الريال: a one-word definite club name is also an Arabic word (ولي العهد)
        also = r["gloss_en"].partition("; also")[2].strip().strip('"')
        places = candidates(r["word"])
        city = bool(also) and not any(p.kind == "country" for p in places) and (
            also == "the city" or any(p.kind == "city" and p.name_en == also for p in places))  # also Naples
        if also and not city:
            continue  # الهلال (the crescent), الكويت (the country), الشرطة (the police)
        out[name] = city
    return out


def quoted_place_pass(ctx: Context) -> None:
    """A natural feature word (entity_words.csv ``geo_head`` without directions and streets: جبل، وادي، جزيرة ...)
    before a name in quotation marks is one LOC mention, the marks inside (``جبل «منيف»``، ``جبل "جار زيرك
    ياليل"``; ``pattern:quoted_place``)."""
    toks, covered = ctx.toks, ctx.covered
    heads = word_list("geo_head") - word_list("direction") - word_list("street_head")
    n = len(toks.norm)
    i = 0
    while i < n - 3:
        if toks.kind[i] != "word" or covered[i] is not None or toks.text[i + 1] not in QUOTE_MARKS:
            i += 1
            continue
        hit = next(((off, f) for off, f in clitic_forms(toks.text[i], toks.norm[i]) if f in heads), None)
        c = next((x for x in range(i + 2, min(i + 7, n)) if toks.text[x] in QUOTE_MARKS), None) if hit else None
        if c is None or c == i + 2 or toks.sentence[c] != toks.sentence[i] or any(
                covered[x] is not None or toks.kind[x] != "word" or is_stopword(toks.norm[x]) for x in range(i + 2, c)):
            i += 1
            continue
        off, head = hit
        name = (head,) + tuple(toks.norm[x] for x in range(i + 2, c))
        ctx.add(Mention(i, c + 1, toks.start[i] + off, toks.end[c], "LOC", "pattern", "loc:" + " ".join(name),
                        name_norm=name, rule="pattern:quoted_place"))
        i = c + 1


def _work_noun(toks: Tokens, k: int, nouns: frozenset[str]) -> bool:
    """Token k is a work noun (entity_words.csv ``work_noun``: فيلم، كتاب، رواية ...), also definite, behind a
    proclitic or with a possessive suffix (``كتابه``، ``روايتي``، ``فيلمها``)."""
    for _, f in clitic_forms(toks.text[k], toks.norm[k]):
        f = f[2:] if f.startswith("ال") else f
        stems = {f} | {f[:-len(x)] for x in ("ه", "ها", "ي", "هم") if f.endswith(x) and len(f) - len(x) >= 3}
        if any(w in nouns or (w.endswith("ت") and w[:-1] + "ه" in nouns) for w in stems):
            return True
    return False


def quoted_title_pass(ctx: Context) -> None:
    """A title in quotation marks after the noun of its kind: after a work noun (entity_words.csv ``work_noun``:
    ``فيلم «دموع غزة»``، ``كتابه «...»``، ``عملية "السهم الذهبي"``, one adjective may come between: ``المعرض
    الفني “رواة القصص”``) the title alone is a MISC mention, the noun and the marks outside; after an event or
    facility head (``بطولة "بيبسي"``، ``مهرجان "تورتيت"``، ``ملعب "ابن بطوطة"``; entity_words.csv
    ``quoted_event_head`` adds مؤتمر، ماراثون، ملتقى) head, marks and title are one mention (``pattern:quoted_title``).
    A gazetteer place inside the title gives way (``دموع غزة``)."""
    toks, covered = ctx.toks, ctx.covered
    t = titles()
    nouns = word_list("work_noun")
    events = t.get("event_head", frozenset()) | word_list("quoted_event_head")
    facilities = t.get("fac_head", frozenset()) | t.get("fac_head_weak", frozenset())
    n = len(toks.norm)
    i = 0
    while i < n - 3:
        if toks.kind[i] != "word" or covered[i] is not None:
            i += 1
            continue
        o = i + 1
        if toks.text[o] not in QUOTE_MARKS and o + 1 < n and toks.text[o + 1] in QUOTE_MARKS \
                and toks.kind[o] == "word" and covered[o] is None and is_nisba(toks.norm[o]):
            o += 1  # المعرض الفني “رواة القصص”
        if toks.text[o] not in QUOTE_MARKS:
            i += 1
            continue
        head = next(((off, f) for off, f in clitic_forms(toks.text[i], toks.norm[i]) if f in events or f in facilities),
                    None) if o == i + 1 else None
        work = head is None and _work_noun(toks, i, nouns)
        c = next((x for x in range(o + 1, min(o + 12, n)) if toks.text[x] in QUOTE_MARKS), None) \
            if head or work else None
        inner = range(o + 1, c) if c is not None else range(0)
        if c is None or c == o + 1 or toks.sentence[c] != toks.sentence[i] \
                or any(toks.kind[x] not in ("word", "number") or (covered[x] is not None and covered[x].type not in ("GPE", "LOC"))
                       for x in inner) \
                or any(covered[x] is not None and (covered[x].tok0 < o + 1 or covered[x].tok1 > c) for x in inner) \
                or is_stopword(toks.norm[o + 1]) or is_stopword(toks.norm[c - 1]) \
                or (len(inner) >= 5 and any(verb_shaped(toks.norm[x]) for x in inner)):
            i += 1  # (للمعرض “رواة القصص معرض جماعي يضم أعمالاً ...”: a sentence with a verb, quoted speech)
            continue
        for m in {id(covered[x]): covered[x] for x in inner if covered[x] is not None}.values():
            absorb(ctx, m)  # دموع غزة: the place is part of the title
        if head is not None:
            off, f = head
            typ = "FAC" if f in facilities and f not in events else "MISC"
            a, b, start = i, c + 1, toks.start[i] + off
            name = (f,) + tuple(toks.norm[x] for x in inner)
        else:
            typ, a, b, start = "MISC", o + 1, c, toks.start[o + 1]
            name = tuple(toks.norm[x] for x in inner)
        ctx.add(Mention(a, b, start, toks.end[b - 1], typ, "pattern", f"{typ.lower()}:" + " ".join(name),
                        name_norm=name, rule="pattern:quoted_title"))
        i = c + 1


def _mark_run(toks: Tokens, k: int) -> int:
    """Length of the quotation mark at token k: 1 for ``"``/``«``..., 2 for a doubled apostrophe (``''الخبر''``,
    the Algerian press's marks), 0 for none."""
    if k < len(toks.norm) and toks.text[k] in QUOTE_MARKS:
        return 1
    if k + 1 < len(toks.norm) and toks.text[k] == toks.text[k + 1] == "'" and toks.start[k + 1] == toks.end[k]:
        return 2
    return 0


_TO_OUTLET = frozenset({"لـ", "ل", "الى", "إلى"})


def quoted_outlet_pass(ctx: Context) -> None:
    """The outlet a statement was given to, named in quotation marks after لـ / إلى after a speech word in its
    sentence (a cue verb or entity_words.csv ``speech_noun``, at most 12 words before: ``قال لـ"الوطن"``، ``في تصريح لـ''الخبر''``، ``في تصريحات إلى
    "الوطن"``): one or two words, ORG (``pattern:quoted_outlet``); a gazetteer place of that name gives way
    (``لـ«الرياض»``: the paper)."""
    toks, covered = ctx.toks, ctx.covered
    n = len(toks.norm)
    speech = word_list("speech_noun")
    for i in range(1, n - 3):
        if toks.text[i] not in _TO_OUTLET:
            continue
        o = _mark_run(toks, i + 1)
        if not o:
            continue
        a = i + 1 + o
        b = next((x for x in range(a + 1, min(a + 3, n)) if _mark_run(toks, x) == o), None)
        if b is None or toks.sentence[b] != toks.sentence[i] \
                or any(toks.kind[x] != "word" or is_stopword(toks.norm[x]) for x in range(a, b)):
            continue
        held = {id(covered[x]): covered[x] for x in range(a, b) if covered[x] is not None}
        if any(m.type != "GPE" or m.tok0 != a or m.tok1 != b or m.source != "gazetteer" for m in held.values()):
            continue
        before = [strip_conjunction(toks.norm[x]) for x in range(max(0, i - 12), i) if toks.sentence[x] == toks.sentence[i]]
        if not any(w in speech or w in cue_verbs() for w in before):
            continue
        for m in held.values():
            absorb(ctx, m)
        name = tuple(toks.norm[x] for x in range(a, b))
        ctx.add(Mention(a, b, toks.start[a], toks.end[b - 1], "ORG", "pattern", "org:" + " ".join(name),
                        name_norm=name, rule="pattern:quoted_outlet"))


_DAY_RE = re.compile(r"^(?:[1-9]|[12]\d|3[01])$")


def dated_event_pass(ctx: Context) -> None:
    """An event named by its date (entity_words.csv ``dated_event_head`` + day + month name, a year after it
    optional): ``ثورة 25 يناير``, ``ثورة 25 يناير 2011``, ``هجمات 11 سبتمبر`` -- one MISC mention, the head
    inside (conventions H10; the date is also a date row) (``pattern:dated_event``).  A head without a day and a
    month (``ثورة الشعب``, ``أحداث العنف``) names nothing here."""
    from analysis.text.pagedate import gregorian_month_names

    toks, covered = ctx.toks, ctx.covered
    heads, months = word_list("dated_event_head"), gregorian_month_names()
    n = len(toks.norm)
    for i in range(n - 2):
        if toks.kind[i] != "word" or covered[i] is not None or toks.sentence[i + 2] != toks.sentence[i] \
                or not _DAY_RE.match(toks.text[i + 1]) or toks.norm[i + 2] not in months \
                or covered[i + 1] is not None or covered[i + 2] is not None:
            continue
        hit = next(((off, f) for off, f in clitic_forms(toks.text[i], toks.norm[i]) if f in heads), None)
        if hit is None:
            continue
        off, head = hit
        k = _year_at(toks, i + 3, i)  # ثورة 25 يناير 2011
        name = (head,) + tuple(toks.norm[x] for x in range(i + 1, k))
        ctx.add(Mention(i, k, toks.start[i] + off, toks.end[k - 1], "MISC", "pattern", "misc:" + " ".join(name),
                        name_norm=name, rule="pattern:dated_event"))


def year_event_pass(ctx: Context) -> None:
    """An event named by a head and its year alone (entity_words.csv ``year_event_head``: ``يورو 2012``,
    ``مونديال1986``, ``أولمبياد 2012``) or, in a sports story, by its host city and year (``لندن 2012``: the games,
    not the city): one MISC mention (``pattern:year_event``); the host city's mention gives way."""
    toks, covered = ctx.toks, ctx.covered
    n = len(toks.norm)
    heads = word_list("year_event_head")
    sports = None
    for i in range(n - 1):
        if toks.kind[i] != "word" or toks.kind[i + 1] != "number" or toks.sentence[i + 1] != toks.sentence[i] \
                or not re.fullmatch(r"(?:19[3-9]\d|20[0-3]\d)", toks.text[i + 1]) or covered[i + 1] is not None:
            continue
        m = covered[i]
        if m is None:
            if i > 0 and toks.kind[i - 1] == "number":
                continue  # 100 يورو: an amount
            off = next((o for o, f in clitic_forms(toks.text[i], toks.norm[i]) if f in heads), None)
            i0 = i
        elif m.type == "GPE" and m.tok1 == i + 1 and m.source == "gazetteer" and not (
                m.tok0 > 0 and any(f in _all_heads() for _, f in clitic_forms(toks.text[m.tok0 - 1], toks.norm[m.tok0 - 1]))):
            if sports is None:
                sports = _sports_story(toks)
            off, i0 = (m.start - toks.start[m.tok0], m.tok0) if sports else (None, i)
        else:
            continue
        if off is None:
            continue
        if m is not None:
            absorb(ctx, m)  # لندن 2012: the games named after their host
        name = tuple(toks.norm[x] for x in range(i0, i + 2))
        ctx.add(Mention(i0, i + 2, toks.start[i0] + off, toks.end[i + 1], "MISC", "pattern", "misc:" + " ".join(name),
                        name_norm=name, rule="pattern:year_event"))


def _sports_story(toks: Tokens) -> bool:
    """At least ``_SPORTS_ARTICLE_TRIGGERS`` sport trigger words (ner_triggers.csv ``sport``) in the article."""
    from analysis.ner.features import trigger_categories

    return sum(1 for x in range(len(toks.norm)) if toks.kind[x] == "word"
               and "sport" in trigger_categories(toks.norm[x])) >= _SPORTS_ARTICLE_TRIGGERS


_LIST_SEPARATORS = frozenset("،,-")


def club_retype_pass(ctx: Context) -> None:
    """In a sports story, a name the model or the alias pass read as a person is a club when the article writes a
    country's adjective right after it (``دينامو كييف الاوكراني``، ``سلتيك الاسكتلندي``) or its second word on is a
    listed city (``فيينورد روتردام``): a player is named after his title (``اللاعب البرازيلي``), a club is followed by
    its country.  Every mention of that name becomes ORG.  Names opening with a listed first name and gazetteer
    persons keep their type."""
    toks = ctx.toks
    n = len(toks.norm)
    candidates = [m for m in ctx.found if m.type == "PERSON" and m.source in ("ner", "alias") and m.entry is None
                  and m.name_norm and not listed_first_name(strip_conjunction(m.name_norm[0]))
                  and not known_name_word(strip_conjunction(m.name_norm[0]))]
    if not candidates or not _sports_story(toks):
        return
    clubs = set()
    for m in candidates:
        k = m.tok1
        followed = k < n and toks.kind[k] == "word" and toks.sentence[k] == toks.sentence[m.tok0] \
            and ctx.covered[k] is None and toks.norm[k].startswith("ال") and place_nisba(toks.norm[k])
        with_city = len(m.name_norm) >= 2 and any(listed_place(w) for w in m.name_norm[1:])
        if followed or with_city:  # (not a nisba inside the name: السعيد السعودي, توفيق الهندي are persons)
            clubs.add(m.key)
    firsts = {m.name_norm[0] for m in candidates if m.key in clubs and len(m.name_norm) >= 2}
    for m in candidates:  # فيينورد after فيينورد روتردام: the club's short name
        if len(m.name_norm) == 1 and m.name_norm[0] in firsts:
            clubs.add(m.key)
    for m in ctx.found:  # (a surname alias shares its name's key: one club)
        if m.key in clubs and m.type == "PERSON":
            m.type, m.key, m.rule = "ORG", "org:" + m.key.split(":", 1)[-1], m.rule + "+club"


def _list_item_name(toks: Tokens, a: int, covered: list[Mention | None], s: int) -> tuple[int, int, int] | None:
    """``(first token, end token, offset into the first)`` of a two- or three-word name item starting at token a
    of a list (after a separator, or a و fused to its first word: ``ونوف العجمي``), ending before the next
    separator or the sentence's end; every word free, no stop word, common word, title, verb or place adjective."""
    n = len(toks.norm)
    person_titles = titles().get("person_title", frozenset())
    off = 0
    if a < n and toks.kind[a] == "word" and toks.norm[a][:1] == "و" and len(toks.norm[a]) >= 4 \
            and toks.norm[a] not in word_list("waw_name") and not known_name_word(toks.norm[a]):
        off = 1
    e = a
    while e < n and toks.sentence[e] == s and toks.kind[e] == "word" and e - a < 4:
        e += 1
    if not (e == n or toks.sentence[e] != s or toks.text[e] in _LIST_SEPARATORS or toks.text[e] in ".:؛;)"):
        return None  # the item runs on: a clause, not a name
    if not 2 <= e - a <= 3:
        return None
    for x in range(a, e):
        w = toks.norm[x][off:] if x == a else toks.norm[x]
        if covered[x] is not None or len(w) < 2 or is_stopword(w) or is_common(w) or w in person_titles \
                or verb_shaped(w) or never_name(w) or place_nisba(w) or accusative_indefinite(toks.text[x]) \
                or (x > a and toks.norm[x][:1] == "و" and _conjoined_word(toks.norm[x])) \
                or w.startswith(("لل", "بال", "كال")) or (w.endswith("ا") and is_common(w[:-1])) or _possessed(w):
            return None  # ربحا للوقت: an adverbial phrase, not a name
    return a, e, off


def person_list_pass(ctx: Context) -> None:
    """A list of persons (``عبد العزيز الفضلي، نور السويدي، أشواق الحوسني، ... وخولة درويش ونوف العجمي``): a free
    name item of two or three words right before or after a person of the list, separated by ``،`` / ``-`` or a
    fused ``و``, is a person too (``pattern:person_list``), when the list holds two persons at least."""
    toks, covered = ctx.toks, ctx.covered
    n = len(toks.norm)
    changed = True
    while changed:
        changed = False
        persons = sorted((m for m in ctx.found if m.type == "PERSON"), key=lambda m: m.tok0)
        for m in persons:
            s = toks.sentence[m.tok0]
            # the item after: a separator then the item, or the item's fused و right after the person
            k = m.tok1
            starts = []
            if k < n and toks.sentence[k] == s and toks.text[k] in _LIST_SEPARATORS:
                starts.append(k + 1)
            elif k < n and toks.sentence[k] == s and toks.norm[k][:1] == "و":
                starts.append(k)
            # the item before: ... item ، <person>
            b = m.tok0 - 1
            if b > 0 and toks.sentence[b] == s and toks.text[b] in _LIST_SEPARATORS:
                a = b - 1
                while a - 1 >= 0 and toks.sentence[a - 1] == s and toks.kind[a - 1] == "word" and b - a < 3:
                    a -= 1
                if a == 0 or toks.sentence[a - 1] != s or toks.text[a - 1] in _LIST_SEPARATORS:
                    starts.append(a)
            for a in starts:
                if a >= n or toks.sentence[a] != s:
                    continue
                item = _list_item_name(toks, a, covered, s)
                if item is None:
                    continue
                a, e, off = item
                others = [p for p in persons if p is not m and toks.sentence[p.tok0] == s]
                if not others:
                    continue  # one person and a name-like phrase: not yet a list
                name = (toks.norm[a][off:],) + tuple(toks.norm[x] for x in range(a + 1, e))
                ctx.add(Mention(a, e, toks.start[a] + off, toks.end[e - 1], "PERSON", "pattern",
                                "person:" + " ".join(name), name_norm=name, rule="pattern:person_list"))
                changed = True
            if changed:
                break


def place_org_after_model_pass(ctx: Context) -> None:
    """A sector head + a place only the model found (``شرطة البتراء``، ``تعليم عنيزة``، ``شرطة محافظة
    النبهانية``): the body, ORG (``pattern:place_org``), the place absorbed -- as :func:`org_pass` does for a
    gazetteer place."""
    toks, covered = ctx.toks, ctx.covered
    heads = titles().get("place_org_head", frozenset())
    n = len(toks.norm)
    i = 0
    while i < n - 1:
        if toks.kind[i] != "word" or covered[i] is not None:
            i += 1
            continue
        hit = next(((off, f) for off, f in clitic_forms(toks.text[i], toks.norm[i]) if f in heads), None)
        if hit is None:
            i += 1
            continue
        k, place = place_org_name(toks, i, covered, sources=("ner",))
        if place is None:
            i += 1
            continue
        absorb(ctx, place)
        off, f = hit
        name = (f,) + tuple(toks.norm[x] for x in range(i + 1, k))
        ctx.add(Mention(i, k, toks.start[i] + off, toks.end[k - 1], "ORG", "pattern", "org:" + " ".join(name),
                        name_norm=name, rule="pattern:place_org"))
        i = k


def place_list_pass(ctx: Context) -> None:
    """A list of places (``بمحافظات القاهرة والجيزة والغربية ودمياط``): a free word right after a place of the
    list, behind ``،`` or a fused ``و``, that is a city or country of the place table with 100,000 people or more
    (``الجيزة``، ``دمياط``) and no common word or listed first name, is a place too (GPE, ``pattern:place_list``)."""
    toks, covered = ctx.toks, ctx.covered
    n = len(toks.norm)
    changed = True
    while changed:
        changed = False
        for m in sorted((m for m in ctx.found if m.type == "GPE"), key=lambda m: m.tok0):
            k = m.tok1
            if k < n and toks.text[k] in "،," and toks.sentence[k] == toks.sentence[m.tok0]:
                k += 1
            if k >= n or toks.sentence[k] != toks.sentence[m.tok0] or toks.kind[k] != "word" or covered[k] is not None:
                continue
            norm = toks.norm[k]
            off, form = (1, norm[1:]) if norm[:1] == "و" and len(norm) > 3 and not big_place(norm) else (0, norm)
            if off == 0 and k == m.tok1:
                continue  # no separator: another word of a phrase, not the next item
            if is_common(form) or is_stopword(form) or listed_first_name(form) or not big_place(form, 100000) \
                    or _possessed(form) or (form.endswith("ه") and is_common(form[:-1])) \
                    or place_nisba(form) or (k + 1 < n and toks.sentence[k + 1] == toks.sentence[k]
                                             and covered[k + 1] is None and toks.norm[k + 1].startswith("ال")
                                             and not is_stopword(toks.norm[k + 1])):
                continue  # (... والجيزة الجديدة: a longer name the lists do not hold; وخارجه: outside it)
            ctx.add(Mention(k, k + 1, toks.start[k] + off, toks.end[k], "GPE", "pattern", "gpe:" + form,
                            name_norm=(form,), rule="pattern:place_list"))
            changed = True



def country_pass(ctx: Context) -> None:
    """A free word that is a country of the place table (CLDR's Arabic names: ``موزمبيق``، ``زامبيا``، ``ساموا``),
    written without the article (``البنين`` is also "the boys") and no common word, first name or adjective
    (``فساد مالي``: financial, not Mali), is that country (GPE, ``pattern:country``): the reviewed gazetteer holds only the countries the news names
    most."""
    from analysis.names.places import candidates

    toks, covered = ctx.toks, ctx.covered
    for k in range(len(toks.norm)):
        norm = toks.norm[k]
        if toks.kind[k] != "word" or covered[k] is not None or len(norm) < 4 or norm.startswith(("ال", "و")) \
                or is_common(norm) or is_stopword(norm) or listed_first_name(norm) or place_nisba(norm) \
                or is_nisba("ال" + norm) or accusative_indefinite(toks.text[k]):
            continue  # (فساد مالي: financial, the adjective, not Mali)
        if any(p.kind == "country" for p in candidates(norm)):
            ctx.add(Mention(k, k + 1, toks.start[k], toks.end[k], "GPE", "pattern", "gpe:" + norm, name_norm=(norm,),
                            rule="pattern:country"))
