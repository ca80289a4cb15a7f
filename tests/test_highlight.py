"""highlight(): spans -> escaped HTML with <mark>, on plain strings and on the seed's sentences."""
from __future__ import annotations

import html
import re
from types import SimpleNamespace

import pytest

from analysis.explore.highlight import Span, highlight, rtl_html, spans_of

_TAG_RE = re.compile(r"<[^>]+>")


def visible(fragment: str) -> str:
    """The text a browser shows for *fragment* (tags dropped, entities decoded)."""
    return html.unescape(_TAG_RE.sub("", fragment))


class TestMarks:
    @pytest.mark.parametrize(
        ("text", "spans", "expected"),
        [
            ("abc def", [(4, 7)], "abc <mark>def</mark>"),
            ("abc def", [], "abc def"),
            ("abc def", [(0, 3), (4, 7)], "<mark>abc</mark> <mark>def</mark>"),
            ("abc def", [(4, 7), (0, 3)], "<mark>abc</mark> <mark>def</mark>"),  # order does not matter
            ("abcdef", [(0, 3), (2, 5)], "<mark>abcde</mark>f"),  # overlapping -> merged
            ("abcdef", [(0, 3), (3, 5)], "<mark>abcde</mark>f"),  # touching -> merged
            ("abcdef", [(3, 3)], "abcdef"),  # empty span dropped
            ("abcdef", [(4, 99)], "abcd<mark>ef</mark>"),  # clipped at the end
            ("abcdef", [(-5, 2)], "<mark>ab</mark>cdef"),  # clipped at the start
            ("abcdef", [(10, 12)], "abcdef"),  # outside: dropped
            ("قال الوزير إن", [(4, 10)], "قال <mark>الوزير</mark> إن"),
        ],
    )
    def test_marks(self, text, spans, expected):
        assert highlight(text, spans) == expected

    def test_base_offset_takes_article_offsets(self):
        # a sentence starting at 100 in the article; the mention is at 104-110 in the article
        assert highlight("قال الوزير إن", [(104, 110)], base_offset=100) == "قال <mark>الوزير</mark> إن"

    def test_css_class_and_titles(self):
        out = highlight("abc def", [Span(4, 7, 'Italy "IT"')], css_class="ent")
        assert out == 'abc <mark class="ent" title="Italy &quot;IT&quot;">def</mark>'

    def test_per_span_class_wins(self):
        out = highlight("abc def", [Span(0, 3, css_class="subject"), (4, 7)], css_class="figure")
        assert out == '<mark class="subject">abc</mark> <mark class="figure">def</mark>'

    def test_rows_with_start_end_attributes(self):
        rows = [SimpleNamespace(start=4, end=7, title="not a tooltip")]  # e.g. a mention's title column
        assert highlight("abc def", rows) == "abc <mark>def</mark>"

    def test_merged_titles_joined_once(self):
        assert spans_of([(0, 3, "a"), (2, 5, "b"), (4, 6, "a")]) == [Span(0, 6, "a; b")]

    def test_bad_span(self):
        with pytest.raises(TypeError):
            highlight("abc", ["x"])


class TestEscaping:
    def test_script_is_escaped_inside_and_outside_marks(self):
        text = 'قال <script>alert("x")</script> الوزير & "نحن"'
        out = highlight(text, [(4, 12), (32, 38)])
        assert "<script>" not in out and "</script>" not in out
        assert out.startswith("قال <mark>&lt;script&gt;</mark>alert(&quot;x&quot;)&lt;/script&gt;")
        assert "&amp;" in out
        assert visible(out) == text

    def test_css_class_is_escaped(self):
        out = highlight("abc", [(0, 1)], css_class='x" onclick="evil()')
        assert 'onclick="evil()"' not in out

    def test_rtl_block(self):
        assert rtl_html("<mark>x</mark>") == '<p dir="rtl" lang="ar" style="text-align:right"><mark>x</mark></p>'
        with pytest.raises(ValueError):
            rtl_html("x", tag="script")


class TestSeed:
    def test_figure_sentence(self, seed_article):
        art = seed_article
        fig = art.figures.iloc[0]
        sent = art.sentences.set_index("sentence_id").loc[fig["sentence_id"]]
        out = highlight(sent["text"], [(fig["start"], fig["end"])], base_offset=int(sent["start"]))
        assert "<mark>1,497 جندياً</mark>" in out
        assert visible(out) == sent["text"]

    def test_every_mention_of_a_sentence(self, seed_article):
        art = seed_article
        sent = art.sentences.set_index("sentence_id").loc[2]
        mentions = art.mentions[art.mentions["sentence_id"] == 2]
        out = highlight(sent["text"], mentions.itertuples(), base_offset=int(sent["start"]))
        marked = re.findall(r"<mark>(.*?)</mark>", out)
        assert marked == list(mentions.sort_values("start")["text"])
        assert "مصطفى الكاظمي" in marked and "لورينزو جويريني" in marked
