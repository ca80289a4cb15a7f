"""A fixed sample of unlabeled SaudiNewsNet articles for speed and regression checks (never a blind article).

    python benchmarks/corpus_sample.py --n 50 --out /tmp/sample      # write <article_id>.txt for each

The sample excludes every article that ``benchmarks/blind_set.py list`` or ``list --fresh`` names and the 15
dev articles (by URL); the rest are ordered by SHA-256 of ``"speed-2026|" + url`` and the first ``n`` with a
title and a body are taken.  Text: ``title + "\\n\\n" + content``, as the blind set and corpus mode read it.
Nothing is written into the project (the corpus may not be copied into it).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from blind_set import SHARED, blind_articles, fresh_articles  # noqa: E402

SALT = "speed-2026|"


def excluded_urls(shared: Path = SHARED) -> set[str]:
    """URLs of the blind (dev, test, fresh) SaudiNewsNet articles and of the dev articles."""
    urls = {a.origin for a in blind_articles(shared) + fresh_articles(shared) if a.corpus == "saudinewsnet"}
    manifest = shared / "dev" / "MANIFEST.tsv"
    if manifest.exists():
        with manifest.open(encoding="utf-8", newline="") as fh:
            urls |= {r["url"] for r in csv.DictReader(fh, delimiter="\t")}
    return urls


def sample(n: int, shared: Path = SHARED) -> list[tuple[str, str]]:
    """``n`` (article_id, text) pairs, in a fixed order (see the module docstring)."""
    skip = excluded_urls(shared)
    cands = []
    for path in sorted((shared / "saudinewsnet").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                url = r.get("url") or ""
                if not url or url in skip or not r.get("title") or not (r.get("content") or "").strip():
                    continue
                cands.append((hashlib.sha256((SALT + url).encode("utf-8")).hexdigest(), r))
    cands.sort(key=lambda x: x[0])
    out = []
    for h, r in cands[:n]:
        text = (r["title"].strip() + "\n\n" + r["content"]).replace("\r\n", "\n").replace("\r", "\n")
        out.append((f"snn_{r['source']}_{h[:8]}", text))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--out", type=Path, required=True, help="folder outside the project")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for aid, text in sample(args.n):
        (args.out / f"{aid}.txt").write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {args.n} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
