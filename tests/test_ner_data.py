"""The NER v3 training inputs: NewsFANE re-joining, class mapping and split; the word-cluster table; the outside
name lists; the cluster and sports-context features."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis.ner.clusters import build_clusters, read_clusters, write_clusters
from analysis.ner.corpus import TaggedSentence, read_conll, split_dev
from analysis.ner.features import Gazetteer, gazetteer_key, sentence_features
from analysis.ner.names import _arabic_only
from analysis.ner.newsfane import (
    class_map,
    letters_key,
    map_tags,
    newsfane_path,
    partition,
    read_newsfane,
    rejoin,
)

ANERCORP = Path(__file__).resolve().parents[1].parent / "shared" / "anercorp" / "train.txt"
NEWSFANE = newsfane_path()


class TestRejoin:
    @pytest.mark.parametrize(
        ("tokens", "tags", "want_tokens", "want_tags"),
        [
            # written for this test, in NewsFANE's segmentation
            (["و", "قال", "رئيس", "ه"], ["O"] * 4, ["وقال", "رئيسه"], ["O", "O"]),
            (["ك", "ما", "قال"], ["O"] * 3, ["كما", "قال"], ["O", "O"]),
            (["و", "ب", "القاهرة"], ["O", "O", "B-Population-Center"], ["وبالقاهرة"], ["B-Population-Center"]),
            (["ب", "كون", "ي", "."], ["O"] * 4, ["بكوني", "."], ["O", "O"]),
            (["ال", "نهيان"], ["I-Politician", "I-Politician"], ["ال", "نهيان"], ["I-Politician", "I-Politician"]),
            (["و", "5"], ["O", "O"], ["و", "5"], ["O", "O"]),  # a proclitic glues to words only
            ([".", "ه"], ["O", "O"], [".", "ه"], ["O", "O"]),  # a suffix glues to words only
            (["ل", "الامم", "المتحدة"], ["B-Non-Governmental", "I-Non-Governmental", "I-Non-Governmental"],
             ["لالامم", "المتحدة"], ["B-Non-Governmental", "I-Non-Governmental"]),
        ],
    )
    def test_rejoin(self, tokens, tags, want_tokens, want_tags) -> None:
        got = rejoin(TaggedSentence(tokens, tags))
        assert (got.tokens, got.tags) == (want_tokens, want_tags)


class TestMapping:
    def test_map_covers_types(self) -> None:
        m = class_map()
        assert m["Sports"] == "ORG" and m["Athlete"] == "PERS" and m["Population-Center"] == "LOC"
        assert m["Group"] == "O" and m["Book"] == "MISC"
        assert set(m.values()) == {"PERS", "LOC", "ORG", "MISC", "O"}

    def test_map_tags(self) -> None:
        assert map_tags(["B-Sports", "I-Sports", "O", "B-Group", "I-Group", "B-Nation"]) == [
            "B-ORG", "I-ORG", "O", "O", "O", "B-LOC"]

    def test_unknown_class_raises(self) -> None:
        with pytest.raises(KeyError):
            map_tags(["B-NoSuchClass"])

    def test_letters_key_folds_spelling(self) -> None:
        assert letters_key(["أعلن", "إلى", "مدرسة", "."]) == letters_key(["اعلن", "الي", "مدرسه"])


@pytest.mark.skipif(not (ANERCORP.is_file() and NEWSFANE.is_file()), reason="ANERcorp or NewsFANE file absent "
                    f"({ANERCORP}, {NEWSFANE})")
class TestNewsFANEFile:
    @pytest.fixture(scope="class")
    @staticmethod
    def parts():
        train, dev = split_dev(read_conll(ANERCORP))
        return read_newsfane(NEWSFANE), train, dev, partition(read_newsfane(NEWSFANE), train, dev)

    def test_every_class_mapped(self, parts) -> None:
        sents = parts[0]
        assert len(sents) == 4760
        assert {t.partition("-")[2] for s in sents for t in s.tags if t != "O"} <= set(class_map())

    def test_partition(self, parts) -> None:
        _, train, dev, p = parts
        assert (len(p.train), len(p.heldout), p.unused) == (3437, 376, 947)
        assert len(p.train) == len(p.train_index) and len(p.heldout) == len(p.heldout_index)
        dev_keys = {letters_key(s.tokens) for s in dev}
        # never a training sentence whose text is a dev sentence
        assert not any(letters_key(s.tokens) in dev_keys for s in p.train)
        assert all(0 <= i < len(train) for i in p.train_index)
        assert {t for s in p.train + p.heldout for t in s.tags} <= {
            "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

    def test_twins_align(self, parts) -> None:
        _, train, _, p = parts
        # most re-joined twins have the ANERcorp sentence's length
        same = sum(len(s.tokens) == len(train[i].tokens) for s, i in zip(p.train, p.train_index))
        assert same / len(p.train) > 0.6


class TestClusters:
    def test_build_and_read(self, tmp_path: Path) -> None:
        # written for this test: two kinds of words in the same frames
        texts = []
        for city in ("القاهرة", "بغداد", "دمشق", "عمان"):
            for verb in ("وصل", "عاد", "سافر", "توجه"):
                texts.append(f"{verb} الوزير إلى {city} اليوم . " * 3)
        import analysis.ner.clusters as cl

        old = (cl.MIN_COUNT, cl.DIMS, cl.FINE, cl.COARSE)
        cl.MIN_COUNT, cl.DIMS, cl.FINE, cl.COARSE = 1, 4, 4, 2
        try:
            table, stats = build_clusters(texts)
        finally:
            cl.MIN_COUNT, cl.DIMS, cl.FINE, cl.COARSE = old
        assert stats["articles"] == 16
        assert table["القاهره"][1] == table["بغداد"][1] == table["دمشق"][1]  # normalised forms
        assert table["القاهره"][1] != table["وصل"][1]
        write_clusters(table, tmp_path / "c.tsv")
        back = read_clusters((tmp_path / "c.tsv").read_bytes())
        assert back["بغداد"] == (f"k{table['بغداد'][0]}", f"f{table['بغداد'][1]}")

    def test_malformed(self) -> None:
        with pytest.raises(ValueError, match="line 2"):
            read_clusters(b"# header\nword\tk1\n")

    def test_cluster_features(self) -> None:
        clusters = {"القاهره": ("k1", "f7"), "وصل": ("k2", "f9")}
        f = sentence_features(["وصل", "الوزير", "القاهرة", "للقاهرة"], clusters=clusters)
        assert {"cf=f9", "ck=k2", "ck+2=k1", "cf|cf+1=f9|f-"} <= set(f[0])
        assert {"cf=f-", "ck=k-", "cf-1=f9", "cf+1=f7"} <= set(f[1])  # an unknown word
        assert "cf=f7" in f[2]
        assert "cf=f-" in f[3]  # للقاهره strips to قاهره, not listed
        f2 = sentence_features(["والقاهرة"], clusters={"قاهره": ("k3", "f3")})
        assert "cf=f3" in f2[0]  # not listed itself: its clitic-stripped form's cluster


class TestSportsContext:
    def test_sport_marks_list_features(self) -> None:
        gz = Gazetteer({gazetteer_key("النصر"): ("Lclub",), gazetteer_key("الرياض"): ("Lcity",)}, 1)
        plain = sentence_features(["النصر", "في", "الرياض"], gazetteer=gz)
        sport = sentence_features(["فاز", "النصر", "في", "الرياض"], gazetteer=gz)
        assert "sport" not in plain[0] and not any(x.startswith("sp|") for x in plain[0])
        assert {"sport", "sp|gB=Lclub"} <= set(sport[1])
        assert "sp|gB=Lcity" in sport[3]


class TestOutsideNames:
    @pytest.mark.parametrize(("name", "ok"), [
        ("الدار البيضاء", True), ("صفاقس", True), ("اسکالدس", False),  # Persian kaf
        ("ئاستانا", False), ("اب", False), ("Paris", False)])
    def test_arabic_only(self, name: str, ok: bool) -> None:
        assert _arabic_only(name) is ok
