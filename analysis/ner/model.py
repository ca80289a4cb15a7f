"""The shipped Arabic NER model (a CRF trained on ANERcorp): lazy offline loading and the tagging API.

>>> tag_tokens(["قال", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون"])  # doctest: +SKIP
['O', 'O', 'O', 'B-PERS', 'I-PERS']

The model file ``analysis/models/ner_crf.crfsuite`` ships inside the package with its card
``ner_crf.json`` beside it (version, training settings, dev scores, and the SHA-256 of the
model file).  The model is read on the first call, checked against the card (a truncated or
altered CRFsuite file would crash the C library rather than raise), and kept for the life of
the process.  Nothing is downloaded.
"""
from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, NamedTuple, Sequence

import pycrfsuite

from analysis.ner.features import FEATURES_VERSION, sentence_features

__all__ = [
    "NERModelError",
    "LABELS",
    "MODEL_FILENAME",
    "CARD_FILENAME",
    "MODEL_PATH",
    "card_path_for",
    "model_card",
    "tag_sentences",
    "tag_tokens",
]

LABELS = ("B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC", "O")
MODEL_FILENAME = "ner_crf.crfsuite"
CARD_FILENAME = "ner_crf.json"
_MAGIC = b"lCRF"
_RETRAIN = "python -m analysis.ner.train"

# Where the model is read from; tests point this at a temporary copy.
MODEL_PATH: Traversable | Path = resources.files("analysis").joinpath("models", MODEL_FILENAME)


class NERModelError(RuntimeError):
    """The NER model file (or its card) is missing, corrupt or incompatible."""


class _Loaded(NamedTuple):
    tagger: pycrfsuite.Tagger
    data: bytes  # the tagger reads from this buffer: keep it alive as long as the tagger
    card: dict[str, Any]


def card_path_for(model_path: Traversable | Path) -> Traversable | Path:
    """The card that sits beside a model file: ``ner_crf.crfsuite`` -> ``ner_crf.json``."""
    name = model_path.name
    stem = name[: -len(".crfsuite")] if name.endswith(".crfsuite") else name
    parent = getattr(model_path, "parent", None)
    if parent is None:  # a Traversable without .parent: the packaged models folder
        return resources.files("analysis").joinpath("models", stem + ".json")
    return parent.joinpath(stem + ".json")


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
    want_sha = card.get("model_sha256")
    if not data.startswith(_MAGIC):
        raise NERModelError(f"NER model file is corrupt (not a CRFsuite model): {model_path}")
    if hashlib.sha256(data).hexdigest() != want_sha or len(data) != card.get("model_bytes"):
        raise NERModelError(
            f"NER model file is corrupt or does not match its card: {model_path} "
            f"(size {len(data)} bytes, card {card_path} expects {card.get('model_bytes')} bytes "
            f"with SHA-256 {want_sha}); retrain with `{_RETRAIN}`"
        )
    if str(card.get("features_version")) != FEATURES_VERSION:
        raise NERModelError(
            f"NER model {model_path} was trained with features version {card.get('features_version')!r}, "
            f"the code has {FEATURES_VERSION!r}; retrain with `{_RETRAIN}`"
        )
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open_inmemory(data)
    except Exception as exc:  # pycrfsuite raises ValueError / IOError variants
        raise NERModelError(f"NER model file could not be opened: {model_path}: {exc}") from None
    unknown = set(tagger.labels()) - set(LABELS)
    if unknown:
        raise NERModelError(f"NER model {model_path} has unexpected labels {sorted(unknown)}")
    return _Loaded(tagger, data, card)


def _current() -> _Loaded:
    return _load(MODEL_PATH)


def model_card() -> dict[str, Any]:
    """The card of the shipped model (loads the model if not yet loaded)."""
    return dict(_current().card)


def _repair_bio(tags: list[str]) -> list[str]:
    """Make the sequence valid BIO: an ``I-X`` that does not continue an ``X`` becomes ``B-X``."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def tag_tokens(tokens: Sequence[str]) -> list[str]:
    """BIO tags (``B-PERS``, ``I-LOC``, ..., ``O``) for the tokens of one sentence."""
    if isinstance(tokens, str):
        raise TypeError("tag_tokens expects a list of token strings, not a str")
    if not tokens:
        return []
    loaded = _current()
    return _repair_bio(loaded.tagger.tag(sentence_features([str(t) for t in tokens])))


def tag_sentences(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """BIO tags for each sentence (a list of tokens); one list of tags per sentence, same lengths."""
    return [tag_tokens(tokens) for tokens in sentences]
