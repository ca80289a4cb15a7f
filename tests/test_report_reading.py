"""The English reading path and page finish, unit by unit: summary, glossary, section names, dates view, chart
descriptions, the embedded font, the report command's last lines."""
from __future__ import annotations

import argparse
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis import parse_article  # noqa: E402
from analysis.explore import dates as D  # noqa: E402
from analysis.explore import display  # noqa: E402
from analysis.explore.sections import OPENING, section_labels  # noqa: E402
from analysis.explore.summary import summarize, summary_html  # noqa: E402
from analysis.lexicon.glossary import gloss, gloss_phrase  # noqa: E402

NO_TRANSLATION = ("وزير الدفاع يزور بغداد لبحث التعاون\n\n"
                  "قال وزير الدفاع إن الحكومة تعمل لتعزيز الأمن في بغداد يوم الاثنين.\n\n"
                  "الدعم العسكري\n\n"
                  "وأكد الوزير أن التعاون مستمر في مجال التدريب.\n")


@pytest.mark.parametrize(("word", "expected"), [
    ("وزير", "minister"),          # titles.csv
    ("الدفاع", "defence"),          # news_glossary.csv
    ("حكومته", "government"),       # by stem: the possessive suffix
    ("للحكومة", "the government"),  # a proclitic stripped
    ("والمنتخب", "national team"),   # the sports triggers gloss it first
    ("وأكد", "affirmed / stressed"),  # cue_verbs.csv
    ("مليار", "billion"),
    ("زززز", ""),                   # unknown: nothing guessed
])
def test_gloss(word, expected):
    assert gloss(word) == expected


@pytest.mark.parametrize(("phrase", "expected"), [
    ("رئيس الوزراء", "prime minister"),       # the phrase as a whole
    ("مطلع الخبر", "start of the news item"),
    ("زززز ووووو", ""),
])
def test_gloss_phrase(phrase, expected):
    assert gloss_phrase(phrase) == expected


class TestSummary:
    def test_seed_facts(self, seed_article):
        s = summarize(seed_article)
        assert s.named[0].startswith("Italy, country or city, 11 mentions")
        assert s.quoted[:2] == ["Mustafa al-Kadhimi (7 statements)", "Lorenzo Guerini (4 statements)"]
        assert s.figures == ["about 1,497 soldiers (Italy)", "390 vehicles (Italy)", "17 aircraft (Italy)"]
        assert s.n_quotes == 11 and s.n_unattributed == 0
        assert "2020-09-28 (Monday)" in s.dates

    def test_html_is_escaped_and_says_what_is_missing(self):
        art = parse_article("خبر <b>قصير</b> بلا أسماء\n\nهذا نص قصير جدا بلا أرقام.\n")
        out = summary_html(art)
        assert "<b>قصير</b>" not in out
        assert "no statement attributed to anyone was found" in out
        assert "no counted amount found" in out
        assert "no date found on the page" in out


def test_section_names_are_one_and_glossed():
    art = parse_article(NO_TRANSLATION)
    labels = section_labels(art)
    assert labels[0] == OPENING == ("مطلع الخبر", "opening")
    sub = [v for k, v in labels.items() if k > 0]
    assert len(sub) == 1 and sub[0][0] == "الدعم العسكري" and sub[0][1].startswith("support military")


class TestDates:
    def test_table_and_points(self, seed_article):
        t = D.dates_table(seed_article)
        assert list(t.columns) == ["date_id", "text", "gloss", "resolved", "granularity", "kind", "sentence"]
        pts = D.timeline_points(t)
        assert list(pts["when"]) == [pd.Timestamp("2020-09-28")] * 2
        assert pts["label"].tolist() == ["Monday · 2020-09-28", "today · 2020-09-28"]

    def test_month_and_year_points(self):
        t = pd.DataFrame({"resolved": ["2023", "2011-03", None, "x"], "gloss": ["2023", "March", "this week", ""],
                          "granularity": ["year", "month", "week", ""]})
        pts = D.timeline_points(t)
        assert pts["when"].tolist() == [pd.Timestamp("2023-01-01"), pd.Timestamp("2011-03-01")]
        assert pts["label"].tolist() == ["2023", "March · 2011-03"]
        assert D.plot_timeline(pts.iloc[0:0]) is None
        fig = D.plot_timeline(pts)
        assert display.describe_figure(fig).startswith('Scatter plot "Dates named in the article (resolved)"')
        plt.close(fig)


class TestChartDescription:
    def test_bar_chart_with_bilingual_labels(self):
        fig, ax = plt.subplots()
        ax.barh([0, 1], [3, 5])
        display.set_ticks(ax, [0, 1], [display.bilingual("إيطاليا", "Italy"), display.bilingual("العراق", "Iraq")])
        display.label(ax, title=display.bilingual("طول الفقرات", "Paragraph length"), xlabel="words")
        assert display.describe_figure(fig) == ('Bar chart "Paragraph length": x: words; '
                                                "y: categories (2 categories: Italy, Iraq).")
        plt.close(fig)

    @pytest.mark.parametrize(("label", "expected"), [
        ("إيطاليا · Italy", "Italy"), ("words", "words"), ("إيطاليا", ""), ("", ""),
    ])
    def test_english_part(self, label, expected):
        assert display.english_part(label) == expected

    def test_show_puts_the_description_in_the_png_metadata(self, monkeypatch):
        shown = []
        monkeypatch.setattr("IPython.display.display", lambda obj, **kw: shown.append(obj))
        fig, ax = plt.subplots()
        ax.plot([1, 2], [3, 4])
        assert display.show(fig, alt="A line") is None
        data, md = shown[0]._repr_png_()
        raw = data if isinstance(data, bytes) else __import__("base64").b64decode(data)
        assert raw[:4] == b"\x89PNG" and md == {"alt": "A line"}
        assert not plt.fignum_exists(fig.number)  # closed: the inline backend does not draw it a second time


def test_embedded_font_is_a_small_deterministic_woff():
    from analysis.report import font

    data = font.font_bytes()
    if data is None:
        pytest.skip("fontpkg-noto-sans-arabic or fontTools missing (both are dependencies of the project)")
    assert data[:4] == b"wOFF" and 20_000 < len(data) < 150_000
    css = font.embedded_font_css()
    assert css.startswith("@font-face { font-family: 'Report Noto Sans Arabic'; src: url(data:font/woff;base64,")
    assert "U+0600-06FF" in css
    font.font_bytes.cache_clear()
    assert font.font_bytes() == data


class TestReportCommand:
    def test_out_is_a_file_exits_2_before_any_work(self, tmp_path, capsys):
        from analysis.cli import run_report_command

        target = tmp_path / "a-file"
        target.write_text("x")
        args = argparse.Namespace(articles=[], out=target, jobs=None, quiet=True, notebooks=None, open=False)
        assert run_report_command(args) == 2
        assert "--out is a file, not a folder" in capsys.readouterr().err

    def test_help_lists_open(self, capsys):
        from analysis.cli import build_parser

        with pytest.raises(SystemExit):
            build_parser().parse_args(["report", "--help"])
        assert re.search(r"--open\s+open the index page", capsys.readouterr().out)
