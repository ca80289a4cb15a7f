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
# # 01 · The article at a glance
#
# **Question.** What is this article, how is it built, and what does it say, paragraph by paragraph?
#
# **Method.** The page is parsed by `analysis.parse_article`, the same code as the command line:
#
# - every non-empty line of the page is a *paragraph*, numbered from 1 in page order; each gets a
#   *kind*: `boilerplate` (page furniture such as the close button or the site section), `headline`,
#   `meta` (date and view-count lines), `subheading` or `body`;
# - a *section* is the run of body paragraphs under a subheading; paragraphs before the first
#   subheading have no section (shown here as "opening");
# - *words* are tokens of kind `word` (numbers and punctuation left out) in the headline,
#   subheadings and body; boilerplate and meta lines are not counted;
# - *reading time* assumes **138 words per minute** for silent reading of Arabic by adults, the
#   Arabic figure of the IReST standardised texts (Trauzettel-Klosinski & Dietz 2012, 138 ± 20 wpm;
#   English in the same study: 228). It is a rough guide, shown with the ±20 wpm range;
# - the English beside the Arabic is a translation made by hand for the seed article and stored as
#   data (`analysis/data/translations/`), checked against the paragraph ids; other articles have an
#   empty English column.
#
# Arabic in charts is drawn in logical order by matplotlib's own text shaping (see
# `analysis.explore.display`); tables show Arabic right to left and escape any markup in the text.

# %% tags=["parameters"]
article_path = "../seeds/000_15d6e93d3754c312.txt"  # the seed; the report injects an absolute path

# %%
import matplotlib.pyplot as plt
from matplotlib.patches import Patch
import pandas as pd
from IPython.display import HTML, display as show

from analysis import parse_article
from analysis.explore import display
from analysis.report.build import resolve_article
from analysis.lexicon.translations import translation_for

WORDS_PER_MINUTE = 138  # IReST, Arabic silent reading (Trauzettel-Klosinski & Dietz 2012)
WPM_SPREAD = 20

display.set_theme(style="whitegrid", context="notebook")
art = parse_article(resolve_article(article_path))
meta = art.article.iloc[0]
show(HTML(display.rtl_heading(art.headline)))

# %% [markdown]
# ## Metadata
# What the page says about itself. Empty cells are things the parser could not find on the page
# (it leaves them empty rather than guess).

# %%
FIELDS = [
    ("article_id", "article id"),
    ("source", "source file"),
    ("headline", "headline"),
    ("published_at", "published (as printed on the page)"),
    ("views", "views (as printed on the page)"),
    ("n_paragraphs", "paragraphs (non-empty lines)"),
    ("n_body_paragraphs", "body paragraphs"),
    ("n_sentences", "sentences (headline, subheadings, body)"),
    ("n_tokens", "tokens"),
    ("n_words", "words"),
]
metadata = pd.DataFrame(
    {
        "field": [label for _, label in FIELDS],
        "value": [("" if pd.isna(meta[c]) else str(meta[c])) for c, _ in FIELDS],
    }
)
display.rtl_table(metadata, arabic_columns=["value"], caption="Article metadata")

# %% [markdown]
# ## Structure
# Each paragraph with its kind, its section and its length. The bar chart is the article's shape
# from top to bottom: how long each paragraph is and where the subheading cuts it in two.

# %%
paragraphs = art.paragraphs
words = art.tokens[art.tokens["kind"] == "word"].groupby("paragraph_id").size()
sentences = art.sentences.groupby("paragraph_id").size()
OPENING = "opening"

structure = pd.DataFrame(
    {
        "paragraph_id": paragraphs["paragraph_id"],
        "kind": paragraphs["kind"],
        "section": paragraphs["section"].fillna(OPENING).where(paragraphs["kind"].isin(["body", "subheading"]), ""),
        "sentences": paragraphs["paragraph_id"].map(sentences).fillna(0).astype(int),
        "words": paragraphs["paragraph_id"].map(words).fillna(0).astype(int),
        "text": paragraphs["text"],
    }
)
kinds = structure["kind"].value_counts().rename_axis("kind").reset_index(name="paragraphs")
show(display.rtl_table(kinds, caption="Paragraphs by kind"))
display.rtl_table(structure, arabic_columns=["section", "text"], caption="Paragraphs")

# %%
KIND_LABELS = {
    "headline": ("العنوان", "headline"),
    "subheading": ("عنوان فرعي", "subheading"),
    "body": ("متن", "body"),
}
COLOURS = {"headline": "#c44e52", "subheading": "#dd8452", "body": "#4c72b0"}

counted = structure[structure["kind"].isin(list(KIND_LABELS))].reset_index(drop=True)
fig, ax = plt.subplots(figsize=(8, 0.32 * len(counted) + 1.5))
ax.barh(range(len(counted)), counted["words"], color=counted["kind"].map(COLOURS))
display.set_ticks(ax, range(len(counted)), [f"¶{p}" for p in counted["paragraph_id"]], axis="y")
ax.invert_yaxis()  # page order, top to bottom
for i, row in counted[counted["kind"] == "subheading"].iterrows():
    ax.axhline(i - 0.5, color="#dd8452", lw=1, ls="--")
    ax.text(counted["words"].max(), i, display.ar(row["text"]), ha="right", va="center", fontsize=11)
handles = [
    Patch(color=colour, label=display.ar(display.bilingual(*KIND_LABELS[kind])))
    for kind, colour in COLOURS.items()
    if (counted["kind"] == kind).any()
]
fig.legend(handles=handles, loc="lower center", ncol=len(handles), frameon=False)
display.label(
    ax,
    title=display.bilingual("طول الفقرات بالكلمات", "Paragraph length in words"),
    xlabel="words",
    ylabel="paragraph (page order)",
)
fig.tight_layout(rect=(0, 0.05, 1, 1))  # room for the legend under the axis label
plt.show()

# %% [markdown]
# ## Sections and reading time
# Words and sentences per section, and the time an adult reader of Arabic needs at
# 138 ± 20 words per minute.

# %%
body = structure[structure["kind"].isin(["headline", "subheading", "body"])].copy()
body["part"] = body["section"].where(body["kind"] != "headline", "headline")
sections = (
    body.groupby("part", sort=False)
    .agg(paragraphs=("paragraph_id", "size"), sentences=("sentences", "sum"), words=("words", "sum"))
    .reset_index()
    .rename(columns={"part": "section"})
)
total = pd.DataFrame([{"section": "whole article", **sections[["paragraphs", "sentences", "words"]].sum().to_dict()}])
sections = pd.concat([sections, total], ignore_index=True)
sections["minutes"] = (sections["words"] / WORDS_PER_MINUTE).round(1)
sections["minutes (range)"] = [
    f"{w / (WORDS_PER_MINUTE + WPM_SPREAD):.1f}–{w / (WORDS_PER_MINUTE - WPM_SPREAD):.1f}" for w in sections["words"]
]
display.rtl_table(
    sections, arabic_columns=["section"], caption=f"Sections; reading time at {WORDS_PER_MINUTE} wpm", precision=1
)

# %%
n_words = int(total["words"].iloc[0])
minutes = n_words / WORDS_PER_MINUTE
show(HTML(
    f"<p><b>Reading time:</b> {n_words} words ÷ {WORDS_PER_MINUTE} words per minute ≈ "
    f"<b>{minutes:.1f} minutes</b> (between {n_words / (WORDS_PER_MINUTE + WPM_SPREAD):.1f} and "
    f"{n_words / (WORDS_PER_MINUTE - WPM_SPREAD):.1f} minutes for a reader at 158 or 118 wpm).</p>"
))

# %% [markdown]
# ## The text beside an English translation
# Paragraph by paragraph, in page order. The English is a hand translation kept as data and
# aligned by paragraph id; it is shown only when every stored paragraph still lines up with the
# parsed text. For articles without a stored translation the English column is empty.

# %%
side_by_side = translation_for(paragraphs)
side_by_side.insert(2, "kind", paragraphs["kind"].to_numpy())
has_english = (side_by_side["en"] != "").any()
show(HTML(
    "<p>English translation: "
    + ("stored for this article." if has_english else "<b>none stored for this article</b> (column left empty).")
    + "</p>"
))
display.rtl_table(
    side_by_side[["paragraph_id", "kind", "text", "en"]],
    arabic_columns=["text"],
    caption="Arabic text and English translation",
)
