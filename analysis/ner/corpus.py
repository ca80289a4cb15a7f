"""Reading ANERcorp-style CoNLL files (``token TAG`` per line, blank line between sentences) and the dev split."""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

__all__ = ["TaggedSentence", "read_conll", "split_dev", "DEV_FRACTION", "anercorp_train_path"]

DEV_FRACTION = 0.10  # the last 10 % of the training sentences (in file order) form the dev split


class TaggedSentence(NamedTuple):
    tokens: list[str]
    tags: list[str]


def read_conll(path: str | Path) -> list[TaggedSentence]:
    """Sentences of a two-column CoNLL file; the tag is the last whitespace-separated field."""
    sents: list[TaggedSentence] = []
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            parts = line.split()
            if not parts:
                if toks:
                    sents.append(TaggedSentence(toks, tags))
                    toks, tags = [], []
                continue
            if len(parts) < 2:
                raise ValueError(f"{path}:{lineno}: expected 'token TAG', got {line.rstrip()!r}")
            toks.append(" ".join(parts[:-1]))
            tags.append(parts[-1])
    if toks:
        sents.append(TaggedSentence(toks, tags))
    return sents


def split_dev(
    sents: list[TaggedSentence], *, fraction: float = DEV_FRACTION
) -> tuple[list[TaggedSentence], list[TaggedSentence]]:
    """``(train, dev)``: dev is the last ``fraction`` of sentences, in file order (no shuffling)."""
    n_dev = round(len(sents) * fraction)
    return sents[: len(sents) - n_dev], sents[len(sents) - n_dev:]


def anercorp_train_path() -> Path:
    """``../shared/anercorp/train.txt`` relative to the project root (may not exist)."""
    root = Path(__file__).resolve().parents[2]
    return root.parent / "shared" / "anercorp" / "train.txt"
