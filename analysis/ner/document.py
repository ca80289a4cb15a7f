"""Second-stage (stacked) features: what a first-pass tagger said about the same word elsewhere in the document.

A name is often tagged in one sentence and missed in another ("... قال رئيس الوزراء الإسرائيلي أولمرت"
then "أولمرت" alone).  The shipped tagger runs twice: stage 1 tags every sentence from its own
features; stage 2 sees, besides the same features, the stage-1 tags of the token and its
neighbours and, for the token's word, the entity type stage 1 gave most often to the *other*
occurrences of that word within ``window`` sentences either side (``doc=PERS``), or ``doc=O``
when all of them were left out.  At training time the stage-1 tags of the training data come
from jackknifed models (each fold tagged by a model that never saw it), as at run time.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from analysis.ner.features import strip_proclitics
from analysis.text.normalize import normalize

__all__ = ["DOC_WINDOW", "doc_key", "document_features", "stage2_features"]

DOC_WINDOW = 25  # sentences either side whose stage-1 tags count as the same document
_MIN_KEY = 3  # shorter keys (clitic-stripped) are too ambiguous to carry evidence across sentences


def doc_key(token: str) -> str:
    """The form occurrences are matched by across sentences: normalised, proclitics stripped."""
    return strip_proclitics(normalize(token).lower())[1]


def _type(tag: str) -> str:
    return "O" if tag == "O" else tag[2:]


def document_features(
    sentences: Sequence[Sequence[str]], stage1: Sequence[Sequence[str]], *, window: int = DOC_WINDOW
) -> list[list[list[str]]]:
    """Per token: ``doc=TYPE`` + ``docfrac=TYPE:hi|lo`` (entity type the other occurrences got most), or ``doc=O``."""
    keys = [[doc_key(t) for t in toks] for toks in sentences]
    per: list[dict[str, Counter[str]]] = []
    for ks, tags in zip(keys, stage1):
        c: dict[str, Counter[str]] = {}
        for k, tag in zip(ks, tags):
            if len(k) >= _MIN_KEY:
                c.setdefault(k, Counter())[_type(tag)] += 1
        per.append(c)
    n = len(sentences)
    out: list[list[list[str]]] = []
    for si in range(n):
        wanted = {k for k in keys[si] if len(k) >= _MIN_KEY}
        total: dict[str, Counter[str]] = {k: Counter() for k in wanted}
        for sj in range(max(0, si - window), min(n, si + window + 1)):
            for k, cnt in per[sj].items():
                if k in total:
                    total[k].update(cnt)
        rows: list[list[str]] = []
        for k, tag in zip(keys[si], stage1[si]):
            f: list[str] = []
            if k in total:
                others = total[k].copy()
                others[_type(tag)] -= 1  # this occurrence itself does not count
                others = +others
                ents = {t: c for t, c in others.items() if t != "O"}
                if ents:
                    best = max(sorted(ents), key=lambda t: ents[t])
                    f.append(f"doc={best}")
                    f.append(f"docfrac={best}:{'hi' if ents[best] >= others.get('O', 0) else 'lo'}")
                elif others:
                    f.append("doc=O")
            rows.append(f)
        out.append(rows)
    return out


def stage2_features(
    features: Sequence[Sequence[Sequence[str]]],
    sentences: Sequence[Sequence[str]],
    stage1: Sequence[Sequence[str]],
    *,
    window: int = DOC_WINDOW,
) -> list[list[list[str]]]:
    """Stage-1 features of each sentence extended with stage-1 tags (own and neighbours') and document evidence."""
    doc = document_features(sentences, stage1, window=window)
    out: list[list[list[str]]] = []
    for feats, tags, d in zip(features, stage1, doc):
        n = len(tags)
        rows: list[list[str]] = []
        for i in range(n):
            x = [*feats[i], f"s1={tags[i]}", *d[i]]
            if i > 0:
                x.append(f"s1-1={tags[i - 1]}")
            if i + 1 < n:
                x.append(f"s1+1={tags[i + 1]}")
            for delta in (-1, 1):
                j = i + delta
                if 0 <= j < n:
                    x.extend(v.replace("doc", f"doc{delta:+d}", 1) for v in d[j] if v.startswith("doc="))
            rows.append(x)
        out.append(rows)
    return out
