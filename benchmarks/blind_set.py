"""The blind gold set: which articles, how they are split, and their text as the parser reads it.

    python benchmarks/blind_set.py list                 # the chosen articles, their part (dev/test) and group
    python benchmarks/blind_set.py materialize [--out DIR]   # write DIR/<article_id>.txt (default data/blind/)

The choice is a fixed rule over `../shared/corpus/` (nobody picks articles by hand, nothing looks at the
extractors' output):

* **SaudiNewsNet** (`saudinewsnet/*.jsonl.gz`): for each of the 14 outlets, the articles whose body has
  80-400 words, excluding the 15 dev articles (`dev/MANIFEST.tsv` URLs); ordered by SHA-256 of
  ``"blind-2026|" + url``; the first **2** of each outlet (28 articles; an outlet with fewer candidates gives
  what it has).  Text: ``title + "\\n\\n" + content`` (the dataset's PROVENANCE).
* **Arabic Newspapers** (`arabic_newspapers/<category>/<CC><letter><n>.txt`, Windows-1256): for each of the 19
  country codes, categories politics / economy / sports / culture in a rotation that starts at the country's
  position in sorted order (country i takes categories i mod 4 and (i + 1) mod 4), and in each such
  (country, category) the file with 80-700 words first by SHA-256 of ``"blind-2026|" + file name``
  (38 articles where every cell has a candidate; a missing cell falls to the country's next category).
  Text: the bytes decoded as cp1256, trailing NUL bytes removed, line endings folded to ``\\n``.
* **Split** (recorded once, never changed): within each group (outlet or country), articles ordered by SHA-256
  of ``"split|" + article_id``; the first goes to **test** (sealed), the second to **dev**.  So every outlet and
  country has one sealed article.

Later parts, each annotated blind before any extractor ran on it: ``fresh`` (session 4), ``fresh2`` (session 8)
``fresh3`` (session 9), ``fresh4`` (session 10), ``fresh5`` (chosen in session 11, annotated in session 14) and
``fresh6`` (session 14); see their functions for the rules.

The sealed test part is never used to choose a rule: only ``benchmarks/bench_extraction.py``'s totals for it
are read.  Gold for the articles lives in ``tests/gold_blind/<part>/<article_id>/`` (offsets and values only;
the text stays in ``../shared``).
"""
from __future__ import annotations

import argparse
import csv
import functools
import gzip
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
SALT = "blind-2026|"
MIN_WORDS, MAX_WORDS = 80, 400
MAX_WORDS_ANP = 700  # the 2012 newspapers run long (median 470-1,130 words by country)
PER_OUTLET = 2
CATEGORIES = ("politics", "economy", "sports", "culture")


@dataclass(frozen=True)
class BlindArticle:
    article_id: str
    corpus: str  # saudinewsnet | arabic_newspapers
    group: str  # outlet or country code
    category: str  # arabic_newspapers folder; "" for SaudiNewsNet
    origin: str  # url or file path relative to ../shared/corpus
    text: str
    part: str = ""


def _cached_part(fn):
    """Memoise a part's chooser per ``shared`` folder (each reads the whole corpus; later parts call the earlier
    ones); every call gets its own list."""
    memo: dict[Path, tuple[BlindArticle, ...]] = {}

    @functools.wraps(fn)
    def wrapper(shared: Path = SHARED) -> list[BlindArticle]:
        key = Path(shared).resolve()
        if key not in memo:
            memo[key] = tuple(fn(shared))
        return list(memo[key])
    return wrapper


def _h(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


def _fold(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _snn(shared: Path, per_outlet: int = PER_OUTLET) -> list[BlindArticle]:
    dev_urls = set()
    manifest = shared / "dev" / "MANIFEST.tsv"
    if manifest.exists():
        with manifest.open(encoding="utf-8", newline="") as fh:
            dev_urls = {r["url"] for r in csv.DictReader(fh, delimiter="\t")}
    by_outlet: dict[str, list[tuple[str, dict]]] = {}
    for path in sorted((shared / "saudinewsnet").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                n = len(r.get("content", "").split())
                if r["url"] in dev_urls or not (MIN_WORDS <= n <= MAX_WORDS) or not r.get("title"):
                    continue
                by_outlet.setdefault(r["source"], []).append((_h(SALT + r["url"]), r))
    out = []
    for outlet in sorted(by_outlet):
        for _, r in sorted(by_outlet[outlet], key=lambda x: x[0])[:per_outlet]:
            aid = f"snn_{outlet}_{_h(r['url'])[:8]}"
            out.append(BlindArticle(aid, "saudinewsnet", outlet, "", r["url"],
                                    _fold(r["title"].strip() + "\n\n" + r["content"])))
    return out


def _anp_text(path: Path) -> str:
    return _fold(path.read_bytes().rstrip(b"\x00").decode("cp1256"))


def _anp(shared: Path) -> list[BlindArticle]:
    root = shared / "arabic_newspapers"
    cells: dict[tuple[str, str], list[tuple[str, Path]]] = {}
    for cat in CATEGORIES:
        for path in sorted((root / cat).glob("*.txt")):
            try:
                n = len(_anp_text(path).split())
            except UnicodeDecodeError:
                continue
            if MIN_WORDS <= n <= MAX_WORDS_ANP:
                cells.setdefault((path.name[:2], cat), []).append((_h(SALT + path.name), path))
    countries = sorted({c for c, _ in cells})
    out = []
    for i, country in enumerate(countries):
        wanted = [CATEGORIES[i % 4], CATEGORIES[(i + 1) % 4]]
        taken: list[str] = []
        for k in range(4):  # a missing cell falls to the country's next category
            if len(taken) == len(wanted):
                break
            for cat in (wanted[len(taken)], *CATEGORIES[(i + 2 + k) % 4:], *CATEGORIES[:(i + 2 + k) % 4]):
                if cat not in taken and cells.get((country, cat)):
                    taken.append(cat)
                    break
        for cat in taken:
            _, path = sorted(cells[(country, cat)], key=lambda x: x[0])[0]
            out.append(BlindArticle(f"anp_{path.stem}", "arabic_newspapers", country, cat,
                                    str(path.relative_to(shared)), _anp_text(path)))
    return out


@_cached_part
def blind_articles(shared: Path = SHARED) -> list[BlindArticle]:
    """Every blind article with its part (``dev`` or ``test``), in a fixed order."""
    if not (shared / "saudinewsnet").is_dir() or not (shared / "arabic_newspapers").is_dir():
        raise FileNotFoundError(f"{shared}: the shared corpora are not there")
    arts = _snn(shared) + _anp(shared)
    groups: dict[str, list[BlindArticle]] = {}
    for a in arts:
        groups.setdefault(a.group, []).append(a)
    parts = {}
    for members in groups.values():
        for k, a in enumerate(sorted(members, key=lambda a: _h("split|" + a.article_id))):
            parts[a.article_id] = "test" if k % 2 == 0 else "dev"
    return [BlindArticle(**{**a.__dict__, "part": parts[a.article_id]}) for a in arts]


FRESH_SALT = "fresh-2026|"
FRESH_COUNTRIES = 8


@_cached_part
def fresh_articles(shared: Path = SHARED) -> list[BlindArticle]:
    """The **fresh** blind part (added in session 4, annotated blind before any extractor ran on it): for each
    SaudiNewsNet outlet the 3rd article in the blind order (the first two are the dev/test pair); for the first
    8 countries of Arabic Newspapers ordered by SHA-256 of ``"fresh-2026|" + country``, one article of the
    country's third rotation category ((i + 2) mod 4, i its position in sorted order; a missing cell falls to the
    next category), first by SHA-256 of ``"fresh-2026|" + file name`` among files not already blind.

    ``anp_DZP22`` has no gold: its source file (like every ``DZP*`` politics file of the corpus) lost its Arabic
    letters to ``?`` before the corpus was stored, and the parser refuses it saying so; the scores skip it, so the
    fresh part scores 21 articles."""
    if not (shared / "saudinewsnet").is_dir() or not (shared / "arabic_newspapers").is_dir():
        raise FileNotFoundError(f"{shared}: the shared corpora are not there")
    taken_ids = {a.article_id for a in blind_articles(shared)}
    out = _snn_nth(shared, PER_OUTLET)
    root = shared / "arabic_newspapers"
    countries = sorted({p.name[:2] for cat in CATEGORIES for p in (root / cat).glob("*.txt")})
    chosen = sorted(countries, key=lambda c: _h(FRESH_SALT + c))[:FRESH_COUNTRIES]
    for country in sorted(chosen):
        i = countries.index(country)
        for k in range(4):
            cat = CATEGORIES[(i + 2 + k) % 4]
            cands = []
            for path in sorted((root / cat).glob(f"{country}*.txt")):
                if f"anp_{path.stem}" in taken_ids:
                    continue
                try:
                    n = len(_anp_text(path).split())
                except UnicodeDecodeError:
                    continue
                if MIN_WORDS <= n <= MAX_WORDS_ANP:
                    cands.append((_h(FRESH_SALT + path.name), path))
            if cands:
                _, path = sorted(cands)[0]
                out.append(BlindArticle(f"anp_{path.stem}", "arabic_newspapers", country, cat,
                                        str(path.relative_to(shared)), _anp_text(path)))
                break
    return [BlindArticle(**{**a.__dict__, "part": "fresh"}) for a in out]


FRESH2_SALT = "fresh2-2026|"
MAX_WORDS_FRESH2_ANP = 450  # annotated in one session: the shorter half of the newspapers' range


def _snn_nth(shared: Path, n: int) -> list[BlindArticle]:
    """Each SaudiNewsNet outlet's article at position ``n`` (0-based) of the blind order, outlets sorted."""
    by_outlet: dict[str, list[BlindArticle]] = {}
    for a in _snn(shared, per_outlet=n + 1):
        by_outlet.setdefault(a.group, []).append(a)
    return [m[n] for _, m in sorted(by_outlet.items()) if len(m) > n]


def _short_anp(shared: Path, countries: list[str], *, rotation: int, salt: str,
               taken_ids: set[str]) -> list[BlindArticle]:
    """One Arabic Newspapers article per country, in ``countries`` order: from the country's rotation category
    ``(i + rotation) mod 4`` (i its position in sorted order; a missing cell falls to the next category), the first
    by SHA-256 of ``salt + file name`` among files not in ``taken_ids``, with 80-450 words and fewer than 50 ``?``."""
    root = shared / "arabic_newspapers"
    ordered = sorted(countries)
    out: list[BlindArticle] = []
    for country in countries:
        i = ordered.index(country)
        for k in range(4):
            cat = CATEGORIES[(i + rotation + k) % 4]
            cands = []
            for path in sorted((root / cat).glob(f"{country}*.txt")):
                if f"anp_{path.stem}" in taken_ids:
                    continue
                try:
                    text = _anp_text(path)
                except UnicodeDecodeError:
                    continue
                if MIN_WORDS <= len(text.split()) <= MAX_WORDS_FRESH2_ANP and sum(c == "?" for c in text) < 50:
                    cands.append((_h(salt + path.name), path, text))
            if cands:
                _, path, text = min(cands)
                out.append(BlindArticle(f"anp_{path.stem}", "arabic_newspapers", country, cat,
                                        str(path.relative_to(shared)), text))
                break
    return out




@_cached_part
def fresh2_articles(shared: Path = SHARED) -> list[BlindArticle]:
    """The **fresh2** blind part (added in session 8, annotated blind before any extractor ran on it, then scored
    once on that session's final code before any rule was chosen from it): for each SaudiNewsNet outlet the 4th
    article in the blind order (the first two are the dev/test pair, the 3rd is fresh); for each country of
    Arabic Newspapers, one article of the country's fourth rotation category ((i + 3) mod 4, i its position in
    sorted order; a missing cell falls to the next category), first by SHA-256 of ``"fresh2-2026|" + file name``
    among files not already blind or fresh, with 80-450 words and no more than 50 ``?`` (the corpus's letters lost
    to ``?``, as in every DZP file).  The 10 countries the fresh part did not take were annotated first, the fresh
    part's countries next (7; a country with no candidate, LY and MR, gives none)."""
    if not (shared / "saudinewsnet").is_dir() or not (shared / "arabic_newspapers").is_dir():
        raise FileNotFoundError(f"{shared}: the shared corpora are not there")
    fresh = fresh_articles(shared)
    taken_ids = {a.article_id for a in blind_articles(shared)} | {a.article_id for a in fresh}
    root = shared / "arabic_newspapers"
    countries = sorted({p.name[:2] for cat in CATEGORIES for p in (root / cat).glob("*.txt")})
    fresh_countries = {a.group for a in fresh if a.corpus == "arabic_newspapers"}
    out = _snn_nth(shared, PER_OUTLET + 1) + _short_anp(
        shared, sorted(countries, key=lambda c: (c in fresh_countries, c)), rotation=3, salt=FRESH2_SALT,
        taken_ids=taken_ids)
    return [BlindArticle(**{**a.__dict__, "part": "fresh2"}) for a in out]


FRESH3_SALT = "fresh3-2026|"


@_cached_part
def fresh3_articles(shared: Path = SHARED) -> list[BlindArticle]:
    """The **fresh3** blind part (added in session 9, annotated blind before any extractor ran on it, scored once
    on that session's final code): for each SaudiNewsNet outlet the 5th article in the blind order (the first four
    are dev/test, fresh and fresh2); for each country of Arabic Newspapers, one article of the country's third
    rotation category ((i + 2) mod 4, i its position in sorted order; a missing cell falls to the next category),
    first by SHA-256 of ``"fresh3-2026|" + file name`` among files in no earlier part, with 80-450 words and no
    more than 50 ``?`` (as fresh2)."""
    if not (shared / "saudinewsnet").is_dir() or not (shared / "arabic_newspapers").is_dir():
        raise FileNotFoundError(f"{shared}: the shared corpora are not there")
    taken_ids = {a.article_id for a in blind_articles(shared) + fresh_articles(shared) + fresh2_articles(shared)}
    root = shared / "arabic_newspapers"
    countries = sorted({p.name[:2] for cat in CATEGORIES for p in (root / cat).glob("*.txt")})
    out = _snn_nth(shared, PER_OUTLET + 2) + _short_anp(shared, countries, rotation=2, salt=FRESH3_SALT,
                                                        taken_ids=taken_ids)
    return [BlindArticle(**{**a.__dict__, "part": "fresh3"}) for a in out]


FRESH4_SALT = "fresh4-2026|"


@_cached_part
def fresh4_articles(shared: Path = SHARED) -> list[BlindArticle]:
    """The **fresh4** blind part (added in session 10, annotated blind before any extractor ran on it): for each
    SaudiNewsNet outlet the 6th article in the blind order (the first five are dev/test, fresh, fresh2 and fresh3);
    for each country of Arabic Newspapers, one article of the country's second rotation category ((i + 1) mod 4,
    i its position in sorted order; a missing cell falls to the next category), first by SHA-256 of
    ``"fresh4-2026|" + file name`` among files in no earlier part, with 80-450 words and no more than 50 ``?``
    (as fresh2 and fresh3)."""
    if not (shared / "saudinewsnet").is_dir() or not (shared / "arabic_newspapers").is_dir():
        raise FileNotFoundError(f"{shared}: the shared corpora are not there")
    taken_ids = {a.article_id for a in blind_articles(shared) + fresh_articles(shared) + fresh2_articles(shared)
                 + fresh3_articles(shared)}
    root = shared / "arabic_newspapers"
    countries = sorted({p.name[:2] for cat in CATEGORIES for p in (root / cat).glob("*.txt")})
    out = _snn_nth(shared, PER_OUTLET + 3) + _short_anp(shared, countries, rotation=1, salt=FRESH4_SALT,
                                                        taken_ids=taken_ids)
    return [BlindArticle(**{**a.__dict__, "part": "fresh4"}) for a in out]


FRESH5_SALT = "fresh5-2026|"


@_cached_part
def fresh5_articles(shared: Path = SHARED) -> list[BlindArticle]:
    """The **fresh5** blind part (chosen in session 11; annotated blind in session 14 by three annotators and
    reviewed by two, before any extractor ran on it): for each
    SaudiNewsNet outlet the 7th article in the blind order (the first six are dev/test, fresh, fresh2, fresh3 and
    fresh4); for each country of Arabic Newspapers, one article of the country's first rotation category
    (i mod 4, i its position in sorted order; a missing cell falls to the next category), first by SHA-256 of
    ``"fresh5-2026|" + file name`` among files in no earlier part, with 80-450 words and no more than 50 ``?``
    (as fresh2 to fresh4)."""
    if not (shared / "saudinewsnet").is_dir() or not (shared / "arabic_newspapers").is_dir():
        raise FileNotFoundError(f"{shared}: the shared corpora are not there")
    taken_ids = {a.article_id for a in blind_articles(shared) + fresh_articles(shared) + fresh2_articles(shared)
                 + fresh3_articles(shared) + fresh4_articles(shared)}
    root = shared / "arabic_newspapers"
    countries = sorted({p.name[:2] for cat in CATEGORIES for p in (root / cat).glob("*.txt")})
    out = _snn_nth(shared, PER_OUTLET + 4) + _short_anp(shared, countries, rotation=0, salt=FRESH5_SALT,
                                                        taken_ids=taken_ids)
    return [BlindArticle(**{**a.__dict__, "part": "fresh5"}) for a in out]


FRESH6_SALT = "fresh6-2026|"


@_cached_part
def fresh6_articles(shared: Path = SHARED) -> list[BlindArticle]:
    """The **fresh6** blind part (chosen in session 14, annotated blind before any extractor ran on it): for each
    SaudiNewsNet outlet the 8th article in the blind order (the first seven are dev/test and fresh to fresh5); for
    each country of Arabic Newspapers, one article of the country's fourth rotation category ((i + 3) mod 4, i its
    position in sorted order; a missing cell falls to the next category), first by SHA-256 of ``"fresh6-2026|" +
    file name`` among files in no earlier part, with 80-450 words and no more than 50 ``?`` (as fresh2 to fresh5)."""
    if not (shared / "saudinewsnet").is_dir() or not (shared / "arabic_newspapers").is_dir():
        raise FileNotFoundError(f"{shared}: the shared corpora are not there")
    taken_ids = {a.article_id for a in blind_articles(shared) + fresh_articles(shared) + fresh2_articles(shared)
                 + fresh3_articles(shared) + fresh4_articles(shared) + fresh5_articles(shared)}
    root = shared / "arabic_newspapers"
    countries = sorted({p.name[:2] for cat in CATEGORIES for p in (root / cat).glob("*.txt")})
    out = _snn_nth(shared, PER_OUTLET + 5) + _short_anp(shared, countries, rotation=3, salt=FRESH6_SALT,
                                                        taken_ids=taken_ids)
    return [BlindArticle(**{**a.__dict__, "part": "fresh6"}) for a in out]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("list", "materialize"))
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "blind")
    ap.add_argument("--fresh", action="store_true", help="the fresh part (session 4) instead of dev/test")
    ap.add_argument("--fresh2", action="store_true", help="the fresh2 part (session 8) instead of dev/test")
    ap.add_argument("--fresh3", action="store_true", help="the fresh3 part (session 9) instead of dev/test")
    ap.add_argument("--fresh4", action="store_true", help="the fresh4 part (session 10) instead of dev/test")
    ap.add_argument("--fresh5", action="store_true", help="the fresh5 part (session 11) instead of dev/test")
    ap.add_argument("--fresh6", action="store_true", help="the fresh6 part (session 14) instead of dev/test")
    args = ap.parse_args(argv)
    chosen = [(args.fresh6, fresh6_articles), (args.fresh5, fresh5_articles), (args.fresh4, fresh4_articles), (args.fresh3, fresh3_articles),
              (args.fresh2, fresh2_articles), (args.fresh, fresh_articles)]
    arts = next((choose() for flag, choose in chosen if flag), None) or blind_articles()
    if args.mode == "list":
        for a in arts:
            print(f"{a.article_id}\t{a.part}\t{a.corpus}\t{a.group}\t{a.category}\t{len(a.text.split())} words")
        counts = {p: sum(a.part == p for a in arts) for p in ("test", "dev", "fresh", "fresh2", "fresh3", "fresh4", "fresh5",
                                                             "fresh6")}
        print(f"{len(arts)} articles: " + ", ".join(f"{n} {p}" for p, n in counts.items() if n), file=sys.stderr)
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    for a in arts:
        (args.out / f"{a.article_id}.txt").write_text(a.text, encoding="utf-8", newline="\n")
    print(f"wrote {len(arts)} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
