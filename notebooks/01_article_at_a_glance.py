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
# - the *English summary* at the top is generated from the tables (`analysis.explore.summary`): who is
#   named and quoted, the main figures, themes and dates, with what is missing said in so many words;
# - *dates* come from the `dates` table: each expression with its English gloss, the date it resolves to
#   (weekdays and "today" are anchored on the page's publication date) and the sentence it stands in;
# - the English beside the Arabic, paragraph by paragraph, is a translation made by hand and stored as
#   data (`analysis/data/translations/`), checked against the paragraph ids; it is shown only for articles
#   that have one (today: the seed).
#
# Arabic in charts is drawn in logical order by matplotlib's own text shaping (see
# `analysis.explore.display`); tables show Arabic right to left and escape any markup in the text.

# %% tags=["parameters"]
article_path = "../seeds/000_15d6e93d3754c312.txt"  # the seed; the report injects the article's file name
country = None  # the outlet's country (ISO 3166 code, e.g. "EG"): place namesakes and name spellings follow it

# %%
from IPython.display import HTML
from IPython.display import display as show

from analysis.explore import article as A
from analysis.explore import dates as D
from analysis.explore import display, open_article
from analysis.explore.summary import summary_html

art = open_article(article_path, country=country)
show(HTML(display.rtl_heading(art.headline)))
show(HTML(summary_html(art, headline_en=A.english_headline(art))))

# %% [markdown]
# ## Metadata
# What the page says about itself. Empty cells are things the parser could not find on the page
# (it leaves them empty rather than guess).

# %%
display.rtl_table(A.metadata(art), arabic_columns=["value"], caption="Article metadata")

# %% [markdown]
# ## Structure
# Each paragraph with its kind, its section and its length. The bar chart is the article's shape
# from top to bottom: how long each paragraph is and where the subheading cuts it in two.

# %%
structure = A.structure(art)
show(display.rtl_table(A.kind_counts(structure), caption="Paragraphs by kind"))
display.rtl_table(structure, arabic_columns=["section", "text"], caption="Paragraphs")

# %%
A.plot_paragraph_lengths(structure)
display.show()

# %% [markdown]
# ## Sections and reading time
# Words and sentences per section, and the time an adult reader of Arabic needs at
# 138 ± 20 words per minute.

# %%
sections = A.sections(structure)
display.rtl_table(
    sections, arabic_columns=["section"], caption=f"Sections; reading time at {A.WORDS_PER_MINUTE} wpm", precision=1
)

# %%
show(HTML(A.reading_time_html(sections)))

# %% [markdown]
# ## When: the dates in the text
# Every date expression with its English gloss and the date it resolves to, on a timeline, then the
# sentence each comes from.

# %%
dates = D.dates_table(art)
if dates.empty:
    show(HTML("<p>No date expression found in this article.</p>"))
else:
    fig = D.plot_timeline(D.timeline_points(dates))
    if fig is None:
        show(HTML("<p>No date in this article could be resolved to a calendar date; the expressions are listed.</p>"))
    else:
        display.show(fig)
    show(display.rtl_table(dates, arabic_columns=["text", "sentence"], caption="Date expressions"))

# %% [markdown]
# ## The text beside an English translation
# Paragraph by paragraph, in page order, where a hand translation is stored for the article (kept as
# data and aligned by paragraph id; shown only when every stored paragraph still lines up with the
# parsed text).

# %%
side_by_side = A.side_by_side(art)
if A.has_translation(side_by_side):
    show(display.rtl_table(side_by_side, arabic_columns=["text"], caption="Arabic text and English translation"))
else:
    show(HTML("<p>No English translation is stored for this article: the English summary at the top is the "
              "reading path for this article.</p>"))
