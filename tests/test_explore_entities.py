"""Notebook 05's entity helpers (analysis.explore.entities) on the seed and on markup."""
from __future__ import annotations

import math

import pytest

from analysis import parse_article
from analysis.explore import entities as E

MARKUP = ("عنوان الخبر\n\nالتقى رئيس الوزراء العراقي مصطفى الكاظمي <b>في بغداد</b> وزير الدفاع الايطالي لورينزو "
          "جويريني، وبحثا دور إيطاليا <script>x</script> في العراق.\n")


def ids_by_name(art) -> dict[str, int]:
    return {str(r.name_en): int(r.entity_id) for r in art.entities.itertuples(index=False)}


class TestEntityTable:
    @pytest.mark.parametrize("name_en, name_ar, type_, n_mentions", [
        ("Italy", "إيطاليا", "GPE", 11),
        ("Iraq", "العراق", "GPE", 6),
        ("Mustafa al-Kadhimi", "مصطفى الكاظمي", "PERSON", 5),
        ("Lorenzo Guerini", "لورينزو جويريني", "PERSON", 2),
        ("Mosul Dam", "سد الموصل", "FAC", 1),
        ("Peshmerga", "البيشمركة", "ORG", 1),
    ])
    def test_seed_rows(self, seed_article, name_en, name_ar, type_, n_mentions):
        t = E.entity_table(seed_article).set_index("name_en")
        assert (t.loc[name_en, "name_ar"], t.loc[name_en, "type"], t.loc[name_en, "n_mentions"]) == (
            name_ar, type_, n_mentions)

    def test_sorted_by_mentions_then_first_appearance(self, seed_article):
        t = E.entity_table(seed_article)
        assert t["name_en"].head(3).tolist() == ["Italy", "Iraq", "Mustafa al-Kadhimi"]
        assert t["n_mentions"].is_monotonic_decreasing
        assert t.set_index("name_en").loc["Italy", "n_sentences"] == 10  # twice in sentence 4
        assert t.set_index("name_en").loc["Mustafa al-Kadhimi", "first_paragraph"] == 3  # the headline

    @pytest.mark.parametrize("name_ar, name_en, label", [
        ("إيطاليا", "Italy", "إيطاليا · Italy"),
        ("معهد للدراسات", None, "معهد للدراسات"),
        ("واشنطن", "Washington, D.C.", "واشنطن · Washington, D.C.\u200e"),
    ])
    def test_bilingual_label(self, name_ar, name_en, label):
        assert E.entity_label(name_ar, name_en) == label


class TestCooccurrence:
    @pytest.mark.parametrize("a, b, shared", [
        ("Italy", "Iraq", 2),  # sentences 4 and 19
        ("Italy", "Global Coalition against Daesh", 4),
        ("Mustafa al-Kadhimi", "Lorenzo Guerini", 1),  # the opening sentence
        ("Baghdad", "Kirkuk", 1),
        ("Kirkuk", "Iraqi Counter-Terrorism Service", 1),
        ("United States", "Saudi Arabia", 1),
        ("Mosul Dam", "Kirkuk", 0),
    ])
    def test_seed_pairs(self, seed_article, a, b, shared):
        ids = ids_by_name(seed_article)
        pairs = E.cooccurrence(seed_article)
        lo, hi = sorted((ids[a], ids[b]))
        row = pairs[(pairs["entity_a"] == lo) & (pairs["entity_b"] == hi)]
        assert (int(row["n_sentences"].iloc[0]) if len(row) else 0) == shared

    def test_pairs_are_ordered_and_sorted(self, seed_article):
        pairs = E.cooccurrence(seed_article)
        assert (pairs["entity_a"] < pairs["entity_b"]).all()
        assert pairs["n_sentences"].is_monotonic_decreasing
        top = pairs.iloc[0]
        assert {top["name_en_a"], top["name_en_b"]} == {"Italy", "Global Coalition against Daesh"}

    def test_matrix_is_symmetric_with_sentences_on_the_diagonal(self, seed_article):
        ids = ids_by_name(seed_article)
        m = E.cooccurrence_matrix(seed_article, top=None)
        assert (m.to_numpy() == m.to_numpy().T).all()
        assert m.at[ids["Italy"], ids["Italy"]] == 10
        assert m.at[ids["Iraq"], ids["Italy"]] == 2
        assert len(m) == 16  # every seed entity shares a sentence with another
        assert len(E.cooccurrence_matrix(seed_article, top=5)) == 5


class TestNetwork:
    def test_circular_positions(self):
        pts = E.circular_positions(4)
        expected = [(0, 1), (1, 0), (0, -1), (-1, 0)]
        assert all(math.isclose(x, ex, abs_tol=1e-9) and math.isclose(y, ey, abs_tol=1e-9)
                   for (x, y), (ex, ey) in zip(pts, expected))

    def test_draws_nodes_labels_and_edges(self, seed_article):
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots()
        pos = E.draw_network(ax, seed_article, top=15)
        texts = {t.get_text() for t in ax.texts}
        plt.close(fig)
        assert len(pos) == 15
        assert "إيطاليا · Italy" in texts  # logical order on a shaping matplotlib
        assert len(ax.lines) == int((E.cooccurrence_matrix(seed_article, top=15).to_numpy() > 0).sum() - 15) // 2


class TestPickAnEntity:
    @pytest.mark.parametrize("query, name_en", [
        ("Italy", "Italy"), ("italy", "Italy"), ("إيطاليا", "Italy"), ("ايطاليا", "Italy"),
        ("الكاظمي", "Mustafa al-Kadhimi"), ("Mosul Dam", "Mosul Dam"), ("nowhere", None), (None, None), ("", None),
    ])
    def test_find_entity(self, seed_article, query, name_en):
        ids = ids_by_name(seed_article)
        assert E.find_entity(seed_article, query) == (ids[name_en] if name_en else None)

    def test_sentences_of_an_entity(self, seed_article):
        ids = ids_by_name(seed_article)
        s = E.entity_sentences(seed_article, ids["Italy"])
        assert len(s) == 10 and sum(len(x) for x in s["spans"]) == 11
        for r in s.itertuples(index=False):
            for a, b in r.spans:
                assert seed_article.text[a:b] in ("إيطاليا", "ايطاليا")

    def test_details_blocks_with_marks(self, seed_article):
        ids = ids_by_name(seed_article)
        page = E.entity_sentences_html(seed_article, open_ids={ids["Italy"]})
        assert page.count("<details") == 16
        italy = page.split(f'data-entity-id="{ids["Italy"]}"')[1].split("</details>")[0]
        assert italy.count("<mark") == 11
        assert "(country / city; 11 mentions in 10 sentences)" in italy
        assert f'<details open data-entity-id="{ids["Italy"]}"' in page
        assert page.count("<details open") == 1

    def test_article_markup_is_escaped(self):
        art = parse_article(MARKUP)
        page = E.entity_sentences_html(art)
        assert "<script>" not in page and "<b>في بغداد" not in page
        assert "&lt;script&gt;" in page and "&lt;b&gt;" in page


class TestNotebookTablesAndCharts:
    """What notebook 05 draws: the typed table, the mentions bars, the matrix heatmap, the network figure."""

    TYPES = ["شخص · person", "منظمة · organisation", "دولة / مدينة · country / city", "منشأة · facility"]

    @pytest.fixture(autouse=True)
    def _agg(self):
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        yield
        plt.close("all")

    def test_typed_table(self, seed_article):
        t = E.typed_table(E.entity_table(seed_article)).set_index("name_en")
        assert t.at["Italy", "type"] == "GPE · دولة / مدينة · country / city"
        assert t.at["Mustafa al-Kadhimi", "type"] == "PERSON · شخص · person"
        assert E.type_names()["FAC"] == "منشأة · facility"

    def test_mentions_bars(self, seed_article):
        fig = E.plot_mentions(E.entity_table(seed_article))
        ax = fig.axes[0]
        assert len(ax.patches) == 16
        assert [p.get_width() for p in ax.patches][:3] == [11, 6, 5]
        assert ax.get_yticklabels()[0].get_text() == "إيطاليا · Italy"
        assert ax.get_title() == "عدد مرات الذكر · Mentions per entity"
        assert [t.get_text() for t in fig.legends[0].get_texts()] == self.TYPES

    def test_mentions_top_n_says_so(self, seed_article):
        fig = E.plot_mentions(E.entity_table(seed_article), top=5)
        assert len(fig.axes[0].patches) == 5
        assert fig.axes[0].get_title().endswith(" (top 5 of 16)")
        assert E.plot_mentions(E.entity_table(seed_article).head(0)) is None

    def test_matrix_heatmap(self, seed_article):
        matrix = E.cooccurrence_matrix(seed_article, top=15)
        fig = E.plot_cooccurrence_matrix(seed_article, matrix)
        ax = fig.axes[0]
        assert [t.get_text() for t in ax.get_yticklabels()][:3] == ["إيطاليا · Italy", "العراق · Iraq",
                                                                   "مصطفى الكاظمي · Mustafa al-Kadhimi"]
        assert [t.get_text() for t in ax.get_xticklabels()] == [str(i) for i in range(1, 16)]
        assert ax.get_title() == "الجمل المشتركة · Sentences shared by two entities"
        assert E.plot_cooccurrence_matrix(seed_article, matrix.iloc[0:0, 0:0]) is None

    def test_network_figure(self, seed_article):
        fig = E.network_figure(seed_article, top=15)
        assert fig.axes[0].get_title() == "شبكة الذكر المشترك · Co-occurrence network (same sentence)\u200e"
        assert [t.get_text() for t in fig.legends[0].get_texts()] == self.TYPES
        assert E.network_figure(parse_article(MARKUP), top=1) is None  # one node: nothing to link

    def test_entity_to_unfold(self, seed_article):
        ids = ids_by_name(seed_article)
        assert E.entity_to_unfold(seed_article) == ids["Italy"]  # no pick: the most mentioned
        assert E.entity_to_unfold(seed_article, "Iraq") == ids["Iraq"]
        assert E.entity_to_unfold(seed_article, "nowhere") == ids["Italy"]
