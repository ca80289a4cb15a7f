import pytest

from analysis.text.tokens import tokenize


def texts(s):
    return [t.text for t in tokenize(s)]


class TestNumbersStayWhole:
    @pytest.mark.parametrize("text, expected", [
        ("بحوالي 1,497 جندياً", ["بحوالي", "1,497", "جندياً"]),
        ("١٬٤٩٧ جندي", ["١٬٤٩٧", "جندي"]),
        ("بنسبة 2.38% فقط", ["بنسبة", "2.38%", "فقط"]),
        ("بنسبة ٢٫٣٨٪", ["بنسبة", "٢٫٣٨٪"]),
        ("28-09-2020, 22:26", ["28-09-2020", ",", "22:26"]),
        ("28/09/2020", ["28/09/2020"]),
        ("و390 مركبة و17 طائرة", ["و", "390", "مركبة", "و", "17", "طائرة"]),
    ])
    def test_numbers(self, text, expected):
        assert texts(text) == expected


class TestPunctuationSplits:
    @pytest.mark.parametrize("text, expected", [
        ("بلاده، واكد", ["بلاده", "،", "واكد"]),
        ("الأمن؛ والاستقرار", ["الأمن", "؛", "والاستقرار"]),
        ("لماذا؟", ["لماذا", "؟"]),
        ("«داعش» يتبنى", ["«", "داعش", "»", "يتبنى"]),
        ('الى "أن عصابات"', ["الى", '"', "أن", "عصابات", '"']),
        ("“تليغراف” البريطانية", ["“", "تليغراف", "”", "البريطانية"]),
        ("العمل: الجيش", ["العمل", ":", "الجيش"]),
        ("إيطاليا – إلى", ["إيطاليا", "–", "إلى"]),
        ("ملاحقتها\".", ["ملاحقتها", '"', "."]),
    ])
    def test_split(self, text, expected):
        assert texts(text) == expected


class TestWords:
    @pytest.mark.parametrize("text, expected", [
        ("لإيطاليا وبحث", ["لإيطاليا", "وبحث"]),
        ("يخدعـن مقاتلـي", ["يخدعـن", "مقاتلـي"]),
        ("جوًا يُعهد", ["جوًا", "يُعهد"]),
        ("الـ «إنتربول»", ["الـ", "«", "إنتربول", "»"]),
        ("NATO و COVID-19", ["NATO", "و", "COVID-19"]),
    ])
    def test_words(self, text, expected):
        assert texts(text) == expected

    @pytest.mark.parametrize("text, kinds", [
        ("قال 17 NATO . ×", ["word", "number", "latin", "punct", "punct"]),
    ])
    def test_kinds(self, text, kinds):
        assert [t.kind for t in tokenize(text)] == kinds


class TestOffsets:
    def test_offsets_point_into_text(self):
        text = "  وشاركت ايطاليا بحوالي 1,497 جندياً، و390 مركبة.  "
        for tok in tokenize(text):
            assert text[tok.start:tok.end] == tok.text

    def test_window(self):
        text = "أ ب ج د"
        assert [t.text for t in tokenize(text, 2, 5)] == ["ب", "ج"]
