"""The news-gold training sentences: the parser's tokens tagged BIO from gold offsets."""
import pytest

from analysis.ner.news_gold import TUNING_PARTS, part_sentences, tag_article


def test_tokens_are_tagged_from_offsets():
    text = "عنوان الخبر\n\nوزار الرئيس عزام الدخيل لبنان ومدينة «طرابلس» أمس."
    s = text.index("عزام الدخيل")
    lb = text.index("لبنان")
    tr = text.index("طرابلس")
    sents = tag_article(text, [(s, s + len("عزام الدخيل"), "PERSON"), (lb, lb + 5, "GPE"), (tr, tr + 6, "GPE")])
    pairs = [p for sent in sents for p in zip(sent.tokens, sent.tags)]
    assert ("عزام", "B-PERS") in pairs and ("الدخيل", "I-PERS") in pairs
    assert ("لبنان", "B-LOC") in pairs and ("طرابلس", "B-LOC") in pairs
    assert ("«", "O") in pairs and ("الرئيس", "O") in pairs
    assert [t for t, _ in pairs if _ != "O"] == ["عزام", "الدخيل", "لبنان", "طرابلس"]


def test_a_fused_proclitic_token_takes_the_mention():
    text = "عنوان\n\nوقال إن ولبنان بلد جميل."
    lb = text.index("لبنان")
    pairs = [p for sent in tag_article(text, [(lb, lb + 5, "GPE")]) for p in zip(sent.tokens, sent.tags)]
    assert ("ولبنان", "B-LOC") in pairs


@pytest.mark.parametrize("part", ["test", "fresh6"])
def test_sealed_parts_are_refused(part):
    assert part not in TUNING_PARTS
    with pytest.raises(ValueError, match="never trained on"):
        part_sentences([part])
