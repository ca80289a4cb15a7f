"""Dates in the text: weekdays, relative expressions, month names, day-month dates and years, resolved to ISO.

Gregorian and Hijri: every row has a ``calendar`` (``gregorian`` or ``hijri``); Hijri dates resolve to Gregorian days.

Vocabulary is data: ``analysis/data/weekdays.csv`` (weekday names, relative expressions such as أمس، أول من أمس،
غدا، الأسبوع الماضي، العام المقبل, the modifiers الماضي/المقبل, ordinal day numbers, with English glosses) and
``analysis/data/months.csv`` (through :func:`analysis.text.pagedate.month_names`).  Matching is on token ``norm`` with
the conjunctions و/ف (and ب/ل before a relative word) stripped.

Kinds and how they are resolved against ``base.published_at`` (the publication date ``P``):

* ``weekday`` (``الاثنين``، ``يوم الأحد``، ``الأربعاء الماضي``): the most recent such weekday on or before ``P``;
  with ``الماضي`` strictly before ``P``; with ``المقبل``/``القادم`` strictly after it.  -> ``YYYY-MM-DD``
* ``relative`` (``أمس``، ``اليوم``، ``غدا``، ``الأسبوع الماضي``، ``الشهر المقبل``، ``العام الماضي``، ``منذ يومين`` but not
  ``منذ عامين ونصف``; ``قبل 6 سنوات``، ``قبل ثلاثة أعوام``: an amount of time units ago, but not ``قبل 3 أيام من``
  an event): ``P`` plus the offset
  in days (``YYYY-MM-DD``), ISO weeks (``YYYY-Www``), months (``YYYY-MM``) or years (``YYYY``).  A weekday right
  after a day-relative word (``اليوم الأحد``، ``أمس الخميس``) joins its span; the relative word resolves it.
  ``السابق``/``السابقة`` (previous) read like ``الماضي`` (``العام السابق`` = last year, ``الخميس السابق``).  A bare
  ``العام``/``السنة`` right after a period word (بداية، مطلع، منتصف، نهاية، أواخر ...) and before punctuation
  (``وفي بداية العام،``) is this year; the span is the year word alone.
* Quarters and half-years (``الربع الثاني``، ``النصف الأول``) are not dates (fiscal periods whose year is often
  given separately, as in ``النصف الأول من العام الحالي``, where ``العام الحالي`` is the date).
* ``date`` (``28 سبتمبر 2020``، ``السابع من يوليو (تموز) الماضي``، ``14 شتنبر 2012``، ``25 شوال 1436 هـ``) ->
  ``YYYY-MM-DD``; ``month`` (``شهر يوليو 2015``، ``مايو (أيار) الماضي``، ``ديسمبر /كانون الأول المقبل``، ``شهر نونبر``)
  -> ``YYYY-MM``.  Without a written year the year comes from ``P`` (``الماضي``: the latest such month before
  ``P``'s month; ``المقبل``: the next after; none: ``P``'s year).  An alternative month name in brackets or after a
  slash is part of the span; so is an era mark after the year (``2010م``، ``1436 هـ``).  Month names of every
  naming system are data (Gregorian, Levantine, Algerian/Tunisian, Moroccan ``يوليوز، غشت، شتنبر، نونبر، دجنبر``).
* Hijri (``calendar`` = ``hijri``): a Hijri day + month + year is converted to the Gregorian day with the Umm
  al-Qura calendar (:func:`analysis.text.pagedate.hijri_to_gregorian`); without a year (``28 شعبان الحالي``) the
  Hijri year of ``P``.  ``hijri_month`` (``رمضان``، ``شهر رمضان``، the epithets ``الشهر الكريم``/``الشهر الفضيل``) is
  unresolved unless a Hijri year is written (then an ISO interval ``start/end`` of Gregorian days); a bare Hijri
  year (``1433هـ``, also the short ``33هـ`` glued to its era mark) stays unresolved; ``holiday`` (``عيد الفطر``، ``عيد الأضحى``) is unresolved.
* ``period``: a range of days in one month (``من 12- 23 شوال``، ``بين 23 و26 غشت``، ``من 11 حتى 17 حزيران``): one
  row, an ISO interval when the year is known;
  a decade with its century written (``ثمانينات القرن الماضي``): the interval of its years (``1980/1989``;
  1930s-1990s, the decades the words name in today's news); a bare ``الثمانينات`` is unresolved (the blind gold's
  rule: the century is not written).  ``يوم 17 الحالي``: the ``date`` ``17 الحالي``, a day of ``P``'s month; ``الرابع عشر من الشهر
  المقبل``: a ``date``, that day of the month the relative names.
* A day and month naming an event (after an ``event_word``: ``ثورة 25 يناير``، ``هجمات 11 سبتمبر``) is a ``date``
  row, unresolved unless its year is written (the event's year is not the publication year).
* ``year`` (``عام 2016``، ``في 2015``، ``للعام 2012``): a four-digit number 1900-2100 (1000-2100 after عام/سنة or
  before the era mark ``م``: ``عام 1757``) that does not count a noun ->
  ``YYYY``; a range or list of years in one token (``2009-2010``، ``2013/2012``) gives one row per year.
* ``numeric`` (``28-09-2020``، ``2020/09/28``، ``1/9/2010م``) via :func:`analysis.text.pagedate.find_page_date`.
* A day word right before a resolved day (``يوم أمس 25 شوال 1436هـ``، ``الأربعاء 6 شوال 1436هـ``) is that day.

``resolved`` is null when it needs ``P`` and the article has none (the dev articles), or the date is impossible.
``P`` is the page's date stamp or, without one, a news-agency dateline opening the body (``analysis.text.layout``).
Ambiguous month names (``مارس`` is also the verb "practised", ``آب`` "father", ``صفر`` "zero", ``شعبان`` "peoples")
count only next to a day, a year, ``شهر``, a bracketed alternative or a modifier.  Times (``الساعة 11:59``) are not
dates; nor are a day word counted by an ordinal (``في اليوم الأول``), a date word closing a quoted name
(``«أخبار اليوم»``), a weekday name inside a number (``الاثنين والعشرين``), a year before ``م د`` (million dinars),
a named observance day (``اليوم العالمي لـ``، ``اليوم الوطني``) or the verb غدا "became" after a conjunction
(``بعدما غدا``): ``weekdays.csv`` rows of kind ``not_date``, matched before every other rule.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from typing import NamedTuple

import pandas as pd

from analysis import schema
from analysis.extract.tokenview import Tok, tokens_by_sentence
from analysis.lexicon import load_csv
from analysis.schema import BaseTables
from analysis.text.normalize import normalize, normalize_digits
from analysis.text.numerals import number_word, qualifiers, strip_clitics
from analysis.text.pagedate import (
    ambiguous_months,
    find_page_date,
    gregorian_month_names,
    hijri_month_names,
    hijri_to_gregorian,
    month_rows,
)
from analysis.text.tokens import tokenize

_CENTURY_WORDS = {"القرن", "للقرن"}  # after a decade word (من optional): its century is written (ثمانينات القرن الماضي)

__all__ = ["DATE_COLUMNS", "DateWord", "date_words", "extract_dates", "resolve_weekday"]

DATE_COLUMNS = schema.TABLES["dates"].names  # declared in analysis/schema.py
# How far a day expression's span runs (read at call time).  ``joined``, the tuned gold's convention (tests/gold):
# ``اليوم الأحد``/``أمس الخميس`` one row, ``يوم الأحد`` with يوم, a conjunction inside (``والأحد الماضيين``).
# ``split``, the blind gold's (tests/gold_blind/CONVENTIONS_blind.md, Dates): two rows ``اليوم`` + ``الأحد`` (the
# weekday resolved by the relative word), ``يوم`` outside (``الأربعاء الماضي``), a conjunction و/ف outside
# (``غدا``، ``نونبر``، ``لعام 2012``; a preposition stays in).  The two gold sets disagree; see SPAN_POLICIES.
SPAN_POLICIES = ("joined", "split")
DAY_SPAN_POLICY = "split"


class DateWord(NamedTuple):
    term_ar: str
    kind: str
    value: int | None
    unit: str
    gloss: str


class _Date(NamedTuple):
    sentence_id: int
    start: int
    end: int
    kind: str
    resolved: str | None
    granularity: str
    gloss: str
    calendar: str = "gregorian"
    yearless: tuple[int, int, int | None] | None = None  # (month, day, last day) of a day date with no year found


@cache
def date_words() -> dict[tuple[str, ...], DateWord]:
    """Normalised word tuple -> :class:`DateWord` (weekdays, relatives, modifiers, ordinals ...)."""
    rows = load_csv("weekdays.csv", required=("term_ar", "kind", "gloss"), optional=("value", "unit"),
                    key=("term_ar",))
    return {tuple(normalize(r["term_ar"]).split()): DateWord(r["term_ar"], r["kind"],
                                                             int(r["value"]) if r["value"] else None,
                                                             r["unit"], r["gloss"])
            for r in rows}


@cache
def _max_len() -> int:
    return max(len(k) for k in date_words())


@cache
def _month_lookup() -> dict[tuple[str, ...], tuple[int, str]]:
    """Normalised month-name words -> (month, calendar ``gregorian``/``hijri``)."""
    out = {tuple(k.split()): (v, "gregorian") for k, v in gregorian_month_names().items()}
    out.update({tuple(k.split()): (v, "hijri") for k, v in hijri_month_names().items()})
    return out


@cache
def _month_en() -> dict[tuple[int, str], str]:
    return {(int(r["month"]), "hijri" if r["calendar"] == "hijri" else "gregorian"): r["name_en"]
            for r in month_rows()}


_WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@cache
def _first_words() -> frozenset[str]:
    return frozenset(k[0] for k, w in date_words().items() if w.kind not in ("event_word", "anaphoric"))


@cache
def _dated_first_words() -> frozenset[str]:
    return frozenset(k[0] for k, w in date_words().items() if w.kind not in ("not_date", "event_word", "anaphoric"))


@cache
def _event_words() -> frozenset[str]:
    """``event_word`` rows (``ثورة``، ``هجمات``): before a day and month they name an event (one-word rows)."""
    return frozenset(k[0] for k, w in date_words().items() if w.kind == "event_word")


@cache
def _anaphoric_words() -> frozenset[str]:
    """``anaphoric`` rows (``ذلك``، ``ذاك``): before ``اليوم`` they make it a day named before, not today."""
    return frozenset(k[0] for k, w in date_words().items() if w.kind == "anaphoric")


def _names_event(toks: list[Tok], i: int) -> bool:
    return i >= 0 and toks[i].kind == "word" and any(f in _event_words() for f in _forms(toks[i].norm))


@lru_cache(maxsize=16384)
def _only_not_date(norm: str) -> bool:
    """The word starts a ``not_date`` entry only (``قد``، ``بعدما``) and no month: no other rule can start here."""
    firsts = _dated_first_words()
    return not any(f in firsts for f in _forms(norm, article_prefix=True)) and not _starts_month(norm)


@lru_cache(maxsize=16384)
def _starts_date_word(norm: str) -> bool:
    firsts = _first_words()
    return any(f in firsts for f in _forms(norm, article_prefix=True))


@lru_cache(maxsize=16384)
def _starts_month(norm: str) -> bool:
    firsts = _month_firsts()
    return any(f in firsts for f in strip_clitics(norm))


@cache
def _month_firsts() -> frozenset[str]:
    return frozenset(k[0] for k in _month_lookup())


@lru_cache(maxsize=8192)
def _forms(norm: str, *, article_prefix: bool = False) -> tuple[str, ...]:
    out = strip_clitics(norm)
    if article_prefix:
        out += ["ال" + c[2:] for c in out if c.startswith("لل")]  # للعام -> العام
    return tuple(out)


def _word_at(toks: list[Tok], i: int, kinds: tuple[str, ...]) -> tuple[DateWord, int] | None:
    """Longest date word of one of ``kinds`` at token ``i``: (entry, number of tokens)."""
    if toks[i].kind != "word" or not _starts_date_word(toks[i].norm):
        return None  # fast path: most tokens start no date word
    forms = _forms(toks[i].norm, article_prefix=True)
    lex = date_words()
    for n in range(min(_max_len(), len(toks) - i), 0, -1):
        if any(t.kind != "word" for t in toks[i:i + n]):
            continue
        words = [t.norm for t in toks[i:i + n]]
        for first in forms:
            w = lex.get((first, *words[1:]))
            if w is not None and w.kind in kinds:
                return w, n
    return None


class _Month(NamedTuple):
    month: int
    n: int  # tokens used
    ambiguous: bool
    calendar: str


def _month_at(toks: list[Tok], i: int) -> _Month | None:
    """Month name (either calendar) at token ``i``."""
    if toks[i].kind != "word" or not _starts_month(toks[i].norm):
        return None
    lookup = _month_lookup()
    for n in (2, 1):
        if i + n > len(toks) or any(t.kind != "word" for t in toks[i:i + n]):
            continue
        words = [t.norm for t in toks[i:i + n]]
        for first in _forms(words[0]):
            m = lookup.get((first, *words[1:]))
            if m is not None:
                return _Month(m[0], n, n == 1 and first in ambiguous_months(), m[1])
    return None


def _alt_month(toks: list[Tok], i: int, month: int | None = None) -> int | None:
    """``(تموز)`` or ``/كانون الأول`` after a month name: index after it, or None; with the month's number, also
    the same month's other name written right after it (``أغسطس آب``)."""
    if month is not None and i < len(toks) and toks[i].kind == "word":
        m = _month_at(toks, i)
        if m is not None and m.calendar == "gregorian" and m.month == month:
            return i + m.n
    if i < len(toks) and toks[i].text in ("(", "/", "-"):
        m = _month_at(toks, i + 1)
        if m is not None and m.calendar == "gregorian":
            j = i + 1 + m.n
            if toks[i].text == "(":
                return j + 1 if j < len(toks) and toks[j].text == ")" else None
            return j
    return None


_ERA = {"م": "gregorian", "ه": "hijri"}  # era marks after a year: 2010م، 1436 هـ (normalised)
_HIJRI_YEARS = range(1300, 1501)


def _era_at(toks: list[Tok], j: int) -> str | None:
    """The calendar of an era mark (``م``، ``هـ``) at token ``j`` that closes a year (not ``م د``, million dinars)."""
    if j < len(toks) and toks[j].kind == "word" and toks[j].norm in _ERA:
        if j + 1 < len(toks) and toks[j + 1].kind == "word" and len(toks[j + 1].norm) == 1:
            return None  # "2050 م د": an abbreviated unit, not an era
        return _ERA[toks[j].norm]
    return None


class _Year(NamedTuple):
    year: int
    end: int  # token index after the year (and its era mark)
    calendar: str


def _year_at(toks: list[Tok], i: int, *, calendar: str | None = None, after_month: bool = False) -> _Year | None:
    """A four-digit year at token ``i``, maybe after عام/سنة and before an era mark: 1900-2100 Gregorian (from 1000
    after عام/سنة, before ``م`` or right after a month, ``after_month``: ``11 فبراير 1886``), or 1300-1500 with ``هـ``
    (or where ``calendar`` is ``hijri``: after a Hijri month)."""
    j = i
    if j < len(toks):
        w = _word_at(toks, j, ("year_word",))
        if w is not None:
            j += w[1]
    if j < len(toks) and toks[j].kind == "number":
        s = normalize(toks[j].text)
        if len(s) in (2, 3) and s.isdigit() and _era_at(toks, j + 1) == "hijri" and toks[j + 1].start == toks[j].end:
            return _Year(int(s), j + 2, "hijri")  # 33هـ: a short Hijri year (1433 in today's news; not converted)
        if len(s) == 4 and s.isdigit():
            era = _era_at(toks, j + 1)
            end = j + 2 if era else j + 1
            cal = era or calendar or "gregorian"
            if cal == "hijri" and int(s) in _HIJRI_YEARS:
                return _Year(int(s), end, "hijri")
            # before 1900 only after a year word or with the era mark (عام 1757، 1492م): history pages
            if cal == "gregorian" and (1900 if j == i and era is None and not after_month else 1000) <= int(s) <= 2100:
                return _Year(int(s), end, "gregorian")
    return None


def _modifier_at(toks: list[Tok], i: int) -> tuple[int, int] | None:
    if i < len(toks):
        w = _word_at(toks, i, ("modifier",))
        if w is not None:
            return w[0].value, i + w[1]
    return None


def _pub_date(published_at: str | None) -> dt.date | None:
    if not published_at or not isinstance(published_at, str):
        return None
    try:
        return dt.date.fromisoformat(published_at[:10])
    except ValueError:
        return None


def resolve_weekday(weekday: int, published: dt.date, *, direction: int | None = None) -> dt.date:
    """The date of ``weekday`` (0 = Monday) relative to ``published``.

    ``direction`` None: the most recent such day on or before ``published``; -1: strictly before; +1: strictly after.

    >>> resolve_weekday(0, dt.date(2020, 9, 28)).isoformat()
    '2020-09-28'
    """
    if direction == 1:
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=ahead)
    back = (published.weekday() - weekday) % 7
    if direction == -1 and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def _shift(published: dt.date, offset: int, unit: str) -> str:
    if unit == "day":
        return (published + dt.timedelta(days=offset)).isoformat()
    if unit == "week":
        y, w, _ = (published + dt.timedelta(weeks=offset)).isocalendar()
        return f"{y}-W{w:02d}"
    if unit == "month":
        k = published.year * 12 + published.month - 1 + offset
        return f"{k // 12:04d}-{k % 12 + 1:02d}"
    return f"{published.year + offset:04d}"


def _month_year(month: int, modifier: int | None, published: dt.date | None, day: int | None = None) -> int | None:
    """The year of a month (or day of a month) written without one: الماضي = the latest before publication,
    المقبل = the next after it, no modifier = the publication year."""
    if published is None:
        return None
    return _year_of(month, day, modifier, (published.year, published.month, published.day))


def _year_of(month: int, day: int | None, modifier: int | None, today: tuple[int, int, int]) -> int:
    year, here = today[0], (today[1], today[2] if day is not None else 0)
    when = (month, day or 0)
    if modifier == -1:
        return year if when < here else year - 1
    if modifier == 1:
        return year if when > here else year + 1
    return year


def _hijri_today(published: dt.date) -> tuple[int, int, int] | None:
    """The publication day in the Hijri calendar (Umm al-Qura), or None outside its table."""
    from hijridate import Gregorian
    try:
        h = Gregorian(published.year, published.month, published.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


def _is_unit_after(toks: list[Tok], i: int) -> bool:
    from analysis.extract.figures import (  # the counted-noun lexicon: "2000 موظف" is a figure, not a year
        _lookup,
        unit_lexicon,
    )
    if i < len(toks) and toks[i].norm.startswith("و") and (toks[i].norm,) not in unit_lexicon():
        return False  # "عام 2005م وعام 2008م": a conjunction starts the next item; a counted noun takes none
    return i < len(toks) and _lookup(toks, i, ("noun", "percent")) is not None


def _day_at(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """A day of the month at token ``i`` (``28``, ``السابع``): (day, index after)."""
    t = toks[i]
    if t.kind == "number" and normalize(t.text).isdigit() and 1 <= int(normalize(t.text)) <= 31:
        return int(normalize(t.text)), i + 1
    o = _word_at(toks, i, ("ordinal",))
    return (o[0].value, i + o[1]) if o is not None else None


_RANGE_DASHES = ("-", "–", "—")
_THIS_MONTH = ("الحالي", "الجاري")  # "17 الحالي": the 17th of this month
_MONTH_EPITHETS = ("المبارك", "الكريم", "الفضيل")  # after رمضان (and a modifier: رمضان المبارك الماضي)
_SAME = ("ذاته", "نفسه")  # "28 من الشهر ذاته": the same month as before
_YEAR_RANGE = re.compile(r"(?<!\d)(\d{4})(?:\s*[-/–]\s*(\d{4}))+(?!\d)")


def _year_range(t: Tok) -> list[tuple[int, int, int]]:
    """A number token that is a range or list of years (``2009-2010``, ``2013/2012``, ``2009-2010-2011``):
    (year, start, end) for each, offsets into the text."""
    s = normalize(t.text)
    if len(s) != len(t.text) or not _YEAR_RANGE.fullmatch(s):
        return []
    out = [(int(m.group()), t.start + m.start(), t.start + m.end()) for m in re.finditer(r"\d{4}", s)]
    return out if all(1900 <= y <= 2100 for y, _, _ in out) else []


def _is_number_word_after(toks: list[Tok], i: int) -> bool:
    """``الاثنين والعشرين`` (twenty-two): a weekday-looking word that is part of a number."""
    if i >= len(toks) or toks[i].kind != "word" or not toks[i].norm.startswith("و"):
        return False
    rest = toks[i].norm[1:]
    w = number_word(rest[2:] if rest.startswith("ال") else rest)
    return w is not None and w[0].kind == "tens" and not w[1]


def _abbreviated_unit_at(toks: list[Tok], i: int) -> bool:
    """``2050 م د`` (million dinars): one-letter abbreviations after a number make it an amount, not a year."""
    return (i + 1 < len(toks) and all(t.kind == "word" and len(t.norm) == 1 and t.norm != "و"
                                      for t in toks[i:i + 2]))


def _sentence_dates(sid: int, toks: list[Tok], published: dt.date | None) -> list[_Date]:
    out: list[_Date] = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.kind != "number" and not (t.kind == "word" and (_starts_date_word(t.norm) or _starts_month(t.norm))):
            i += 1  # fast path: every rule below starts at a number, a date word or a month name
            continue
        # --- no date: a named observance day (``اليوم العالمي لـ``), the verb غدا "became" (``بعدما غدا``)
        nd = _word_at(toks, i, ("not_date",)) if t.kind == "word" else None
        if nd is not None:
            i += nd[1]
            continue
        if t.kind == "word" and _only_not_date(t.norm):
            i += 1  # (قد، بعدما: words that start only a not_date entry)
            continue
        found: _Date | None = None
        end_i = i + 1
        # --- day + month (+ year): "28 سبتمبر 2020", "السابع من يوليو (تموز) الماضي", "25 شوال 1436 هـ";
        #     a range of days in one month: "من 12- 23 شوال" (period)
        d = _day_at(toks, i)
        if d is not None:
            day, j = d
            day2 = None
            if j + 1 < n and toks[j + 1].kind == "number" and (
                    toks[j].text in _RANGE_DASHES
                    or (toks[j].norm == "و" and i > 0 and toks[i - 1].norm in ("بين", "وبين"))
                    or (toks[j].norm in ("الي", "حتي") and i > 0 and toks[i - 1].norm in ("من", "ومن"))):
                # من 12- 23 شوال، بين 23 و26 غشت، من 5 إلى 9 مايو: a range of days in one month
                d2 = _day_at(toks, j + 1)
                if d2 is not None and d2[0] > day:
                    day2, j = d2
            k = j + 1 if j < n and toks[j].norm == "من" else j
            k = k + 1 if k < n and _word_at(toks, k, ("month_word",)) else k
            m = _month_at(toks, k) if k < n else None
            if m is not None:
                # ثورة 25 يناير: an event named by its day; without a written year the day is not this year's
                named = day2 is None and _names_event(toks, i - 1)
                found, end_i = _finish_month(sid, toks, i, k + m.n, m, day, None if named else published,
                                             day2=day2)
                if named and found.resolved is None:
                    found = found._replace(yearless=None)
            elif day2 is None and k > j and (r := _word_at(toks, k, ("relative",))) is not None \
                    and r[0].unit == "month" and r[0].value is not None:
                # "الرابع عشر من الشهر المقبل": a day of a month named relatively
                resolved = None
                if published is not None:
                    ym = _shift(published, r[0].value, "month")
                    when = _day_of("gregorian", int(ym[:4]), int(ym[5:]), day)
                    resolved = when.isoformat() if when else None
                end_i = k + r[1]
                found = _Date(sid, t.start, toks[end_i - 1].end, "date", resolved, "day", f"{day} of {r[0].gloss}")
            elif day2 is None and k > j and k + 1 < n and toks[k].norm == "الشهر" and toks[k + 1].norm in _SAME:
                # "28 من الشهر ذاته": a day of a month named before (unresolved: which month is the text's)
                end_i = k + 2
                found = _Date(sid, t.start, toks[k + 1].end, "date", None, "day", f"{day} of the same month")
            elif day2 is None and t.kind == "number" and j < n and toks[j].norm in _THIS_MONTH:
                # "يوم 17 الحالي": a day of the current month
                resolved = None
                if published is not None:
                    try:
                        resolved = published.replace(day=day).isoformat()
                    except ValueError:
                        resolved = None
                found, end_i = _Date(sid, t.start, toks[j].end, "date", resolved, "day", f"{day} of this month"), j + 1
            if found is not None and t.kind == "number" and i > 0 and toks[i - 1].norm == "ال" \
                    and (toks[i - 1].end == t.start or toks[i - 1].text.endswith("\u0640")):
                found = found._replace(start=toks[i - 1].start)  # الـ24 من الشهر الجاري: the article is inside
        # --- month (+ year): "شهر يوليو 2015", "مايو (أيار) الماضي", "شهر رمضان"
        if found is None:
            k = i + 1 if _word_at(toks, i, ("month_word",)) else i
            m = _month_at(toks, k) if k < n else None
            if m is not None:
                after = k + m.n
                supported = (k > i or _alt_month(toks, after) is not None
                             or _year_at(toks, after, calendar=m.calendar) is not None
                             or _modifier_at(toks, after) is not None or (i > 0 and toks[i - 1].text in "(/"))
                if supported or not m.ambiguous:
                    found, end_i = _finish_month(sid, toks, i, after, m, None, published)
        # --- decades: "الثمانينات" (the 1980s) -> an ISO interval of years
        if found is None:
            h = _word_at(toks, i, ("decade",))
            if h is not None:
                w, used = h
                end_i = i + used
                # the century must be written (تسعينات القرن الماضي): a bare التسعينات is left unresolved
                nxt = end_i + 1 if end_i < len(toks) and toks[end_i].norm == "من" else end_i
                century = nxt < len(toks) and toks[nxt].norm in _CENTURY_WORDS
                found = _Date(sid, t.start, toks[end_i - 1].end, "period",
                              f"{w.value:04d}/{w.value + 9:04d}" if century else None, "year", w.gloss)
        # --- epithets of Ramadan ("الشهر الكريم") and religious holidays ("عيد الفطر"): Hijri, unresolved
        if found is None:
            h = _word_at(toks, i, ("hijri_month", "holiday"))
            if h is not None:
                w, used = h
                end_i = i + used
                found = _Date(sid, t.start, toks[end_i - 1].end, w.kind, None, "month" if w.kind == "hijri_month"
                              else "day", w.gloss, "hijri")
        # --- relative expressions: "أمس", "العام المقبل 2013" (a written year fixes it)
        if found is None:
            r = _word_at(toks, i, ("relative",))
            if (r is not None and not _quoted(toks, i, i + r[1]) and not _ordinal_after(toks, i + r[1])
                    and not _half_after(toks, i + r[1]) and not _before_an_event(toks, i, i + r[1], r[0])):
                w, used = r
                end_i = i + used
                gloss = w.gloss
                if w.unit == "day" and end_i < n and DAY_SPAN_POLICY == "joined":
                    wd = _word_at(toks, end_i, ("weekday",))
                    if wd is not None:
                        end_i += wd[1]
                        gloss = f"{gloss} ({_WEEKDAY_EN[wd[0].value]})"
                resolved = _shift(published, w.value, w.unit) if published and w.unit else None
                begin = t.start
                if w.unit == "day" and w.value == 0 and i > 0 and toks[i - 1].kind == "word" \
                        and any(f in _anaphoric_words() for f in _forms(toks[i - 1].norm)):
                    begin, resolved, gloss = toks[i - 1].start, None, "that day"  # ذلك اليوم: no fixed day
                y = _year_at(toks, end_i) if w.unit == "year" else None
                if y is not None and toks[end_i].kind == "number":
                    end_i, resolved = y.end, f"{y.year:04d}"
                found = _Date(sid, begin, toks[end_i - 1].end, "relative", resolved, w.unit or "day", gloss)
        # --- "قبل 6 سنوات", "قبل ثلاثة أعوام": an amount of time units ago (relative)
        if found is None:
            ago = _ago_at(toks, i)
            if ago is not None:
                offset, unit, end_i = ago
                approx = _qualifier_len(toks, i + 1) > 0  # قبل أكثر من ثلاثة أشهر: no fixed day
                resolved = _shift(published, offset, unit) if published and not approx else None
                found = _Date(sid, t.start, toks[end_i - 1].end, "relative", resolved, unit,
                              f"{-offset} {unit}s ago")
        # --- bare "العام" after a period word, before punctuation: "وفي بداية العام،" (this year)
        #     and the month (وفي نهاية الشهر،); not after a half or a quarter (النصف الأول من العام: the tuned gold)
        if (found is None and i > 0 and (i + 1 >= n or toks[i + 1].kind == "punct") and "ال" in t.norm
                and _word_at(toks, i - 1, ("period_word",)) is not None):
            b = _word_at(toks, i, ("year_word",))
            if b is not None and b[1] == 1 and normalize(b[0].term_ar).startswith("ال"):
                resolved = _shift(published, 0, "year") if published else None
                found = _Date(sid, t.start, t.end, "relative", resolved, "year", "this year")
            elif t.norm == "الشهر":
                resolved = _shift(published, 0, "month") if published else None
                found = _Date(sid, t.start, t.end, "relative", resolved, "month", "this month")
        # --- weekday: "الاثنين", "يوم الأحد", "الأربعاء الماضي"
        if found is None:
            k = i + 1 if _word_at(toks, i, ("day_word",)) and i + 1 < n else i
            wd = _word_at(toks, k, ("weekday",))
            if wd is not None and not _is_number_word_after(toks, k + wd[1]):
                end_i = k + wd[1]
                mod = _modifier_at(toks, end_i)
                direction = None
                if mod is not None:
                    direction, end_i = mod
                    direction = direction or None
                weekday = wd[0].value
                resolved = resolve_weekday(weekday, published, direction=direction).isoformat() if published else None
                if out and out[-1].kind == "relative" and out[-1].granularity == "day" and out[-1].end == toks[i - 1].end:
                    resolved = out[-1].resolved  # "أمس الخميس": the weekday names the relative day
                begin = t.start if DAY_SPAN_POLICY == "joined" else toks[k].start  # يوم inside or not
                found = _Date(sid, begin, toks[end_i - 1].end, "weekday", resolved, "day", _WEEKDAY_EN[weekday])
        # --- year: "عام 2016", "في 2015", "عام 2010م", "1433هـ" (a bare Hijri year stays unresolved)
        if found is None:
            y = _year_at(toks, i)
            if y is not None and not _is_unit_after(toks, y.end) and not _abbreviated_unit_at(toks, y.end):
                end_i = y.end
                resolved = f"{y.year:04d}" if y.calendar == "gregorian" else None
                found = _Date(sid, t.start, toks[end_i - 1].end, "year", resolved, "year", str(y.year), y.calendar)
            elif t.kind == "number":
                years = _year_range(t)
                if years and not _is_unit_after(toks, i + 1):
                    out.extend(_Date(sid, s_, e_, "year", f"{yy:04d}", "year", str(yy)) for yy, s_, e_ in years)
                    i += 1
                    continue
        if found is not None:
            out.append(found)
            i = end_i
        else:
            i += 1
    return out


_BEFORE_AN_EVENT = {"من", "على", "علي"}


def _before_an_event(toks: list[Tok], i: int, j: int, w: DateWord) -> bool:
    """``قبل يومين من شهر رمضان``، ``وقبل يومين على المباراة``: so long before an event, not so long ago; ``قبل عام
    2010``، ``قبل شهر رمضان``: before a year or a month that is written, not a year or a month ago."""
    if not normalize(w.term_ar).startswith("قبل") or j >= len(toks):
        return False
    return toks[j].norm in _BEFORE_AN_EVENT or toks[j].kind == "number" or _month_at(toks, j) is not None


def _ago_at(toks: list[Tok], i: int) -> tuple[int, str, int] | None:
    """``قبل 6 سنوات``، ``قبل ثلاثة أعوام``: an ``ago_word`` (``weekdays.csv``), a whole amount (digits or a number
    word, 3 or more: two is a dual, ``قبل عامين``, a row of its own) and a ``time_unit`` word -> (offset, unit, end)."""
    if i + 2 >= len(toks) or _word_at(toks, i, ("ago_word",)) is None:
        return None
    q = _qualifier_len(toks, i + 1)  # قبل أكثر من ثلاثة أشهر، قبل نحو 20 عاما: the qualifier is inside
    if q:
        got = _ago_at(toks[: i + 1] + toks[i + 1 + q:], i)
        return None if got is None else (got[0], got[1], got[2] + q)
    amount = toks[i + 1]
    if amount.kind == "number":
        digits = normalize_digits(amount.text)
        value = int(digits) if digits.isdigit() else None
    elif amount.kind == "word":
        nw = number_word(amount.norm)
        value = int(nw[0].value) if nw is not None and not nw[1] and float(nw[0].value).is_integer() else None
    else:
        value = None
    if value is None or not 3 <= value <= 1000:
        return None
    u = _word_at(toks, i + 2, ("time_unit", "year_word"))  # (year words: عام، سنة after 11 and more)
    if u is None or u[1] != 1:
        return None
    if i + 3 < len(toks) and toks[i + 3].norm in _BEFORE_AN_EVENT:
        return None  # قبل 3 أيام من الانتخابات: three days before the elections, not three days ago
    if _half_after(toks, i + 3):
        return None  # قبل 3 سنوات ونصف: not a whole number of units ago
    return -value, u[0].unit or "year", i + 3


def _qualifier_len(toks: list[Tok], j: int) -> int:
    """Tokens of an approximation qualifier (``أكثر من``، ``نحو``، ``حوالي``; ``number_words.csv``) at ``j``, or 0."""
    for words in sorted(qualifiers()["approx_before"], key=len, reverse=True):
        n = len(words)
        if j + n < len(toks) and tuple(t.norm for t in toks[j:j + n]) == words:
            return n
    return 0


def _quoted(toks: list[Tok], i: int, j: int) -> bool:
    """``«اليوم»``, ``«أخبار اليوم»``: a date word closing a short quoted name (a newspaper) is not a date."""
    if not (j < len(toks) and toks[j].text in "»\"”"):
        return False
    return any(toks[k].text in "«\"“" for k in range(max(0, i - 3), i))


def _half_after(toks: list[Tok], j: int) -> bool:
    """``منذ عامين ونصف العام`` (for two and a half years): a duration, not two years ago."""
    return j < len(toks) and toks[j].norm in ("ونصف", "ونيف")


def _ordinal_after(toks: list[Tok], j: int) -> bool:
    """``في اليوم الأول`` (on the first day): a day word counted by an ordinal is not today."""
    return j < len(toks) and _word_at(toks, j, ("ordinal",)) is not None


def _finish_month(sid: int, toks: list[Tok], i: int, after: int, m: _Month, day: int | None,
                  published: dt.date | None, *, day2: int | None = None) -> tuple[_Date, int]:
    """Extend a month match over an alternative name, a year (and era mark) and a modifier; resolve it."""
    j = after
    alt = _alt_month(toks, j, m.month if m.calendar == "gregorian" else None)
    if alt is not None:
        j = alt
    year = None
    y = _year_at(toks, j + 1 if j < len(toks) and (toks[j].text in ",،" or _glued_stop(toks, j)) else j,
                 calendar=m.calendar, after_month=True)
    if y is not None and y.calendar == m.calendar:
        year, j = y.year, y.end
    modifier = None
    mod = _modifier_at(toks, j)
    if mod is None and year is None and j + 1 < len(toks) and toks[j].norm in _MONTH_EPITHETS:
        mod = _modifier_at(toks, j + 1)  # "شهر رمضان المبارك الماضي": the epithet is inside only before a modifier
    if mod is not None and year is None:
        modifier, j = mod
    if year is None and modifier is None and m.calendar == "gregorian" and j + 1 < len(toks) \
            and toks[j].norm == "من" and (r := _word_at(toks, j + 1, ("relative",))) is not None \
            and r[0].unit == "year":  # آذار من العام الماضي: the month of a year named relative to the page's date
        j = j + 1 + r[1]
        if published is not None:
            year = published.year + int(r[0].value)
    if year is None and published is not None:
        today = ((published.year, published.month, published.day) if m.calendar == "gregorian"
                 else _hijri_today(published))
        if today is not None and (m.calendar == "gregorian" or day is not None or modifier is not None):
            year = _year_of(m.month, day, modifier, today)
    name = _month_en().get((m.month, m.calendar), "")
    resolved = None
    if day2 is not None:
        kind, gran, gloss = "period", "day", f"{day}-{day2} {name}"
        if year is not None:
            first, last = _day_of(m.calendar, year, m.month, day), _day_of(m.calendar, year, m.month, day2)
            resolved = f"{first.isoformat()}/{last.isoformat()}" if first and last else None
    elif day is not None:
        kind, gran, gloss = "date", "day", f"{day} {name}"
        if year is not None:
            when = _day_of(m.calendar, year, m.month, day)
            resolved = when.isoformat() if when else None
    elif m.calendar == "hijri":
        kind, gran, gloss = "hijri_month", "month", name
        if year is not None and y is not None:  # only a written Hijri year fixes the month: a Gregorian interval
            first = hijri_to_gregorian(year, m.month, 1)
            nxt = hijri_to_gregorian(year + m.month // 12, m.month % 12 + 1, 1)
            resolved = f"{first.isoformat()}/{(nxt - dt.timedelta(days=1)).isoformat()}" if first and nxt else None
    else:
        kind, gran, gloss = "month", "month", name
        resolved = f"{year:04d}-{m.month:02d}" if year is not None else None
    yearless = (m.month, day, day2) if year is None and day is not None else None
    return _Date(sid, toks[i].start, toks[j - 1].end, kind, resolved, gran, gloss, m.calendar, yearless), j


def _glued_stop(toks: list[Tok], j: int) -> bool:
    """``11 اغسطس.2010``: a full stop glued between a month and a year on both sides (a sentence stop the page's
    layout moved; no space, so it ends no sentence) is read like a comma."""
    return (toks[j].text == "." and 0 < j < len(toks) - 1 and toks[j - 1].end == toks[j].start
            and toks[j].end == toks[j + 1].start and toks[j + 1].kind == "number")


def _day_of(calendar: str, year: int, month: int, day: int) -> dt.date | None:
    if calendar == "hijri":
        return hijri_to_gregorian(year, month, day)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_WORD_IN = re.compile(r"[\u0621-\u064a]")  # an Arabic letter (a month written by name)
_NUMERIC_HINT = re.compile(r"\d{1,4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,4}")
_ERA_AFTER = re.compile(r"\s?(?:م|هـ)(?![\u0621-\u064A])(?!\s+د(?![\u0621-\u064A]))")  # 1/9/2010م


def _date_stamp_lines(base: BaseTables, ids: list[int], starts: list[int]) -> list[tuple[int, int, int]]:
    """The page's date-stamp lines (``الأربعاء, 11 يوليو 2012``، ``يوم الأحد 27/05/2012 م - الموافق 7-7-1433 هـ``):
    ``meta`` paragraphs holding a page date.  They are no sentence, but their dates are the article's dates (the
    blind gold marks them: anp_IQP5, fresh2): (sentence_id, start, end), the sentence id of the sentence before the
    line (the headline), or of the first sentence where none is before it.  A machine timestamp -- a digit date
    with its clock time attached (``28-09-2020, 22:26``, a CMS's publication stamp) -- is page furniture, not a
    date of the text (the seed's gold has no row for it); a month written by name with the clock time
    (``الثلاثاء, 24 يوليو, 2012, 14:13 بتوقيت القدس``) is a written date line and read."""
    paras = base.paragraphs
    if paras is None or paras.empty or "kind" not in paras:
        return []
    kinds = paras["kind"].tolist()
    if "meta" not in kinds or not ids:
        return []  # (the usual case: no column but the kinds is read)
    out = []
    for kind, s, e in zip(kinds, paras["start"].tolist(), paras["end"].tolist()):
        if kind != "meta":
            continue
        stamp = find_page_date(base.text, s, e)
        if stamp is None or ("T" in stamp.iso and not _WORD_IN.search(base.text, stamp.start, stamp.end)):
            continue  # a digit date with its clock time: a machine stamp (a month name is a written date line)
        before = [sid for sid, st in zip(ids, starts) if st < s]
        out.append((int(before[-1] if before else ids[0]), int(s), int(e)))
    return out


def _line_tokens(text: str, start: int, end: int) -> list[Tok]:
    return [Tok(t.text, t.start, t.end, normalize(t.text), t.kind) for t in tokenize(text, start, end)]


def _numeric_date(text: str, pd_, end: int) -> tuple[str | None, str]:
    """(resolved, calendar) of a digit date: a year in the Hijri range (1300-1500: ``7-7-1433 هـ``) is a Hijri
    date, converted to the Gregorian day."""
    day = pd_.iso[:10]
    year = int(day[:4])
    if year in _HIJRI_YEARS:  # (an era mark هـ after a Gregorian year, 12 / 8 / 2015هـ, is the page's slip)
        g = hijri_to_gregorian(year, int(day[5:7]), int(day[8:10]))
        return (g.isoformat() if g else None), "hijri"
    return pd_.iso, "gregorian"


def extract_dates(base: BaseTables) -> pd.DataFrame:
    """The dates table of one article (columns :data:`DATE_COLUMNS`), sorted by position.  The sentences are
    read, and the page's date-stamp line (:func:`_date_stamp_lines`)."""
    published = _pub_date(base.published_at)
    by_sentence = tokens_by_sentence(base)
    found: list[_Date] = []
    for sid in sorted(by_sentence):
        found.extend(_sentence_dates(sid, by_sentence[sid], published))
    sents = base.sentences
    ids, starts = sents["sentence_id"].tolist(), sents["start"].tolist()
    stamps = _date_stamp_lines(base, ids, starts)
    for sid, s, e in stamps:
        found.extend(_sentence_dates(sid, _line_tokens(base.text, s, e), published))
    scopes = list(zip(ids, starts, sents["end"].tolist())) + stamps
    for sid, s, e in scopes:
        text = normalize(base.text[s:e])
        if not _NUMERIC_HINT.search(text):
            continue
        pos = s
        while pos < e:
            pd_ = find_page_date(base.text, pos, e)
            if pd_ is None:
                break
            if not any(d.start <= pd_.start < d.end for d in found):
                era = _ERA_AFTER.match(base.text, pd_.end, e)
                end = era.end() if era else pd_.end
                resolved, calendar = _numeric_date(base.text, pd_, e)
                found.append(_Date(int(sid), pd_.start, end, "numeric", resolved, "day", pd_.iso, calendar))
            pos = pd_.end
    found.sort(key=lambda d: (d.start, d.end))
    if published is None:
        found = _year_of_the_sentence(found)
    text = base.text
    if DAY_SPAN_POLICY == "split":
        found = [d._replace(start=d.start + _conjunction_len(text, d.start, d.end)) for d in found]
    found = _glossed_by_date(found, text)
    return schema.frame("dates", {
        "date_id": range(1, len(found) + 1),
        "sentence_id": [d.sentence_id for d in found],
        "text": [text[d.start:d.end] for d in found],
        "start": [d.start for d in found],
        "end": [d.end for d in found],
        "kind": [d.kind for d in found],
        "resolved": [d.resolved for d in found],
        "granularity": [d.granularity for d in found],
        "gloss": [d.gloss for d in found],
        "calendar": [d.calendar for d in found],
    }, article_id=base.article_id)


_YEAR_REACH = 60  # characters back from a yearless day date to a year that governs it


def _year_of_the_sentence(found: list[_Date]) -> list[_Date]:
    """Without a publication date, a day and month written without a year take a Gregorian year written just
    before them in their sentence (at most :data:`_YEAR_REACH` characters back: ``كأس أمم أوروبا 2012 التي
    تضيفها بولندا وأوكرانيا من 8 حزيران إلى الأول من تموز المقبلين`` -> 2012-06-08, 2012-07-01); otherwise they
    stay unresolved.  A Hijri day and month take the article's Hijri year when it writes exactly one (``صيف جدة
    1433هـ ... حتى 28 شعبان الحالي`` -> 2012-07-18)."""
    years: dict[int, list[_Date]] = {}
    for d in found:
        if d.kind == "year" and d.calendar == "gregorian" and d.resolved:
            years.setdefault(d.sentence_id, []).append(d)
    hijri_years = {int(d.gloss) for d in found if d.kind == "year" and d.calendar == "hijri" and d.gloss.isdigit()}
    hijri_year = next(iter(hijri_years)) if len(hijri_years) == 1 and next(iter(hijri_years)) >= 1300 else None
    out = []
    for d in found:
        if d.yearless is not None and d.resolved is None and d.calendar == "hijri" and hijri_year is not None:
            month, day, last = d.yearless  # صيف جدة 1433هـ ... حتى 28 شعبان الحالي: the article's one Hijri year
            first = _day_of("hijri", hijri_year, month, day)
            end = _day_of("hijri", hijri_year, month, last) if last is not None else None
            if first is not None and (last is None or end is not None):
                d = d._replace(resolved=first.isoformat() if last is None
                               else f"{first.isoformat()}/{end.isoformat()}")
        ys = years.get(d.sentence_id)
        if d.yearless is not None and d.resolved is None and d.calendar == "gregorian" and ys:
            near = [y for y in ys if y.end <= d.start and d.start - y.end <= _YEAR_REACH]
            year = int(near[-1].resolved) if near else None
            if year is not None:
                month, day, last = d.yearless
                first = _day_of("gregorian", year, month, day)
                end = _day_of("gregorian", year, month, last) if last is not None else None
                if first is not None and (last is None or end is not None):
                    d = d._replace(resolved=first.isoformat() if last is None
                                   else f"{first.isoformat()}/{end.isoformat()}")
        out.append(d)
    return out


_FIRST_WORD_RE = re.compile(r"[^\s\u200e\u200f]+")


def _conjunction_len(text: str, start: int, end: int) -> int:
    """1 if the date's first word opens with a conjunction و/ف that is not part of a date word itself (``وغدا``،
    ``ونونبر``، ``ولعام 2012``; not ``فبراير``), else 0 (the ``split`` span policy keeps it outside)."""
    if text[start] not in "وف" or end - start < 3:
        return 0
    m = _FIRST_WORD_RE.match(text, start, end)
    word = normalize(m.group()) if m else ""
    if len(word) < 3 or word in _first_words() or word in _month_firsts():
        return 0  # the word itself is a date word or a month (فبراير)
    return 1


def _glossed_by_date(found: list[_Date], text: str) -> list[_Date]:
    """``يوم أمس 25 شوال 1436هـ``, ``الأربعاء 6 شوال``: a day word right before a resolved day is that day."""
    out = list(found)
    for k in range(len(out) - 2, -1, -1):
        d, nxt = out[k], out[k + 1]
        if (d.kind in ("relative", "weekday") and d.granularity == "day" and nxt.kind in ("date", "numeric")
                and nxt.resolved and not text[d.end:nxt.start].strip()):
            out[k] = d._replace(resolved=nxt.resolved[:10])
    return out
