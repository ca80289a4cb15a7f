"""Snapshot every table the parser writes for the seed and the dev articles, or compare with a snapshot.

    python benchmarks/snapshot_tables.py record  [--full DIR]   # write tests/snapshots/tables.json
    python benchmarks/snapshot_tables.py check   [--full DIR]   # compare; exit 1 on any difference

The snapshot holds, per article and table, the column list and the SHA-256 of the CSV that ``Article.to_dir``
writes, restricted to the snapshot's columns (columns added later are ignored), never the text itself (the dev
articles may not be copied into the project).  ``--full DIR`` also writes/reads the CSVs there, to show a diff.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "snapshots" / "tables.json"
DEV = ROOT.parent / "shared" / "corpus" / "dev"


def articles() -> list[Path]:
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    if DEV.is_dir():
        paths += sorted(DEV.glob("[0-9]*.txt"))
    return paths


def table_csv(df, columns: list[str] | None = None) -> bytes:
    if columns is not None:
        df = df[columns]
    buf = io.StringIO()
    df.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue().encode("utf-8")


def current(paths: list[Path], full: Path | None, columns: dict | None = None) -> dict:
    from analysis import parse_article

    out: dict[str, dict] = {}
    for path in paths:
        art = parse_article(path)
        tables = {}
        for name, df in art.tables().items():
            cols = list(df.columns)
            want = None
            if columns is not None and path.stem in columns and name in columns[path.stem]:
                want = [c for c in columns[path.stem][name]["columns"] if c in cols]
                if len(want) != len(columns[path.stem][name]["columns"]):
                    want = cols  # a column went missing: hash everything so the check fails loudly
            data = table_csv(df, want)
            tables[name] = {"columns": want or cols, "sha256": hashlib.sha256(data).hexdigest()}
            if full is not None:
                (full / path.stem).mkdir(parents=True, exist_ok=True)
                (full / path.stem / f"{name}.csv").write_bytes(data)
        out[path.stem] = tables
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("record", "check"))
    ap.add_argument("--full", type=Path, help="also write the CSVs into this folder")
    args = ap.parse_args(argv)
    paths = articles()
    if args.mode == "record":
        snap = current(paths, args.full)
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(json.dumps(snap, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded {len(snap)} articles x {len(next(iter(snap.values())))} tables -> {SNAPSHOT}")
        return 0
    snap = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    now = current([p for p in paths if p.stem in snap], args.full, snap)
    bad = [(a, t) for a in snap for t in snap[a]
           if a in now and (t not in now[a] or now[a][t] != snap[a][t])]
    missing = [a for a in snap if a not in now]
    for a, t in bad:
        print(f"DIFFERS: {a}/{t}")
    if missing:
        print(f"not checked (article not found): {', '.join(missing)}")
    print(f"{len(now)} articles checked, {len(bad)} tables differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
