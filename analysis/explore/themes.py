"""Notebook 04's building blocks: which themes, where in the article, with which words.

* :func:`theme_catalogue` - the themes found, bilingual, with how much of the article they cover;
* :func:`theme_by_paragraph` - a theme x paragraph matrix (summed scores or sentence counts);
* :func:`theme_flow` - (sentence, theme) rows in reading order, with the section of each sentence;
* :func:`theme_by_section` - the share of each section's sentences that carry each theme;
* :func:`key_terms` - the most frequent content stems per theme or per section, each with a representative
  surface form and an English gloss where the theme lexicon (or the entity gazetteer) gives one;
* :func:`theme_sentences_html` - one ``<details>`` block per theme listing its sentences with the evidence words in
  ``<mark>``: an interactive "pick a theme" that needs no widgets and survives the static HTML report;
* :func:`plot_theme_heatmap`, :func:`plot_theme_flow` - the charts (Arabic through :mod:`analysis.display`).

Only the *text* sentences count (headline, subheadings, body): they are what ``art.sentences`` holds.
"""
from __future__ import annotations

import html
from functools import cache
from typing import NamedTuple

import pandas as pd

from analysis.explore.highlight import Span, highlight
from analysis.extract.themes import triggers

__all__ = [
    "OPENING_LABEL",
    "Section",
    "gloss_for_stem",
    "key_terms",
    "key_terms_wide",
    "plot_theme_flow",
    "plot_theme_heatmap",
    "sections",
    "text_paragraphs",
    "theme_by_paragraph",
    "theme_by_section",
    "theme_catalogue",
    "theme_flow",
    "theme_label",
    "theme_sentences_html",
]

from analysis.explore.sections import OPENING as OPENING_LABEL  # noqa: E402  (section 0, before any subheading)


class Section(NamedTuple):
    section_id: int
    label_ar: str
    label_en: str

    @property
    def label(self) -> str:
        return f"{self.label_ar} · {self.label_en}" if self.label_ar else self.label_en


def theme_label(label_ar: str, label_en: str) -> str:
    """``("السلاح المنفلت", "Uncontrolled weapons") -> "السلاح المنفلت · Uncontrolled weapons"``."""
    return f"{label_ar} · {label_en}" if label_ar and label_en else (label_ar or label_en)


def sections(art, *, translation: pd.DataFrame | None = None) -> list[Section]:
    """The article's sections in order (:func:`analysis.explore.sections.section_labels`): section 0 is the opening
    (before any subheading), present when it holds sentences; each later one is named by its subheading."""
    from analysis.explore.sections import section_labels

    labels = section_labels(art, translation=translation)
    has_opening = bool((art.sentences["section_id"] == 0).any())
    return [Section(sid, *labels[sid]) for sid in sorted(labels) if sid != 0 or has_opening]


def text_paragraphs(art) -> list[int]:
    """Ids of the paragraphs that hold sentences (headline, subheadings, body), in page order."""
    return sorted(set(art.sentences["paragraph_id"].tolist()))


def theme_catalogue(art) -> pd.DataFrame:
    """One row per theme found: ``theme``, ``label_ar``, ``label_en``, ``n_sentences``, ``share`` (of the text
    sentences), ``n_paragraphs``, ``score`` (summed), ``first_sentence``, ``evidence`` (distinct words as written,
    in order).  Sorted by score, then first appearance."""
    cols = ["theme", "label_ar", "label_en", "n_sentences", "share", "n_paragraphs", "score", "first_sentence",
            "evidence"]
    themes = art.themes
    if themes.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    para = art.sentences.set_index("sentence_id")["paragraph_id"]
    n_sent = len(art.sentences)
    rows = []
    for theme, g in themes.groupby("theme", sort=False):
        words = [w for ev in g["evidence"] for w in str(ev).split(" | ")]
        rows.append({
            "theme": theme,
            "label_ar": g["label_ar"].iloc[0],
            "label_en": g["label_en"].iloc[0],
            "n_sentences": int(g["sentence_id"].nunique()),
            "share": round(g["sentence_id"].nunique() / n_sent, 3) if n_sent else 0.0,
            "n_paragraphs": int(g["sentence_id"].map(para).nunique()),
            "score": float(g["score"].sum()),
            "first_sentence": int(g["sentence_id"].min()),
            "evidence": " | ".join(dict.fromkeys(words)),
        })
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["score", "first_sentence", "theme"], ascending=[False, True, True],
                           kind="stable").reset_index(drop=True)


def theme_by_paragraph(art, *, value: str = "score") -> pd.DataFrame:
    """Theme x paragraph matrix: rows are theme codes (catalogue order), columns the text paragraphs' ids (all of
    them, in page order, zeros where a paragraph has no theme); cells the summed ``score`` of the theme in the
    paragraph's sentences, or with ``value="sentences"`` how many of its sentences carry the theme."""
    if value not in {"score", "sentences"}:
        raise ValueError(f"value must be 'score' or 'sentences', not {value!r}")
    columns = text_paragraphs(art)
    order = theme_catalogue(art)["theme"].tolist()
    if not order:
        return pd.DataFrame(index=pd.Index([], name="theme"), columns=pd.Index(columns, name="paragraph_id"),
                            dtype="float64")
    t = art.themes.assign(paragraph_id=art.themes["sentence_id"].map(
        art.sentences.set_index("sentence_id")["paragraph_id"]))
    agg = "sum" if value == "score" else "count"
    m = t.pivot_table(index="theme", columns="paragraph_id", values="score", aggfunc=agg, fill_value=0)
    m = m.reindex(index=order, columns=columns, fill_value=0).astype("float64")
    m.index.name, m.columns.name = "theme", "paragraph_id"
    return m


def theme_flow(art) -> pd.DataFrame:
    """(sentence, theme) rows in reading order: ``position`` (1 = first text sentence), ``sentence_id``,
    ``paragraph_id``, ``section_id``, ``theme``, ``label_ar``, ``label_en``, ``score``, ``evidence``."""
    sents = art.sentences[["sentence_id", "paragraph_id", "section_id"]].sort_values("sentence_id")
    sents = sents.assign(position=range(1, len(sents) + 1))
    cols = ["position", "sentence_id", "paragraph_id", "section_id", "theme", "label_ar", "label_en", "score",
            "evidence"]
    if art.themes.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    out = art.themes.merge(sents, on="sentence_id", how="left")
    return out[cols].sort_values(["position", "theme"], kind="stable").reset_index(drop=True)


def theme_by_section(art, *, translation: pd.DataFrame | None = None) -> pd.DataFrame:
    """Share of each section's sentences carrying each theme: rows theme codes (catalogue order), columns section
    ids; plus ``label`` (bilingual theme label).  The column names are section ids; :func:`sections` names them."""
    secs = sections(art, translation=translation)
    order = theme_catalogue(art)
    sizes = art.sentences.groupby("section_id").size()
    flow = theme_flow(art)
    out = pd.DataFrame(index=pd.Index(order["theme"].tolist(), name="theme"))
    for s in secs:
        n = int(sizes.get(s.section_id, 0))
        hits = flow[flow["section_id"] == s.section_id].groupby("theme")["sentence_id"].nunique()
        out[s.section_id] = [round(hits.get(t, 0) / n, 3) if n else 0.0 for t in out.index]
    out.insert(0, "label", [theme_label(a, e) for a, e in zip(order["label_ar"], order["label_en"])])
    return out


# --------------------------------------------------------------------------- key terms


@cache
def _lexicon_glosses() -> dict[str, str]:
    """Stem -> English gloss from the single-word triggers of the theme lexicon (first one wins)."""
    out: dict[str, str] = {}
    for trig in triggers():
        if len(trig.stems) == 1:
            out.setdefault(trig.stems[0], trig.gloss)
    return out


def gloss_for_stem(s: str) -> str:
    """English gloss of a stem from the theme lexicon ('' when it has none)."""
    return _lexicon_glosses().get(s, "")


def _content_tokens(art) -> pd.DataFrame:
    """Word tokens that carry content: not stopwords, not numbers or punctuation, stems of 2+ letters; with the
    English name of the entity (``entity_en``) where the token is a whole one-word mention (إيطاليا -> Italy; a
    word inside a longer name such as مكافحة in مجموعة مكافحة تمويل داعش gets none)."""
    tok = art.tokens
    tok = tok[(tok["kind"] == "word") & ~tok["is_stopword"] & (tok["stem"].str.len() >= 2)].copy()
    ent_en = art.entities.set_index("entity_id")["name_en"]
    names = {(int(m.start), int(m.end)): str(ent_en.get(m.entity_id, "") or "")
             for m in art.mentions.itertuples(index=False)}
    tok["entity_en"] = [names.get((int(a), int(b)), "") for a, b in zip(tok["start"], tok["end"])]
    return tok


def _rank_terms(group_tokens: pd.DataFrame, totals: pd.Series, top: int) -> pd.DataFrame:
    from analysis.lexicon.glossary import gloss

    rows = []
    for st, g in group_tokens.groupby("stem", sort=False):
        forms = g["text"].value_counts(sort=False)
        form = forms.sort_values(ascending=False, kind="stable").index[0]
        entity = next((e for e in g["entity_en"] if e), "")
        rows.append({
            "stem": st,
            "form": form,
            "gloss": gloss_for_stem(st) or entity or gloss(form),
            "count": len(g),
            "in_article": int(totals.get(st, len(g))),
            "first_start": int(g["start"].min()),
        })
    out = pd.DataFrame(rows, columns=["stem", "form", "gloss", "count", "in_article", "first_start"])
    out["gloss"] = out["gloss"].astype(object)
    if out.empty:
        return out
    out["specificity"] = (out["count"] / out["in_article"]).round(3)
    out["keyness"] = (out["count"] * out["count"] / out["in_article"]).round(3)
    out = out.sort_values(["keyness", "count", "first_start"], ascending=[False, False, True], kind="stable")
    return out.head(top)


def key_terms(art, *, by: str = "theme", top: int = 8, translation: pd.DataFrame | None = None) -> pd.DataFrame:
    """The *top* content stems of each theme (``by="theme"``: the words of the sentences carrying it) or each
    section (``by="section"``).

    Columns: ``group`` (theme code or section id), ``group_label`` (bilingual), ``rank``, ``stem``, ``form`` (the
    most frequent way it is written, first-written on ties), ``gloss`` (English from the theme lexicon, else the
    name of the entity the word belongs to, else the reviewed glossary (:mod:`analysis.lexicon.glossary`),
    else ''), ``count`` (in the group), ``in_article``, ``specificity``
    (count / in_article: 1.0 = the word occurs only there), ``keyness`` (count x specificity: frequent *and*
    particular to the group, so that a word found everywhere, such as the country's name, does not top every
    list).  Stopwords, numbers and punctuation are left out.  Ranked by keyness, then count, then first
    appearance.
    """
    if by not in {"theme", "section"}:
        raise ValueError(f"by must be 'theme' or 'section', not {by!r}")
    tok = _content_tokens(art)
    totals = tok.groupby("stem").size()
    groups: list[tuple[object, str, pd.DataFrame]] = []
    if by == "theme":
        cat = theme_catalogue(art)
        for r in cat.itertuples(index=False):
            sids = set(art.themes.loc[art.themes["theme"] == r.theme, "sentence_id"])
            groups.append((r.theme, theme_label(r.label_ar, r.label_en), tok[tok["sentence_id"].isin(sids)]))
    else:
        sec_of = art.sentences.set_index("sentence_id")["section_id"]
        tok_sec = tok["sentence_id"].map(sec_of)
        for s in sections(art, translation=translation):
            groups.append((s.section_id, s.label, tok[tok_sec == s.section_id]))
    frames = []
    for key, label, g in groups:
        ranked = _rank_terms(g, totals, top)
        if ranked.empty:
            continue
        ranked.insert(0, "rank", range(1, len(ranked) + 1))
        ranked.insert(0, "group_label", label)
        ranked.insert(0, "group", key)
        frames.append(ranked)
    cols = ["group", "group_label", "rank", "stem", "form", "gloss", "count", "in_article", "specificity", "keyness"]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    return pd.concat(frames, ignore_index=True)[cols]


def key_terms_wide(terms: pd.DataFrame) -> pd.DataFrame:
    """:func:`key_terms` as one row per group: ``group_label`` then ``1``, ``2`` ... each cell the term's written
    form with its gloss, ``"الإرهاب · terrorism / terrorist"`` (just the form when there is no gloss)."""
    if terms.empty:
        return pd.DataFrame({"group_label": pd.Series(dtype="object")})
    cells = terms.assign(cell=[theme_label(f, g) for f, g in zip(terms["form"], terms["gloss"])])
    wide = cells.pivot_table(index=["group", "group_label"], columns="rank", values="cell", aggfunc="first",
                             sort=False).fillna("")
    wide.columns = [str(c) for c in wide.columns]
    return wide.reset_index().drop(columns="group")


# --------------------------------------------------------------------------- pick a theme (HTML)

THEME_CSS = (
    "<style>details.theme-pick{border:1px solid #ddd;border-radius:4px;margin:.4rem 0;padding:.3rem .6rem}"
    "details.theme-pick summary{cursor:pointer;font-weight:600}"
    "details.theme-pick ol{margin:.4rem 0;padding-inline-start:2.2rem}"
    "details.theme-pick li{font-size:1.1rem;line-height:1.8;margin:.3rem 0}"
    "details.theme-pick .meta{font-size:.8rem;color:#666;white-space:nowrap}"
    "details.theme-pick mark{background:#ffe08a}</style>"
)


def _spans(evidence_spans: str) -> list[Span]:
    out = []
    for part in str(evidence_spans or "").split(";"):
        if "-" in part:
            a, b = part.split("-", 1)
            out.append(Span(int(a), int(b)))
    return out


def theme_sentences_html(art, *, open_first: bool = False, translation: pd.DataFrame | None = None) -> str:
    """Pick a theme, see its sentences: one ``<details>`` per theme (catalogue order), its summary the bilingual
    label and counts, its body the sentences carrying it with the evidence words in ``<mark>`` (the trigger's
    English gloss is not known per span, so the evidence list goes in the summary).  All text escaped; works in
    JupyterLab and in the static report alike."""
    cat = theme_catalogue(art)
    if cat.empty:
        return "<p><b>No themes found in this article.</b></p>"
    e = html.escape
    sents = art.sentences.set_index("sentence_id")
    sec_label = {s.section_id: s for s in sections(art, translation=translation)}
    parts = [THEME_CSS]
    for i, r in enumerate(cat.itertuples(index=False)):
        rows = art.themes[art.themes["theme"] == r.theme].sort_values("sentence_id")
        items = []
        for t in rows.itertuples(index=False):
            s = sents.loc[t.sentence_id]
            marked = highlight(s["text"], _spans(t.evidence_spans), base_offset=int(s["start"]))
            sec = sec_label.get(int(s["section_id"]))
            sec_html = (f'<span dir="rtl" lang="ar">{e(sec.label_ar)}</span> · {e(sec.label_en)}' if sec
                        else e(str(s["section_id"])))
            meta = f'sentence {t.sentence_id} · ¶{int(s["paragraph_id"])} · score {t.score:g} · section: {sec_html}'
            items.append(f'<li value="{int(t.sentence_id)}">{marked} <bdi dir="ltr" class="meta">({meta})</bdi></li>')
        summary = (f'<span dir="rtl" lang="ar">{e(r.label_ar)}</span> · {e(r.label_en)} '
                   f'<code>{e(r.theme)}</code> — {r.n_sentences} sentence{"s" if r.n_sentences != 1 else ""}, '
                   f'evidence: <span dir="rtl" lang="ar">{e(r.evidence.replace(" | ", "، "))}</span>')
        parts.append(
            f'<details class="theme-pick"{" open" if open_first and i == 0 else ""}><summary>{summary}</summary>'
            f'<ol dir="rtl" lang="ar">{"".join(items)}</ol></details>'
        )
    return "\n".join(parts)


# --------------------------------------------------------------------------- charts


def _section_bounds(art, columns: list[int]) -> list[tuple[int, int]]:
    """(index in *columns* where a section starts, section id) for sections after the first."""
    sec = art.paragraphs.set_index("paragraph_id")["section_id"]
    out = []
    prev = None
    for i, p in enumerate(columns):
        s = int(sec.get(p, 0))
        if prev is not None and s != prev:
            out.append((i, s))
        prev = s
    return out


def plot_theme_heatmap(art, matrix: pd.DataFrame, *, translation: pd.DataFrame | None = None):
    """Heatmap of :func:`theme_by_paragraph`: bilingual theme labels, ``¶N`` paragraph ticks, a dashed line and the
    section name where a subheading starts a new section.  Returns the Figure (None for an empty matrix)."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    from analysis.explore import display

    if matrix.empty:
        return None
    cat = theme_catalogue(art).set_index("theme")
    labels = [theme_label(cat.loc[t, "label_ar"], cat.loc[t, "label_en"]) for t in matrix.index]
    fig, ax = plt.subplots(figsize=(max(8.0, 0.5 * matrix.shape[1] + 5), 0.42 * max(len(matrix), 5) + 2.2))
    sns.heatmap(matrix, ax=ax, cmap="rocket_r", annot=True, fmt="g", cbar_kws={"label": "theme score", "pad": 0.02},
                linewidths=0.5, linecolor="white", annot_kws={"fontsize": 8}, mask=matrix == 0)
    ax.set_facecolor("#f7f7f7")
    display.set_ticks(ax, [i + 0.5 for i in range(len(labels))], labels, axis="y")
    display.set_ticks(ax, [i + 0.5 for i in range(matrix.shape[1])], [f"¶{p}" for p in matrix.columns], axis="x")
    ax.tick_params(axis="x", rotation=0, labelsize=9)
    names = {s.section_id: s for s in sections(art, translation=translation)}
    starts = [(0, int(art.paragraphs.set_index("paragraph_id")["section_id"].get(matrix.columns[0], 0)))]
    for i, sid in starts + _section_bounds(art, list(matrix.columns)):
        if i:
            ax.axvline(i, color="#333333", lw=1.5, ls="--")
        sec = names.get(sid)
        text = f"{sec.label_ar}\n{sec.label_en}" if sec else f"section {sid}"
        ax.text(i + 0.1, -0.15, display.ar(text), ha="left", va="bottom", fontsize=9, color="#333333")
    display.label(ax, xlabel="paragraph (page order)", ylabel="")
    fig.suptitle(display.ar("الموضوعات حسب الفقرة · Themes by paragraph (summed trigger scores)"), fontsize=12)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.35 / fig.get_figheight()))
    return fig


def plot_theme_flow(art, flow: pd.DataFrame, *, translation: pd.DataFrame | None = None):
    """Theme flow: sentences in reading order across, one row per theme (catalogue order), a dot where the sentence
    carries the theme (area = score); sections shaded and named.  Returns the Figure (None when no themes)."""
    import matplotlib.pyplot as plt

    from analysis.explore import display

    if flow.empty:
        return None
    cat = theme_catalogue(art)
    order = cat["theme"].tolist()
    row = {t: i for i, t in enumerate(order)}
    n = len(art.sentences)
    fig, ax = plt.subplots(figsize=(max(8.0, 0.35 * n + 5), 0.42 * len(order) + 2.4))
    sents = art.sentences.sort_values("sentence_id").reset_index(drop=True)
    palette = ["#f2f2f2", "#ffffff"]
    secs = sections(art, translation=translation)
    for k, s in enumerate(secs):
        pos = sents.index[sents["section_id"] == s.section_id]
        if len(pos) == 0:
            continue
        lo, hi = pos.min() + 0.5, pos.max() + 1.5
        ax.axvspan(lo, hi, color=palette[k % 2], zorder=0)
        ax.text(lo + 0.1, -1.0, display.ar(f"{s.label_ar}\n{s.label_en}"), ha="left", va="center", fontsize=9,
                color="#333333")
    colours = plt.get_cmap("tab10")
    ax.scatter(flow["position"], flow["theme"].map(row), s=flow["score"] * 45,
               c=[colours(row[t] % 10) for t in flow["theme"]], alpha=0.85, edgecolors="white", zorder=3)
    display.set_ticks(ax, range(len(order)), [theme_label(a, e) for a, e in zip(cat["label_ar"], cat["label_en"])],
                      axis="y")
    ax.set_ylim(len(order) - 0.5, -1.6)
    ax.set_xlim(0.5, n + 0.5)
    ax.set_xticks(range(1, n + 1))
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="x", visible=False)
    display.label(ax, xlabel="sentence (reading order; 1 = headline)", ylabel="")
    fig.suptitle(display.ar("تدفق الموضوعات · Theme flow through the article (dot area = score)"), fontsize=12)
    fig.tight_layout()
    return fig
