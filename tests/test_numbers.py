"""find_numbers: every number in a text, each kind, both digit scripts, the separator rule, offsets."""
from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import NumberMention, find_numbers
from analysis.text.numbers import NUMBER_KINDS


def found(text: str, **options) -> list[tuple]:
    return [(n.text, n.value, n.kind) for n in find_numbers(text, **options)]


class TestKinds:
    @pytest.mark.parametrize("text, expected", [
        # cardinals in both scripts, with thousands separators
        ("أرسلت 390 مركبة", [("390", 390.0, "cardinal")]),
        ("نحو ١٬٤٩٧ جندياً", [("١٬٤٩٧", 1497.0, "cardinal")]),
        ("بحوالي 1,497 جندياً", [("1,497", 1497.0, "cardinal")]),
        ("١٢٣ مواطنا", [("١٢٣", 123.0, "cardinal")]),
        ("۴۵ نفر", [("۴۵", 45.0, "cardinal")]),  # Persian digits
        # decimals: point, Arabic decimal separator, decimal comma (Latin and Arabic), fraction-first style
        ("2.38 نقطة", [("2.38", 2.38, "decimal")]),
        ("٢٫٣٨ نقطة", [("٢٫٣٨", 2.38, "decimal")]),
        ("ربح 2,5 ريال", [("2,5", 2.5, "decimal")]),
        ("بنسبة 0،65 نقطة", [("0،65", 0.65, "decimal")]),
        ("تراجع 2ر0 نقطة", [("2ر0", 0.2, "decimal")]),
        ("بلغ 19ر162 نقطة", [("19ر162", 162.19, "decimal")]),
        # percentages: sign in both scripts, words
        ("ارتفع ١٠٠٪", [("١٠٠٪", 100.0, "percent")]),
        ("ارتفع 2.38%", [("2.38%", 2.38, "percent")]),
        ("نما 20 في المئة", [("20 في المئة", 20.0, "percent")]),
        ("نما 9 في المائة", [("9 في المائة", 9.0, "percent")]),
        ("تراجع 15 بالمائة", [("15 بالمائة", 15.0, "percent")]),
        ("نما عشرون في المئة", [("عشرون في المئة", 20.0, "percent")]),
        # number words with scales, digits with scales
        ("ألف وأربعمائة جندي", [("ألف وأربعمائة", 1400.0, "cardinal")]),
        ("ثلاثة آلاف", [("ثلاثة آلاف", 3000.0, "cardinal")]),
        ("خمسة عشر لاعبا", [("خمسة عشر", 15.0, "cardinal")]),
        ("2.5 مليون دولار", [("2.5 مليون", 2.5e6, "cardinal")]),
        ("3 ملايين", [("3 ملايين", 3e6, "cardinal")]),
        ("مليار دولار", [("مليار", 1e9, "cardinal")]),
        # compound amounts: one number
        ("166 مليونا و 525 الف دينار", [("166 مليونا و 525 الف", 166525000.0, "cardinal")]),
        # after thousands, a bare digit amount below a thousand is the compound's last part (session 9)
        ("28 الفا و 116 مرشحا", [("28 الفا و 116", 28116.0, "cardinal")]),
        ("بين «5 و7 و10 سنوات»", [("5", 5.0, "cardinal"), ("7", 7.0, "cardinal"), ("10", 10.0, "cardinal")]),  # a list
        ("3 آلاف و2.5 مليون", [("3 آلاف", 3000.0, "cardinal"), ("2.5 مليون", 2500000.0, "cardinal")]),
        ("16 مليونا وثلاثمئة الف دينار", [("16 مليونا وثلاثمئة الف", 16300000.0, "cardinal")]),
        # fractions
        ("ربع السكان", [("ربع", 0.25, "fraction")]),
        ("نصف قرن", [("نصف", 0.5, "fraction")]),
        ("ثلثي الأعضاء", [("ثلثي", pytest.approx(2 / 3), "fraction")]),
        ("ثلث المقاعد", [("ثلث", pytest.approx(1 / 3), "fraction")]),
        ("ثلاثة أخماس الأصوات", [("ثلاثة أخماس", 0.6, "fraction")]),
        ("ثلاثة أرباع", [("ثلاثة أرباع", 0.75, "fraction")]),
        # ordinals
        ("المركز الثالث", [("الثالث", 3.0, "ordinal")]),
        ("الدورة الحادية عشرة", [("الحادية عشرة", 11.0, "ordinal")]),
        ("أول مرة", [("أول", 1.0, "ordinal")]),
    ])
    def test_kind_and_value(self, text, expected):
        assert found(text) == expected

    @pytest.mark.parametrize("text, expected", [
        ("بين 5 و15 يوما", ("5 و15", 5.0, 15.0)),
        ("من 5 إلى 15 يوما", ("5 إلى 15", 5.0, 15.0)),
        ("5-15 يوما", ("5-15", 5.0, 15.0)),
        ("سبعة إلى ثمانية عشر سنة", ("سبعة إلى ثمانية عشر", 7.0, 18.0)),
        ("بين 20 و10 أيام", ("20 و10", 10.0, 20.0)),  # low/high whatever the order
        ("من 3 إلى 4 ملايين", ("3 إلى 4 ملايين", 3e6, 4e6)),  # the scale is shared
        ("بين 1.2 مليون و1.3 مليون برميل", ("1.2 مليون و1.3 مليون", 1.2e6, 1.3e6)),
    ])
    def test_ranges(self, text, expected):
        (n,) = find_numbers(text)
        assert (n.text, n.value, n.value_high, n.kind) == (*expected[:3], "range")

    @pytest.mark.parametrize("text, expected", [
        # a before and an after of a change (analysis/data/change_verbs.csv), not the bounds of a range
        ("ارتفع حجم التداول من 779،557 إلى 912،995", [("779،557", 779557.0, "cardinal"), ("912،995", 912995.0, "cardinal")]),
        ("أغلق المؤشر مرتفعا من 2،395،96 إلى 2،402،67 نقطة",
         [("2،395،96", 2395.96, "decimal"), ("2،402،67", 2402.67, "decimal")]),
        ("وارتفع سعر اسهم صكوك الاستثمار الحكومية السابعة عشر من 100 إلى 100،51 جنية",
         [("السابعة عشر", 17.0, "ordinal"), ("100", 100.0, "cardinal"), ("100،51", 100.51, "decimal")]),
        # no change word in the clause: a range
        ("يتراوح سعرها من 1000 إلى 3000 ريال", [("1000 إلى 3000", 1000.0, "range")]),
        ("ارتفع عدد الطلاب. وتتراوح أعمارهم من 5 إلى 15 عاما", [("5 إلى 15", 5.0, "range")]),
    ])
    def test_change_is_not_a_range(self, text, expected):
        assert found(text) == expected

    def test_ranges_off(self):
        assert found("5-15 يوما", ranges=False) == [("5", 5.0, "cardinal"), ("15", 15.0, "cardinal")]

    def test_ordinals_off(self):
        assert found("المركز الثالث و3 نقاط", ordinals=False) == [("3", 3.0, "cardinal")]

    @pytest.mark.parametrize("text, surface", [
        ("ملايين العرب", "ملايين"), ("عشرات القتلى", "عشرات"), ("المئات من المتظاهرين", "المئات"),
        ("بمليارات الدولارات", "بمليارات"), ("الملايين", "الملايين"),
    ])
    def test_vague(self, text, surface):
        (n,) = find_numbers(text)
        assert (n.text, n.value, n.vague, n.kind) == (surface, None, True, "cardinal")

    @pytest.mark.parametrize("text", [
        "في 28-09-2020 اجتمع", "الساعة 22:26", "يوم 2020/9/28", "ذهب إلى المدرسة",
    ])
    def test_not_numbers(self, text):
        assert find_numbers(text) == []

    def test_kinds_are_declared(self):
        texts = ["390 و2.5 و20% وربع والثالث و5-15"]
        assert {n.kind for t in texts for n in find_numbers(t)} == set(NUMBER_KINDS)


class TestSeparators:
    """The one rule of analysis.text.numbers (module docstring), case by case."""

    @pytest.mark.parametrize("text, value", [
        ("1,234.5", 1234.5), ("1.234,5", 1234.5),          # two different separators: the last is decimal
        ("1.230.556.457", 1230556457.0), ("1,000,000", 1e6),  # one repeated: thousands
        ("2،395،96", 2395.96), ("1,234,56", 1234.56),       # ... unless the last group is not three digits
        ("4,125", 4125.0), ("4،125", 4125.0),               # one comma + three digits: thousands
        ("4,125 مليار", 4.125e9),                            # ... unless a scale word follows
        ("0,125", 0.125),                                    # ... or the integer part is 0
        ("2,50", 2.5), ("0،65", 0.65), ("1.497", 1.497),     # otherwise decimal
        ("١٬٤٩٧", 1497.0), ("٢٫٣٨", 2.38),                   # Arabic separators mean one thing each
    ])
    def test_rule(self, text, value):
        (n,) = find_numbers(text)
        assert n.value == value and n.text == text

    @pytest.mark.parametrize("text, surface, value", [
        ("2\u200f مليون", "2\u200f مليون", 2e6),            # RLM between the number and its scale
        ("1\u200e,497 جندي", "1\u200e,497", 1497.0),        # LRM inside the number
        ("١\u200f٬٤٩٧", "١\u200f٬٤٩٧", 1497.0),
        ("3\u061c%", "3\u061c%", 3.0),                       # Arabic letter mark before the percent sign
    ])
    def test_invisible_marks(self, text, surface, value):
        (n,) = find_numbers(text)
        assert (n.text, n.value) == (surface, value)


class TestRecord:
    def test_typed_frozen_record(self):
        (n,) = find_numbers("نحو 1,497 جندياً")
        assert isinstance(n, NumberMention)
        assert n == NumberMention("1,497", 4, 9, 1497.0, "cardinal", None, False)
        with pytest.raises(dataclasses.FrozenInstanceError):
            n.value = 1.0  # type: ignore[misc]

    def test_options_are_keyword_only(self):
        with pytest.raises(TypeError):
            find_numbers("5-15", False)  # type: ignore[misc]


_PIECES = st.sampled_from([
    "1,497", "١٬٤٩٧", "2.38", "٢٫٣٨", "0،65", "2ر0", "20%", "١٠٠٪", "في المئة", "بالمائة", "ألف", "وأربعمائة",
    "مليون", "ملايين", "عشرات", "ثلاثة", "أخماس", "ربع", "ثلثي", "الثالث", "الحادي", "عشر", "بين", "و15", "إلى",
    "-", "\u200f", "\u200e", "\u0640", "ﺑ", "(", ")", "«", "»", "جنديا", "دولار", "،", ".", "28-09-2020", "7", "و",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_PIECES, st.sampled_from(["", " ", "  ", "\n"])), max_size=12))
def test_offsets_always_index_the_text(parts):
    text = "".join(p + sep for p, sep in parts)
    found_ = find_numbers(text)
    last = 0
    for n in found_:
        assert text[n.start:n.end] == n.text and n.text
        assert n.start >= last  # in order, non-overlapping
        last = n.end
        assert n.kind in NUMBER_KINDS
        assert (n.value is None) == n.vague
        assert n.value_high is None or n.kind == "range"
