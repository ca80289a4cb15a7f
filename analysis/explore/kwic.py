"""Keyword in context: every occurrence of a term with the words before and after it, within its sentence.

``kwic(art, "تدريب")`` matches word tokens by **stem** (the same light stemmer as ``tokens.stem``), so
``تدريب``، ``وتدريب``، ``بتدريب``، ``لتدريب`` are one term; ``match="form"`` matches the normalised written form
instead.  ``before``/``after`` are slices of the article text (punctuation kept) spanning up to *window* word
tokens, never crossing the sentence boundary; ``start``/``end`` locate the keyword
(``art.text[start:end] == keyword``).

:func:`kwic_html` lays the lines out for Arabic: a right-to-left table, preceding context on the right and
following context on the left, both aligned against the keyword, all text escaped.
"""
from __future__ import annotations

import html

import pandas as pd

from analysis.text.normalize import normalize
from analysis.text.stem import stem

__all__ = ["KWIC_COLUMNS", "kwic", "kwic_html", "suggest_term"]

KWIC_COLUMNS = ["sentence_id", "paragraph_id", "before", "keyword", "after", "start", "end"]


def _words(art) -> pd.DataFrame:
    tok = art.tokens
    return tok[tok["kind"].isin(["word", "number"])].sort_values("token_id")


def kwic(art, term: str, *, window: int = 6, match: str = "stem") -> pd.DataFrame:
    """Concordance lines for *term* (columns :data:`KWIC_COLUMNS`), in text order; empty when it does not occur."""
    if match not in {"stem", "form"}:
        raise ValueError(f"match must be 'stem' or 'form', not {match!r}")
    term = (term or "").strip()
    if not term:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in KWIC_COLUMNS})
    words = _words(art)
    hits = words["stem"] == stem(term) if match == "stem" else words["norm"] == normalize(term)
    text = art.text
    rows = []
    by_sentence = {sid: g.reset_index(drop=True) for sid, g in words.groupby("sentence_id")}
    sent_bounds = art.sentences.set_index("sentence_id")[["start", "end", "paragraph_id"]]
    for t in words[hits].itertuples(index=False):
        g = by_sentence[t.sentence_id]
        i = int(g.index[g["token_id"] == t.token_id][0])
        lo = g.iloc[max(0, i - window)]
        hi = g.iloc[min(len(g) - 1, i + window)]
        s_start, s_end, para = sent_bounds.loc[t.sentence_id]
        left_from = int(s_start) if i - window <= 0 else int(lo["start"])  # sentence start: opening quote kept
        right_to = int(s_end) if i + window >= len(g) - 1 else int(hi["end"])  # sentence end: final stop kept
        rows.append({
            "sentence_id": int(t.sentence_id),
            "paragraph_id": int(para),
            "before": text[left_from:int(t.start)].strip(),
            "keyword": text[int(t.start):int(t.end)],
            "after": text[int(t.end):right_to].strip(),
            "start": int(t.start),
            "end": int(t.end),
        })
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)


def _evidence_spans(art) -> list[tuple[int, int]]:
    out = []
    for spans in art.themes["evidence_spans"].dropna():
        for part in str(spans).split(";"):
            if "-" in part:
                a, b = part.split("-", 1)
                out.append((int(a), int(b)))
    return out


def suggest_term(art, *, exclude_entities: bool = True) -> str:
    """A term worth a concordance when the reader names none: the most frequent content stem among the words that
    are theme evidence (all content words when the article has no themes), ties to the first seen, written in its
    most frequent form; words inside entity names are skipped by default ('' if nothing is left)."""
    tok = art.tokens
    tok = tok[(tok["kind"] == "word") & ~tok["is_stopword"] & (tok["stem"].str.len() >= 3)]
    evidence = _evidence_spans(art)
    if evidence:
        in_evidence = [any(a <= s and e <= b for a, b in evidence) for s, e in zip(tok["start"], tok["end"])]
        if any(in_evidence):
            tok = tok[in_evidence]
    if exclude_entities and len(art.mentions):
        spans = list(zip(art.mentions["start"], art.mentions["end"]))
        inside = [any(a <= s and e <= b for a, b in spans) for s, e in zip(tok["start"], tok["end"])]
        tok = tok[[not x for x in inside]]
    if tok.empty:
        return ""
    counts = tok.groupby("stem", sort=False).size()
    best = counts[counts == counts.max()].index[0]
    forms = tok.loc[tok["stem"] == best, "text"].value_counts(sort=False)
    return str(forms.sort_values(ascending=False, kind="stable").index[0])


KWIC_CSS = (
    "<style>table.kwic{border-collapse:collapse;margin:.5rem 0;font-size:1.05rem}"
    "table.kwic td{padding:.2rem .4rem;border-bottom:1px solid #eee;white-space:nowrap}"
    "table.kwic td.before{text-align:left}table.kwic td.after{text-align:right}"
    "table.kwic td.kw{text-align:center}table.kwic td.kw mark{background:#ffe08a}"
    "table.kwic td.ref{direction:ltr;color:#777;font-size:.8rem}</style>"
)


def kwic_html(lines: pd.DataFrame, *, caption: str | None = None) -> str:
    """The concordance as an escaped right-to-left HTML table (sentence number, before, keyword, after)."""
    e = html.escape
    if lines.empty:
        return "<p><b>The term does not occur in this article.</b></p>"
    body = "".join(
        f'<tr><td class="ref">s{r.sentence_id} ¶{r.paragraph_id}</td><td class="before">{e(r.before)}</td>'
        f'<td class="kw"><mark>{e(r.keyword)}</mark></td><td class="after">{e(r.after)}</td></tr>'
        for r in lines.itertuples(index=False)
    )
    cap = f"<caption>{e(caption)}</caption>" if caption else ""
    return f'{KWIC_CSS}<table class="kwic" dir="rtl" lang="ar">{cap}{body}</table>'
