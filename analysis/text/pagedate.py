"""Dates and times as pages write them: ``28-09-2020, 22:26``, ``28/09/2020``, ``2020-09-28``,
``28 سبتمبر 2020``, ``28 أيلول 2020`` (Iraqi/Levantine month names), ``14 شتنبر 2012`` (Moroccan), Arabic-Indic
digits, 12-hour ``م``/``ص``, and Hijri dates ``25 شوال 1436 هـ`` converted to the Gregorian day.

Month names are data (``analysis/data/months.csv``, column ``calendar``: ``gregorian``, ``levantine``, ``maghrebi``,
``moroccan`` name the Gregorian months; ``hijri`` the months of the Islamic calendar).  Hijri dates are converted
with the Umm al-Qura calendar (:func:`hijri_to_gregorian`, the ``hijridate`` package, valid 1343-1500 AH).
Parsing returns ``None`` where a date cannot be read: nothing is guessed.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import NamedTuple

from analysis.lexicon import load_csv
from analysis.text.normalize import normalize

__all__ = ["PageDate", "ambiguous_months", "find_page_date", "gregorian_month_names", "hijri_month_names",
           "hijri_to_gregorian", "month_names", "month_rows"]


class PageDate(NamedTuple):
    """A date (and maybe a time) found in a line: ``iso`` is ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``."""

    iso: str
    start: int
    end: int


def month_rows() -> tuple[dict[str, str], ...]:
    """The rows of ``months.csv`` (``name_ar``, ``month``, ``calendar``, ``name_en``, ``ambiguous``), checked by the
    lexicon loader.  ``ambiguous`` (why, when the name is also a common word) marks names that count as months only
    next to a day, a year, ``شهر``, a bracketed alternative or a modifier."""
    return load_csv("months.csv", required=("name_ar", "month", "calendar", "name_en"), optional=("ambiguous",),
                    key=("name_ar",))


@cache
def month_names() -> dict[str, int]:
    """Normalised month name of either calendar -> month number (what a month name is; which calendar:
    :func:`gregorian_month_names`, :func:`hijri_month_names`)."""
    return {normalize(r["name_ar"]): int(r["month"]) for r in month_rows()}


@cache
def gregorian_month_names() -> dict[str, int]:
    """Normalised Gregorian month name (any naming system) -> month number."""
    return {normalize(r["name_ar"]): int(r["month"]) for r in month_rows() if r["calendar"] != "hijri"}


@cache
def hijri_month_names() -> dict[str, int]:
    """Normalised Hijri month name -> month number (1 = محرم ... 9 = رمضان ... 12 = ذو الحجة)."""
    return {normalize(r["name_ar"]): int(r["month"]) for r in month_rows() if r["calendar"] == "hijri"}


@cache
def ambiguous_months() -> frozenset[str]:
    """Normalised month names (either calendar) that are also common words (مارس، آب، صفر، شعبان ...)."""
    return frozenset(normalize(r["name_ar"]) for r in month_rows() if r["ambiguous"])


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a Hijri date (Umm al-Qura), or ``None`` outside the table or for an impossible day.

    >>> hijri_to_gregorian(1436, 10, 25).isoformat()
    '2015-08-10'
    """
    from hijridate import Hijri  # the Umm al-Qura tables load on first use
    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


_D = r"[0-9\u0660-\u0669\u06F0-\u06F9]"
_TIME = (rf"(?:\s*[,،\-–|]?\s*(?:الساعة\s*)?(?P<hh>{_D}{{1,2}}):(?P<mi>{_D}{{2}})(?::{_D}{{2}})?"
         rf"\s*(?P<ampm>[صم](?![\u0621-\u064A])|[AaPp]\.?[Mm]\.?)?)?")
_ANY_DIGIT = re.compile(_D)
_NUMERIC_DMY = re.compile(rf"(?<!{_D})(?P<d>{_D}{{1,2}})\s*[-/.]\s*(?P<m>{_D}{{1,2}})\s*[-/.]\s*(?P<y>{_D}{{4}})(?!{_D}){_TIME}")
_NUMERIC_YMD = re.compile(rf"(?<!{_D})(?P<y>{_D}{{4}})\s*[-/.]\s*(?P<m>{_D}{{1,2}})\s*[-/.]\s*(?P<d>{_D}{{1,2}})(?!{_D}){_TIME}")


def _name_alternatives(names: dict[str, int]) -> str:
    # Match month names on raw text: alternatives that accept any alef/hamza/yeh spelling, longest first.
    fold = {"ا": "[اأإآ]", "ي": "[يى]", "ه": "[هة]"}
    alts = sorted(names, key=len, reverse=True)
    return "|".join("".join(fold.get(c, re.escape(c)) for c in name).replace(r"\ ", r"\s+") for name in alts)


@cache
def _named_re() -> re.Pattern[str]:
    """A day + month name + year in either calendar (one scan): ``28 سبتمبر 2020`` (group ``mname``, maybe with
    a bracketed alternative name and a time) or ``25 شوال 1436 هـ`` (group ``hname``, the era mark optional)."""
    return re.compile(
        rf"(?<!{_D})(?P<d>{_D}{{1,2}})\s+(?:"
        rf"(?P<mname>{_name_alternatives(gregorian_month_names())})(?:\s*\(\s*[\u0621-\u064A ]+\s*\))?[\s,،]+"
        rf"(?P<y>{_D}{{4}})(?!{_D}){_TIME}"
        rf"|(?P<hname>{_name_alternatives(hijri_month_names())})[\s,،]+(?P<hy>{_D}{{4}})(?!{_D})"
        rf"(?:\s*هـ|\s*ه(?![\u0621-\u064A]))?)"
    )


def _build(d: str, m: str | int, y: str, hh: str | None, mi: str | None, ampm: str | None) -> str | None:
    try:
        date = dt.date(int(normalize(y)), int(normalize(str(m))), int(normalize(d)))
    except ValueError:
        return None
    if hh is None:
        return date.isoformat()
    hour, minute = int(normalize(hh)), int(normalize(mi))
    if ampm:
        pm = ampm[0] in "مPp"
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if pm else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{date.isoformat()}T{hour:02d}:{minute:02d}"


def _fold_name(name: str) -> str:
    return normalize(re.sub(r"\s+", " ", name))


def find_page_date(text: str, start: int = 0, end: int | None = None) -> PageDate | None:
    """The first date (with time, if one follows) in ``text[start:end]``, or ``None``.

    >>> find_page_date("28-09-2020, 22:26").iso
    '2020-09-28T22:26'
    >>> find_page_date("الاثنين ٢٨ أيلول ٢٠٢٠").iso
    '2020-09-28'
    >>> find_page_date("بغداد 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م").iso
    '2015-08-10'
    """
    stop = len(text) if end is None else end
    if not _ANY_DIGIT.search(text, start, stop):
        return None  # fast path: no digit, no date
    best = None
    for rx in (_NUMERIC_DMY, _NUMERIC_YMD, _named_re()):
        m = rx.search(text, start, stop)
        if not m or (best and m.start() >= best[0].start()):
            continue
        g = m.groupdict()
        if g.get("hname"):
            day = hijri_to_gregorian(int(normalize(g["hy"])), hijri_month_names()[_fold_name(g["hname"])],
                                     int(normalize(g["d"])))
            iso = day.isoformat() if day else None
        else:
            month = gregorian_month_names()[_fold_name(g["mname"])] if g.get("mname") else g["m"]
            iso = _build(g["d"], month, g["y"], g.get("hh"), g.get("mi"), g.get("ampm"))
        if iso:
            best = (m, iso)
    if best is None:
        return None
    m, iso = best
    e = m.end()
    while e > m.start() and text[e - 1].isspace():
        e -= 1
    return PageDate(iso, m.start(), e)
