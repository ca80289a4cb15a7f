"""The seed's English translation is data aligned with the parser's paragraph ids."""
from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import parse_article
from analysis.lexicon.translations import TranslationMismatch, available, load_translation, translation_for

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_15d6e93d3754c312.txt"
SEED_ID = "000_15d6e93d3754c312"


@pytest.fixture(scope="module")
def seed():
    return parse_article(SEED)


class TestStoredTranslation:
    def test_seed_is_available(self):
        assert SEED_ID in available()

    def test_columns_and_ids(self):
        df = load_translation(SEED_ID)
        assert list(df.columns) == ["paragraph_id", "ar_prefix", "en"]
        assert df["paragraph_id"].tolist() == list(range(1, 21))
        assert (df["en"].str.strip() != "").all()
        assert (df["ar_prefix"].str.len() <= 20).all()

    @pytest.mark.parametrize(
        ("paragraph_id", "ar_prefix", "en_contains"),
        [
            (1, "×", "close button"),
            (2, "أخر الأخبار", "Latest news"),
            (3, "الكاظمي يتحدث عن أخط", "gravest challenge facing his government"),
            (4, "28-09-2020, 22:26", "28-09-2020, 22:26"),
            (5, "346 مشاهدة", "346 views"),
            (6, "اعتبر رئيس الوزراء ا", "Lorenzo Guerini"),
            (8, "واشار الكاظمي الى \"أ", "sleeper cells"),
            (10, "من جانبه أكد وزير ال", "NATO"),
            (12, "في مقدمة داعمي العرا", "forefront of Iraq's supporters"),
            (15, "وشاركت إيطاليا – إلى", "Saudi Arabia"),
            (17, "وشاركت ايطاليا في قو", "1,497 soldiers, 390 land vehicles and 17 aircraft"),
            (19, "وعندما كانت خطوط تنظ", "Mosul Dam"),
            (20, "وكانت إيطاليا واحدة", "United Nations Development Programme"),
        ],
    )
    def test_rows(self, paragraph_id, ar_prefix, en_contains):
        row = load_translation(SEED_ID).set_index("paragraph_id").loc[paragraph_id]
        assert row["ar_prefix"] == ar_prefix
        assert en_contains in row["en"]

    def test_load_returns_a_copy(self):
        first = load_translation(SEED_ID)
        first.loc[0, "en"] = "changed"
        assert load_translation(SEED_ID).loc[0, "en"] != "changed"

    def test_unknown_article(self):
        assert load_translation("no-such-article") is None


class TestAlignment:
    def test_every_prefix_opens_its_paragraph(self, seed):
        stored = load_translation(SEED_ID)
        text = dict(zip(seed.paragraphs["paragraph_id"], seed.paragraphs["text"]))
        assert set(text) == set(stored["paragraph_id"])
        for pid, prefix in zip(stored["paragraph_id"], stored["ar_prefix"]):
            assert text[pid].startswith(prefix), pid

    def test_translation_for_seed(self, seed):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            tr = translation_for(seed.paragraphs)
        assert list(tr.columns) == ["article_id", "paragraph_id", "text", "en"]
        assert tr["paragraph_id"].tolist() == seed.paragraphs["paragraph_id"].tolist()
        assert tr["text"].tolist() == seed.paragraphs["text"].tolist()
        assert (tr["en"] != "").all()
        sub = tr.set_index("paragraph_id").loc[12]
        assert sub["text"] == "في مقدمة داعمي العراق"
        assert sub["en"] == "At the forefront of Iraq's supporters"

    def test_other_article_has_empty_english(self):
        art = parse_article("عنوان الخبر\n\nهذا نص عربي قصير عن الاقتصاد في بغداد.\n", name="other")
        tr = translation_for(art.paragraphs)
        assert len(tr) == len(art.paragraphs) > 0
        assert (tr["en"] == "").all()
        assert tr["en"].dtype == "str"

    def test_misaligned_translation_is_refused(self, seed):
        shifted = seed.paragraphs.copy()
        shifted["paragraph_id"] = shifted["paragraph_id"] + 1
        with pytest.warns(TranslationMismatch, match="does not line up"):
            tr = translation_for(shifted)
        assert (tr["en"] == "").all()

    def test_needs_one_article(self, seed):
        both = pd.concat([seed.paragraphs, seed.paragraphs.assign(article_id="x")])
        with pytest.raises(ValueError, match="exactly one article"):
            translation_for(both)
