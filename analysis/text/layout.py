"""Page layout: which line of a scraped news page is the headline, the metadata, a subheading or the body.

Every non-empty line is a paragraph (leading/trailing spaces and list bullets are outside its span).  The reader
copes with the seed's scraped page (close button, site section, headline, bulleted date-time and view count, body,
subheadings) and with plain "headline, blank line, body" articles.  What it cannot find is ``None``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from analysis.lexicon import load_csv
from analysis.text.normalize import has_arabic, normalize
from analysis.text.pagedate import find_page_date
from analysis.text.stopwords import is_stopword

__all__ = ["Paragraph", "PageLayout", "read_layout", "PARAGRAPH_KINDS"]

PARAGRAPH_KINDS = ("boilerplate", "headline", "meta", "subheading", "body")

_LINE_RE = re.compile(r"[^\n]+")
_BULLETS = " \t\u00A0\u2022\u00B7\u25AA\u25CF\u25E6\u2023\u2043*\u200f\u200e\ufeff"
_DIGITS = "0-9\u0660-\u0669\u06F0-\u06F9"
_VIEWS_RE = re.compile(
    rf"^(?:(?:عدد\s+)?(?:المشاهدات|القراءات|الزيارات)\s*[:：]?\s*)?(?P<n>[{_DIGITS}][{_DIGITS},\u066C.]*)\s*"
    r"(?:مشاهدة|مشاهده|مشاهدات|قراءة|قراءه|قراءات|زيارة|زيارات|views?)?$",
    re.IGNORECASE,
)
_VIEWS_WORD_RE = re.compile(r"مشاهد|قراء|زيار|views?", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?\u061F\u06D4\u2026:\"\u00BB\u201D]\s*$")
_BYLINE_SEP_RE = re.compile(r"\s[\u2013\u2014\-\u0640]\s|^[\u0621-\u064A ]{2,25}:\s")
_WORD_RE = re.compile(r"\S+")
_DATELINE_REACH = 120  # a dateline's date starts within the line's first words: search no further than this
_CLOCK_RE = re.compile(rf"(?<![{_DIGITS}])[{_DIGITS}]{{1,2}}:[{_DIGITS}]{{2}}(?::[{_DIGITS}]{{2}})?(?![{_DIGITS}])")


@dataclass(frozen=True)
class Paragraph:
    paragraph_id: int
    kind: str
    section: str | None
    section_id: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class PageLayout:
    paragraphs: tuple[Paragraph, ...]
    headline: str | None
    published_at: str | None
    views: int | None
    byline: str | None
    byline_paragraph_id: int | None = None  # the byline's paragraph: ``meta``, but read as a sentence of its own


@cache
def _boilerplate_phrases() -> frozenset[str]:
    return frozenset(normalize(r["text"]) for r in load_csv("boilerplate_ar.csv", required=("text", "gloss"),
                                                            key=("text",)))


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _LINE_RE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s] in _BULLETS:
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def _views(line: str) -> int | None:
    m = _VIEWS_RE.match(line)
    if not m or not _VIEWS_WORD_RE.search(line):
        return None
    digits = normalize(m.group("n")).replace(",", "").replace(".", "")
    return int(digits) if digits.isdigit() else None


@cache
def _dateline_words() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(normalize(r["word"]).split())
                     for r in load_csv("dateline_words.csv", required=("word", "gloss"), key=("word",)))


def _is_furniture(words: list[str]) -> bool:
    """Every word is date-line furniture (الساعة، الموافق، نشر في، يوم، هـ، a weekday ...), or punctuation."""
    lex, i = _dateline_words(), 0
    while i < len(words):
        for n in (2, 1):
            if tuple(words[i:i + n]) in lex:
                i += n
                break
        else:
            if any(c.isalnum() for c in words[i]):
                return False
            i += 1
    return True


def _is_date_line(line: str) -> str | None:
    """ISO date if the line is (mostly) a date stamp: a date plus at most a weekday or a couple of words, or a date
    with date-line furniture only (``نشر في ... يوم ... الساعة 10:30``, ``... الموافق 2 رجب 1434 هـ``)."""
    found = find_page_date(line)
    if not found:
        return None
    rest = line[: found.start] + " " + line[found.end :]
    if len(_WORD_RE.findall(rest)) <= 3:
        return found.iso
    second = find_page_date(rest)  # the same day in the other calendar, after الموافق
    if second is not None:
        rest = rest[: second.start] + " " + rest[second.end :]
    rest = _CLOCK_RE.sub(" ", rest)
    words = [normalize(w).strip(",،:|-–()") for w in _WORD_RE.findall(rest)]
    return found.iso if _is_furniture([w for w in words if w]) else None


def _dateline_date(line: str) -> str | None:
    """The date of a news-agency dateline opening the body (``قلقيلية 17-7-2012 وفا-``, ``عنيزة 26 شوال 1436 هـ
    الموافق 11 أغسطس 2015 م واس``): a date after at most three words that name a place (no stopwords)."""
    found = find_page_date(line, 0, min(len(line), _DATELINE_REACH))
    if not found:
        return None
    before = [normalize(w).strip(",،:-–") for w in _WORD_RE.findall(line[: found.start])]
    before = [w for w in before if w]
    if len(before) > 3 or not before or any(is_stopword(w) or not has_arabic(w) for w in before):
        return None
    return found.iso[:10]


def _is_boilerplate(line: str) -> bool:
    return not has_arabic(line) or normalize(line.strip(" :|-")) in _boilerplate_phrases()


def _n_words(line: str) -> int:
    return len(_WORD_RE.findall(line))


def _is_byline(line: str) -> bool:
    return _n_words(line) <= 7 and not _SENTENCE_END_RE.search(line) and bool(_BYLINE_SEP_RE.search(line))


def _is_subheading(line: str) -> bool:
    return _n_words(line) <= 9 and len(line) <= 80 and not _SENTENCE_END_RE.search(line) and has_arabic(line)


def read_layout(text: str) -> PageLayout:
    """Classify every non-empty line of ``text``; find the headline, publication date-time, views and byline."""
    spans = _lines(text)
    lines = [text[s:e] for s, e in spans]
    kinds: list[str | None] = [None] * len(lines)
    published_at = views = byline = byline_at = None

    # Metadata lines: a date stamp or a view count near the top of the page.
    top = min(len(lines), 12)
    for i in range(top):
        iso = _is_date_line(lines[i])
        n = _views(lines[i])
        if iso and published_at is None:
            kinds[i], published_at = "meta", iso
        elif n is not None and views is None:
            kinds[i], views = "meta", n

    # Headline: the last content line before the first metadata line; without metadata, the first content line.
    meta_at = [i for i, k in enumerate(kinds) if k == "meta"]
    headline_at = None
    if meta_at:
        for i in range(meta_at[0] - 1, -1, -1):
            if not _is_boilerplate(lines[i]):
                headline_at = i
                break
    if headline_at is None:
        headline_at = next((i for i, k in enumerate(kinds) if k is None and not _is_boilerplate(lines[i])), None)
    if headline_at is not None:
        kinds[headline_at] = "headline"
        for i in range(headline_at):
            kinds[i] = kinds[i] or "boilerplate"
        # A byline right after the headline (and its metadata) is metadata too.
        after = next((i for i in range(headline_at + 1, len(lines)) if kinds[i] is None), None)
        if after is not None and after + 1 < len(lines) and _is_byline(lines[after]):
            kinds[after], byline, byline_at = "meta", lines[after], after

    # No date stamp: a dateline opening the body (one of the first two content lines) gives the publication date.
    if published_at is None and headline_at is not None:
        body = [i for i in range(headline_at + 1, len(lines)) if kinds[i] is None][:2]
        published_at = next((d for d in map(_dateline_date, (lines[i] for i in body)) if d), None)

    # Body and subheadings: a short unpunctuated line followed by body text opens a section.
    section, section_id = None, 0
    paragraphs = []
    for i, ((s, e), line) in enumerate(zip(spans, lines)):
        kind = kinds[i]
        if kind is None:
            if not has_arabic(line):
                kind = "boilerplate"
            elif i + 1 < len(lines) and kinds[i + 1] is None and _is_subheading(line) and not _is_subheading(lines[i + 1]):
                kind = "subheading"
                section, section_id = line, section_id + 1
            else:
                kind = "body"
        paragraphs.append(Paragraph(i + 1, kind, section if kind in ("body", "subheading") else None,
                                    section_id if kind in ("body", "subheading") else 0, line, s, e))
    headline = lines[headline_at] if headline_at is not None else None
    return PageLayout(tuple(paragraphs), headline, published_at, views, byline,
                      byline_at + 1 if byline_at is not None else None)
