"""The proclitic primitive (analysis.text.clitics) with each caller's options, and the title-chain skipper."""
from __future__ import annotations

import pytest

from analysis.text.clitics import (
    CLITIC_ARTICLE_PREFIXES,
    PROCLITICS,
    PROCLITICS_SHORTEST_FIRST,
    clitic_forms,
    proclitic_splits,
    strip_article,
    strip_conjunction,
)
from analysis.text.commonwords import is_common
from analysis.text.numerals import number_word, strip_clitics
from analysis.text.stopwords import is_stopword


@pytest.mark.parametrize("token, expected", [
    ("بغداد", ((0, "بغداد"), (1, "غداد"))),  # every reading: the lexicon decides which one names something
    ("وبغداد", ((0, "وبغداد"), (2, "غداد"), (1, "بغداد"))),
    ("موسكو", ((0, "موسكو"),)),
    ("لإيطاليا", ((0, "لايطاليا"), (1, "ايطاليا"))),
    # ل fused with the article: the reading with ال restored keeps the ل in the span
    ("للتحالف", ((0, "للتحالف"), (0, "التحالف"), (1, "لتحالف"))),
    ("وللتحالف", ((0, "وللتحالف"), (1, "التحالف"), (2, "لتحالف"), (1, "للتحالف"))),
    ("وبالدولار", ((0, "وبالدولار"), (2, "الدولار"), (1, "بالدولار"))),
    # diacritics ride along with the proclitic: the offset is into the written token
    ("وَبغداد", ((0, "وبغداد"), (3, "غداد"), (2, "بغداد"))),
    ("ول", ((0, "ول"),)),  # nothing left to read
    ("وله", ((0, "وله"), (1, "له"))),  # two letters left after و; none after ول
])
def test_clitic_forms_entity_readings(token, expected):
    assert clitic_forms(token) == expected


@pytest.mark.parametrize("norm, expected", [
    ("وبخمسه", ["وبخمسه", "بخمسه", "خمسه"]),
    ("بخمسه", ["بخمسه", "خمسه"]),
    ("وخمسه", ["وخمسه", "خمسه"]),
    ("فكم", ["فكم", "كم"]),
    ("لل", ["لل"]),
    ("للعام", ["للعام", "لعام"]),  # no ل + ال reading here (lam_lam=False)
    ("وله", ["وله", "له"]),
])
def test_strip_clitics_is_the_primitive_shortest_first(norm, expected):
    assert strip_clitics(norm) == expected
    assert [f for _, f in proclitic_splits(norm, proclitics=PROCLITICS_SHORTEST_FIRST, lam_lam=False)] == expected


def test_number_word_behind_clitics():
    entry, prefix = number_word("وبخمسه")
    assert entry.value == 5 and prefix == "وب"


@pytest.mark.parametrize("norm, min_rest, lam_min, expected", [
    # the not_entities.csv lookup: three letters must remain, ل + article read at any length
    ("بالدولار", 3, 0, {"بالدولار", "الدولار"}),
    ("للاكراد", 3, 0, {"للاكراد", "الاكراد", "لاكراد"}),
    ("للا", 3, 0, {"للا", "الا"}),
    ("للا", 2, 3, {"للا", "لا"}),  # the entity readings: no ل + article before a one-letter rest
    ("بها", 3, 0, {"بها"}),
])
def test_proclitic_splits_thresholds(norm, min_rest, lam_min, expected):
    forms = proclitic_splits(norm, proclitics=PROCLITICS, min_rest=min_rest, lam_lam_min_rest=lam_min)
    assert {f for _, f in forms} == expected


@pytest.mark.parametrize("norm, min_rest, expected", [
    ("وقال", 3, "قال"),
    ("وهو", 3, "وهو"),  # the entity/quote threshold keeps short words whole
    ("وهو", 2, "هو"),  # the stopword threshold
    ("فقد", 2, "قد"),
    ("بقال", 3, "بقال"),  # only و/ف
])
def test_strip_conjunction(norm, min_rest, expected):
    assert strip_conjunction(norm, min_rest=min_rest) == expected


def test_stopwords_and_common_words_behind_a_conjunction():
    assert is_stopword("وهو") and is_stopword("فقد")
    assert is_common("والسلاح") == is_common("السلاح")


@pytest.mark.parametrize("norm, kwargs, expected", [
    ("الدولار", {}, "دولار"),
    ("للبرميل", {}, "برميل"),
    ("الف", {}, None),  # too short: ال + one letter
    ("بالدولار", {}, None),
    ("بالدولار", {"prefixes": CLITIC_ARTICLE_PREFIXES, "min_rest": 3}, "دولار"),
    ("والي", {"prefixes": CLITIC_ARTICLE_PREFIXES, "min_rest": 3}, None),
])
def test_strip_article(norm, kwargs, expected):
    assert strip_article(norm, **kwargs) == expected


def test_figures_bare_forms():
    from analysis.extract.figures import _bare
    assert _bare("بالدولار") == ["بالدولار", "الدولار", "دولار"]


def test_theme_proclitic_regex_needs_three_letters_after():
    from analysis.text.clitics import PREPOSITION_PROCLITIC_RE as R
    assert R.sub("", "لفرض") == "فرض" and R.sub("", "وبالعمل") == "العمل" and R.sub("", "لكم") == "لكم"
