"""Build the currency words of the figures' unit lexicon (``analysis/data/currencies.tsv``) from Babel's CLDR data.

    python -m analysis.lexicon.build_currencies [--out analysis/data/currencies.tsv]

Source: **Babel's CLDR data** (Unicode licence), needed only to *build* the table, never at run time (so the
figures do not change with the installed Babel): every currency legal tender in some territory on 2020-01-01,
its Arabic names in every plural form (``ين ياباني``, ``روبية هندية``, ``روبيات``) and its English plural name.

One row per Arabic word that opens a currency's name (matching form, :func:`analysis.text.normalize.normalize`):
the word, the English unit (the last word of the English plural name most of its currencies share: ``francs`` for
فرنك, which names 11 currencies), the ISO 4217 codes.  A word is left out when it is also something else a
number can stand before: a place of 250,000 people or more (``ليون`` Lyon, ``قرطبة`` Cordoba, ``كولن`` Cologne:
the place table; the small namesakes of ``روبية`` and ``ين`` do not count), a first name of the NER lists, a common
word or a stopword.  The reviewed ``analysis/data/units.csv`` comes
first at run time (its ``دولار``, ``جنيه``, ``ريال`` rows, and ``not_unit`` rows for the few CLDR words that are
ordinary Arabic words, such as ``سيدي`` and ``بير``).  Sorted, so the same Babel gives the same file.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter, defaultdict
from pathlib import Path

from analysis.text.normalize import normalize

HEADER = ("ar", "unit_en", "codes")
ON = dt.date(2020, 1, 1)
COUNTS = (0, 1, 2, 3, 11, 100)  # one number of each Arabic plural category (zero, one, two, few, many, other)
BIG_PLACE = 250_000  # a word that names a place this big is the place (ليون Lyon), not the currency
OUT = Path(__file__).resolve().parents[1] / "data" / "currencies.tsv"


def _first_names() -> frozenset[str]:
    from analysis.lexicon import load_csv

    return frozenset(normalize(r["word"]) for r in load_csv("ner_lists.csv", required=("word", "list"))
                     if r["list"] == "first_name")


def build() -> list[tuple[str, str, str]]:
    from babel import Locale
    from babel.numbers import get_currency_name, get_territory_currencies

    from analysis.names.places import candidates
    from analysis.text.commonwords import is_common
    from analysis.text.stopwords import is_stopword

    codes: set[str] = set()
    for territory in Locale("en").territories:
        if len(territory) == 2 and territory.isalpha():
            codes |= set(get_territory_currencies(territory, start_date=ON, end_date=ON, tender=True))
    words: dict[str, set[str]] = defaultdict(set)
    english: dict[str, Counter] = defaultdict(Counter)
    for code in sorted(codes):
        en = get_currency_name(code, count=100, locale="en").split()[-1]
        for n in COUNTS:
            w = normalize(get_currency_name(code, count=n, locale="ar").split()[0])
            words[w].add(code)
            english[w][en] += 1
    first = _first_names()
    rows = []
    for w in sorted(words):
        if len(w) < 2 or is_common(w) or is_stopword(w) or w in first \
                or any((p.population or 0) >= BIG_PLACE for p in candidates(w)):
            continue
        unit = min(english[w].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        rows.append((w, unit, " ".join(sorted(words[w]))))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    rows = build()
    import babel

    lines = [f"# Currency words from CLDR (Babel {babel.__version__}; Unicode licence): built by "
             "python -m analysis.lexicon.build_currencies", "\t".join(HEADER)]
    lines += ["\t".join(r) for r in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} currency words to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
