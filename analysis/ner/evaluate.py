"""Entity-level precision / recall / F1, conlleval style (exact span and type)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

__all__ = ["Span", "Score", "bio_spans", "repair_bio", "score_spans", "format_scores"]


class Span(NamedTuple):
    start: int  # first token index
    end: int  # one past the last token
    type: str


class Score(NamedTuple):
    type: str  # entity type, or "ALL"
    precision: float
    recall: float
    f1: float
    n_gold: int
    n_pred: int
    n_correct: int


def _split(tag: str) -> tuple[str, str]:
    if tag == "O" or "-" not in tag:
        return "O", ""
    prefix, _, typ = tag.partition("-")
    return prefix, typ


def repair_bio(tags: Sequence[str]) -> list[str]:
    """Make the sequence valid BIO: an ``I-X`` that does not continue an ``X`` becomes ``B-X``."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def bio_spans(tags: Sequence[str]) -> list[Span]:
    """Chunks of a BIO sequence as conlleval reads them: an ``I-X`` not continuing an ``X`` chunk opens one."""
    spans: list[Span] = []
    start, typ = -1, ""
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, t = _split(tag)
        continues = prefix == "I" and t == typ and start >= 0
        if start >= 0 and not continues:
            spans.append(Span(start, i, typ))
            start, typ = -1, ""
        if prefix in ("B", "I") and not continues:
            start, typ = i, t
    return spans


def _prf(typ: str, gold: int, pred: int, correct: int) -> Score:
    p = correct / pred if pred else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(typ, p, r, f, gold, pred, correct)


def score_spans(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, Score]:
    """Per-type and overall (``"ALL"``) scores of predicted tag sequences against gold ones."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    counts: dict[str, list[int]] = {}
    for g_tags, p_tags in zip(gold, pred):
        if len(g_tags) != len(p_tags):
            raise ValueError("a predicted sentence differs in length from its gold sentence")
        g = set(bio_spans(g_tags))
        p = set(bio_spans(p_tags))
        for s in g:
            counts.setdefault(s.type, [0, 0, 0])[0] += 1
        for s in p:
            counts.setdefault(s.type, [0, 0, 0])[1] += 1
        for s in g & p:
            counts[s.type][2] += 1
    out = {t: _prf(t, *c) for t, c in sorted(counts.items())}
    tot = [sum(c[k] for c in counts.values()) for k in range(3)]
    out["ALL"] = _prf("ALL", *tot)
    return out


def format_scores(scores: dict[str, Score]) -> str:
    """A small fixed-width table of the scores."""
    lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6} {'ok':>6}"]
    for s in scores.values():
        lines.append(
            f"{s.type:<6} {s.precision:6.4f} {s.recall:6.4f} {s.f1:6.4f} {s.n_gold:6d} {s.n_pred:6d} {s.n_correct:6d}"
        )
    return "\n".join(lines)
