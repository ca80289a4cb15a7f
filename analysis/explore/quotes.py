"""Who said what: the quotes table joined to speakers, cue glosses, sections and themes (notebook 03).

Every function takes a parsed :class:`analysis.Article` and returns a DataFrame in logical-order Arabic with
English beside it. An article without quotes gives empty tables with the same columns, so the notebook can say
"no quotes" instead of failing.

* **Speaker** (``speaker_ar`` / ``speaker_en``): the resolved entity's names; a speaker the quote layer could not
  tie to an entity keeps the words of the text (``speaker_text``, e.g. ``شهود``) with their English gloss from the
  project's reviewed word lists in square brackets (``[witnesses]``: a description, not a name;
  :func:`speaker_gloss`), empty when no list knows the words; no subject at all is :data:`UNRESOLVED`.
* **Section**: ``section_id`` 0 is the opening (news) section, before any subheading; ``section_id`` >= 1 is the
  run of paragraphs under the n-th subheading (in the seed, the outlet's background on Italy's role).
* **What a speaker talks about**: a theme counts for a quote when one of the theme's evidence words
  (``themes.evidence_spans``) lies inside the quote's content span, by character offsets; key stems are the
  content's word tokens, stopwords out, counted by stem.
"""
from __future__ import annotations

import re

import pandas as pd

__all__ = [
    "UNRESOLVED",
    "STATEMENT_COLUMNS",
    "speaker_gloss",
    "statements",
    "speakers",
    "cue_table",
    "speaker_themes",
    "speaker_stems",
    "section_labels",
    "section_summary",
    "paragraph_voices",
    "quotes_html",
    "MODE_COLOURS",
    "MODE_LABELS",
    "summary_html",
    "statement_table",
    "key_words",
    "mode_bars",
    "plot_speaker_themes",
    "plot_paragraph_voices",
]

UNRESOLVED = ("(غير محدد)", "(unresolved)")

_SPAN_RE = re.compile(r"(\d+)-(\d+)")


def speaker_gloss(text: str) -> str:
    """``[witnesses]``: the English gloss of a speaker named by a description (``شهود``, ``مصدر أمني``), from the
    reviewed lists (:func:`analysis.lexicon.glossary.gloss_phrase`, without the data's remarks), in brackets;
    ``""`` when no word is known."""
    from analysis.lexicon.glossary import gloss_phrase

    g = gloss_phrase(text or "", plain=True)
    return f"[{g}]" if g else ""


STATEMENT_COLUMNS = ["quote_id", "speaker_entity_id", "speaker_ar", "speaker_en", "speaker_how", "cue", "cue_lemma",
                     "cue_gloss", "mode", "content", "start", "end", "paragraph_id", "sentence_id", "section_id",
                     "section_ar", "section_en"]


def _str(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) or value is pd.NA else str(value)


def section_labels(art) -> dict[int, tuple[str, str]]:
    """``section_id -> (Arabic label, English label)``: :func:`analysis.explore.sections.section_labels`."""
    from analysis.explore.sections import section_labels as labels

    return labels(art)


def statements(art) -> pd.DataFrame:
    """One row per quote, in text order: speaker (Arabic and English), cue and its gloss, mode, content, place."""
    q = art.quotes
    if q.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in STATEMENT_COLUMNS})
    ents = art.entities.set_index("entity_id")
    labels = section_labels(art)
    section_of = dict(zip(art.paragraphs["paragraph_id"], art.paragraphs["section_id"]))
    rows = []
    for r in q.sort_values("start").itertuples(index=False):
        eid = r.speaker_entity_id
        if eid is not pd.NA and eid is not None and int(eid) in ents.index:
            e = ents.loc[int(eid)]
            sp_ar, sp_en = _str(e["name_ar"]), _str(e["name_en"])
        elif _str(r.speaker_text):
            sp_ar, sp_en = _str(r.speaker_text), speaker_gloss(_str(r.speaker_text))
        else:
            sp_ar, sp_en = UNRESOLVED
        sid = int(section_of.get(r.paragraph_id, 0))
        sec_ar, sec_en = labels.get(sid, (f"القسم {sid}", f"section {sid}"))
        rows.append({
            "quote_id": int(r.quote_id), "speaker_entity_id": eid, "speaker_ar": sp_ar, "speaker_en": sp_en,
            "speaker_how": r.speaker_how, "cue": r.cue, "cue_lemma": r.cue_lemma, "cue_gloss": r.cue_gloss,
            "mode": r.mode, "content": r.content, "start": int(r.start), "end": int(r.end),
            "paragraph_id": int(r.paragraph_id), "sentence_id": int(r.sentence_id), "section_id": sid,
            "section_ar": sec_ar, "section_en": sec_en,
        })
    df = pd.DataFrame(rows, columns=STATEMENT_COLUMNS)
    df["speaker_entity_id"] = df["speaker_entity_id"].astype("Int64")
    return df.reset_index(drop=True)


def _speaker_key(df: pd.DataFrame) -> pd.Series:
    return df["speaker_ar"] + "\x1f" + df["speaker_en"]


def speakers(art) -> pd.DataFrame:
    """One row per speaker: quotes, direct and indirect counts, the cues used (lemma), the sections spoken in.

    Sorted by number of quotes (most first), then by first appearance.
    """
    st = statements(art)
    cols = ["speaker_ar", "speaker_en", "n_quotes", "direct", "indirect", "cues", "sections", "first_start"]
    if st.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    st = st.assign(_key=_speaker_key(st))
    rows = []
    for _, g in st.groupby("_key", sort=False):
        cues = list(dict.fromkeys(g["cue_lemma"]))
        rows.append({
            "speaker_ar": g["speaker_ar"].iloc[0], "speaker_en": g["speaker_en"].iloc[0], "n_quotes": len(g),
            "direct": int((g["mode"] == "direct").sum()), "indirect": int((g["mode"] == "indirect").sum()),
            "cues": "، ".join(cues), "sections": ", ".join(str(s) for s in sorted(set(g["section_id"]))),
            "first_start": int(g["start"].min()),
        })
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["n_quotes", "first_start"], ascending=[False, True], kind="stable").reset_index(drop=True)


def cue_table(art) -> pd.DataFrame:
    """One row per cue lemma: the forms written, the English gloss of the lemma, direct / indirect counts."""
    st = statements(art)
    cols = ["cue_lemma", "gloss_en", "forms", "n", "direct", "indirect"]
    if st.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    gloss = _lemma_glosses()
    rows = []
    for lemma, g in st.groupby("cue_lemma", sort=False):
        rows.append({
            "cue_lemma": lemma, "gloss_en": gloss.get(lemma, g["cue_gloss"].iloc[0]),
            "forms": "، ".join(dict.fromkeys(g["cue"])), "n": len(g),
            "direct": int((g["mode"] == "direct").sum()), "indirect": int((g["mode"] == "indirect").sum()),
        })
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["n", "cue_lemma"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _lemma_glosses() -> dict[str, str]:
    """English gloss of each cue lemma: the gloss of the row whose form is the lemma (the base verb)."""
    from analysis.lexicon.gazetteer import cue_verbs

    out: dict[str, str] = {}
    for cue in cue_verbs().values():
        if cue.form == cue.lemma or cue.lemma not in out:
            if cue.form == cue.lemma or cue.kind == "verb":
                out[cue.lemma] = cue.gloss_en
    return out


def _spans(value: object) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in _SPAN_RE.findall(_str(value))]


def speaker_themes(art) -> pd.DataFrame:
    """Long table ``speaker × theme``: how many of the speaker's quotes carry evidence of the theme.

    Columns: ``speaker_ar, speaker_en, theme, label_ar, label_en, n_quotes``; sorted by speaker order
    (as in :func:`speakers`) then count.
    """
    st = statements(art)
    cols = ["speaker_ar", "speaker_en", "theme", "label_ar", "label_en", "n_quotes"]
    th = art.themes
    if st.empty or th.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    by_sentence: dict[int, list] = {}
    for r in th.itertuples(index=False):
        by_sentence.setdefault(int(r.sentence_id), []).append(r)
    hits = []
    for q in st.itertuples(index=False):
        seen = set()
        for t in by_sentence.get(q.sentence_id, []):
            if t.theme in seen:
                continue
            if any(q.start <= a and b <= q.end for a, b in _spans(t.evidence_spans)):
                seen.add(t.theme)
                hits.append((q.speaker_ar, q.speaker_en, t.theme, t.label_ar, t.label_en))
    if not hits:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    df = pd.DataFrame(hits, columns=cols[:-1])
    out = df.groupby(cols[:-1], sort=False).size().reset_index(name="n_quotes")
    order = {(a, e): i for i, (a, e) in enumerate(zip(*speakers(art)[["speaker_ar", "speaker_en"]].T.values))}
    out["_o"] = [order.get((a, e), len(order)) for a, e in zip(out["speaker_ar"], out["speaker_en"])]
    out = out.sort_values(["_o", "n_quotes", "theme"], ascending=[True, False, True], kind="stable")
    return out.drop(columns="_o").reset_index(drop=True)


def speaker_stems(art, *, top: int = 8) -> pd.DataFrame:
    """Key stems of each speaker's quoted content: word tokens inside the content spans, stopwords out.

    Columns: ``speaker_ar, speaker_en, stem, example`` (the most frequent written form), ``n``; the *top* stems
    per speaker by count (ties by first occurrence).
    """
    st = statements(art)
    cols = ["speaker_ar", "speaker_en", "stem", "example", "n"]
    if st.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    tok = art.tokens
    tok = tok[(tok["kind"] == "word") & ~tok["is_stopword"].astype(bool)]
    starts, ends = tok["start"].to_numpy(), tok["end"].to_numpy()
    rows = []
    for q in st.itertuples(index=False):
        inside = tok[(starts >= q.start) & (ends <= q.end)]
        for t in inside.itertuples(index=False):
            rows.append((q.speaker_ar, q.speaker_en, t.stem, t.text, t.start))
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    df = pd.DataFrame(rows, columns=["speaker_ar", "speaker_en", "stem", "text", "pos"])
    out = []
    for (sp_ar, sp_en), g in df.groupby(["speaker_ar", "speaker_en"], sort=False):
        stats = g.groupby("stem", sort=False).agg(n=("pos", "size"), first=("pos", "min"),
                                                  example=("text", lambda s: s.value_counts().index[0]))
        stats = stats.sort_values(["n", "first"], ascending=[False, True], kind="stable").head(top)
        for stem, r in stats.iterrows():
            out.append({"speaker_ar": sp_ar, "speaker_en": sp_en, "stem": stem, "example": r["example"],
                        "n": int(r["n"])})
    return pd.DataFrame(out, columns=cols)


def section_summary(art) -> pd.DataFrame:
    """One row per section: body sentences, quotes, speakers, and how much of the text is someone's words.

    Speakers are listed twice, Arabic names in ``speakers_ar`` and English in ``speakers_en`` (same order;
    ``—`` where there is no English name): one language per cell keeps each cell's direction clean.

    ``attributed_share`` is the share of the section's body characters inside quote content spans;
    the rest is the outlet's own narration (including the attribution phrases, ``قال الكاظمي``).
    """
    labels = section_labels(art)
    st = statements(art)
    voices = paragraph_voices(art)
    rows = []
    for sid, (sec_ar, sec_en) in sorted(labels.items()):
        v = voices[voices["section_id"] == sid]
        if v.empty:
            continue
        sents = art.sentences[(art.sentences["section_id"] == sid) & (art.sentences["paragraph_kind"] == "body")]
        g = st[st["section_id"] == sid]
        names = list(dict.fromkeys(zip(g["speaker_ar"], g["speaker_en"])))
        total = int(v["chars"].sum())
        quoted = int(v["direct"].sum() + v["indirect"].sum())
        rows.append({
            "section_id": sid, "section_ar": sec_ar, "section_en": sec_en, "paragraphs": len(v),
            "sentences": len(sents), "quotes": len(g), "direct": int((g["mode"] == "direct").sum()),
            "indirect": int((g["mode"] == "indirect").sum()), "speakers_ar": "، ".join(a for a, _ in names),
            "speakers_en": ", ".join(e or "—" for _, e in names),
            "attributed_share": round(quoted / total, 3) if total else 0.0,
            "voice": "reported speech and narration" if len(g) else "the outlet's narration only",
        })
    return pd.DataFrame(rows)


def paragraph_voices(art) -> pd.DataFrame:
    """Per body paragraph: characters of direct content, indirect content and narration (everything else).

    Columns: ``paragraph_id, section_id, chars, direct, indirect, narration`` (character counts; whitespace is
    counted, so the three parts add up to ``chars``).
    """
    paras = art.paragraphs[art.paragraphs["kind"] == "body"]
    q = art.quotes
    rows = []
    for p in paras.itertuples(index=False):
        counts = {"direct": 0, "indirect": 0}
        inside = q[(q["start"] < p.end) & (q["end"] > p.start)] if not q.empty else q
        covered = [0] * (p.end - p.start)
        for r in inside.itertuples(index=False):
            for i in range(max(r.start, p.start), min(r.end, p.end)):
                if not covered[i - p.start]:
                    covered[i - p.start] = 1
                    counts[r.mode] += 1
        chars = p.end - p.start
        rows.append({"paragraph_id": int(p.paragraph_id), "section_id": int(p.section_id), "chars": chars,
                     "direct": counts["direct"], "indirect": counts["indirect"],
                     "narration": chars - counts["direct"] - counts["indirect"]})
    return pd.DataFrame(rows, columns=["paragraph_id", "section_id", "chars", "direct", "indirect", "narration"])


QUOTE_STYLE = (
    "<style>.q-text mark.q-direct{background:#f4c7c3;padding:0 .1em}"
    ".q-text mark.q-indirect{background:#c9daf8;padding:0 .1em}"
    ".q-text h4{margin:.8rem 0 .2rem 0}.q-text p{line-height:1.9;margin:.2rem 0 .5rem 0}</style>"
)


def quotes_html(art) -> str:
    """The body as an HTML reading view: each quote's content marked (``mark.q-direct`` / ``mark.q-indirect``,
    tooltip: speaker, mode, cue and gloss), a heading at each section, paragraph numbers; all text escaped."""
    import html as _html

    from analysis.explore.highlight import highlight

    st = statements(art)
    labels = section_labels(art)
    out = [QUOTE_STYLE, '<div class="q-text">']
    current = None
    for p in art.paragraphs[art.paragraphs["kind"] == "body"].itertuples(index=False):
        sid = int(p.section_id)
        if sid != current:
            sec_ar, sec_en = labels.get(sid, (f"القسم {sid}", f"section {sid}"))
            out.append(f'<h4><span dir="rtl" lang="ar">{_html.escape(sec_ar)}</span> · {_html.escape(sec_en)}</h4>')
            current = sid
        inside = st[(st["start"] >= p.start) & (st["end"] <= p.end)].sort_values("start")
        parts, pos = [], p.start
        for q in inside.itertuples(index=False):
            if q.start < pos:  # overlapping contents: the earlier quote keeps the characters
                continue
            who = f"{q.speaker_en or q.speaker_ar}"
            title = f"{who} · {q.mode} · {q.cue} ({q.cue_gloss})"
            parts.append(highlight(art.text[pos:q.start], []))
            parts.append(highlight(art.text[q.start:q.end], [(0, q.end - q.start, title)], css_class=f"q-{q.mode}"))
            pos = q.end
        parts.append(highlight(art.text[pos:p.end], []))
        out.append(f'<p dir="rtl" lang="ar" style="text-align:right"><span dir="ltr" style="color:#888;'
                   f'font-size:.8em">¶{int(p.paragraph_id)}</span> {"".join(parts)}</p>')
    out.append("</div>")
    return "\n".join(out)


# --------------------------------------------------------------------------- notebook 03's tables and charts

MODE_COLOURS = {"direct": "#c44e52", "indirect": "#4c72b0", "narration": "#cccccc"}
MODE_LABELS = {"direct": ("مباشر", "direct"), "indirect": ("غير مباشر", "indirect"),
               "narration": ("سرد الصحيفة", "outlet's narration")}


def summary_html(table: pd.DataFrame) -> str:
    """One paragraph on :func:`statements`'s table: how many statements, speakers, direct and indirect ones
    (or that there are none, and what the notebook still shows then)."""
    if table.empty:
        return ("<p><b>No quotes found in this article:</b> nobody is reported as saying anything, so the "
                "sections below are empty. The last section still shows how the text divides between sections.</p>")
    n_speakers = table[["speaker_ar", "speaker_en"]].drop_duplicates().shape[0]
    return (f"<p>{len(table)} statements by {n_speakers} speaker(s): {(table['mode'] == 'direct').sum()} direct, "
            f"{(table['mode'] == 'indirect').sum()} indirect.</p>")


def statement_table(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`statements` for reading: bilingual ``speaker`` and ``section``, the cue, mode, content and where.

    Columns: ``quote_id, speaker, cue, cue_gloss, mode, content, paragraph_id, section``.
    """
    from analysis.explore.display import bilingual

    return table.assign(
        speaker=[bilingual(a, e) for a, e in zip(table["speaker_ar"], table["speaker_en"])],
        section=[bilingual(a, e) for a, e in zip(table["section_ar"], table["section_en"])],
    )[["quote_id", "speaker", "cue", "cue_gloss", "mode", "content", "paragraph_id", "section"]]


def key_words(stems: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker from :func:`speaker_stems`: ``key_words`` (each stem's example form with its count,
    "، "-joined) and ``stems``, in the stems' order."""
    return (
        stems.assign(word=[f"{w} ({n})" for w, n in zip(stems["example"], stems["n"])])
        .groupby(["speaker_ar", "speaker_en"], sort=False)
        .agg(key_words=("word", "، ".join), stems=("stem", "، ".join))
        .reset_index()
    )


def mode_bars(table: pd.DataFrame, names_ar, names_en, *, row_height: float, legend_space: float, title: str):
    """One horizontal bar per row of *table*, its ``direct`` and ``indirect`` counts stacked, bilingual row labels
    (*names_ar* · *names_en*); used for speakers and for cue verbs. Returns the figure (the caller shows it)."""
    import matplotlib.pyplot as plt

    from analysis.explore import display

    fig, ax = plt.subplots(figsize=(8, row_height * len(table) + 1.6))
    left = pd.Series(0, index=table.index)
    for mode in ("direct", "indirect"):
        ax.barh(range(len(table)), table[mode], left=left, color=MODE_COLOURS[mode],
                label=display.ar(display.bilingual(*MODE_LABELS[mode])))
        left = left + table[mode]
    display.set_ticks(ax, range(len(table)), [display.bilingual(a, e) for a, e in zip(names_ar, names_en)])
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    fig.legend(*ax.get_legend_handles_labels(), loc="lower center", ncol=2, frameon=False)
    display.label(ax, title=title, xlabel="statements")
    fig.tight_layout(rect=(0, legend_space, 1, 1))
    return fig


def plot_speaker_themes(themes: pd.DataFrame):
    """Heatmap of :func:`speaker_themes`: themes (rows, most statements first) by speaker (columns), a cell the
    number of the speaker's statements touching the theme (empty: none). Returns the figure, or None without
    themes."""
    if themes.empty:
        return None
    import matplotlib.pyplot as plt
    import seaborn as sns

    from analysis.explore import display

    themes = themes.assign(speaker=[f"{a}\n{e}".strip() for a, e in zip(themes["speaker_ar"], themes["speaker_en"])],
                           theme_label=[display.bilingual(a, e) for a, e in zip(themes["label_ar"], themes["label_en"])])
    grid = themes.pivot_table(index="theme_label", columns="speaker", values="n_quotes", aggfunc="sum",
                              fill_value=0, sort=False)
    grid = grid.loc[grid.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    fig, ax = plt.subplots(figsize=(1.8 * len(grid.columns) + 6, 0.45 * len(grid) + 2))
    sns.heatmap(grid, annot=True, fmt="d", cmap="Blues", cbar=False, linewidths=0.5, linecolor="white", ax=ax,
                mask=grid.to_numpy() == 0, vmin=0, vmax=max(int(grid.to_numpy().max()), 1) + 1)
    ax.grid(False)
    display.set_ticks(ax, [i + 0.5 for i in range(len(grid))], list(grid.index), axis="y", rotation=0)
    display.set_ticks(ax, [i + 0.5 for i in range(len(grid.columns))], list(grid.columns), axis="x", rotation=0,
                      multialignment="center")
    ax.tick_params(axis="x", labeltop=True, labelbottom=False)
    display.label(ax, title=display.bilingual("الموضوعات في كلام كل متحدث", "Themes in each speaker's statements"),
                  xlabel="", ylabel="")
    fig.tight_layout()
    return fig


def plot_paragraph_voices(art):
    """Whose words, paragraph by paragraph: per body paragraph the share of its characters that is direct
    content, indirect content and narration (:func:`paragraph_voices`), a dashed line where a section starts and
    the section's bilingual label beside it. Returns the figure (the caller shows it)."""
    import matplotlib.pyplot as plt

    from analysis.explore import display

    voices = paragraph_voices(art)
    labels = section_labels(art)
    fig, ax = plt.subplots(figsize=(9, 0.32 * len(voices) + 1.8))
    share = voices[["direct", "indirect", "narration"]].div(voices["chars"], axis=0)
    left = pd.Series(0.0, index=voices.index)
    for mode in ("direct", "indirect", "narration"):
        ax.barh(range(len(voices)), share[mode], left=left, color=MODE_COLOURS[mode],
                label=display.ar(display.bilingual(*MODE_LABELS[mode])))
        left = left + share[mode]
    display.set_ticks(ax, range(len(voices)), [f"¶{p}" for p in voices["paragraph_id"]])
    ax.invert_yaxis()
    for i in range(1, len(voices)):
        if voices["section_id"].iloc[i] != voices["section_id"].iloc[i - 1]:
            ax.axhline(i - 0.5, color="black", lw=1.2, ls="--")
    for sid, g in voices.groupby("section_id"):
        ax.text(1.01, g.index[0], display.ar(display.bilingual(*labels.get(sid, (str(sid), str(sid))))),
                transform=ax.get_yaxis_transform(), va="center", ha="left", fontsize=9)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    fig.legend(*ax.get_legend_handles_labels(), loc="lower center", ncol=3, frameon=False)
    display.label(ax, title=display.bilingual("من يتكلم في كل فقرة", "Whose words, paragraph by paragraph"),
                  xlabel="share of the paragraph's characters", ylabel="body paragraph")
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return fig
