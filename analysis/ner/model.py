"""The shipped Arabic NER model (a CRF trained on ANERcorp): lazy offline loading and the tagging API.

>>> tag_tokens(["قال", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون"])  # doctest: +SKIP
['O', 'O', 'O', 'B-PERS', 'I-PERS']

Four files ship inside the package, with the card ``ner_crf.json`` beside them (version,
training settings, dev scores and the size and SHA-256 of each file): the stage-2 model
``ner_crf.crfsuite``, the stage-1 model ``ner_crf_stage1.crfsuite``, the name-list snapshot
``ner_names.tsv`` and the word-cluster table ``ner_clusters.tsv`` (see :mod:`analysis.ner.train`
for the stacking, :mod:`analysis.ner.clusters` for the clusters).  They are read on the first
call, checked against the card (a truncated or altered CRFsuite file would crash the C library
rather than raise), and kept for the life of the process.  Nothing is downloaded.

``tag_sentences`` treats its sentences as one document, in order: a name tagged in one sentence
is evidence for the same word elsewhere (within :data:`~analysis.ner.document.DOC_WINDOW`
sentences).  ``tag_tokens`` is ``tag_sentences`` on a single sentence.  It scores with the models'
weights read by :mod:`analysis.ner.crf`, a chunk of sentences at a time (:mod:`analysis.ner.stream`);
``tag_sentences_reference`` is the plain path (feature strings, the pycrfsuite taggers) it is checked
against (the same tags).
"""
from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, NamedTuple

import pycrfsuite

from analysis.ner.clusters import CLUSTERS_FILENAME, read_clusters
from analysis.ner.crf import read_crfsuite
from analysis.ner.document import DOC_WINDOW, stage2_features
from analysis.ner.evaluate import repair_bio
from analysis.ner.features import FEATURES_VERSION, Gazetteer, sentence_features
from analysis.ner.names import NAMES_FILENAME, read_names
from analysis.ner.stream import StackedTagger

__all__ = [
    "NERModelError",
    "LABELS",
    "MODEL_FILENAME",
    "STAGE1_FILENAME",
    "CARD_FILENAME",
    "MODEL_PATH",
    "card_path_for",
    "model_card",
    "tag_sentences",
    "tag_sentences_reference",
    "tag_tokens",
]

LABELS = ("B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC", "O")
MODEL_FILENAME = "ner_crf.crfsuite"
STAGE1_FILENAME = "ner_crf_stage1.crfsuite"
CARD_FILENAME = "ner_crf.json"
_MAGIC = b"lCRF"
_RETRAIN = "python -m analysis.ner.train"

# Where the model is read from; tests point this at a temporary copy.
MODEL_PATH: Traversable | Path = resources.files("analysis").joinpath("models", MODEL_FILENAME)


class NERModelError(RuntimeError):
    """The NER model file (or its card) is missing, corrupt or incompatible."""


class _Loaded(NamedTuple):
    tagger: pycrfsuite.Tagger  # stage 2
    stage1: pycrfsuite.Tagger
    data: tuple[bytes, bytes]  # the taggers read from these buffers: keep them alive as long as the taggers
    names: Gazetteer
    clusters: dict[str, tuple[str, str]] | None
    card: dict[str, Any]
    fast: StackedTagger  # the same two models read as weights (tag_sentences' path)


def _sibling(model_path: Traversable | Path, filename: str) -> Traversable | Path:
    parent = getattr(model_path, "parent", None)
    if parent is None:  # a Traversable without .parent: the packaged models folder
        return resources.files("analysis").joinpath("models", filename)
    return parent.joinpath(filename)


def card_path_for(model_path: Traversable | Path) -> Traversable | Path:
    """The card that sits beside a model file: ``ner_crf.crfsuite`` -> ``ner_crf.json``."""
    name = model_path.name
    stem = name[: -len(".crfsuite")] if name.endswith(".crfsuite") else name
    return _sibling(model_path, stem + ".json")


def _check(data: bytes, card: dict[str, Any], key: str, path: Traversable | Path, card_path: Traversable | Path,
           *, crf: bool) -> None:
    """Size and SHA-256 of one shipped file against the card (``key``: ``model``, ``stage1`` or ``names``)."""
    if crf and not data.startswith(_MAGIC):
        raise NERModelError(f"NER model file is corrupt (not a CRFsuite model): {path}")
    want_sha = card.get(f"{key}_sha256")
    if hashlib.sha256(data).hexdigest() != want_sha or len(data) != card.get(f"{key}_bytes"):
        raise NERModelError(
            f"NER model file is corrupt or does not match its card: {path} "
            f"(size {len(data)} bytes, card {card_path} expects {card.get(f'{key}_bytes')} bytes "
            f"with SHA-256 {want_sha}); retrain with `{_RETRAIN}`"
        )


def _open(data: bytes, path: Traversable | Path) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open_inmemory(data)
    except Exception as exc:  # pycrfsuite raises ValueError / IOError variants
        raise NERModelError(f"NER model file could not be opened: {path}: {exc}") from None
    unknown = set(tagger.labels()) - set(LABELS)
    if unknown:
        raise NERModelError(f"NER model {path} has unexpected labels {sorted(unknown)}")
    return tagger


def _read(path: Traversable | Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise NERModelError(f"NER {what} not found: {path} (retrain with `{_RETRAIN}`)") from None
    except OSError as exc:
        raise NERModelError(f"NER {what} unreadable: {path}: {exc}") from None


@cache
def _load(model_path: Traversable | Path) -> _Loaded:
    data = _read(model_path, "model file")
    card_path = card_path_for(model_path)
    try:
        card = json.loads(_read(card_path, "model card").decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NERModelError(f"NER model card is not valid JSON: {card_path}: {exc}") from None
    if not isinstance(card, dict):
        raise NERModelError(f"NER model card is not a JSON object: {card_path}")
    _check(data, card, "model", model_path, card_path, crf=True)
    if str(card.get("features_version")) != FEATURES_VERSION:
        raise NERModelError(
            f"NER model {model_path} was trained with features version {card.get('features_version')!r}, "
            f"the code has {FEATURES_VERSION!r}; retrain with `{_RETRAIN}`"
        )
    stage1_path = _sibling(model_path, str(card.get("stage1_file", STAGE1_FILENAME)))
    stage1_data = _read(stage1_path, "stage-1 model file")
    _check(stage1_data, card, "stage1", stage1_path, card_path, crf=True)
    names_path = _sibling(model_path, str(card.get("names_file", NAMES_FILENAME)))
    names_data = _read(names_path, "name list")
    _check(names_data, card, "names", names_path, card_path, crf=False)
    try:
        names = read_names(names_data)
    except (UnicodeDecodeError, ValueError) as exc:
        raise NERModelError(f"NER name list is malformed: {names_path}: {exc}") from None
    clusters: dict[str, tuple[str, str]] | None = None
    if card.get("clusters_file", CLUSTERS_FILENAME) is not None:  # a model trained --no-clusters reads none
        clusters_path = _sibling(model_path, str(card.get("clusters_file", CLUSTERS_FILENAME)))
        clusters_data = _read(clusters_path, "word-cluster table")
        _check(clusters_data, card, "clusters", clusters_path, card_path, crf=False)
        try:
            clusters = read_clusters(clusters_data)
        except (UnicodeDecodeError, ValueError) as exc:
            raise NERModelError(f"NER word-cluster table is malformed: {clusters_path}: {exc}") from None
    tagger, stage1 = _open(data, model_path), _open(stage1_data, stage1_path)
    try:
        weights = read_crfsuite(data), read_crfsuite(stage1_data)
    except ValueError as exc:
        raise NERModelError(f"NER model file could not be read: {model_path}: {exc}") from None
    fast = StackedTagger(weights[1], weights[0], names=names, clusters=clusters, window=DOC_WINDOW)
    return _Loaded(tagger, stage1, (data, stage1_data), names, clusters, card, fast)


def _current() -> _Loaded:
    return _load(MODEL_PATH)


def model_card() -> dict[str, Any]:
    """The card of the shipped model (loads the model if not yet loaded)."""
    return dict(_current().card)


def tag_tokens(tokens: Sequence[str]) -> list[str]:
    """BIO tags (``B-PERS``, ``I-LOC``, ..., ``O``) for the tokens of one sentence."""
    if isinstance(tokens, str):
        raise TypeError("tag_tokens expects a list of token strings, not a str")
    return tag_sentences([tokens])[0]


_TAG_LOCK = threading.Lock()


def _check_input(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    if isinstance(sentences, str):
        raise TypeError("tag_sentences expects a list of token lists, not a str")
    sents = []
    for tokens in sentences:
        if isinstance(tokens, str):
            raise TypeError("tag_sentences expects token lists, not str")
        sents.append([str(t) for t in tokens])
    return sents


def tag_sentences(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """BIO tags for each sentence (a list of tokens) of one document, in order; same lengths as the input.

    Built and scored a chunk of sentences at a time (:mod:`analysis.ner.stream`): the memory it needs grows with
    the chunk and the document window, not with the document.  The tags are those of
    :func:`tag_sentences_reference`."""
    sents = _check_input(sentences)
    if not any(sents):
        return [[] for _ in sents]
    fast = _current().fast
    with _TAG_LOCK:  # the tagger's table of distinct tokens is shared: one document at a time (threads)
        return list(fast.tag(sents))


def tag_sentences_reference(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """:func:`tag_sentences` the plain (slow) way, as at training time: every token's feature strings
    (:func:`~analysis.ner.features.sentence_features`), the stage-1 ``pycrfsuite`` tagger, the stage-2 features of
    the whole document (:func:`~analysis.ner.document.stage2_features`) and the stage-2 tagger.  Kept to check the
    fast path against (``tests/test_ner_fast.py``, ``benchmarks/bench_ner.py``)."""
    sents = _check_input(sentences)
    if not any(sents):
        return [[] for _ in sents]
    loaded = _current()
    feats = [sentence_features(t, gazetteer=loaded.names, clusters=loaded.clusters) for t in sents]
    stage1 = [loaded.stage1.tag(f) if f else [] for f in feats]
    stage2 = stage2_features(feats, sents, stage1, window=DOC_WINDOW)
    return [repair_bio(loaded.tagger.tag(x)) if x else [] for x in stage2]
