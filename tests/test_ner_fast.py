"""The fast NER path (analysis.ner.crf + analysis.ner.stream) against the plain one (tag_sentences_reference):
the same tags for every token, on the ANERcorp dev split, the NewsFANE held-out part, the seed and odd inputs,
however the document is cut into chunks."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from analysis.ner import model as ner_model
from analysis.ner import stream
from analysis.ner.corpus import anercorp_train_path, read_conll, split_dev
from analysis.ner.crf import read_crfsuite, viterbi
from analysis.ner.model import tag_sentences, tag_sentences_reference
from analysis.ner.newsfane import newsfane_path, partition, read_newsfane

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_15d6e93d3754c312.txt"


@pytest.fixture(scope="module")
def anercorp():
    path = anercorp_train_path()
    if not path.is_file():
        pytest.skip(f"ANERcorp not found at {path} (../shared is absent): the fast/reference identity on the dev "
                    "split is NOT checked")
    return split_dev(read_conll(path))


@pytest.fixture(scope="module")
def dev_tokens(anercorp):
    return [s.tokens for s in anercorp[1]]


def _diff(a: list[list[str]], b: list[list[str]]) -> list[tuple[int, int, str, str]]:
    assert len(a) == len(b)
    out = []
    for i, (x, y) in enumerate(zip(a, b)):
        assert len(x) == len(y), i
        out += [(i, j, p, q) for j, (p, q) in enumerate(zip(x, y)) if p != q]
    return out


def test_weights_are_the_model_files_own():
    loaded = ner_model._current()
    for tagger, data in ((loaded.stage1, loaded.data[1]), (loaded.tagger, loaded.data[0])):
        w = read_crfsuite(data)
        assert list(w.labels) == tagger.labels()
        info = tagger.info()  # weights printed with six decimals
        assert len(info.state_features) == np.count_nonzero(w.state)
        for (attr, label), weight in list(info.state_features.items())[:5000]:
            assert w.state[w.attributes[attr], w.labels.index(label)] == pytest.approx(weight, abs=1e-6)
        for (a, b), weight in info.transitions.items():
            assert w.transition[w.labels.index(a), w.labels.index(b)] == pytest.approx(weight, abs=1e-6)
        assert not w.state[w.pad].any()


def test_corrupt_model_bytes_raise():
    data = ner_model._current().data[1]
    with pytest.raises(ValueError, match="not a CRFsuite"):
        read_crfsuite(data[:-10])
    with pytest.raises(ValueError):
        read_crfsuite(b"lCRF" + bytes(60))


def test_viterbi_ties_and_lengths():
    trans = np.zeros((3, 3))
    state = np.zeros((5, 3))  # all ties: CRFsuite keeps the first label
    got = viterbi(state, np.array([0, 2]), np.array([2, 3]), trans)
    assert got.tolist() == [0, 0, 0, 0, 0]
    state = np.array([[0.0, 1.0, 0.5], [2.0, 0.0, 0.0], [0.0, 0.0, 3.0]])
    trans = np.array([[0.0, 0.0, 0.0], [-5.0, 0.0, 0.0], [0.0, 0.0, 0.0]])  # 1 -> 0 is costly
    # sentence 0 = token 0 alone; sentence 1 = tokens 1..2: 0 then 2
    assert viterbi(state, np.array([0, 1]), np.array([1, 2]), trans).tolist() == [1, 0, 2]
    # the same sentence decoded alone: a label 1 then 0 pays -5, so 2, 0 (0.5 + 2) beats 1, 0 (1 - 5 + 2)
    assert viterbi(state[:2], np.array([0]), np.array([2]), trans).tolist() == [2, 0]


def test_dev_split_identical(dev_tokens):
    assert len(dev_tokens) >= 300
    ref = tag_sentences_reference(dev_tokens)
    assert _diff(tag_sentences(dev_tokens), ref) == []
    assert sum(t != "O" for s in ref for t in s) > 1000  # a real test: many names


def test_newsfane_heldout_identical(anercorp):
    path = newsfane_path()
    if not path.is_file():
        pytest.skip(f"NewsFANE not found at {path}: its held-out part is NOT checked")
    heldout = [s.tokens for s in partition(read_newsfane(path), *anercorp).heldout]
    assert heldout
    assert _diff(tag_sentences(heldout), tag_sentences_reference(heldout)) == []


def test_seed_identical():
    from analysis import parse_article

    toks = parse_article(SEED).tokens
    sents = [list(g["text"]) for _, g in toks.groupby("sentence_id", sort=True)]
    assert sum(map(len, sents)) > 400
    assert _diff(tag_sentences(sents), tag_sentences_reference(sents)) == []


@pytest.mark.parametrize(("chunk", "max_types"), [(1, 50_000), (37, 50_000), (300, 200), (100_000, 50_000)])
def test_identical_however_chunked(dev_tokens, monkeypatch, chunk, max_types):
    """Chunks of one sentence (stage 2 waiting on many blocks), odd sizes, the type table starting over mid-way."""
    docs = dev_tokens[:160]
    ref = tag_sentences_reference(docs)
    monkeypatch.setattr(stream, "CHUNK_TOKENS", chunk)
    monkeypatch.setattr(stream, "MAX_TYPES", max_types)
    assert _diff(tag_sentences(docs), ref) == []


def test_odd_inputs_identical(dev_tokens):
    words = [t for s in dev_tokens[:40] for t in s]
    odd = ["|", "||", "w=x", "a|b", "A", "COVID-19", "١٩٩٥", "٪", "ـــ", "إِيمَانُوِيل", "x\0y", "", " ", "=", "وال"]
    sents: list[list[str]] = [[], odd, [], words[:1], words[1:3], odd[::-1] + words[3:60], [], words[60:400]]
    sents += [[odd[i % len(odd)], words[i]] for i in range(60)] + [[]]
    # listed names of three words and more, whole, cut short, and with two words in one token (a space inside)
    names = sorted(k for k in ner_model._current().names.names if k.count(" ") >= 2)[:40]
    for k in names:
        w = k.split(" ")
        sents += [["قال", *w, "أمس"], w[:2], [w[0], " ".join(w[1:3]), *w[3:]], ["و" + w[0], *w[1:-1]]]
    assert _diff(tag_sentences(sents), tag_sentences_reference(sents)) == []
    assert tag_sentences([[], []]) == [[], []]
    assert tag_sentences([]) == []


def test_stage2_streams(dev_tokens, monkeypatch):
    """The tags of the first sentences come out before the whole document is read: memory grows with the chunk
    and the document window, not with the document."""
    monkeypatch.setattr(stream, "CHUNK_TOKENS", 200)
    read = 0

    def sentences():
        nonlocal read
        for s in dev_tokens:
            read += 1
            yield s

    tagger = ner_model._current().fast
    gen = tagger.tag(sentences())
    first = next(gen)
    assert read < 120  # a chunk (~200 tokens, a handful of sentences) + the window (25 sentences) + a chunk
    rest = [first, *gen]
    assert read == len(dev_tokens) == len(rest)
    assert _diff(rest, tag_sentences_reference(dev_tokens)) == []
