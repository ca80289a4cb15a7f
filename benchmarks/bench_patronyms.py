"""Patronyms cut from their names: person entities that are only a piece of a longer person name of the same
article, on a fixed unlabeled SaudiNewsNet sample (never a blind, fresh or dev article).

    .venv/bin/python benchmarks/bench_patronyms.py [--n 300]

A *cut piece* is a person entity whose Arabic name is one word, or a بن / آل + name fragment, that also occurs
inside a longer person name of the article (``عبدالعزيز`` beside ``سلمان بن عبدالعزيز``).  Printed: articles,
person entities, cut pieces (and the most frequent ones), and mentions grown by the name-chain pass.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from analysis import parse_article  # noqa: E402
from analysis.text.reader import ArticleError  # noqa: E402

from blind_set import SHARED, blind_articles, fresh2_articles, fresh_articles  # noqa: E402


def sample(n: int) -> list[str]:
    taken = {a.origin for a in blind_articles() + fresh_articles() + fresh2_articles()}
    rows = []
    for path in sorted((SHARED / "saudinewsnet").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if r["url"] not in taken and r.get("title"):
                    rows.append((hashlib.sha256(("patronym|" + r["url"]).encode()).hexdigest(),
                                 r["title"].strip() + "\n\n" + r["content"]))
    return [t for _, t in sorted(rows)[:n]]


def cut_pieces(entities) -> list[str]:
    persons = [str(x) for x in entities.loc[entities["type"] == "PERSON", "name_ar"]]
    out = []
    for p in persons:
        words = p.split()
        piece = len(words) == 1 or (len(words) == 2 and words[0] in ("بن", "ابن", "آل"))
        if piece and any(q != p and len(q.split()) > len(words) and f" {p} " in f" {q} " for q in persons):
            out.append(p)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    args = ap.parse_args(argv)
    try:
        texts = sample(args.n)
    except FileNotFoundError as exc:
        print(f"skip: {exc}")
        return 0
    n_art = n_persons = grown = 0
    pieces: Counter = Counter()
    for text in texts:
        try:
            art = parse_article(text, country="SA")
        except ArticleError:
            continue
        n_art += 1
        n_persons += int((art.entities["type"] == "PERSON").sum())
        pieces.update(cut_pieces(art.entities))
        grown += int(art.mentions["rule"].str.endswith("+chain").sum())
    print(f"{n_art} articles, {n_persons} person entities, {sum(pieces.values())} cut pieces "
          f"in {len(pieces)} spellings; {grown} mentions grown over a patronym chain")
    print("  most frequent: " + ", ".join(f"{p} {k}" for p, k in pieces.most_common(10)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
