"""Dates in the text: weekdays, relative expressions, month names, day-month dates and years, resolved to ISO.

Vocabulary is data: ``analysis/data/weekdays.csv`` (weekday names, relative expressions such as أمس، أول من أمس،
غدا، الأسبوع الماضي، العام المقبل, the modifiers الماضي/المقبل, ordinal day numbers, with English glosses) and
``analysis/data/months.csv`` (through :func:`analysis.text.pagedate.month_names`).  Matching is on token ``norm`` with
the conjunctions و/ف (and ب/ل before a relative word) stripped.

Kinds and how they are resolved against ``base.published_at`` (the publication date ``P``):

* ``weekday`` (``الاثنين``، ``يوم الأحد``، ``الأربعاء الماضي``): the most recent such weekday on or before ``P``;
  with ``الماضي`` strictly before ``P``; with ``المقبل``/``القادم`` strictly after it.  -> ``YYYY-MM-DD``
* ``relative`` (``أمس``، ``اليوم``، ``غدا``، ``الأسبوع الماضي``، ``الشهر المقبل``، ``العام الماضي``): ``P`` plus the offset
  in days (``YYYY-MM-DD``), ISO weeks (``YYYY-Www``), months (``YYYY-MM``) or years (``YYYY``).  A weekday right
  after a day-relative word (``اليوم الأحد``، ``أمس الخميس``) joins its span; the relative word resolves it.
  ``السابق``/``السابقة`` (previous) read like ``الماضي`` (``العام السابق`` = last year, ``الخميس السابق``).  A bare
  ``العام``/``السنة`` right after a period word (بداية، مطلع، منتصف، نهاية، أواخر ...) and before punctuation
  (``وفي بداية العام،``) is this year; the span is the year word alone.
* Quarters and half-years (``الربع الثاني``، ``النصف الأول``) are not dates (fiscal periods whose year is often
  given separately, as in ``النصف الأول من العام الحالي``, where ``العام الحالي`` is the date).
* ``date`` (``28 سبتمبر 2020``، ``السابع من يوليو (تموز) الماضي``) -> ``YYYY-MM-DD``; ``month`` (``شهر يوليو 2015``،
  ``مايو (أيار) الماضي``، ``ديسمبر /كانون الأول المقبل``) -> ``YYYY-MM``.  Without a written year the year comes
  from ``P`` (``الماضي``: the latest such month before ``P``'s month; ``المقبل``: the next after; none: ``P``'s year).
  An alternative month name in brackets or after a slash is part of the span.
* ``year`` (``عام 2016``، ``في 2015``): a four-digit number 1900-2100 that does not count a noun -> ``YYYY``.
* ``numeric`` (``28-09-2020``، ``2020/09/28``) via :func:`analysis.text.pagedate.find_page_date`.

``resolved`` is null when it needs ``P`` and the article has none (the dev articles), or the date is impossible.
Ambiguous month names (``مارس`` is also the verb "practised", ``آب`` "father") count only next to a day, a year,
``شهر``, a bracketed alternative or a modifier.  Times (``الساعة 11:59``) are not dates.
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
from analysis.text.normalize import normalize
from analysis.text.numerals import strip_clitics
from analysis.text.pagedate import find_page_date, month_names, month_rows

__all__ = ["DATE_COLUMNS", "DateWord", "date_words", "extract_dates", "resolve_weekday"]

DATE_COLUMNS = schema.TABLES["dates"].names  # declared in analysis/schema.py
_AMBIGUOUS_MONTHS = {normalize(w) for w in ("مارس", "آب", "ماي")}


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
def _month_lookup() -> dict[tuple[str, ...], int]:
    return {tuple(k.split()): v for k, v in month_names().items()}


@cache
def _month_en() -> dict[int, str]:
    return {int(r["month"]): r["name_en"] for r in month_rows()}


_WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@cache
def _first_words() -> frozenset[str]:
    return frozenset(k[0] for k in date_words())


@lru_cache(maxsize=8192)
def _forms(norm: str, *, article_prefix: bool = False) -> tuple[str, ...]:
    out = strip_clitics(norm)
    if article_prefix:
        out += [c[1:] for c in out if c.startswith("لل")]  # للعام -> العام
    return tuple(out)


@lru_cache(maxsize=16384)
def _may_start(norm: str) -> bool:
    """Some reading of ``norm`` (clitics stripped, للعام as العام) is the first word of a date word."""
    firsts = _first_words()
    return any(f in firsts for f in _forms(norm, article_prefix=True))


def _word_at(toks: list[Tok], i: int, kinds: tuple[str, ...]) -> tuple[DateWord, int] | None:
    """Longest date word of one of ``kinds`` at token ``i``: (entry, number of tokens)."""
    if toks[i].kind != "word":
        return None
    if not _may_start(toks[i].norm):
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


def _month_at(toks: list[Tok], i: int) -> tuple[int, int, bool] | None:
    """Month name at token ``i``: (month, tokens used, ambiguous)."""
    lookup = _month_lookup()
    for n in (2, 1):
        if i + n > len(toks) or any(t.kind != "word" for t in toks[i:i + n]):
            continue
        words = [t.norm for t in toks[i:i + n]]
        for first in _forms(words[0]):
            m = lookup.get((first, *words[1:]))
            if m is not None:
                return m, n, n == 1 and first in _AMBIGUOUS_MONTHS
    return None


def _alt_month(toks: list[Tok], i: int) -> int | None:
    """``(تموز)`` or ``/كانون الأول`` after a month name: index after it, or None."""
    if i < len(toks) and toks[i].text in ("(", "/", "-"):
        m = _month_at(toks, i + 1)
        if m is not None:
            j = i + 1 + m[1]
            if toks[i].text == "(":
                return j + 1 if j < len(toks) and toks[j].text == ")" else None
            return j
    return None


def _year_at(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """A four-digit year 1900-2100 at token ``i``, maybe after عام/سنة: (year, index after)."""
    j = i
    if j < len(toks) and _word_at(toks, j, ("year_word",)):
        j += 1
    if j < len(toks) and toks[j].kind == "number":
        s = normalize(toks[j].text)
        if len(s) == 4 and s.isdigit() and 1900 <= int(s) <= 2100:
            return int(s), j + 1
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
    here = (published.month, published.day if day is not None else 0)
    when = (month, day or 0)
    if modifier == -1:
        return published.year if when < here else published.year - 1
    if modifier == 1:
        return published.year if when > here else published.year + 1
    return published.year


def _is_unit_after(toks: list[Tok], i: int) -> bool:
    from analysis.extract.figures import (
        _lookup,  # the counted-noun lexicon: "2000 موظف" is a figure, not a year
    )
    return i < len(toks) and _lookup(toks, i, ("noun", "percent")) is not None


def _sentence_dates(sid: int, toks: list[Tok], published: dt.date | None) -> list[_Date]:
    out: list[_Date] = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        found: _Date | None = None
        end_i = i + 1
        # --- day + month (+ year): "28 سبتمبر 2020", "السابع من يوليو (تموز) الماضي"
        day, j = None, i
        if t.kind == "number" and normalize(t.text).isdigit() and 1 <= int(normalize(t.text)) <= 31:
            day, j = int(normalize(t.text)), i + 1
        else:
            o = _word_at(toks, i, ("ordinal",))
            if o is not None:
                day, j = o[0].value, i + o[1]
        if day is not None:
            k = j + 1 if j < n and toks[j].norm == "من" else j
            k = k + 1 if k < n and _word_at(toks, k, ("month_word",)) else k
            m = _month_at(toks, k) if k < n else None
            if m is not None:
                found, end_i = _finish_month(sid, toks, i, k + m[1], m[0], day, published)
        # --- month (+ year): "شهر يوليو 2015", "مايو (أيار) الماضي"
        if found is None:
            k = i + 1 if _word_at(toks, i, ("month_word",)) else i
            m = _month_at(toks, k) if k < n else None
            if m is not None:
                month, used, ambiguous = m
                after = k + used
                supported = (k > i or _alt_month(toks, after) is not None or _year_at(toks, after) is not None
                             or _modifier_at(toks, after) is not None or (i > 0 and toks[i - 1].text in "(/"))
                if supported or not ambiguous:
                    found, end_i = _finish_month(sid, toks, i, after, month, None, published)
        # --- relative expressions, maybe followed by a weekday: "أمس الخميس"
        if found is None:
            r = _word_at(toks, i, ("relative",))
            if r is not None and not _quoted(toks, i, i + r[1]):
                w, used = r
                end_i = i + used
                gloss = w.gloss
                if w.unit == "day" and end_i < n:
                    wd = _word_at(toks, end_i, ("weekday",))
                    if wd is not None:
                        end_i += wd[1]
                        gloss = f"{gloss} ({_WEEKDAY_EN[wd[0].value]})"
                resolved = _shift(published, w.value, w.unit) if published else None
                found = _Date(sid, t.start, toks[end_i - 1].end, "relative", resolved, w.unit, gloss)
        # --- bare "العام" after a period word, before punctuation: "وفي بداية العام،" (this year)
        if (found is None and i > 0 and (i + 1 >= n or toks[i + 1].kind == "punct") and "ال" in t.norm
                and _word_at(toks, i - 1, ("period_word",)) is not None):
            b = _word_at(toks, i, ("year_word",))
            if b is not None and b[1] == 1 and normalize(b[0].term_ar).startswith("ال"):
                resolved = _shift(published, 0, "year") if published else None
                found = _Date(sid, t.start, t.end, "relative", resolved, "year", "this year")
        # --- weekday: "الاثنين", "يوم الأحد", "الأربعاء الماضي"
        if found is None:
            k = i + 1 if _word_at(toks, i, ("day_word",)) and i + 1 < n else i
            wd = _word_at(toks, k, ("weekday",))
            if wd is not None:
                end_i = k + wd[1]
                mod = _modifier_at(toks, end_i)
                direction = None
                if mod is not None:
                    direction, end_i = mod
                    direction = direction or None
                weekday = wd[0].value
                resolved = resolve_weekday(weekday, published, direction=direction).isoformat() if published else None
                found = _Date(sid, t.start, toks[end_i - 1].end, "weekday", resolved, "day", _WEEKDAY_EN[weekday])
        # --- year: "عام 2016", "في 2015"
        if found is None:
            y = _year_at(toks, i)
            if y is not None and not _is_unit_after(toks, y[1]):
                end_i = y[1]
                found = _Date(sid, t.start, toks[end_i - 1].end, "year", f"{y[0]:04d}", "year", str(y[0]))
        if found is not None:
            out.append(found)
            i = end_i
        else:
            i += 1
    return out


def _quoted(toks: list[Tok], i: int, j: int) -> bool:
    """``«اليوم»``: a date word wrapped in quotes is a name (a newspaper), not a date."""
    return i > 0 and j < len(toks) and toks[i - 1].text in "«\"“" and toks[j].text in "»\"”"


def _finish_month(sid, toks, i, after, month, day, published):
    """Extend a month match over an alternative name, a year and a modifier; resolve it."""
    j = after
    alt = _alt_month(toks, j)
    if alt is not None:
        j = alt
    year = None
    y = _year_at(toks, j + 1 if j < len(toks) and toks[j].text in ",،" else j)
    if y is not None:
        year, j = y
    modifier = None
    mod = _modifier_at(toks, j)
    if mod is not None and year is None:
        modifier, j = mod
    if year is None:
        year = _month_year(month, modifier, published, day)
    resolved = None
    if year is not None:
        if day is None:
            resolved = f"{year:04d}-{month:02d}"
        else:
            try:
                resolved = dt.date(year, month, day).isoformat()
            except ValueError:
                resolved = None
    gloss = _month_en().get(month, "") if day is None else f"{day} {_month_en().get(month, '')}"
    kind = "month" if day is None else "date"
    return _Date(sid, toks[i].start, toks[j - 1].end, kind, resolved, "month" if day is None else "day", gloss), j


_NUMERIC_HINT = re.compile(r"\d{1,4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,4}")


def extract_dates(base: BaseTables) -> pd.DataFrame:
    """The dates table of one article (columns :data:`DATE_COLUMNS`), sorted by position."""
    published = _pub_date(base.published_at)
    by_sentence = tokens_by_sentence(base)
    found: list[_Date] = []
    for sid in sorted(by_sentence):
        found.extend(_sentence_dates(sid, by_sentence[sid], published))
    for sid, s, e in zip(base.sentences["sentence_id"], base.sentences["start"], base.sentences["end"]):
        text = normalize(base.text[s:e])
        if not _NUMERIC_HINT.search(text):
            continue
        pos = s
        while pos < e:
            pd_ = find_page_date(base.text, pos, e)
            if pd_ is None:
                break
            if not any(d.start <= pd_.start < d.end for d in found):
                found.append(_Date(int(sid), pd_.start, pd_.end, "numeric", pd_.iso, "day", pd_.iso))
            pos = pd_.end
    found.sort(key=lambda d: (d.start, d.end))
    text = base.text
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
    }, article_id=base.article_id)
