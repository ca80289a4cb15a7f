import pytest

from analysis.text.sentences import split_sentences


def sents(text):
    return [text[s:e] for s, e in split_sentences(text)]


class TestSplit:
    @pytest.mark.parametrize("text, expected", [
        ("جملة أولى. جملة ثانية.", ["جملة أولى.", "جملة ثانية."]),
        ("هل حضر؟ نعم حضر!", ["هل حضر؟", "نعم حضر!"]),
        ("بلا نقطة في النهاية", ["بلا نقطة في النهاية"]),
        ("الرقم 2.38 كبير. ثم", ["الرقم 2.38 كبير.", "ثم"]),
        ("انتظر... ثم تكلم.", ["انتظر...", "ثم تكلم."]),
        ("  مسافات.   ثم أخرى.  ", ["مسافات.", "ثم أخرى."]),
    ])
    def test_split(self, text, expected):
        assert sents(text) == expected


class TestQuotations:
    @pytest.mark.parametrize("text, expected", [
        ('قال "هذا مهم. جدا". ثم غادر.', ['قال "هذا مهم. جدا".', "ثم غادر."]),
        ("قال «هذا مهم. جدا». ثم غادر.", ["قال «هذا مهم. جدا».", "ثم غادر."]),
        ("وأضاف: “نحن هنا. وسنبقى.” وغادر.", ["وأضاف: “نحن هنا. وسنبقى.”", "وغادر."]),
        # an unbalanced quote does not swallow the rest of the paragraph
        ('قال "هذا مهم. ثم غادر. وعاد.', ['قال "هذا مهم.', "ثم غادر.", "وعاد."]),
        # nested quotations (policy BALANCED of analysis.text.quotation)
        ("قال «هذا “مهم. جدا” حقا. نعم». ثم غادر.", ["قال «هذا “مهم. جدا” حقا. نعم».", "ثم غادر."]),
        # „ does not open a quotation here, and a lone ” does not balance
        ("قال „هذا مهم. جدا”. ثم غادر.", ["قال „هذا مهم.", "جدا”.", "ثم غادر."]),
        # a closing mark before its opening mark closes nothing; the « after it stays open to the end
        ("قال » هذا. ثم « غادر. وعاد.", ["قال » هذا.", "ثم « غادر. وعاد."]),
    ])
    def test_quote_across_full_stop(self, text, expected):
        assert sents(text) == expected


class TestAbbreviations:
    def test_single_letter_abbreviation(self):
        assert sents("قال د. أحمد إن الوضع جيد. وانتهى.") == ["قال د. أحمد إن الوضع جيد.", "وانتهى."]
