"""Notebook 03's helpers (analysis.explore.quotes) on the seed, a quote-free article and markup."""
from __future__ import annotations

import pytest

from analysis import parse_article
from analysis.explore import display
from analysis.explore import quotes as Q

KADHIMI, GUERINI = "Mustafa al-Kadhimi", "Lorenzo Guerini"
NO_QUOTES = "ارتفاع أسعار النفط\n\nارتفعت أسعار النفط في الأسواق العالمية اليوم بنسبة طفيفة.\nوتراجع الدولار أمام اليورو.\n"
MARKUP = ("عنوان <b>الخبر</b>\n\nقال رئيس الوزراء العراقي مصطفى الكاظمي إن <script>alert(1)</script> الوضع مستقر "
          "في بغداد.\n")


@pytest.fixture(scope="module")
def statements(seed_article):
    return Q.statements(seed_article)


class TestStatements:
    def test_one_row_per_quote_in_text_order(self, seed_article, statements):
        assert len(statements) == len(seed_article.quotes) == 11
        assert statements["start"].is_monotonic_increasing
        assert list(statements.columns) == Q.STATEMENT_COLUMNS

    @pytest.mark.parametrize("quote_id, speaker_ar, speaker_en, cue, mode, content_start", [
        (1, "مصطفى الكاظمي", KADHIMI, "اعتبر", "indirect", "السلاح المنفلت"),
        (3, "مصطفى الكاظمي", KADHIMI, "معربا", "indirect", "الامل في ان"),
        (5, "مصطفى الكاظمي", KADHIMI, "اشار", "direct", "أن عصابات داعش"),
        (7, "مصطفى الكاظمي", KADHIMI, "شدد", "indirect", "الأجهزة الأمنية"),
        (8, "لورينزو جويريني", GUERINI, "أكد", "direct", "حرص واهتمام"),
        (10, "لورينزو جويريني", GUERINI, "اكد", "indirect", "ضرورة أن"),
    ])
    def test_seed_rows(self, statements, quote_id, speaker_ar, speaker_en, cue, mode, content_start):
        row = statements.set_index("quote_id").loc[quote_id]
        assert (row["speaker_ar"], row["speaker_en"], row["cue"], row["mode"]) == (speaker_ar, speaker_en, cue, mode)
        assert row["content"].startswith(content_start)

    def test_offsets_point_into_the_text(self, seed_article, statements):
        for r in statements.itertuples(index=False):
            assert seed_article.text[r.start:r.end] == r.content

    def test_all_seed_quotes_are_in_the_news_section(self, statements):
        assert set(statements["section_id"]) == {0}
        assert set(statements["section_en"]) == {"opening"}
        assert set(statements["paragraph_id"]) == {6, 7, 8, 9, 10, 11}

    def test_cue_gloss_beside_the_cue(self, statements):
        row = statements.set_index("quote_id").loc[6]
        assert (row["cue"], row["cue_gloss"]) == ("قال", "said")


class TestSpeakers:
    def test_seed_speakers_and_modes(self, seed_article):
        sp = Q.speakers(seed_article)
        assert sp[["speaker_en", "n_quotes", "direct", "indirect"]].values.tolist() == [
            [KADHIMI, 7, 1, 6], [GUERINI, 4, 1, 3]]
        assert sp.loc[1, "cues"] == "أكد، عبر، اعتبر"
        assert set(sp["sections"]) == {"0"}


class TestCueTable:
    def test_lemmas_with_glosses_and_modes(self, seed_article):
        cues = Q.cue_table(seed_article).set_index("cue_lemma")
        assert cues["n"].sum() == 11
        assert cues.loc["أكد", ["gloss_en", "n", "direct", "indirect"]].tolist() == ["affirmed / stressed", 3, 1, 2]
        assert cues.loc["أعرب", "forms"] == "معربا، أعرب"  # the participle counts with its verb
        assert cues.loc["أعرب", "gloss_en"] == "expressed"  # the verb's gloss, not the participle's
        assert cues.loc["قال", "gloss_en"] == "said"


class TestWhatEachSpeakerTalksAbout:
    def test_themes_inside_the_quoted_content(self, seed_article):
        th = Q.speaker_themes(seed_article)
        got = {(r.speaker_en, r.theme): r.n_quotes for r in th.itertuples(index=False)}
        assert got[(KADHIMI, "WEAPONS_UNCONTROLLED")] == 2  # quotes 1 and 6
        assert got[(KADHIMI, "DIPLOMATIC_MISSIONS")] == 2  # quotes 2 and 7
        assert got[(GUERINI, "MILITARY_COOPERATION")] == 1  # التعاون الثنائي (quote 9)
        assert (GUERINI, "WEAPONS_UNCONTROLLED") not in got
        # evidence outside every quote (وزير الدفاع in the attribution phrase) does not count for Guerini's quotes
        assert th["speaker_en"].iloc[0] == KADHIMI  # speakers in speakers() order

    def test_key_stems_come_from_the_content(self, seed_article):
        stems = Q.speaker_stems(seed_article, top=8)
        guerini = stems[stems["speaker_en"] == GUERINI]
        assert len(guerini) == 8
        assert "العراق" in set(guerini["example"])
        assert not set(stems["example"]) & {"في", "على", "مع"}  # stopwords out
        assert stems.groupby("speaker_en")["n"].apply(lambda s: s.is_monotonic_decreasing).all()


class TestSections:
    def test_news_section_quotes_background_section_narration(self, seed_article):
        s = Q.section_summary(seed_article).set_index("section_id")
        assert s.loc[0, "quotes"] == 11 and s.loc[1, "quotes"] == 0
        assert s.loc[1, "section_ar"] == "في مقدمة داعمي العراق"
        assert s.loc[1, "section_en"] == "At the forefront of Iraq's supporters"
        assert s.loc[1, "voice"] == "the outlet's narration only"
        assert s.loc[1, "attributed_share"] == 0.0
        assert 0.5 < s.loc[0, "attributed_share"] < 0.9
        assert s.loc[1, "paragraphs"] == 8

    def test_paragraph_parts_add_up(self, seed_article):
        v = Q.paragraph_voices(seed_article).set_index("paragraph_id")
        assert (v["direct"] + v["indirect"] + v["narration"] == v["chars"]).all()
        assert v.loc[8, "direct"] == 886 - 725  # the direct quote of paragraph 8
        assert v.loc[13, ["direct", "indirect"]].sum() == 0  # يشار الى ان ... is nobody's quote


class TestNoQuotes:
    def test_empty_tables_keep_their_columns(self):
        art = parse_article(NO_QUOTES)
        assert art.quotes.empty
        assert Q.statements(art).empty and list(Q.statements(art).columns) == Q.STATEMENT_COLUMNS
        for table in (Q.speakers(art), Q.cue_table(art), Q.speaker_themes(art), Q.speaker_stems(art)):
            assert table.empty and len(table.columns) > 0
        s = Q.section_summary(art)
        assert s[["section_id", "quotes", "voice"]].values.tolist() == [[0, 0, "the outlet's narration only"]]
        assert "<mark" not in Q.quotes_html(art)


class TestReadingView:
    def test_seed_marks_every_quote_by_mode(self, seed_article):
        page = Q.quotes_html(seed_article)
        assert page.count('<mark class="q-direct"') == 2
        assert page.count('<mark class="q-indirect"') == 9
        assert 'title="Lorenzo Guerini · direct · أكد (affirmed / stressed)"' in page
        assert "في مقدمة داعمي العراق" in page

    def test_markup_in_the_article_is_escaped(self):
        art = parse_article(MARKUP)
        page = Q.quotes_html(art)
        assert "<script>" not in page and "&lt;script&gt;" in page
        table = Q.statements(art)
        assert len(table) == 1 and "<script>" in table.loc[0, "content"]  # raw in the table, escaped in HTML
        shown = display.rtl_table(table[["speaker_ar", "content"]]).to_html()  # as notebook 03 shows it
        assert "<script>" not in shown and "&lt;script&gt;" in shown


class TestNotebookTablesAndCharts:
    """What notebook 03 shows: the summary line, the statements and key-words tables, its three charts."""

    @pytest.fixture(autouse=True)
    def _agg(self):
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        yield
        plt.close("all")

    def test_summary_line(self, statements):
        assert Q.summary_html(statements) == "<p>11 statements by 2 speaker(s): 2 direct, 9 indirect.</p>"
        assert Q.summary_html(Q.statements(parse_article(NO_QUOTES))).startswith(
            "<p><b>No quotes found in this article:</b>")

    def test_statement_table(self, statements):
        t = Q.statement_table(statements)
        assert list(t.columns) == ["quote_id", "speaker", "cue", "cue_gloss", "mode", "content", "paragraph_id",
                                   "section"]
        first = t.iloc[0]
        assert (first["speaker"], first["cue"], first["mode"], first["paragraph_id"]) == (
            f"مصطفى الكاظمي · {KADHIMI}", "اعتبر", "indirect", 6)
        assert first["section"] == "مطلع الخبر · opening"

    def test_key_words(self, seed_article):
        k = Q.key_words(Q.speaker_stems(seed_article, top=8))
        assert list(k.columns) == ["speaker_ar", "speaker_en", "key_words", "stems"]
        assert list(k["speaker_en"]) == [KADHIMI, GUERINI]
        assert k["key_words"].iloc[0].startswith("أمن (5)، العراق (4)، حكومته (3)")
        assert k["stems"].iloc[1].split("، ")[:3] == ["عراق", "حكوم", "تعا"]

    def test_mode_bars_stack_direct_and_indirect(self, seed_article):
        sp = Q.speakers(seed_article)
        fig = Q.mode_bars(sp, sp["speaker_ar"], sp["speaker_en"], row_height=0.55, legend_space=0.12, title="t")
        ax = fig.axes[0]
        assert len(ax.patches) == 2 * len(sp) == 4
        assert [t.get_text() for t in ax.get_yticklabels()] == [f"مصطفى الكاظمي · {KADHIMI}",
                                                               f"لورينزو جويريني · {GUERINI}"]
        assert sum(p.get_width() for p in ax.patches) == 11  # every statement counted once
        assert [t.get_text() for t in fig.legends[0].get_texts()] == ["مباشر · direct", "غير مباشر · indirect"]

    def test_speaker_theme_heatmap(self, seed_article):
        fig = Q.plot_speaker_themes(Q.speaker_themes(seed_article))
        ax = fig.axes[0]
        rows = [t.get_text() for t in ax.get_yticklabels()]
        assert len(rows) == 9 and rows[0] == "تهدئة الأوضاع في المنطقة · Regional de-escalation"
        assert [t.get_text() for t in ax.get_xticklabels()] == [f"مصطفى الكاظمي\n{KADHIMI}",
                                                               f"لورينزو جويريني\n{GUERINI}"]
        assert Q.plot_speaker_themes(Q.speaker_themes(parse_article(NO_QUOTES))) is None

    def test_paragraph_voices_chart(self, seed_article):
        fig = Q.plot_paragraph_voices(seed_article)
        ax = fig.axes[0]
        assert len(ax.get_yticklabels()) == 14 and len(ax.patches) == 3 * 14
        assert [t.get_text() for t in ax.texts] == ["مطلع الخبر · opening",
                                                   "في مقدمة داعمي العراق · At the forefront of Iraq's supporters"]
        assert len(ax.lines) == 1  # one dashed line: where the second section starts
        assert ax.get_xlim() == (0, 1)


@pytest.mark.parametrize("text, expected", [
    ("شهود", "[witnesses]"),                        # a source named by a description: glossed, in brackets
    ("مسؤول في الوزارة", "[an official in the ministry]"),  # the lists' remarks in brackets are left out
    ("مصادر مقربة من الحكومة", "[sources … from the government]"),  # … for a word no list knows
    ("زززز", ""),                                    # nothing known: no gloss, nothing guessed
])
def test_speaker_gloss(text, expected):
    assert Q.speaker_gloss(text) == expected


def test_a_described_speaker_gets_its_gloss():
    art = parse_article("احتجاجات في المدينة\n\nوقال شهود إن المتظاهرين أحرقوا إطارات السيارات في الشوارع.")
    st = Q.statements(art)
    assert st[["speaker_ar", "speaker_en"]].values.tolist() == [["شهود", "[witnesses]"]]
