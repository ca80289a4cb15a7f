"""Notebook 02's helpers: the figures table, what each party contributes, per-unit panels, context HTML."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.explore import figures as F

SEED_ROWS = [
    # value, value_display, unit_ar, unit_en, category, approximate, qualifier, text
    (1497.0, "≈1,497", "جنديا", "soldiers", "personnel", True, "بحوالي", "1,497 جندياً"),
    (390.0, "390", "مركبة", "vehicles", "vehicles", False, "", "390 مركبة"),
    (17.0, "17", "طائرة", "aircraft", "aircraft", False, "", "17 طائرة"),
]


@pytest.fixture(scope="module")
def seed_table(seed_article):
    return F.figures_table(seed_article)


class TestFiguresTable:
    def test_seed_rows(self, seed_table):
        cols = ["value", "value_display", "unit_ar", "unit_en", "category", "approximate", "qualifier", "text"]
        assert [tuple(r) for r in seed_table[cols].itertuples(index=False)] == SEED_ROWS

    def test_seed_subject_is_italy(self, seed_table):
        assert seed_table["subject_ar"].tolist() == ["إيطاليا"] * 3
        assert seed_table["subject_en"].tolist() == ["Italy"] * 3

    def test_seed_location(self, seed_article, seed_table):
        assert seed_table["sentence_id"].tolist() == [16, 16, 16]
        assert seed_table["paragraph_id"].tolist() == [17, 17, 17]
        assert seed_table["section_id"].tolist() == [1, 1, 1]
        for r in seed_table.itertuples():
            assert seed_article.text[r.start:r.end] == r.text

    def test_columns_and_empty(self, seed_article):
        empty = seed_article.figures.iloc[0:0]
        art = type("A", (), {"figures": empty, "sentences": seed_article.sentences,
                             "entities": seed_article.entities})()
        out = F.figures_table(art)
        assert out.empty and list(out.columns) == F.FIGURE_TABLE_COLUMNS
        assert F.by_subject(out).empty and F.by_category(out).empty and F.unit_panels(out) == []
        assert F.plot_unit_panels([]) is None and F.plot_categories(F.by_category(out)) is None


class TestFormatValue:
    @pytest.mark.parametrize(
        ("value", "approximate", "expected"),
        [(1497, False, "1,497"), (1497, True, "≈1,497"), (8.6e9, False, "8.6 bn"), (2.5e6, False, "2.5 m"),
         (1e13, True, "≈10 tn"), (0.4, False, "0.4"), (17569.73, False, "17,569.73"), (17, False, "17")],
    )
    def test_format(self, value, approximate, expected):
        assert F.format_value(value, approximate=approximate) == expected


class TestBySubject:
    def test_seed_italy_contributes(self, seed_table):
        out = F.by_subject(seed_table)
        assert out.to_dict("records") == [{
            "subject_ar": "إيطاليا", "subject_en": "Italy", "n_figures": 3,
            "figures_ar": "بحوالي 1,497 جندياً، 390 مركبة، 17 طائرة",
            "figures_en": "≈1,497 soldiers; 390 vehicles; 17 aircraft",
        }]

    def test_unattributed_last_and_capped(self, seed_table):
        rows = pd.concat([seed_table.assign(subject_ar="", subject_en="")] * 5 + [seed_table], ignore_index=True)
        out = F.by_subject(rows, max_items=4)
        assert out["subject_en"].tolist() == ["Italy", ""]
        assert out["n_figures"].tolist() == [3, 15]
        assert out["figures_en"].iloc[1].endswith("… (+11)")


class TestCategoryLabels:
    def test_every_category_of_the_unit_lexicon_is_named(self):
        import csv
        from importlib.resources import files

        with files("analysis").joinpath("data/units.csv").open(encoding="utf-8") as fh:
            used = {r["category"] for r in csv.DictReader(fh) if r["category"]}
        labels = F.category_labels()
        assert used | {"count", "number"} <= set(labels)
        assert all(lab.label_ar and lab.label_en for lab in labels.values())

    @pytest.mark.parametrize(
        ("category", "arabic", "label"),
        [
            ("personnel", "أفراد عسكريون", "أفراد عسكريون · personnel"),
            ("vehicles", "مركبات", "مركبات · vehicles"),
            ("index_points", "نقاط المؤشر", "نقاط المؤشر · index points"),
            ("number", "رقم بلا وحدة", "رقم بلا وحدة · number without a unit"),
            ("no_such_category", "", "no_such_category"),
        ],
    )
    def test_names(self, category, arabic, label):
        assert F.category_ar(category) == arabic
        assert F.category_label(category) == label

    def test_loaded_once(self):
        assert F.category_labels() is F.category_labels()


class TestByCategory:
    def test_seed(self, seed_table):
        out = F.by_category(seed_table)
        assert out.to_dict("records") == [
            {"category": "aircraft", "category_ar": "طائرات", "exact": 1, "approximate": 0, "total": 1},
            {"category": "personnel", "category_ar": "أفراد عسكريون", "exact": 0, "approximate": 1, "total": 1},
            {"category": "vehicles", "category_ar": "مركبات", "exact": 1, "approximate": 0, "total": 1},
        ]


class TestUnitPanels:
    def test_seed_one_panel_per_unit(self, seed_table):
        panels = F.unit_panels(seed_table)
        assert [(p.category, p.axis_label, len(p.rows), p.log_scale) for p in panels] == [
            ("personnel", "جنديا · soldiers", 1, False),
            ("vehicles", "مركبة · vehicles", 1, False),
            ("aircraft", "طائرة · aircraft", 1, False),
        ]

    def test_log_scale_when_values_spread(self, seed_table):
        rows = pd.concat([seed_table.iloc[[0]]] * 2, ignore_index=True)
        rows.loc[1, "value"] = 1.0
        assert F.unit_panels(rows)[0].log_scale is True

    def test_plot_has_a_panel_per_unit_with_its_unit_label(self, seed_table):
        import matplotlib

        matplotlib.use("Agg")
        fig = F.plot_unit_panels(F.unit_panels(seed_table))
        xlabels = [ax.get_xlabel() for ax in fig.axes]
        assert len(fig.axes) == 3
        assert [("soldiers" in x, "vehicles" in x, "aircraft" in x) for x in xlabels] == [
            (True, False, False), (False, True, False), (False, False, True)]


class TestContextHtml:
    def test_seed_marks_figure_and_subject(self, seed_article, seed_table):
        from analysis.lexicon.translations import translation_for

        out = F.context_html(seed_article, seed_table, translation=translation_for(seed_article.paragraphs))
        assert out.count('<div class="fig-ctx">') == 3
        assert '<mark class="figure" title="≈1,497 soldiers">1,497 جندياً</mark>' in out
        assert '<mark class="subject" title="Italy">ايطاليا</mark>' in out
        assert "about 1,497 soldiers, 390 land vehicles and 17 aircraft" in out  # the stored English

    def test_no_figures(self, seed_article):
        assert F.context_html(seed_article, F.figures_table(seed_article).iloc[0:0]) == \
            "<p><b>No figures in this article.</b></p>"

    def test_escapes_markup(self, seed_article, seed_table):
        table = seed_table.copy()
        table.loc[0, "subject_en"] = "<script>alert(1)</script>"
        out = F.context_html(seed_article, table)
        assert "<script>" not in out and "&lt;script&gt;" in out


class TestVagueAndRanges:
    @pytest.mark.parametrize("body, display", [
        ("استثمارات بمليارات الدولارات.", "billions of"),
        ("يشارك عشرات المتطوعين.", "tens of"),
        ("خسارة ما بين 3 إلى 4 بالمائة.", "3–4"),
        ("شاركت بحوالي 1,497 جندياً.", "≈1,497"),
    ])
    def test_value_display(self, body, display):
        from analysis import parse_article
        (row,) = F.figures_table(parse_article("عنوان\n\n" + body)).itertuples()
        assert row.value_display == display


class TestDevArticles:
    def test_every_dev_article(self, dev_articles):
        for name, art in dev_articles.items():
            table = F.figures_table(art)
            assert len(table) == len(art.figures), name
            panels = F.unit_panels(table)
            # every figure with a value is drawn; vague amounts (no value) are not, and are shown in words
            assert sum(len(p.rows) for p in panels) == int((~table["vague"]).sum()), name
            for r in table[table["vague"]].itertuples():
                assert r.value_display.endswith(" of") and "≈" not in r.value_display, (name, r.value_display)
            assert not re.search(r"<script", F.context_html(art, table)), name
