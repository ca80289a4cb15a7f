"""Extraction against the gold in tests/gold: the seed exactly (mentions, quotes), the dev gold well-formed, tuned dev
folders above the thresholds they were tuned to, held-out folders (tests/gold/HELDOUT.txt) only above a sanity floor."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis.evaluate import KEYS, Score, evaluate_article, gold_keys, heldout_stems, load_gold, predicted_keys
from analysis.extract.pipeline import EXTRACTED_TABLES

from conftest import DEV_DIR, ROOT, shared_or_skip

GOLD = ROOT / "tests" / "gold"
SEED_GOLD = GOLD / "000_15d6e93d3754c312"
MY_TABLES = ("mentions", "quotes")


class TestSeedGold:
    @pytest.mark.parametrize("table", MY_TABLES)
    def test_seed_matches_gold_exactly(self, seed_article, table):
        gold = load_gold(SEED_GOLD, table, seed_article.text)
        assert gold is not None
        want, got = gold_keys(gold, table), predicted_keys(seed_article, table)
        assert sorted(want - got) == [] and sorted(got - want) == []

    def test_seed_gold_counts(self, seed_article):
        assert len(load_gold(SEED_GOLD, "mentions", seed_article.text)) == 45
        assert len(load_gold(SEED_GOLD, "quotes", seed_article.text)) == 11


class TestHarness:
    def test_keys_cover_every_extracted_table(self):
        assert set(KEYS) == set(EXTRACTED_TABLES)

    def test_scores(self, seed_article):
        scores = evaluate_article(seed_article, SEED_GOLD, MY_TABLES)
        assert {t: (s.precision, s.recall, s.f1) for t, s in scores.items()} == {
            "mentions": (1.0, 1.0, 1.0), "quotes": (1.0, 1.0, 1.0)}


DEV_GOLD = sorted(p for p in GOLD.iterdir() if p.is_dir() and (p / "mentions.csv").exists()
                  and not p.name.startswith("000_"))


class TestDevGold:
    def test_enough_dev_gold(self):
        stems = [p.name for p in DEV_GOLD]
        assert sum("politics" in s for s in stems) >= 3 and sum("economy" in s for s in stems) >= 3

    @pytest.mark.parametrize("gold_dir", DEV_GOLD, ids=lambda p: p.name)
    def test_dev_gold_fits_its_article(self, gold_dir: Path):
        path = shared_or_skip(DEV_DIR / f"{gold_dir.name}.txt")
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        for table in MY_TABLES:
            gold = load_gold(gold_dir, table, text)
            assert gold is not None and len(gold) > 0
            assert "text" not in gold.columns and "content" not in gold.columns  # no dev text in the project


HELDOUT = heldout_stems(GOLD)


def _micro(dev_articles, folders: list[Path]) -> dict[str, Score]:
    out = {t: Score(0, 0, 0) for t in MY_TABLES}
    for d in folders:
        art = dev_articles.get(f"{d.name}.txt")
        if art is None:
            pytest.skip(f"dev article {d.name} not found in {DEV_DIR}")
        for t, sc in evaluate_article(art, d, MY_TABLES).items():
            out[t] = out[t] + sc
    return out


class TestGroups:
    def test_heldout_list(self):
        assert HELDOUT == {"03_politics_alyaum", "17_economy_aleqtisadiya", "27_economy_alwatan"}
        assert all((GOLD / s / "mentions.csv").exists() for s in HELDOUT)


class TestTunedDev:
    """Tuned dev folders (not held out): the micro F1 the extractors were developed against (with or without the
    NER model: the floor holds for both)."""

    def test_tuned_f1(self, dev_articles):
        scores = _micro(dev_articles, [d for d in DEV_GOLD if d.name not in HELDOUT])
        assert scores["mentions"].f1 >= 0.85, scores
        assert scores["quotes"].f1 >= 0.75, scores


class TestHeldOut:
    """Held-out folders were annotated blind; they are not held to the tuned thresholds.  Their error analysis
    has since guided general fixes, so their score overstates unseen articles;
    this floor only catches a collapse."""

    def test_heldout_floor(self, dev_articles):
        scores = _micro(dev_articles, [d for d in DEV_GOLD if d.name in HELDOUT])
        assert scores["mentions"].f1 >= 0.7, scores
        assert scores["quotes"].f1 >= 0.6, scores
