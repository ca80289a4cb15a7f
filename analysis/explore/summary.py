"""An English summary of an article, generated from its tables: the reading path for someone without Arabic.

Every sentence of the summary is computed from the tables (who is named, who is quoted, the main figures, the main
themes, the dates) and says what is missing rather than leaving a gap: an entity without an English name is shown
in Arabic and counted as such, a table with no rows gets one line saying so.  Nothing in it is about the seed.
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass, field

import pandas as pd

__all__ = ["Summary", "summarize", "summary_html"]

_TYPE_EN = {"PERSON": "person", "ORG": "organisation", "GPE": "country or city", "LOC": "place", "FAC": "facility",
            "MISC": "other"}


@dataclass(frozen=True)
class Summary:
    """The facts of :func:`summary_html`, as data (each list holds English phrases, most important first)."""
    headline_en: str
    published: str
    size: str
    named: list[str] = field(default_factory=list)
    n_entities: int = 0
    n_without_english: int = 0
    quoted: list[str] = field(default_factory=list)
    n_quotes: int = 0
    n_unattributed: int = 0
    figures: list[str] = field(default_factory=list)
    n_figures: int = 0
    themes: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)


def _text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _name(row) -> tuple[str, bool]:
    """(display name, has English): the English name, else the Arabic one marked as such."""
    en = _text(row.get("name_en"))
    return (en, True) if en else (f"{_text(row.get('name_ar'))} (Arabic only)", False)


def _number(value: float) -> str:
    if value >= 1e9 and value % 1e7 == 0:
        return f"{value / 1e9:g} billion"
    if value >= 1e6 and value % 1e4 == 0:
        return f"{value / 1e6:g} million"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def _figure_phrase(row, names: dict) -> str:
    value = row.get("value")
    amount = "an unstated number of" if _text(value) == "" else _number(float(value))
    if row.get("approximate") is True:
        amount = "about " + amount
    unit = _text(row.get("unit_en")) or _text(row.get("category")) or "units"
    whose = names.get(row.get("subject_entity_id")) if _text(row.get("subject_entity_id")) else None
    return f"{amount} {unit}" + (f" ({whose})" if whose else "")


def summarize(art, *, top: int = 5) -> Summary:
    """The facts of an article's English summary (see the module docstring)."""
    from analysis.explore.themes import theme_catalogue

    row = art.article.iloc[0]
    published = _text(row.get("published_at")).replace("T", " at ")
    n_words = int(row.get("n_words", 0) or 0)
    size = (f"{int(row.get('n_body_paragraphs', 0) or 0)} body paragraphs, {len(art.sentences)} sentences, "
            f"{n_words:,} words")
    ents = art.entities.sort_values(["n_mentions", "first_start"], ascending=[False, True], kind="stable")
    names: dict = {}
    named, without = [], 0
    for r in ents.to_dict("records"):
        name, has_en = _name(r)
        names[r["entity_id"]] = name
        without += not has_en
        if len(named) < top:
            n = int(r["n_mentions"])
            named.append(f"{name}, {_TYPE_EN.get(r['type'], r['type'].lower())}, {n} mention{'s' * (n != 1)}")
    q = art.quotes
    speakers = [names.get(e) for e in q["speaker_entity_id"] if _text(e)]
    counts = pd.Series(speakers, dtype="object").value_counts(sort=True) if speakers else pd.Series(dtype="int64")
    order = {n: i for i, n in enumerate(dict.fromkeys(speakers))}
    quoted = [f"{n} ({c} statement{'s' * (c != 1)})" for n, c in
              sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]]))][:top]
    figs = [_figure_phrase(r, names) for r in art.figures.to_dict("records")]
    cat = theme_catalogue(art)
    themes = [_text(r["label_en"]) or _text(r["theme"]) for r in
              cat.sort_values("score", ascending=False, kind="stable").head(3).to_dict("records")] if len(cat) else []
    dates = []
    for r in art.dates.to_dict("records"):
        resolved = _text(r.get("resolved"))
        gloss = _text(r.get("gloss"))
        phrase = f"{resolved} ({gloss})" if resolved and gloss else resolved or gloss
        if phrase and phrase not in dates:
            dates.append(phrase)
    return Summary(
        headline_en="", published=published, size=size, named=named, n_entities=len(ents), n_without_english=without,
        quoted=quoted, n_quotes=len(q), n_unattributed=len(q) - len(speakers), figures=figs[:top],
        n_figures=len(figs), themes=themes, dates=dates[:top],
    )


def _list(items: list[str], total: int, noun: str) -> str:
    e = html.escape
    shown = "; ".join(e(i) for i in items)
    more = f" and {total - len(items)} more" if total > len(items) else ""
    return f"{shown}{more}" if items else f"no {noun} found"


def summary_html(art, *, headline_en: str = "", top: int = 5) -> str:
    """The English summary as HTML (a short list), escaped; *headline_en*: a stored translation, if any."""
    s = summarize(art, top=top)
    e = html.escape
    lines = []
    if headline_en:
        lines.append(f"<b>Headline</b> (stored translation): {e(headline_en)}")
    lines.append(f"<b>Published</b>: {e(s.published) or 'no date found on the page'}; <b>length</b>: {e(s.size)}.")
    named = _list(s.named, s.n_entities, "named entity")
    note = (f" {s.n_without_english} of {s.n_entities} have no English name yet and are shown in Arabic."
            if s.n_without_english else "")
    lines.append(f"<b>Named most</b>: {named}.{e(note)}")
    if s.n_quotes:
        who = _list(s.quoted, len(s.quoted), "speaker")
        lines.append(f"<b>Quoted</b>: {s.n_quotes} statement{'s' * (s.n_quotes != 1)}; by {who}"
                     + (f"; {s.n_unattributed} without a speaker the parser could name" if s.n_unattributed else "")
                     + ".")
    else:
        lines.append("<b>Quoted</b>: no statement attributed to anyone was found.")
    lines.append(f"<b>Figures</b>: {_list(s.figures, s.n_figures, 'counted amount')}.")
    lines.append(f"<b>Main themes</b>: {_list(s.themes, len(s.themes), 'theme')}.")
    lines.append(f"<b>Dates</b>: {_list(s.dates, len(s.dates), 'date expression')}.")
    items = "".join(f"<li>{line}</li>" for line in lines)
    return (f'<div class="english-summary" lang="en"><p><b>In English</b> — generated from the article\'s tables, '
            f"not a translation; names and numbers are the parser's readings.</p><ul>{items}</ul></div>")
