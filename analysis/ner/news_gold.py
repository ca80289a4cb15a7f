"""Training sentences from the project's own news gold: articles of the blind gold set's tuning parts
(``tests/gold_blind/<part>/<article_id>/mentions.csv``, offsets into the article text) tokenised as the parser
tokenises them and tagged BIO with the model's labels.

Only SaudiNewsNet articles (``snn_*``) are used: that corpus is CC BY-NC-SA 4.0 and models derived from it may
ship with the licence note; the Arabic Newspapers corpus has no licence and is for evaluation only.  The sealed
test part and any part not opened for tuning are refused.

A token is inside a mention when their spans overlap (a gold span leaves a fused proclitic out: ``و|لبنان``; the
model tags whole tokens, as ANERcorp does).  Types map to the model's four labels: PERSON -> PERS, ORG -> ORG,
GPE / LOC / FAC -> LOC, MISC -> MISC.
"""
from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from analysis.ner.corpus import TaggedSentence

__all__ = ["LABELS", "TUNING_PARTS", "tag_article", "read_gold_mentions"]

LABELS = {"PERSON": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "MISC": "MISC"}
TUNING_PARTS = ("dev", "fresh", "fresh2", "fresh3", "fresh4", "fresh5")  # opened for tuning; never test, fresh6


def read_gold_mentions(path: Path) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` of a gold mentions.csv; a row of an unknown type is an error naming the file."""
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for k, row in enumerate(csv.DictReader(fh), start=2):
            if row["type"] not in LABELS:
                raise ValueError(f"{path}:{k}: unknown mention type {row['type']!r}")
            out.append((int(row["start"]), int(row["end"]), row["type"]))
    return out


def tag_article(text: str, mentions: Iterable[tuple[int, int, str]]) -> list[TaggedSentence]:
    """The article's sentences (the parser's sentence split and tokens, every token kind) tagged BIO from
    ``mentions``; overlapping gold mentions keep the first (by start, then the longer)."""
    from analysis.article import _sentences_and_tokens
    from analysis.text.layout import read_layout

    layout = read_layout(text)
    _, _, cols = _sentences_and_tokens(text, layout, "gold")
    starts, ends, sids, toks = cols["start"], cols["end"], cols["sentence_id"], cols["text"]
    tags = ["O"] * len(toks)
    taken = [False] * len(toks)
    for s, e, typ in sorted(mentions, key=lambda m: (m[0], -(m[1] - m[0]))):
        inside = _overlapping(starts, ends, s, e)
        if not inside or any(taken[i] for i in inside):
            continue
        for n, i in enumerate(inside):
            tags[i] = ("B-" if n == 0 else "I-") + LABELS[typ]
            taken[i] = True
    out: list[TaggedSentence] = []
    for i, sid in enumerate(sids):
        if i == 0 or sid != sids[i - 1]:
            out.append(TaggedSentence([], []))
        out[-1].tokens.append(toks[i])
        out[-1].tags.append(tags[i])
    return out


def _overlapping(starts: Sequence[int], ends: Sequence[int], s: int, e: int) -> list[int]:
    import bisect

    i = bisect.bisect_right(ends, s)  # ends are increasing: the first token ending after s
    out = []
    while i < len(starts) and starts[i] < e:
        out.append(i)
        i += 1
    return out


def part_sentences(parts: Sequence[str], root: Path | None = None) -> list[list[TaggedSentence]]:
    """Per SaudiNewsNet article of the given tuning parts (in ``blind_set``'s order), its tagged sentences.  The
    texts come from ``../shared/corpus`` through ``benchmarks/blind_set.py`` (the project's own selection rule)."""
    import importlib.util

    bad = [p for p in parts if p not in TUNING_PARTS]
    if bad:
        raise ValueError(f"not a tuning part (the sealed test and fresh6 are never trained on): {', '.join(bad)}")
    root = root or Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("_blind_set", root / "benchmarks" / "blind_set.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"{root / 'benchmarks' / 'blind_set.py'}: not found")
    bs = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bs  # (dataclasses look their module up there)
    spec.loader.exec_module(bs)
    chooser = {"dev": bs.blind_articles, "fresh": bs.fresh_articles, "fresh2": bs.fresh2_articles,
               "fresh3": bs.fresh3_articles, "fresh4": bs.fresh4_articles, "fresh5": bs.fresh5_articles}
    out = []
    for part in parts:
        for a in chooser[part]():
            if a.part != part or not a.article_id.startswith("snn_"):
                continue
            gold = root / "tests" / "gold_blind" / part / a.article_id / "mentions.csv"
            if gold.is_file():
                out.append(tag_article(a.text, read_gold_mentions(gold)))
    return out
