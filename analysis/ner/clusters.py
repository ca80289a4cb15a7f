"""Word clusters for the NER tagger, learned from unlabeled news (SaudiNewsNet): built once, shipped as a table.

A CRF trained on 125k tokens has never seen most names and most words; a cluster id says which
seen words an unseen one behaves like (a club name like other club names, a town like other
towns).  The clusters come from the distribution of each word's neighbours in ~30,000 news
articles:

1. every article is tokenized as the parser does (:func:`analysis.text.tokens.tokenize`) and each
   token normalised as the tagger's ``w=`` feature (:func:`analysis.text.normalize.normalize`,
   lower-cased); the :data:`VOCAB` most frequent forms (seen at least :data:`MIN_COUNT` times)
   are clustered;
2. each word's context counts over the :data:`CONTEXTS` most frequent forms at positions -2, -1,
   +1, +2 are turned into positive PMI values and reduced to :data:`DIMS` dimensions by a
   randomized SVD (fixed seed);
3. the row-normalised vectors are clustered by spherical k-means into :data:`FINE` clusters, and
   the cluster centres again into :data:`COARSE` ones: a word has a fine and a coarse id.

Only the table ships (``analysis/models/ner_clusters.tsv``: ``word<TAB>coarse<TAB>fine``, with
its card ``ner_clusters.json``); building it needs numpy and the corpus, tagging needs neither.
Rebuild with ``python -m analysis.ner.clusters`` (deterministic on one machine: fixed seeds, no
threads in the numpy parts that sum in a varying order).  Derived from SaudiNewsNet
(CC BY-NC-SA 4.0): the table carries that licence note.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from analysis.text.normalize import normalize
from analysis.text.tokens import tokenize

__all__ = ["CLUSTERS_FILENAME", "CLUSTERS_CARD", "read_clusters", "build_clusters", "saudinewsnet_dir", "main"]

CLUSTERS_FILENAME = "ner_clusters.tsv"
CLUSTERS_CARD = "ner_clusters.json"
VOCAB = 60000
MIN_COUNT = 5
CONTEXTS = 1000
DIMS = 100
FINE = 600
COARSE = 60
ITERATIONS = 25
SEED = 0
LICENCE = ("derived from SaudiNewsNet (Alshehri et al., public repository parallelfold/SaudiNewsNet), "
           "CC BY-NC-SA 4.0: research, non-commercial use, share alike")
_HEADER = "# NER word clusters: normalised word <TAB> coarse id <TAB> fine id; " + LICENCE


def saudinewsnet_dir() -> Path:
    """``../shared/corpus/saudinewsnet`` relative to the project root (may not exist)."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "saudinewsnet"


def read_clusters(data: bytes) -> dict[str, tuple[str, str]]:
    """``word -> (coarse id, fine id)`` from a table written by :func:`build_clusters` (``ValueError`` if malformed)."""
    out: dict[str, tuple[str, str]] = {}
    ids: dict[tuple[str, str], tuple[str, str]] = {}  # one (coarse, fine) object per cluster, not one per word
    for n, line in enumerate(data.decode("utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not all(parts):
            raise ValueError(f"line {n}: expected word<TAB>coarse<TAB>fine")
        pair = (parts[1], parts[2])
        out[parts[0]] = ids.setdefault(pair, pair)
    return out


def _articles(folder: Path) -> Iterator[str]:
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                yield f"{row.get('title') or ''}\n\n{row.get('content') or ''}"


def _forms(text: str) -> list[str]:
    return [normalize(t.text).lower() for t in tokenize(text)]


def build_clusters(texts: Iterable[str]) -> tuple[dict[str, tuple[int, int]], dict[str, Any]]:
    """``word -> (coarse, fine)`` for the frequent words of ``texts``, and statistics for the card."""
    import numpy as np

    t0 = time.perf_counter()
    ids_of: dict[str, int] = {}
    docs: list[np.ndarray] = []
    for text in texts:
        docs.append(np.array([ids_of.setdefault(w, len(ids_of)) for w in _forms(text)], dtype=np.int64))
    n_docs = len(docs)
    forms = list(ids_of)
    del ids_of
    freq = np.bincount(np.concatenate(docs), minlength=len(forms)) if docs else np.zeros(0, dtype=np.int64)
    order = sorted((i for i in range(len(forms)) if freq[i] >= MIN_COUNT), key=lambda i: (-freq[i], forms[i]))
    order = order[:VOCAB]
    vocab = [forms[i] for i in order]
    remap = np.full(len(forms) + 1, -1, dtype=np.int64)
    remap[np.array(order, dtype=np.int64)] = np.arange(len(order))
    n_v, n_c = len(vocab), min(CONTEXTS, len(vocab))
    dim = 4 * n_c
    # context code = row * dim + position block * n_c + context id; unique-counted per chunk of documents
    parts: list[tuple[np.ndarray, np.ndarray]] = []
    chunk: list[np.ndarray] = []
    pending = 0

    def flush() -> None:
        codes, cnt = np.unique(np.concatenate(chunk), return_counts=True)
        parts.append((codes, cnt))

    for doc in docs:
        ids = remap[doc]
        for blk, off in enumerate((-2, -1, 1, 2)):
            if len(ids) <= abs(off):
                continue
            a = ids[max(0, -off): len(ids) - max(0, off)]
            b = ids[max(0, off): len(ids) - max(0, -off) if off < 0 else len(ids)]
            ok = (a >= 0) & (b >= 0) & (b < n_c)
            chunk.append(a[ok] * dim + blk * n_c + b[ok])
            pending += int(ok.sum())
        if pending > 5_000_000:
            flush()
            chunk, pending = [], 0
    if chunk:
        flush()
    n_tokens = int(freq.sum())
    del docs
    keys, inverse = np.unique(np.concatenate([c for c, _ in parts]), return_inverse=True)
    vals = np.bincount(inverse, weights=np.concatenate([n for _, n in parts]).astype(np.float64))
    parts, inverse = [], inverse[:0]
    rows, cols = keys // dim, keys % dim
    row_sum = np.bincount(rows, weights=vals, minlength=n_v)
    col_sum = np.bincount(cols, weights=vals, minlength=dim)
    total = vals.sum()
    pmi = np.log(vals * total / (row_sum[rows] * col_sum[cols]))
    keep = pmi > 0
    rows, cols, pmi = rows[keep], cols[keep], pmi[keep]

    def times_dense(mat: np.ndarray) -> np.ndarray:  # (sparse PPMI, n_v x dim) @ mat (dim x k)
        out = np.zeros((n_v, mat.shape[1]))
        for s in range(0, len(rows), 2_000_000):
            r, c, v = rows[s:s + 2_000_000], cols[s:s + 2_000_000], pmi[s:s + 2_000_000]
            np.add.at(out, r, v[:, None] * mat[c])
        return out

    def t_times_dense(mat: np.ndarray) -> np.ndarray:  # PPMI.T (dim x n_v) @ mat (n_v x k)
        out = np.zeros((dim, mat.shape[1]))
        for s in range(0, len(rows), 2_000_000):
            r, c, v = rows[s:s + 2_000_000], cols[s:s + 2_000_000], pmi[s:s + 2_000_000]
            np.add.at(out, c, v[:, None] * mat[r])
        return out

    rng = np.random.default_rng(SEED)
    k = DIMS + 20
    y = times_dense(rng.standard_normal((dim, k)))
    q, _ = np.linalg.qr(y)
    y = times_dense(t_times_dense(q))  # one power iteration
    q, _ = np.linalg.qr(y)
    b = t_times_dense(q).T  # k x dim
    u_b, s, _ = np.linalg.svd(b, full_matrices=False)
    vec = (q @ u_b[:, :DIMS]) * np.sqrt(s[:DIMS])
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-12)

    fine, centres = _kmeans(vec, FINE, rng)
    coarse_of_centre, _ = _kmeans(centres, COARSE, rng)
    table = {w: (int(coarse_of_centre[fine[i]]), int(fine[i])) for i, w in enumerate(vocab)}
    stats = {"articles": n_docs, "tokens": n_tokens, "distinct_forms": len(forms), "vocab": n_v,
             "ppmi_entries": int(len(rows)), "seconds": round(time.perf_counter() - t0, 1)}
    return table, stats


def _kmeans(x: Any, k: int, rng: Any) -> tuple[Any, Any]:
    """Spherical k-means (cosine), initialised on ``k`` distinct rows drawn with ``rng``; ``(labels, centres)``."""
    import numpy as np

    centres = x[np.sort(rng.choice(len(x), size=k, replace=False))].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(ITERATIONS):
        labels = np.concatenate([np.argmax(x[s:s + 8192] @ centres.T, axis=1) for s in range(0, len(x), 8192)])
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, x)
        empty = ~sums.any(axis=1)
        sums[empty] = centres[empty]
        centres = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
    return labels, centres


def write_clusters(table: dict[str, tuple[int, int]], path: Path) -> None:
    lines = [_HEADER] + [f"{w}\tk{c}\tf{f}" for w, (c, f) in sorted(table.items()) if w and "\t" not in w]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build the NER word clusters from SaudiNewsNet")
    ap.add_argument("--corpus", type=Path, default=saudinewsnet_dir())
    ap.add_argument("--out-dir", type=Path, default=Path(__file__).resolve().parents[1] / "models")
    ap.add_argument("--limit", type=int, help="only the first N articles (smoke tests)")
    ns = ap.parse_args(argv)
    if not ns.corpus.is_dir():
        print(f"error: {ns.corpus}: corpus folder not found", file=sys.stderr)
        return 2
    texts: Iterable[str] = _articles(ns.corpus)
    if ns.limit:
        texts = (t for i, t in zip(range(ns.limit), texts))
    table, stats = build_clusters(texts)
    ns.out_dir.mkdir(parents=True, exist_ok=True)
    out = ns.out_dir / CLUSTERS_FILENAME
    write_clusters(table, out)
    data = out.read_bytes()
    card = {
        "name": "analysis.ner word clusters (SaudiNewsNet)",
        "created": dt.date.today().isoformat(),
        "file": CLUSTERS_FILENAME,
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "words": len(table),
        "method": (f"PPMI of context counts (the {CONTEXTS} most frequent forms at -2, -1, +1, +2), randomized SVD "
                   f"to {DIMS} dimensions, spherical k-means into {FINE} fine clusters, their centres into "
                   f"{COARSE} coarse ones; {ITERATIONS} iterations each, seed {SEED}"),
        "vocabulary": f"the {VOCAB} most frequent normalised token forms seen at least {MIN_COUNT} times",
        "corpus": {"name": "SaudiNewsNet", "folder": "../shared/corpus/saudinewsnet", "limit": ns.limit, **stats},
        "licence": LICENCE,
        "retrain_command": "python -m analysis.ner.clusters",
    }
    (ns.out_dir / CLUSTERS_CARD).write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(table)} words -> {out} ({len(data) / 1e6:.2f} MB) in {stats['seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
