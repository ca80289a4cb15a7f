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
# # 04 · Themes
#
# **Question.** What is the article about, and how do its themes flow from paragraph to paragraph?
#
# **Method.** The `themes` table of `analysis.parse_article`:
#
# - a transparent bilingual lexicon, `analysis/data/themes.csv`: each *theme* (codes in the spirit of GDELT's
#   GKG themes, such as `TERROR` or `ECON_STOCKMARKET`) has trigger words and phrases with an English gloss and a
#   weight (2 = names the theme on its own, 1 = a clear but broader word, 0.5 = a weak cue);
# - triggers are matched on *stems* (the same light stemmer as `tokens.stem`), so `الإرهابية` and `الإرهاب`
#   are one trigger whatever the clitics;
# - a sentence carries a theme when the weights of the distinct triggers found add up to at least 1; that sum
#   is the *score*, and the matched words are the *evidence*;
# - a *section* is the run of sentences under a subheading; the *opening* (news) section is everything before
#   the first subheading; the headline counts with the opening;
# - *key terms* are stems of word tokens with stopwords, numbers and punctuation left out, ranked by *keyness*
#   = count × (count in the group ÷ count in the article), so that a word used everywhere (the country's name)
#   does not top every list. Each is shown in its most frequent written form, with an English gloss where the
#   theme lexicon has one (or the entity's English name when the word is a one-word name);
# - *keyword in context* lists every occurrence of a term (by stem) with the words around it, within its sentence.
#
# Arabic in charts goes through `analysis.explore.display`; tables show Arabic right to left with markup escaped.

# %% tags=["parameters"]
article_path = "../seeds/000_15d6e93d3754c312.txt"  # the seed; the report injects the article's file name
country = None  # the outlet's country (ISO 3166 code, e.g. "EG"): place namesakes and name spellings follow it
kwic_term = ""  # a word for the keyword-in-context section; empty: the most frequent theme evidence word

# %%
import html

from IPython.display import HTML
from IPython.display import display as show

from analysis.explore import display, open_article
from analysis.explore import kwic as K
from analysis.explore import themes as T
from analysis.lexicon.translations import translation_for

art = open_article(article_path, style="white", country=country)
translation = translation_for(art.paragraphs)
catalogue = T.theme_catalogue(art)
show(HTML(display.rtl_heading(art.headline)))
if catalogue.empty:
    show(HTML("<p><b>No themes found in this article:</b> no sentence has enough lexicon triggers. The key terms "
              "and keyword-in-context sections below still work on the words themselves.</p>"))
else:
    show(HTML(
        f"<p>{len(catalogue)} theme(s) over {len(art.sentences)} sentences; the strongest: "
        + ", ".join(f'<span dir="rtl" lang="ar">{html.escape(a)}</span> · {html.escape(e)}'
                    for a, e in zip(catalogue["label_ar"][:3], catalogue["label_en"][:3]))
        + ".</p>"
    ))

# %% [markdown]
# ## What the article is about
# Every theme found, strongest first: in how many sentences and paragraphs, its summed score, where it first
# appears, and the words that gave it away.

# %%
if not catalogue.empty:
    show(display.rtl_table(catalogue, arabic_columns=["label_ar", "evidence"], precision=2,
                           caption="Themes (share = fraction of the article's sentences)"))

# %% [markdown]
# ## Theme by paragraph
# Rows are themes (strongest at the top), columns the paragraphs in page order; a cell is the summed score of the
# theme in that paragraph's sentences (empty: not there). The dashed line is where a subheading opens a new section.

# %%
matrix = T.theme_by_paragraph(art)
fig = T.plot_theme_heatmap(art, matrix, translation=translation)
if fig is None:
    show(HTML("<p>No themes to draw.</p>"))
else:
    display.show()

# %% [markdown]
# ## How the themes flow
# The same themes sentence by sentence, in reading order (1 = the headline); the shaded band is the opening news
# section, the white bands the sections under each subheading. A bigger dot is a higher score.

# %%
flow = T.theme_flow(art)
fig = T.plot_theme_flow(art, flow, translation=translation)
if fig is None:
    show(HTML("<p>No themes to draw.</p>"))
else:
    display.show()

# %% [markdown]
# ## News section vs the rest
# For each section, the share of its sentences that carry each theme: what the news itself is about, and what the
# background adds.

# %%
by_section = T.theme_by_section(art, translation=translation)
sections = T.sections(art, translation=translation)
if by_section.empty:
    show(HTML("<p>No themes, so nothing to compare between sections.</p>"))
else:
    table = by_section.reset_index().rename(columns={s.section_id: f"{s.section_id}: {s.label}" for s in sections})
    show(display.rtl_table(table, arabic_columns=["label"], precision=3,
                           caption="Share of each section's sentences carrying the theme"))

# %% [markdown]
# ## Key terms per section and per theme
# The most characteristic words of each section (grouped by stem, shown as written, with an English gloss from
# the reviewed glossaries where one is known), with their counts, and then of the sentences carrying
# each theme (one row per theme, column 1 = most characteristic; English where the lexicon has a gloss).

# %%
by = T.key_terms(art, by="section", top=8, translation=translation)
show(display.rtl_table(by.drop(columns=["group", "stem"]), arabic_columns=["group_label", "form"], precision=2,
                       caption="Key terms per section"))
by_theme = T.key_terms(art, by="theme", top=5)
if not by_theme.empty:
    wide = T.key_terms_wide(by_theme)
    show(display.rtl_table(wide, arabic_columns=list(wide.columns),
                           caption="Key terms per theme (words of the sentences carrying it; 1 = most characteristic)"))

# %% [markdown]
# ## Keyword in context
# Every occurrence of one term, matched by stem (so with or without و، ب، ال ...), with the words before it on the
# right and after it on the left. Set `kwic_term` in the parameters cell to look up another word.

# %%
term = kwic_term or K.suggest_term(art)
lines = K.kwic(art, term, window=6)
show(HTML(f'<p>Term: <b dir="rtl" lang="ar">{html.escape(term)}</b> — {len(lines)} occurrence(s).</p>'))
show(HTML(K.kwic_html(lines)))

# %% [markdown]
# ## Pick a theme, see its sentences
# Open a theme to read the sentences that carry it, with the evidence words highlighted (numbers on the right are
# sentence numbers). Plain HTML `<details>` blocks: they open and close in JupyterLab and in the static report.

# %%
show(HTML(T.theme_sentences_html(art, translation=translation)))
