"""Turn a gold draft written with surface strings into a gold CSV with offsets (and no article text).

    python benchmarks/gold_offsets.py DRAFT.csv ARTICLE.txt > tests/gold_blind/<part>/<id>/<table>.csv

A draft has the gold table's columns, except that ``start,end`` are replaced by ``surface`` and ``occurrence``:
``surface`` is the exact text of the span as written in the article (copied from the article file), and
``occurrence`` (default 1) which occurrence of it, counting from the start of the text.  For long spans (quote
contents) ``surface`` may be ``FIRST … LAST`` (with the ellipsis character U+2026 and spaces): the span runs from
that occurrence of FIRST to the end of the first LAST after it.  Every span is checked (found, and the resolved
text equals the surface); an error names the draft line.  The output keeps every other column in order and puts
``start,end`` first; the article text itself is never written.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ELLIPSIS = " \u2026 "


def _find(text: str, needle: str, occurrence: int, line: int) -> int:
    at = -1
    for _ in range(occurrence):
        at = text.find(needle, at + 1)
        if at < 0:
            raise SystemExit(f"draft line {line}: {needle!r} occurrence {occurrence} not in the article")
    return at


def span(text: str, surface: str, occurrence: int, line: int) -> tuple[int, int]:
    if ELLIPSIS in surface:
        first, last = surface.split(ELLIPSIS, 1)
        s = _find(text, first, occurrence, line)
        e = text.find(last, s + len(first))
        if e < 0:
            raise SystemExit(f"draft line {line}: {last!r} not found after {first!r}")
        return s, e + len(last)
    s = _find(text, surface, occurrence, line)
    return s, s + len(surface)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    draft, article = Path(argv[0]), Path(argv[1])
    text = article.read_text(encoding="utf-8")
    with draft.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        fields = list(reader.fieldnames or [])
        cols = [c for c in fields if c not in ("surface", "occurrence")]
    if "surface" not in fields:
        raise SystemExit(f"{draft}: no header with a 'surface' column (an empty table still needs its header line)")
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["start", "end", *cols])
    spans = []
    for k, r in enumerate(rows, start=2):
        s, e = span(text, r["surface"], int(r.get("occurrence") or 1), k)
        spans.append((s, e, [r[c] for c in cols]))
    for s, e, rest in sorted(spans, key=lambda x: (x[0], x[1])):
        out.writerow([s, e, *rest])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
