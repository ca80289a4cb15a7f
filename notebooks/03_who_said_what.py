# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 03 · Who said what
#
# **Question.** Who is quoted, saying what, and how: in their own words or reported, with which verbs, about
# which themes, and where in the article?
#
# **Method.** The `quotes` table of `analysis.parse_article`:
#
# - a quote starts at a reporting *cue*: a verb such as قال، أكد، أشار، شدد، أعرب، اعتبر or a participle such as
#   مؤكدا، معتبرا (the list, with English glosses, is data: `analysis/data/cue_verbs.csv`);
# - the *speaker* is the entity named after the cue, a title standing for a person named earlier
#   (الوزير الإيطالي → Guerini), or the previous speaker when the verb has no subject (وشدد على أن ...);
# - *direct* quotes are the words inside quotation marks; *indirect* quotes are the clause after أن / إن, or the
#   object of verbs such as اعتبر، أعرب عن;
# - the outlet's own narration (يشار إلى أن ...) is nobody's quote;
# - *what a speaker talks about*: the themes (see notebook 04) whose evidence words fall inside the speaker's
#   quoted content, and the content's most frequent stems (stopwords out);
# - *sections*: the opening (news) section comes before any subheading; each subheading opens another section.
#
# Arabic in charts goes through `analysis.explore.display`; tables show Arabic right to left with markup escaped.

# %% tags=["parameters"]
article_path = "../seeds/000_15d6e93d3754c312.txt"  # the seed; the report injects an absolute path

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, display as show

from analysis import parse_article
from analysis.explore import display
from analysis.explore import quotes as Q
from analysis.report.build import resolve_article

MODE_COLOURS = {"direct": "#c44e52", "indirect": "#4c72b0", "narration": "#cccccc"}
MODE_LABELS = {"direct": ("مباشر", "direct"), "indirect": ("غير مباشر", "indirect"),
               "narration": ("سرد الصحيفة", "outlet's narration")}


def mode_bars(table, names_ar, names_en, *, row_height, legend_space, title):
    """One horizontal bar per row of ``table``, direct and indirect statements stacked, bilingual row labels."""
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
    plt.show()


display.set_theme(style="whitegrid", context="notebook")
art = parse_article(resolve_article(article_path))
statements = Q.statements(art)
show(HTML(display.rtl_heading(art.headline)))
if statements.empty:
    show(HTML("<p><b>No quotes found in this article:</b> nobody is reported as saying anything, so the "
              "sections below are empty. The last section still shows how the text divides between sections.</p>"))
else:
    show(HTML(f"<p>{len(statements)} statements by {statements[['speaker_ar', 'speaker_en']].drop_duplicates().shape[0]}"
              f" speaker(s): {(statements['mode'] == 'direct').sum()} direct, "
              f"{(statements['mode'] == 'indirect').sum()} indirect.</p>"))

# %% [markdown]
# ## Speakers
# Each speaker's statements, split by mode, and the cue verbs they are reported with.

# %%
speakers = Q.speakers(art)
if not speakers.empty:
    show(display.rtl_table(speakers.drop(columns=["first_start"]), arabic_columns=["speaker_ar", "cues"],
                           caption="Speakers (sections: 0 = opening news section)"))
    mode_bars(speakers, speakers["speaker_ar"], speakers["speaker_en"], row_height=0.55, legend_space=0.12,
              title=display.bilingual("التصريحات حسب المتحدث", "Statements per speaker"))

# %% [markdown]
# ## Cue verbs
# How the article introduces what people say, by verb (lemma), with an English gloss; participles such as
# مؤكدا count with their verb (أكد).

# %%
cues = Q.cue_table(art)
if not cues.empty:
    show(display.rtl_table(cues, arabic_columns=["cue_lemma", "forms"], caption="Cue verbs"))
    mode_bars(cues, cues["cue_lemma"], cues["gloss_en"], row_height=0.45, legend_space=0.08,
              title=display.bilingual("أفعال القول", "Reporting verbs"))

# %% [markdown]
# ## The statements
# Every statement in text order: who, with which verb, direct or indirect, what (the content span), and where
# (paragraph number as in notebook 01, and section).

# %%
if not statements.empty:
    table = statements.assign(
        speaker=[display.bilingual(a, e) for a, e in zip(statements["speaker_ar"], statements["speaker_en"])],
        section=[display.bilingual(a, e) for a, e in zip(statements["section_ar"], statements["section_en"])],
    )[["quote_id", "speaker", "cue", "cue_gloss", "mode", "content", "paragraph_id", "section"]]
    show(display.rtl_table(table, arabic_columns=["speaker", "cue", "content", "section"], caption="Statements"))

# %% [markdown]
# ## Reading view
# The body with each statement's content marked: **red** direct, **blue** indirect (hover for the speaker and the
# verb). Unmarked text is the outlet's narration, including the attribution phrases.

# %%
HTML(Q.quotes_html(art))

# %% [markdown]
# ## What each speaker talks about
# Themes whose evidence words lie inside a speaker's quoted content (how many of their statements touch the
# theme), then the most frequent stems of what they said, with the most frequent written form as example.

# %%
themes = Q.speaker_themes(art)
if statements.empty:
    pass
elif themes.empty:
    show(HTML("<p>No theme of the lexicon is evidenced inside the quoted content.</p>"))
else:
    import seaborn as sns

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
    plt.show()

# %%
stems = Q.speaker_stems(art, top=8)
if not stems.empty:
    key_words = (
        stems.assign(word=[f"{w} ({n})" for w, n in zip(stems["example"], stems["n"])])
        .groupby(["speaker_ar", "speaker_en"], sort=False)
        .agg(key_words=("word", "، ".join), stems=("stem", "، ".join))
        .reset_index()
    )
    show(display.rtl_table(key_words, arabic_columns=["speaker_ar", "key_words", "stems"],
                           caption="Key words of each speaker's quoted content: most frequent stems (top 8), "
                                   "shown by their most frequent written form (count)"))

# %% [markdown]
# ## The news section and the background section
# How much of each section is someone's reported words and how much is the outlet's own narration, paragraph
# by paragraph (characters inside quote contents; attribution phrases such as قال الكاظمي count as narration).

# %%
summary = Q.section_summary(art)
show(display.rtl_table(summary, arabic_columns=["section_ar", "speakers_ar"], caption="Sections: who speaks where",
                       precision=3))
voices = Q.paragraph_voices(art)
labels = Q.section_labels(art)
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
plt.show()
