"""English glosses of Arabic words from the project's reviewed bilingual data, for readers without Arabic.

Every glossed CSV of ``analysis/data/`` already pairs Arabic words with English (titles, cue verbs, units, months,
weekdays, number words, theme triggers, entity and quote cue words, stopwords, ...).  :func:`gloss` looks a word up
there — by its normalised form, then without its clitics (``وبحث`` → ``بحث``), then by stem — so that key terms,
subheadings and cue words can be shown *as written with an English gloss beside them* instead of as raw stems.
A word no reviewed file knows gets ``""``: nothing is machine-translated or guessed.
"""
from __future__ import annotations

import functools
import re

from analysis.lexicon import load_csv

__all__ = ["SOURCES", "gloss", "gloss_phrase", "glossary", "news_glossary"]

# (file, Arabic column, English column) in order of trust: the first file to gloss a word wins.
SOURCES: tuple[tuple[str, str, str], ...] = (
    ("titles.csv", "ar", "gloss_en"),
    ("cue_verbs.csv", "form", "gloss_en"),
    ("months.csv", "name_ar", "name_en"),
    ("weekdays.csv", "term_ar", "gloss"),
    ("units.csv", "term_ar", "gloss"),
    ("number_words.csv", "word", "gloss"),
    ("entity_words.csv", "word", "gloss_en"),
    ("quote_words.csv", "word", "gloss_en"),
    ("ner_triggers.csv", "word", "gloss_en"),
    ("not_entities.csv", "word", "gloss_en"),
    ("themes.csv", "trigger_ar", "gloss"),
    ("name_particles.csv", "ar", "en"),
    ("stopwords_ar.csv", "word", "gloss"),
    # frequent content words of news, glossed by hand for the project (chosen by frequency in a sample of the
    # SaudiNewsNet corpus; no text of it is kept): one sense per word, the commonest in news
    ("news_glossary.csv", "word", "gloss_en"),
)
_WORD_RE = re.compile(r"[\u0621-\u064a\u0660-\u0669\u0671-\u06d3\w]+")


def _norm(word: str) -> str:
    from analysis.text.normalize import normalize

    return normalize(word).strip()


def news_glossary() -> tuple[dict[str, str], ...]:
    """The rows of ``news_glossary.csv`` (word, gloss_en), checked: both filled, no word twice."""
    return load_csv("news_glossary.csv", required=("word", "gloss_en"), key=("word",))


@functools.cache
def glossary() -> dict[str, str]:
    """Normalised Arabic word or phrase -> English gloss, merged over :data:`SOURCES` (first source wins)."""
    out: dict[str, str] = {}
    for name, ar_col, en_col in SOURCES:
        if name == "news_glossary.csv":
            rows = news_glossary()
        else:  # the other files are declared (and checked) by their own readers; here only the two columns
            rows = load_csv(name, required=(ar_col,), optional=(en_col,))
        for row in rows:
            en = row[en_col].strip()
            if en:
                out.setdefault(_norm(row[ar_col]), en)
    return out


@functools.cache
def _by_stem() -> dict[str, str]:
    from analysis.text.stem import stem

    out: dict[str, str] = {}
    for ar, en in glossary().items():
        if " " not in ar:
            out.setdefault(stem(ar), en)
    return out


def gloss(word: str) -> str:
    """The English gloss of one Arabic word as written (``""`` when no reviewed file knows it)."""
    from analysis.text.clitics import proclitic_splits
    from analysis.text.stem import stem

    n = _norm(word)
    if not n:
        return ""
    table = glossary()
    if n in table:
        return table[n]
    for _, bare in proclitic_splits(n)[1:]:
        if bare in table:
            return table[bare]
    return _by_stem().get(stem(n), "")


_REMARK_RE = re.compile(r"\s*\([^()]*\)")  # a gloss's own remarks: (مصدر مطلع), (before a city: ...)


def _plain(g: str) -> str:
    """A gloss without its remarks: nothing in brackets, nothing after a colon or semicolon."""
    return " ".join(re.split(r"[:;]", _REMARK_RE.sub("", g), maxsplit=1)[0].split())


def gloss_phrase(text: str, *, plain: bool = False) -> str:
    """Word-by-word glosses of a short phrase (a subheading, a title chain): the whole phrase if a file knows it,
    else the known words' glosses in order, ``"…"`` for unknown ones; ``""`` when no word is known.  ``plain``:
    each gloss without the data's remarks (``a source (مصدر مطلع): the speaker is no entity`` -> ``a source``)."""
    tidy = _plain if plain else (lambda g: g)
    n = _norm(text)
    if n in glossary():
        return tidy(glossary()[n])
    words = _WORD_RE.findall(text)
    glosses = [tidy(gloss(w)) for w in words]
    if not any(glosses):
        return ""
    out: list[str] = []
    for g in glosses:
        piece = g or "…"
        if not (piece == "…" and out and out[-1] == "…"):
            out.append(piece)
    return " ".join(out)
