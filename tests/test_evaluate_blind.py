"""The blind-gold measures of analysis.evaluate (entities identified through mentions, statements, speakers,
wrong-speaker rate, main theme), on the seed and on edited copies of its gold."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

from analysis.evaluate import blind_scores, top_theme, wrong_speakers

from conftest import ROOT

SEED_GOLD = ROOT / "tests" / "gold" / "000_15d6e93d3754c312"


@pytest.fixture
def gold(tmp_path):
    d = tmp_path / "gold"
    shutil.copytree(SEED_GOLD, d)
    return d


def test_seed_gold_scores_perfectly(seed_article, gold):
    s = blind_scores(seed_article, gold)
    assert (s["entities"].tp, s["entities"].fp, s["entities"].fn) == (16, 0, 0)
    assert (s["statements"].tp, s["speakers"].tp) == (11, 11)
    assert wrong_speakers(seed_article, gold) == (0, 11)
    assert "main_theme" not in s  # no story.csv in the seed gold


def test_entities_are_matched_through_mentions_not_english_names(seed_article, gold):
    m = pd.read_csv(gold / "mentions.csv", dtype=str, keep_default_na=False)
    m.loc[m["name_en"] == "Italy", "name_en"] = "Repubblica Italiana"  # a spelling the extractor never uses
    m.to_csv(gold / "mentions.csv", index=False)
    q = pd.read_csv(gold / "quotes.csv", dtype=str, keep_default_na=False)
    q.loc[q["speaker"] == "Italy", "speaker"] = "Repubblica Italiana"
    q.to_csv(gold / "quotes.csv", index=False)
    s = blind_scores(seed_article, gold)
    assert (s["entities"].tp, s["entities"].fp, s["entities"].fn) == (16, 0, 0)
    assert s["speakers"].fn == 0


def test_a_wrong_speaker_is_counted(seed_article, gold):
    q = pd.read_csv(gold / "quotes.csv", dtype=str, keep_default_na=False)
    first = q.index[q["speaker"] != ""][0]
    q.loc[first, "speaker"] = "Somebody Else"
    q.to_csv(gold / "quotes.csv", index=False)
    s = blind_scores(seed_article, gold)
    assert (s["statements"].tp, s["speakers"].tp, s["speakers"].fp, s["speakers"].fn) == (11, 10, 1, 1)
    assert wrong_speakers(seed_article, gold) == (1, 11)


def test_main_theme(seed_article, gold):
    top = top_theme(seed_article)
    assert top == "SECURITY_SERVICES"
    (gold / "story.csv").write_text(f"main_theme,other_themes\n{top},\n", encoding="utf-8")
    assert blind_scores(seed_article, gold)["main_theme"].tp == 1
    (gold / "story.csv").write_text("main_theme,other_themes\nSPORTS_FOOTBALL,\n", encoding="utf-8")
    s = blind_scores(seed_article, gold)["main_theme"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
