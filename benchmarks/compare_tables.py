"""Every table of many articles, old code vs new: record fingerprints with one checkout, check with another.

    python benchmarks/corpus_sample.py --n 200 --out /tmp/sample              # unlabeled SaudiNewsNet articles
    PYTHONPATH=/tmp/main python benchmarks/compare_tables.py record /tmp/before.json /tmp/sample
    python benchmarks/compare_tables.py check /tmp/before.json /tmp/sample   # exit 1 on any difference

Per article and table the fingerprint holds the columns, the dtypes and the SHA-256 of the CSV that
``Article.to_dir`` writes and of the Parquet bytes (so a change of dtype, null or float repr shows), never the
text.  ``PYTHONPATH`` points the record step at another checkout's ``analysis`` package (a worktree of main),
so the "before" needs no copy of this script.  ``--no-ner`` parses without the NER model.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
from pathlib import Path

from snapshot_tables import table_csv  # the CSV bytes the snapshot hashes


def fingerprints(paths: list[Path], *, ner: bool = True) -> dict[str, dict]:
    import analysis
    from analysis import parse_article

    print(f"analysis from {Path(analysis.__file__).parent}", file=sys.stderr)
    out: dict[str, dict] = {}
    for path in paths:
        art = parse_article(path, ner=ner)
        tables = {}
        for name, df in art.tables().items():
            pq = io.BytesIO()
            df.to_parquet(pq, index=False, engine="pyarrow", compression="zstd")
            tables[name] = {"columns": list(map(str, df.columns)), "dtypes": list(map(str, df.dtypes)),
                            "csv": hashlib.sha256(table_csv(df)).hexdigest(),
                            "parquet": hashlib.sha256(pq.getvalue()).hexdigest()}
        out[path.stem] = tables
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("record", "check"))
    ap.add_argument("file", type=Path, help="the fingerprints (JSON), outside the project")
    ap.add_argument("inputs", type=Path, nargs="+", help="article files or folders of *.txt")
    ap.add_argument("--no-ner", action="store_true")
    args = ap.parse_args(argv)
    paths = sorted(q for p in args.inputs for q in (sorted(p.glob("*.txt")) if p.is_dir() else [p]))
    now = fingerprints(paths, ner=not args.no_ner)
    if args.mode == "record":
        args.file.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded {len(now)} articles -> {args.file}")
        return 0
    old = json.loads(args.file.read_text(encoding="utf-8"))
    bad = [(a, t, k) for a in now for t in now[a] for k in now[a][t]
           if a not in old or t not in old[a] or old[a][t].get(k) != now[a][t][k]]
    for a, t, k in bad:
        print(f"DIFFERS: {a}/{t} ({k})")
    unchecked = sorted(set(old) ^ set(now))
    if unchecked:
        print(f"in one run only: {', '.join(unchecked)}")
    n_tables = sum(len(t) for t in now.values())
    print(f"{len(now)} articles, {n_tables} tables: "
          + ("all tables identical" if not bad and not unchecked else f"{len(bad)} differ"))
    return 1 if bad or unchecked else 0


if __name__ == "__main__":
    sys.exit(main())
