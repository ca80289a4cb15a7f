"""The shipped Arabic NER model (analysis.ner): features, scoring, loading, tagging, retraining."""
from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

from analysis.ner import LABELS, NERModelError, model_card, tag_sentences, tag_tokens
from analysis.ner import model as ner_model
from analysis.ner.corpus import read_conll, split_dev
from analysis.ner.document import doc_key, document_features, stage2_features
from analysis.ner.evaluate import Span, bio_spans, score_spans
from analysis.ner.features import (
    Gazetteer,
    gazetteer_features,
    gazetteer_key,
    length_bucket,
    sentence_features,
    strip_enclitics,
    strip_proclitics,
    trigger_categories,
    triggers,
    word_shape,
)
from analysis.ner.names import build_names, default_sources, read_names, write_names
from analysis.text.normalize import normalize

ANERCORP = Path(__file__).resolve().parents[1].parent / "shared" / "anercorp" / "train.txt"
SHIPPED = resources.files("analysis").joinpath("models", "ner_crf.crfsuite")


def entities(tokens: list[str], tags: list[str]) -> set[tuple[str, str]]:
    return {(s.type, " ".join(tokens[s.start:s.end])) for s in bio_spans(tags)}


class TestCliticStripping:
    @pytest.mark.parametrize(
        ("word", "expected"),
        [
            ("والعراق", ("وال", "عراق")),
            ("بالعاصمه", ("بال", "عاصمه")),
            ("للحكومه", ("لل", "حكومه")),
            ("فالرئيس", ("فال", "رئيس")),
            ("كالبحر", ("كال", "بحر")),
            ("وموسكو", ("و", "موسكو")),
            ("وبغداد", ("وب", "غداد")),  # greedy and ambiguous by design: the tagger also sees the whole word
            ("العراق", ("ال", "عراق")),
            ("ولد", ("", "ولد")),  # too short to strip: at least three letters must remain
            ("مصر", ("", "مصر")),
        ],
    )
    def test_proclitics(self, word: str, expected: tuple[str, str]) -> None:
        assert strip_proclitics(word) == expected

    @pytest.mark.parametrize(
        ("word", "expected"),
        [
            ("حكومتها", ("حكومت", "ها")),
            ("بلادهم", ("بلاد", "هم")),
            ("رئيسنا", ("رئيس", "نا")),
            ("كتابكم", ("كتاب", "كم")),
            ("حكومة", ("حكومة", "")),  # teh marbuta is not a pronoun
            ("له", ("له", "")),
        ],
    )
    def test_enclitics(self, word: str, expected: tuple[str, str]) -> None:
        assert strip_enclitics(word) == expected


class TestShapeAndLength:
    @pytest.mark.parametrize(
        ("token", "shape"),
        [
            ("1,497", "number"),
            ("2020", "digits"),
            ("٢٠٢٠", "digits"),
            ("70%", "number"),
            ("NATO", "latin"),
            ("بغداد", "arabic"),
            ("جندياً", "arabic"),
            ("بـ34", "arabic+digit"),
            ("،", "punct"),
            ("«", "punct"),
            ("(", "punct"),
        ],
    )
    def test_word_shape(self, token: str, shape: str) -> None:
        assert word_shape(token) == shape

    @pytest.mark.parametrize(("word", "bucket"), [("و", "1"), ("مصر", "3"), ("العراق", "6-7"), ("والمحافظات", "8+")])
    def test_length_bucket(self, word: str, bucket: str) -> None:
        assert length_bucket(word) == bucket


class TestTriggers:
    def test_list_has_each_category(self) -> None:
        cats = {c for cs in triggers().values() for c in cs}
        assert cats == {"title", "org", "loc", "speech", "sport"}

    @pytest.mark.parametrize(
        ("word", "cats"),
        [
            ("والرئيس", ("title",)),
            ("لوزير", ("title",)),
            ("وزارة", ("org",)),
            ("بمحافظة", ("loc",)),
            ("العاصمة", ("loc",)),
            ("كتاب", ()),
        ],
    )
    def test_categories(self, word: str, cats: tuple[str, ...]) -> None:
        assert trigger_categories(normalize(word)) == cats


class TestSentenceFeatures:
    TOKENS = ["وقال", "وزير", "الدفاع", "الإيطالي", "لورينزو", "جويريني", "."]

    @pytest.mark.parametrize(
        ("index", "expected"),
        [
            (0, {"bias", "w=وقال", "pro=و", "rest=قال", "trig=speech", "BOS", "w+1=وزير", "trig+1=title"}),
            (1, {"w=وزير", "trig=title", "w-1=وقال", "w+2=الايطالي", "w|w+1=وزير|الدفاع"}),
            (3, {"w=الايطالي", "raw=الإيطالي", "pro=ال", "rest=ايطالي", "s1=ي", "s2=لي", "trig-2=title"}),
            (4, {"w=لورينزو", "shape=arabic", "len=6-7", "w-1=الايطالي", "w-1|w=الايطالي|لورينزو"}),
            (6, {"w=.", "shape=punct", "EOS", "w-1=جويريني"}),
        ],
    )
    def test_contains(self, index: int, expected: set[str]) -> None:
        feats = sentence_features(self.TOKENS)
        assert len(feats) == len(self.TOKENS)
        assert expected <= set(feats[index])

    def test_deterministic(self) -> None:
        assert sentence_features(self.TOKENS) == sentence_features(list(self.TOKENS))


def _gaz(**names: tuple[str, ...]) -> Gazetteer:
    table = {gazetteer_key(k.replace("_", " ")): v for k, v in names.items()}
    return Gazetteer(table, max(len(k.split()) for k in table))


class TestGazetteerFeatures:
    GAZ = _gaz(**{"الأمم_المتحدة": ("GORG",), "بغداد": ("GGPE", "Lcity"), "محمد": ("Lfirst_name",)})

    @pytest.mark.parametrize(
        ("tokens", "expected"),
        [
            (["في", "بغداد"], [[], ["gB=GGPE", "g1=GGPE", "gB=Lcity", "g1=Lcity"]]),
            (["وبغداد"], [["gB=GGPE", "g1=GGPE", "gB=Lcity", "g1=Lcity"]]),  # through the proclitic
            (["من", "الأمم", "المتحدة", "."], [[], ["gB=GORG"], ["gI=GORG"], []]),
            (["للأمم", "المتحدة"], [["gB=GORG"], ["gI=GORG"]]),
            (["الأمم", "الأوروبية"], [[], []]),  # only the whole name matches
            (["محمد", "صالح"], [["gB=Lfirst_name", "g1=Lfirst_name"], []]),
        ],
    )
    def test_matches(self, tokens: list[str], expected: list[list[str]]) -> None:
        assert gazetteer_features([normalize(t).lower() for t in tokens], self.GAZ) == expected

    def test_sentence_features_with_neighbours(self) -> None:
        feats = sentence_features(["وصل", "إلى", "بغداد"], gazetteer=self.GAZ)
        assert {"gB=GGPE", "g1=Lcity"} <= set(feats[2])
        assert "gB+1=GGPE" in feats[1] and "gB-1=GGPE" not in feats[1]
        assert not any(f.startswith("g") for f in feats[0])
        assert sentence_features(["وصل", "إلى", "بغداد"]) == [
            [f for f in fs if not f.startswith(("gB", "gI", "g1"))] for fs in feats]


class TestNameList:
    def test_roundtrip(self, tmp_path: Path) -> None:
        names = {"بغداد": ("GGPE", "Lcity"), "الامم المتحده": ("GORG",)}
        write_names(names, tmp_path / "n.tsv")
        gaz = read_names((tmp_path / "n.tsv").read_bytes())
        assert dict(gaz.names) == names and gaz.max_words == 2

    def test_malformed(self) -> None:
        with pytest.raises(ValueError, match="line 2"):
            read_names(b"# header\nno tab here\n")

    def test_sources_merge(self) -> None:
        names = build_names(*default_sources())
        assert "Lcountry" in names[gazetteer_key("مصر")]
        assert "Lcity" in names[gazetteer_key("القاهرة")]
        assert names[gazetteer_key("محمد")] == ("Lfirst_name",)

    def test_shipped_snapshot_loaded(self) -> None:
        card = model_card()
        assert card["names_count"] == len(ner_model._current().names.names) > 300


class TestDocumentFeatures:
    SENTS = [["قال", "أولمرت", "إن"], ["وأكد", "أولمرت", "ذلك"], ["في", "القدس"], ["ولأولمرت", "رأي"]]

    def test_other_occurrences_vote(self) -> None:
        s1 = [["O", "B-PERS", "O"], ["O", "O", "O"], ["O", "B-LOC"], ["O", "O"]]
        doc = document_features(self.SENTS, s1, window=10)
        assert doc[1][1] == ["doc=PERS", "docfrac=PERS:hi"]  # the other two: one PERS, one O (a tie is hi)
        assert doc[0][1] == ["doc=O"]  # its own PERS does not count
        assert doc[3][0] == ["doc=PERS", "docfrac=PERS:hi"]  # matched through the proclitic
        assert doc[2][1] == []  # no other occurrence
        assert doc[0][0] == []  # "قال" occurs once

    def test_window(self) -> None:
        s1 = [["O", "B-PERS", "O"], ["O", "O", "O"], ["O", "B-LOC"], ["O", "O"]]
        assert document_features(self.SENTS, s1, window=1)[3][0] == []  # sentences 2-3: no other occurrence
        assert document_features(self.SENTS, s1, window=2)[3][0] == ["doc=O"]  # sentence 1 reached, tagged O
        assert document_features(self.SENTS, s1, window=0)[1][1] == []

    def test_doc_key(self) -> None:
        assert doc_key("ولأولمرت") == doc_key("أولمرت") == "اولمرت"

    def test_stage2_adds_stage1_tags(self) -> None:
        s1 = [["O", "B-PERS", "O"], ["O", "O", "O"], ["O", "B-LOC"], ["O", "O"]]
        feats = [sentence_features(t) for t in self.SENTS]
        x = stage2_features(feats, self.SENTS, s1, window=10)
        assert [len(r) for r in x] == [3, 3, 2, 2]
        assert {"s1=O", "s1-1=O", "s1+1=O", "doc=PERS"} <= set(x[1][1])
        assert "doc+1=PERS" in x[1][0]
        assert set(feats[1][1]) <= set(x[1][1])


class TestScoring:
    @pytest.mark.parametrize(
        ("tags", "spans"),
        [
            (["B-PERS", "I-PERS", "O", "B-LOC"], [Span(0, 2, "PERS"), Span(3, 4, "LOC")]),
            (["O", "I-ORG", "I-ORG"], [Span(1, 3, "ORG")]),  # conlleval: a stray I- opens a chunk
            (["B-LOC", "B-LOC"], [Span(0, 1, "LOC"), Span(1, 2, "LOC")]),
            (["B-PERS", "I-LOC"], [Span(0, 1, "PERS"), Span(1, 2, "LOC")]),
            (["O", "O"], []),
        ],
    )
    def test_bio_spans(self, tags: list[str], spans: list[Span]) -> None:
        assert bio_spans(tags) == spans

    def test_exact_span_and_type(self) -> None:
        gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG"]]
        pred = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "I-ORG"]]
        s = score_spans(gold, pred)
        assert (s["ALL"].n_gold, s["ALL"].n_pred, s["ALL"].n_correct) == (3, 3, 2)
        assert s["PERS"].f1 == 0.0
        assert s["LOC"].f1 == 1.0
        assert s["ALL"].precision == pytest.approx(2 / 3)


class TestShippedModel:
    def test_files_exist(self) -> None:
        assert SHIPPED.is_file()
        assert resources.files("analysis").joinpath("models", "ner_crf.json").is_file()

    def test_card(self) -> None:
        card = model_card()
        assert card["model_bytes"] + card["stage1_bytes"] + card["names_bytes"] + card["clusters_bytes"] < 20_000_000
        assert set(card["dev_scores"]) >= {"PERS", "LOC", "ORG", "MISC", "ALL"}
        assert 0.5 < card["dev_scores"]["ALL"]["f1"] <= 1.0
        assert {"c1", "c2", "max_iterations"} <= set(card["settings"])

    def test_shapes_and_labels(self) -> None:
        sents = [["وصل", "الوفد", "إلى", "القاهرة", "."], [], ["NATO", "1,497", "،"]]
        tags = tag_sentences(sents)
        assert [len(t) for t in tags] == [5, 0, 3]
        assert {t for ts in tags for t in ts} <= set(LABELS)

    def test_rejects_plain_string(self) -> None:
        with pytest.raises(TypeError):
            tag_tokens("القاهرة")

    @pytest.mark.parametrize(
        ("tokens", "expected"),
        [
            # Sentences written for this test (not from ANERcorp).
            (["قال", "الرئيس", "الأمريكي", "جورج", "بوش", "إن", "بلاده", "ستدعم", "العراق", "."],
             {("PERS", "جورج بوش"), ("LOC", "العراق")}),
            (["وصل", "وزير", "الخارجية", "المصري", "إلى", "بغداد", "أمس", "."],
             {("LOC", "بغداد")}),
            (["التقى", "الملك", "عبدالله", "الثاني", "في", "عمان", "وفدا", "من", "الأمم", "المتحدة", "."],
             {("LOC", "عمان"), ("ORG", "الأمم المتحدة")}),
            (["وأكدت", "وزارة", "الخارجية", "الفرنسية", "أن", "باريس", "ترفض", "القرار", "."],
             {("LOC", "باريس")}),
        ],
    )
    def test_expected_entities(self, tokens: list[str], expected: set[tuple[str, str]]) -> None:
        assert expected <= entities(tokens, tag_tokens(tokens))

    def test_tag_tokens_is_one_sentence_document(self) -> None:
        for sent in (["قال", "الرئيس", "الأمريكي", "جورج", "بوش"], ["في", "بغداد"]):
            assert tag_sentences([sent]) == [tag_tokens(sent)]

    def test_document_context_is_used(self) -> None:
        # Written for this test: a name introduced with a title, then alone in a later sentence.
        first = ["قال", "رئيس", "الوزراء", "الإسرائيلي", "إيهود", "أولمرت", "إن", "المفاوضات", "ستستمر", "."]
        later = ["وأضاف", "أولمرت", "أن", "الحكومة", "ستجتمع", "غدا", "."]
        together = tag_sentences([first, later])
        assert ("PERS", "إيهود أولمرت") in entities(first, together[0])
        assert ("PERS", "أولمرت") in entities(later, together[1])
        assert len(together[1]) == len(later)

    def test_rejects_plain_string_sentences(self) -> None:
        with pytest.raises(TypeError):
            tag_sentences(["في بغداد"])

    def test_deterministic(self) -> None:
        toks = ["أعلن", "رئيس", "الوزراء", "البريطاني", "توني", "بلير", "في", "لندن", "."]
        first = tag_tokens(toks)
        ner_model._load.cache_clear()
        assert tag_tokens(toks) == first

    def test_output_is_valid_bio(self) -> None:
        tags = tag_sentences([["التقى", "الملك", "عبدالله", "الثاني", "في", "عمان", "وفدا", "من", "الأمم", "المتحدة"]])[0]
        for prev, tag in zip(["O"] + tags, tags):
            if tag.startswith("I-"):
                assert prev[2:] == tag[2:]


@pytest.fixture
def model_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary copy of the shipped model files and card, with the loader pointed at it."""
    for name in ("ner_crf.crfsuite", "ner_crf_stage1.crfsuite", "ner_names.tsv", "ner_clusters.tsv", "ner_crf.json"):
        shutil.copyfile(str(resources.files("analysis").joinpath("models", name)), tmp_path / name)
    target = tmp_path / "ner_crf.crfsuite"
    monkeypatch.setattr(ner_model, "MODEL_PATH", target)
    return target


class TestBrokenModel:
    def test_copy_loads(self, model_copy: Path) -> None:
        assert len(tag_tokens(["في", "بغداد"])) == 2

    def test_missing(self, model_copy: Path) -> None:
        model_copy.unlink()
        with pytest.raises(NERModelError, match="not found") as err:
            tag_tokens(["في", "بغداد"])
        assert str(model_copy) in str(err.value)

    def test_truncated(self, model_copy: Path) -> None:
        data = model_copy.read_bytes()
        model_copy.write_bytes(data[: len(data) // 2])
        with pytest.raises(NERModelError, match="corrupt") as err:
            tag_tokens(["في", "بغداد"])
        assert str(model_copy) in str(err.value)

    def test_garbage(self, model_copy: Path) -> None:
        model_copy.write_bytes(b"this is not a model" * 100)
        with pytest.raises(NERModelError, match="corrupt") as err:
            tag_tokens(["في", "بغداد"])
        assert str(model_copy) in str(err.value)

    def test_one_flipped_byte(self, model_copy: Path) -> None:
        data = bytearray(model_copy.read_bytes())
        data[len(data) // 3] ^= 0xFF
        model_copy.write_bytes(bytes(data))
        with pytest.raises(NERModelError, match="corrupt"):
            tag_tokens(["في", "بغداد"])

    @pytest.mark.parametrize("name", ["ner_crf_stage1.crfsuite", "ner_names.tsv", "ner_clusters.tsv"])
    def test_missing_companion(self, model_copy: Path, name: str) -> None:
        (model_copy.parent / name).unlink()
        with pytest.raises(NERModelError, match="not found") as err:
            tag_tokens(["في", "بغداد"])
        assert name in str(err.value)

    @pytest.mark.parametrize("name", ["ner_crf_stage1.crfsuite", "ner_names.tsv", "ner_clusters.tsv"])
    def test_altered_companion(self, model_copy: Path, name: str) -> None:
        path = model_copy.parent / name
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x01
        path.write_bytes(bytes(data))
        with pytest.raises(NERModelError, match="corrupt") as err:
            tag_tokens(["في", "بغداد"])
        assert name in str(err.value)

    def test_missing_card(self, model_copy: Path) -> None:
        card = model_copy.with_suffix(".json")
        card.unlink()
        with pytest.raises(NERModelError, match="card not found") as err:
            tag_tokens(["في", "بغداد"])
        assert str(card) in str(err.value)

    def test_bad_card(self, model_copy: Path) -> None:
        model_copy.with_suffix(".json").write_text("{not json", encoding="utf-8")
        with pytest.raises(NERModelError, match="not valid JSON"):
            tag_tokens(["في", "بغداد"])

    def test_old_features_version(self, model_copy: Path) -> None:
        card_path = model_copy.with_suffix(".json")
        card = json.loads(card_path.read_text(encoding="utf-8"))
        card["features_version"] = "0"
        card_path.write_text(json.dumps(card), encoding="utf-8")
        with pytest.raises(NERModelError, match="features version"):
            tag_tokens(["في", "بغداد"])


@pytest.mark.skipif(not ANERCORP.is_file(), reason=f"ANERcorp training file absent: {ANERCORP}")
class TestRetrainTinySlice:
    def test_reader_and_split(self) -> None:
        sents = read_conll(ANERCORP)
        assert len(sents) == 3972
        assert sum(len(s.tokens) for s in sents) == 125_100
        train, dev = split_dev(sents)
        assert (len(train), len(dev)) == (3575, 397)
        assert dev[-1] == sents[-1]

    def test_retrain_and_tag(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        from analysis.ner.train import main

        rc = main(["--data", str(ANERCORP), "--limit", "300", "--c1", "0.1", "--c2", "0.01", "--folds", "2",
                   "--max-iterations", "20", "--jobs", "1", "--final", "heldout", "--out-dir", str(tmp_path)])
        assert rc == 0
        card = json.loads((tmp_path / "ner_crf.json").read_text(encoding="utf-8"))
        assert card["training_data"]["sentences"] == 300
        assert card["dev_split"]["dev_sentences"] == 30
        assert card["trainings"] == 4  # 2 jackknife folds + stage 1 + stage 2
        assert {p.name for p in tmp_path.iterdir()} == {
            "ner_crf.crfsuite", "ner_crf_stage1.crfsuite", "ner_names.tsv", "ner_crf.json", "ner_clusters.tsv",
            "ner_clusters.json"}
        monkeypatch.setattr(ner_model, "MODEL_PATH", tmp_path / "ner_crf.crfsuite")
        tags = tag_sentences([["قال", "الرئيس", "جورج", "بوش"], ["في", "بغداد", "."]])
        assert [len(t) for t in tags] == [4, 3]
        assert {t for ts in tags for t in ts} <= set(LABELS)
