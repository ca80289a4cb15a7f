"""Notebook 01's helpers (analysis.explore.article) on the seed and on an article without subheadings."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from analysis import parse_article  # noqa: E402
from analysis.explore import article as A  # noqa: E402

HEADLINE = "الكاظمي يتحدث عن أخطر تحد يواجه حكومته"
SUBHEADING = "في مقدمة داعمي العراق"
PLAIN = "ارتفاع أسعار النفط\n\nارتفعت أسعار النفط في الأسواق العالمية اليوم بنسبة طفيفة.\nوتراجع الدولار أمام اليورو.\n"


@pytest.fixture(scope="module")
def structure(seed_article):
    return A.structure(seed_article)


class TestMetadata:
    def test_seed_fields(self, seed_article):
        m = A.metadata(seed_article)
        assert list(m.columns) == ["field", "value"]
        assert len(m) == len(A.METADATA_FIELDS) == 10
        values = dict(zip(m["field"], m["value"]))
        assert values["article id"] == "000_15d6e93d3754c312"
        assert values["headline"] == HEADLINE
        assert values["published (as printed on the page)"] == "2020-09-28T22:26"
        assert values["views (as printed on the page)"] == "346"
        assert (values["paragraphs (non-empty lines)"], values["body paragraphs"]) == ("20", "14")
        assert (values["sentences (headline, subheadings, body)"], values["tokens"], values["words"]) == ("19", "502", "465")


class TestStructure:
    def test_one_row_per_paragraph(self, seed_article, structure):
        assert list(structure.columns) == A.STRUCTURE_COLUMNS
        assert list(structure["paragraph_id"]) == list(range(1, 21))
        assert structure["sentences"].sum() == len(seed_article.sentences) == 19
        assert structure["words"].sum() == 465

    def test_sections(self, structure):
        by_id = structure.set_index("paragraph_id")
        assert by_id.at[3, "kind"] == "headline" and by_id.at[3, "section"] == ""
        assert by_id.at[6, "section"] == A.OPENING and by_id.at[6, "words"] == 51
        assert by_id.at[12, "kind"] == "subheading" and by_id.at[12, "section"] == SUBHEADING
        assert by_id.at[20, "section"] == SUBHEADING and by_id.at[20, "words"] == 42
        assert set(structure.loc[structure["kind"].isin(["boilerplate", "meta"]), "section"]) == {""}

    def test_kind_counts(self, structure):
        k = A.kind_counts(structure)
        assert list(k.columns) == ["kind", "paragraphs"]
        assert dict(zip(k["kind"], k["paragraphs"])) == {"body": 14, "boilerplate": 2, "meta": 2, "headline": 1,
                                                         "subheading": 1}
        assert k["kind"].iloc[0] == "body"


class TestSectionsAndReadingTime:
    def test_seed_sections(self, structure):
        s = A.sections(structure)
        assert list(s.columns) == ["section", "paragraphs", "sentences", "words", "minutes", "minutes (range)"]
        assert list(s["section"]) == ["headline", A.OPENING, SUBHEADING, "whole article"]
        assert list(s["paragraphs"]) == [1, 6, 9, 16]
        assert list(s["sentences"]) == [1, 8, 10, 19]
        assert list(s["words"]) == [7, 222, 236, 465]
        assert list(s["minutes"]) == [0.1, 1.6, 1.7, 3.4]
        assert s["minutes (range)"].iloc[-1] == "2.9–3.9"

    def test_reading_time_sentence(self, structure):
        text = A.reading_time_html(A.sections(structure))
        assert "465 words ÷ 138 words per minute" in text
        assert "<b>3.4 minutes</b>" in text and "between 2.9 and 3.9 minutes" in text
        assert "158 or 118 wpm" in text

    def test_no_subheading_all_opening(self):
        s = A.sections(A.structure(parse_article(PLAIN)))
        assert list(s["section"]) == ["headline", A.OPENING, "whole article"]
        assert s["words"].iloc[-1] == s["words"].iloc[:-1].sum()


class TestSideBySide:
    def test_seed_has_english_for_every_paragraph(self, seed_article):
        t = A.side_by_side(seed_article)
        assert list(t.columns) == ["paragraph_id", "kind", "text", "en"]
        assert len(t) == 20 and (t["en"] != "").all()
        assert t.set_index("paragraph_id").at[3, "text"] == HEADLINE
        assert A.translation_note_html(t) == "<p>English translation: stored for this article.</p>"

    def test_without_translation(self):
        t = A.side_by_side(parse_article(PLAIN))
        assert (t["en"] == "").all()
        assert "none stored for this article" in A.translation_note_html(t)


class TestParagraphLengthChart:
    def test_bars_ticks_legend_and_subheading(self, structure):
        fig = A.plot_paragraph_lengths(structure)
        try:
            ax = fig.axes[0]
            assert len(ax.patches) == 16  # headline + subheading + 14 body paragraphs
            ticks = [t.get_text() for t in ax.get_yticklabels()]
            assert ticks[:3] == ["¶3", "¶6", "¶7"] and ticks[-1] == "¶20"
            assert [p.get_width() for p in ax.patches][:2] == [7, 51]
            assert ax.get_title() == "طول الفقرات بالكلمات · Paragraph length in words"
            assert [t.get_text() for t in fig.legends[0].get_texts()] == ["العنوان · headline", "عنوان فرعي · subheading",
                                                                         "متن · body"]
            assert [t.get_text() for t in ax.texts] == [SUBHEADING]
        finally:
            plt.close(fig)

    def test_legend_names_only_kinds_present(self):
        fig = A.plot_paragraph_lengths(A.structure(parse_article(PLAIN)))
        try:
            assert [t.get_text() for t in fig.legends[0].get_texts()] == ["العنوان · headline", "متن · body"]
            assert len(fig.axes[0].texts) == 0
        finally:
            plt.close(fig)
