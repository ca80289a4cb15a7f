"""skip_title_chain: the title chain between a person title and the name, with the entity and quote options."""
from __future__ import annotations

from analysis.extract.titlechain import POSSESSIVE_RE, QUOTE_MARKS, skip_title_chain
from analysis.text.normalize import normalize
from analysis.text.stopwords import is_stopword
from analysis.text.tokens import tokenize


def _lists(text: str):
    toks = list(tokenize(text, 0, len(text)))
    return ([t.text for t in toks], [normalize(t.text) for t in toks], [t.kind for t in toks], [1] * len(toks))


def _skip(text: str, mentions: dict[int, tuple[str, int]] | None = None, **opts):
    words, norm, kind, sent = _lists(text)
    at = [None] * len(words)
    for i, (typ, end) in (mentions or {}).items():
        for k in range(i, end):
            at[k] = (typ, end)
    opts.setdefault("stop", lambda k, w: is_stopword(w))
    j, person = skip_title_chain(words, norm, kind, sent, 1, at, is_person=lambda m: m[0] == "PERSON",
                                 mention_end=lambda m: m[1], **opts)
    return words[j] if j < len(words) else None, person


def test_complements_and_nisba_end_at_the_name():
    assert _skip("رئيس الوزراء العراقي مصطفى الكاظمي") == ("مصطفى", None)


def test_possessive_complement():
    assert _skip("وزير خارجيتها رياض المالكي") == ("رياض", None)
    assert POSSESSIVE_RE.match("خارجيتها") and not POSSESSIVE_RE.match("خارجية")


def test_head_governs_a_common_noun_and_a_quoted_name_is_skipped():
    # نائب رئيس مجلس إدارة "سابك" الرئيس التنفيذي يوسف: سابك (token 5) is an organisation mention
    assert _skip('نائب رئيس مجلس إدارة "سابك" الرئيس التنفيذي يوسف البنيان', {5: ("ORG", 6)}) == ("يوسف", None)


def test_a_person_mention_ends_the_chain():
    assert _skip("وزير الدفاع لورنزو غويريني", {2: ("PERSON", 4)}) == ("لورنزو", ("PERSON", 4))


def test_stop_predicates():
    assert _skip("وزير الدفاع في الحكومة") == ("في", None)  # entity layer: a stopword ends the chain
    quote_stop = {"stop": lambda k, w: w in ("ان", "بان")}  # quote layer: a complementiser (or a cue) does
    assert _skip("وزير الدفاع ان الحكومة", **quote_stop) == ("ان", None)


def test_limits():
    text = "رئيس " + " ".join(["الوزراء"] * 14) + " مصطفى"
    assert _skip(text, max_steps=10) == ("الوزراء", None)
    words = _lists(text)[0]
    assert _skip(text, until=12) == (words[12], None)  # the quote layer: no further than 12 tokens from the title
    assert _skip(text) == ("مصطفى", None)


def test_quote_marks_constant():
    assert {'"', "\u00AB", "\u00BB", "\u201C", "\u201D", "\u201E"} == set(QUOTE_MARKS)


def test_a_definite_title_governs_no_common_noun():
    # الأستاذة مشاعر: a definite title is in apposition with the name (an indefinite one governs: مجلس إدارة)
    assert _skip("الأستاذة مشاعر أحمد الدولب") == ("مشاعر", None)
    assert _skip("المدير العام علي الحازمي") == ("علي", None)


def test_a_genitive_after_li_is_a_complement():
    assert _skip("المتحدث الرسمي لوزارة الداخلية منصور التركي") == ("منصور", None)
    assert _skip("المفوضة الأوروبية للتجارة سيسيليا مالمستروم") == ("سيسيليا", None)


def test_a_unit_noun_is_governed_by_the_title():
    # titles.csv unit_noun: رئيسة قسم نشاط الطالبات, مدير عام كرة القدم: the unit is no person's name
    assert _skip("رئيسة قسم نشاط الطالبات نجلاء البريت") == ("نجلاء", None)
