"""Notebook 04's helpers on the seed: catalogue, theme x paragraph matrix, flow, sections, key terms, pick HTML."""
from __future__ import annotations

import re

import pytest

from analysis.explore import themes as T


@pytest.fixture(scope="module")
def translation(seed_article):
    from analysis.lexicon.translations import translation_for

    return translation_for(seed_article.paragraphs)


class TestGlossForStem:
    @pytest.mark.parametrize(
        ("word", "gloss"),
        [
            ("هدنة", "truce"),
            ("الإرهاب", "terrorism / terrorist"),
            ("داعش", "ISIS (Daesh)"),
            ("اقتصاد", "economy / economic"),
            ("منفلت", ""),  # only inside the two-word trigger السلاح المنفلت
            ("بغداد", ""),
        ],
    )
    def test_single_word_triggers_only(self, word, gloss):
        from analysis.text.stem import stem

        assert T.gloss_for_stem(stem(word)) == gloss


class TestCatalogue:
    def test_seed_order_and_counts(self, seed_article):
        cat = T.theme_catalogue(seed_article)
        assert cat["theme"].tolist()[:5] == [
            "SECURITY_SERVICES", "MILITARY_COOPERATION", "TERROR", "COALITION_NATO", "TERROR_FINANCING"]
        assert len(cat) == 13
        row = cat.set_index("theme").loc["TERROR"]
        assert (row["n_sentences"], row["n_paragraphs"], row["score"], row["first_sentence"]) == (8, 7, 11.0, 5)
        assert row["evidence"] == "داعش | الإرهابية | خلاياها النائمة | الإرهاب | الإرهابيون"
        assert row["label_ar"] == "الإرهاب وتنظيم داعش" and row["label_en"] == "Terrorism and ISIS"


class TestThemeByParagraph:
    def test_seed_matrix_values(self, seed_article):
        m = T.theme_by_paragraph(seed_article)
        assert list(m.columns) == [3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]
        assert m.loc["TERROR_FINANCING"].tolist() == [0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 5, 0, 0, 0, 0, 0]
        assert m.loc["INFRASTRUCTURE", 19] == 5.0 and m.loc["INFRASTRUCTURE"].sum() == 5.0
        assert m.loc["MILITARY_COOPERATION", 7] == 3.5
        assert m.loc["WEAPONS_UNCONTROLLED"][m.loc["WEAPONS_UNCONTROLLED"] > 0].to_dict() == {6: 2.0, 8: 2.0}
        assert m[3].sum() == 0 and m[12].sum() == 0  # headline and subheading carry no theme

    def test_sentence_counts(self, seed_article):
        m = T.theme_by_paragraph(seed_article, value="sentences")
        assert m.loc["TERROR"].sum() == 8 and m.loc["SECURITY_SERVICES", 7] == 1

    def test_bad_value(self, seed_article):
        with pytest.raises(ValueError):
            T.theme_by_paragraph(seed_article, value="words")


class TestFlowAndSections:
    def test_sections(self, seed_article, translation):
        assert T.sections(seed_article, translation=translation) == [
            T.Section(0, "مطلع الخبر", "opening"),
            T.Section(1, "في مقدمة داعمي العراق", "At the forefront of Iraq's supporters"),
        ]
        assert T.sections(seed_article)[1].label_en == "At the forefront of Iraq's supporters"  # stored one by default

    def test_flow_in_reading_order(self, seed_article):
        flow = T.theme_flow(seed_article)
        assert len(flow) == 44
        assert flow["position"].is_monotonic_increasing
        terror = flow[flow["theme"] == "TERROR"]
        assert terror["sentence_id"].tolist() == [5, 8, 11, 12, 13, 14, 17, 18]
        assert terror["section_id"].tolist() == [0, 0, 1, 1, 1, 1, 1, 1]

    def test_by_section_shares(self, seed_article):
        by = T.theme_by_section(seed_article)
        # the opening has 9 sentences (headline + 8 body), the background section 10 (subheading + 9 body)
        assert by.loc["TERROR", 0] == round(2 / 9, 3) and by.loc["TERROR", 1] == 0.6
        assert by.loc["TERROR_FINANCING", 0] == 0.0 and by.loc["TERROR_FINANCING", 1] == 0.3
        assert by.loc["WEAPONS_UNCONTROLLED", 1] == 0.0
        assert by.loc["TERROR", "label"] == "الإرهاب وتنظيم داعش · Terrorism and ISIS"


class TestKeyTerms:
    def test_per_theme(self, seed_article):
        kt = T.key_terms(seed_article, by="theme", top=3)
        terror = kt[kt["group"] == "TERROR"]
        assert terror[["stem", "form", "gloss", "count"]].values.tolist() == [
            ["داعش", "داعش", "ISIS (Daesh)", 6],
            ["ارهاب", "الإرهاب", "terrorism / terrorist", 5],
            ["مكافح", "مكافحة", "combating", 5],  # from the reviewed glossary
        ]

    def test_per_section(self, seed_article, translation):
        kt = T.key_terms(seed_article, by="section", top=4, translation=translation)
        assert kt[kt["group"] == 1]["form"].tolist() == ["إيطاليا", "مكافحة", "داعش", "التحالف"]
        assert kt[kt["group"] == 1]["gloss"].tolist()[0] == "Italy"  # a one-word mention: the entity's name
        assert kt[kt["group"] == 0]["form"].tolist()[:2] == ["أمن", "حكومته"]

    def test_wide(self, seed_article):
        wide = T.key_terms_wide(T.key_terms(seed_article, by="theme", top=3))
        assert list(wide.columns) == ["group_label", "1", "2", "3"]
        row = wide[wide["group_label"] == "الإرهاب وتنظيم داعش · Terrorism and ISIS"].iloc[0]
        assert row[["1", "2", "3"]].tolist() == ["داعش · ISIS (Daesh)", "الإرهاب · terrorism / terrorist", "مكافحة · combating"]

    def test_stopwords_and_punctuation_out(self, seed_article):
        kt = T.key_terms(seed_article, by="section", top=50)
        assert not set(kt["form"]) & {"في", "من", "على", "،", ".", "1,497", "الى"}

    def test_word_inside_a_longer_name_gets_no_entity_gloss(self, seed_article):
        kt = T.key_terms(seed_article, by="theme", top=8)
        # not the entity's name ("... Financing Group"): the glossary's word gloss
        assert set(kt.loc[kt["stem"] == "مكافح", "gloss"]) == {"combating"}


class TestPickHtml:
    def test_one_details_per_theme_with_marks(self, seed_article):
        out = T.theme_sentences_html(seed_article)
        assert out.count('<details class="theme-pick"') == 13
        block = re.search(r'<details class="theme-pick"><summary><span dir="rtl" lang="ar">السلاح المنفلت</span>'
                          r'.*?</details>', out, re.S).group(0)
        assert re.findall(r"<mark>(.*?)</mark>", block) == ["السلاح المنفلت", "بالسلاح المنفلت"]
        assert '<li value="2">' in block and '<li value="6">' in block

    def test_escaped(self, seed_article):
        import pandas as pd

        class Fake:
            pass

        fake = Fake()
        fake.sentences = seed_article.sentences.copy()
        fake.sentences["text"] = fake.sentences["text"].astype(object)
        fake.sentences.loc[1, "text"] = "<script>alert(1)</script>" + fake.sentences.loc[1, "text"]
        fake.themes, fake.paragraphs = seed_article.themes, seed_article.paragraphs
        out = T.theme_sentences_html(fake)
        assert "<script>" not in out and "&lt;script&gt;" in out
        assert isinstance(out, str) and pd.notna(out)

    def test_dev_articles_run(self, dev_articles):
        for name, art in dev_articles.items():
            cat = T.theme_catalogue(art)
            m = T.theme_by_paragraph(art)
            assert m.shape == (len(cat), len(T.text_paragraphs(art))), name
            assert T.theme_sentences_html(art).count("<details") == len(cat), name
