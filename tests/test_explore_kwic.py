"""Keyword in context on the seed: stem matching across clitics, windows inside the sentence, escaped HTML."""
from __future__ import annotations

import pytest

from analysis.explore import kwic as K


class TestKwicSeed:
    def test_training_by_stem(self, seed_article):
        lines = K.kwic(seed_article, "تدريب", window=4)
        assert [(r.sentence_id, r.before, r.keyword, r.after) for r in lines.itertuples()] == [
            (3, "بلديهما في مجال الأمن", "وتدريب", "القوات العراقية وفي ميدان"),
            (13, "ايطاليا دوراً أساسياً في", "تدريب", "القوات العراقية وتشارك في"),
            (17, "وفي بغداد وكركوك يُعهد", "بتدريب", "دائرة مكافحة الإرهاب العراقية"),
        ]

    def test_offsets_point_at_the_keyword(self, seed_article):
        for term in ("تدريب", "داعش", "إيطاليا"):
            for r in K.kwic(seed_article, term).itertuples():
                assert seed_article.text[r.start:r.end] == r.keyword

    def test_daesh_six_times_with_sentence_end_kept(self, seed_article):
        lines = K.kwic(seed_article, "داعش", window=3)
        assert lines["sentence_id"].tolist() == [5, 11, 13, 14, 14, 18]
        assert lines.iloc[4]["after"] == "وشبكاته المالية."  # window reaches the sentence end: the full stop stays
        assert lines.iloc[0]["before"] == 'الى "أن عصابات'

    @pytest.mark.parametrize(
        ("term", "match", "expected"),
        [("الإرهابية", "form", 1), ("الإرهابية", "stem", 5), ("الإرهاب", "stem", 5), ("الإرهاب", "form", 3), ("غير موجود", "stem", 0),
         ("", "stem", 0)],
    )
    def test_match_modes(self, seed_article, term, match, expected):
        assert len(K.kwic(seed_article, term, match=match)) == expected

    def test_bad_mode(self, seed_article):
        with pytest.raises(ValueError):
            K.kwic(seed_article, "داعش", match="regex")

    def test_never_crosses_the_sentence(self, seed_article):
        sents = seed_article.sentences.set_index("sentence_id")
        for r in K.kwic(seed_article, "داعش", window=50).itertuples():
            assert f"{r.before} {r.keyword} {r.after}".strip() == sents.loc[r.sentence_id, "text"]


class TestSuggestTerm:
    def test_seed(self, seed_article):
        assert K.suggest_term(seed_article) == "أمن"


class TestKwicHtml:
    def test_rtl_escaped(self, seed_article):
        lines = K.kwic(seed_article, "تدريب", window=2)
        lines.loc[0, "after"] = "<script>alert(1)</script>"
        out = K.kwic_html(lines, caption="<b>تدريب</b>")
        assert 'dir="rtl"' in out and out.count("<mark>") == 3
        assert "<script>" not in out and "&lt;script&gt;" in out and "&lt;b&gt;" in out

    def test_empty(self, seed_article):
        assert "does not occur" in K.kwic_html(K.kwic(seed_article, "غير موجود"))


class TestStemGroupsForms:
    def test_terrorism_forms(self, seed_article):
        lines = K.kwic(seed_article, "الإرهاب")
        assert lines["keyword"].tolist() == ["الإرهابية", "الإرهاب", "الإرهابيون", "الإرهاب", "الإرهاب"]
