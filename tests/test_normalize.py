import pytest

from analysis.text.normalize import (
    dediac,
    has_arabic,
    normalize,
    normalize_alef,
    normalize_alef_maqsura,
    normalize_digits,
    normalize_punct,
    normalize_teh_marbuta,
    strip_tatweel,
)


class TestAlef:
    @pytest.mark.parametrize("text, expected", [
        ("إيطاليا", "ايطاليا"), ("أكد", "اكد"), ("آمنة", "امنة"), ("ٱلله", "الله"), ("ايطاليا", "ايطاليا"),
    ])
    def test_fold(self, text, expected):
        assert normalize_alef(text) == expected

    def test_hamza_on_line_is_kept(self):
        # pyarabic's normalize_hamza turns أ into ء by default; ours folds to bare alef and leaves ء alone.
        assert normalize_alef("أمن ماء") == "امن ماء"


class TestLetters:
    @pytest.mark.parametrize("fn, text, expected", [
        (normalize_alef_maqsura, "الى مصطفى", "الي مصطفي"),
        (normalize_teh_marbuta, "مشاهدة", "مشاهده"),
        (strip_tatweel, "يخدعـن مقاتلـي", "يخدعن مقاتلي"),
        (dediac, "جندياً جوًا يُعهد وعبّر", "جنديا جوا يعهد وعبر"),
    ])
    def test_fn(self, fn, text, expected):
        assert fn(text) == expected


class TestDigitsAndPunct:
    @pytest.mark.parametrize("text, expected", [
        ("١٬٤٩٧", "١٬٤٩٧".translate(str.maketrans("١٤٩٧", "1497"))),
        ("٢٨-٠٩-٢٠٢٠", "28-09-2020"),
        ("۱۲۳", "123"),
    ])
    def test_digits(self, text, expected):
        assert normalize_digits(text) == expected

    @pytest.mark.parametrize("text, expected", [
        ("نعم، لا؛ لماذا؟", "نعم, لا; لماذا?"),
        ("«داعش»", '"داعش"'),
        ("٢٫٥٪", '٢.٥%'),
        ("١٬٤٩٧", "١,٤٩٧"),
    ])
    def test_punct(self, text, expected):
        assert normalize_punct(text) == expected


class TestNormalize:
    @pytest.mark.parametrize("a, b", [
        ("لإيطاليا", "لايطاليا"), ("إيطاليا", "ايطاليا"), ("الى", "إلى"), ("جنديًا", "جنديا"),
        ("١٬٤٩٧", "1,497"), ("مقاتلـي", "مقاتلي"), ("کرکوک", "كركوك"), ("\u200fبغداد", "بغداد"),
    ])
    def test_variants_meet(self, a, b):
        assert normalize(a) == normalize(b)

    @pytest.mark.parametrize("text, expected", [
        ("وزير الدفاع الإيطالي", "وزير الدفاع الايطالي"),
        ("مشاهدة", "مشاهده"),
        ("«٢٫٣٨٪»", '"2.38%"'),
    ])
    def test_values(self, text, expected):
        assert normalize(text) == expected

    def test_has_arabic(self):
        assert has_arabic("hello بغداد") and not has_arabic("hello 123 ×")
