"""Every blind gold file is well formed: its header, its value types, and spans that lie inside the article text.

A format check only: it reads the gold and the article text (``benchmarks/blind_set.py``), never runs the parser,
and prints no sealed row unless the row itself is malformed.  Skips (loudly) where ``../shared`` is absent.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD_BLIND = ROOT / "tests" / "gold_blind"
sys.path.insert(0, str(ROOT / "benchmarks"))

HEADERS = {
    "mentions.csv": ["start", "end", "type", "name_en", "name_ar"],
    "quotes.csv": ["start", "end", "speaker", "speaker_ar", "mode"],
    "figures.csv": ["start", "end", "value", "unit_en", "category", "approximate", "range_high", "vague"],
    "dates.csv": ["start", "end", "kind", "resolved", "calendar"],
    "story.csv": ["main_theme", "other_themes", "section", "outlet_country"],
}
TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "MISC"}
MODES = {"direct", "indirect"}
DATE_KINDS = {"weekday", "relative", "date", "numeric", "month", "hijri_month", "year", "period", "holiday"}
CALENDARS = {"gregorian", "hijri"}
BOOLS = {"True", "False"}


def _texts() -> dict[tuple[str, str], str]:
    try:
        from blind_set import (
            blind_articles,
            fresh2_articles,
            fresh3_articles,
            fresh4_articles,
            fresh5_articles,
            fresh6_articles,
            fresh_articles,
        )

        arts = (blind_articles() + fresh_articles() + fresh2_articles() + fresh3_articles() + fresh4_articles()
                + fresh5_articles() + fresh6_articles())
    except FileNotFoundError as exc:
        pytest.skip(f"blind gold texts need ../shared/corpus: {exc}")
    return {(a.part, a.article_id): a.text for a in arts}


def _folders() -> list[Path]:
    return sorted(p for part in ("dev", "test", "fresh", "fresh2", "fresh3", "fresh4",
                                 "fresh5", "fresh6") if (GOLD_BLIND / part).is_dir()
                  for p in (GOLD_BLIND / part).iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def texts():
    return _texts()


def test_every_folder_is_a_chosen_article(texts):
    folders = _folders()
    assert len(folders) >= 65
    unknown = [f"{p.parent.name}/{p.name}" for p in folders if (p.parent.name, p.name) not in texts]
    assert not unknown, f"gold folders that blind_set.py does not choose (or in the wrong part): {unknown}"


@pytest.mark.parametrize("folder", _folders(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gold_files_are_well_formed(folder: Path, texts):
    text = texts.get((folder.parent.name, folder.name))
    if text is None:
        pytest.fail(f"{folder}: not an article of blind_set.py's {folder.parent.name} part")
    problems = []
    for name, header in HEADERS.items():
        path = folder / name
        if not path.exists():
            problems.append(f"{name}: missing")
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            head = next(reader, None)
            if head != header:
                problems.append(f"{name}: header {head}, expected {header}")
                continue
            rows = [dict(zip(header, r)) for r in reader]
        if name == "story.csv":
            if len(rows) != 1 or not rows[0]["main_theme"].strip():
                problems.append(f"{name}: expected one row with a main_theme")
            continue
        for line, r in enumerate(rows, start=2):
            try:
                start, end = int(r["start"]), int(r["end"])
            except ValueError:
                problems.append(f"{name}:{line}: start/end not integers")
                continue
            if not 0 <= start < end <= len(text):
                problems.append(f"{name}:{line}: span {start}-{end} outside the text (length {len(text)})")
            elif text[start].isspace() or text[end - 1].isspace():
                problems.append(f"{name}:{line}: span {start}-{end} starts or ends with white space")
            if name == "mentions.csv" and (r["type"] not in TYPES or not r["name_en"].strip()):
                problems.append(f"{name}:{line}: type {r['type']!r} or empty name_en")
            if name == "quotes.csv" and r["mode"] not in MODES:
                problems.append(f"{name}:{line}: mode {r['mode']!r}")
            if name == "dates.csv" and (r["kind"] not in DATE_KINDS or r["calendar"] not in CALENDARS):
                problems.append(f"{name}:{line}: kind {r['kind']!r} or calendar {r['calendar']!r}")
            if name == "figures.csv":
                if r["approximate"] not in BOOLS or r["vague"] not in BOOLS:
                    problems.append(f"{name}:{line}: approximate/vague not True/False")
                for col in ("value", "range_high"):
                    if r[col]:
                        try:
                            float(r[col])
                        except ValueError:
                            problems.append(f"{name}:{line}: {col} {r[col]!r} not a number")
    assert not problems, f"{folder}: " + "; ".join(problems)


def test_blind_parts_are_disjoint():
    """No article is in two parts (dev/test, fresh, fresh2, ..., fresh6): each later part excludes the earlier."""
    try:
        from blind_set import (
            blind_articles,
            fresh2_articles,
            fresh3_articles,
            fresh4_articles,
            fresh5_articles,
            fresh6_articles,
            fresh_articles,
        )

        parts = [blind_articles(), fresh_articles(), fresh2_articles(), fresh3_articles(), fresh4_articles(),
                 fresh5_articles(), fresh6_articles()]
    except FileNotFoundError as exc:
        pytest.skip(f"blind gold texts need ../shared/corpus: {exc}")
    ids = [a.article_id for part in parts for a in part]
    assert len(ids) == len(set(ids))
    assert [len(p) for p in parts[2:]] == [31, 31, 29, 29, 29]
    assert {a.part for a in parts[4]} == {"fresh4"}
    assert {a.part for a in parts[5]} == {"fresh5"}
    assert {a.part for a in parts[6]} == {"fresh6"}
