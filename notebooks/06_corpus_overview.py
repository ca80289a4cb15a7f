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
# # 06 · The corpus at a glance
#
# **Question.** Across many articles: who is quoted most, which people and places recur, what is counted, and how
# do themes rise and fall from outlet to outlet and week to week?
#
# **Method.** A corpus dataset built by `python -m analysis corpus INPUT... --out DIR` (one Parquet dataset per
# table; see the README, "Many articles"), read with `analysis.explore.corpus`:
#
# - an article's *outlet* is the JSON line's `source` field (SaudiNewsNet), else the folder of its file; its *day*
#   is the publication date on the page when that is a Gregorian date within the month before the day the line was
#   extracted (`date_extracted`; a Hijri date such as 1436-10-09 is not), else the day it was extracted; weeks
#   start on Monday;
# - an *entity* is the same across articles when the gazetteer knows it (same `key`); any other entity is
#   identified by its type and Arabic name. Its English name is the gazetteer's or the name lexicon's, else a romanization marked `≈`;
# - a *speaker* is an entity a quote is attributed to (quotes by unnamed sources, "officials", are not counted here);
# - a *theme* counts once per article that has at least one sentence carrying it; shares are of the outlet's or the
#   week's articles;
# - everything is counted by the parser, with no manual check: treat the numbers as a map of the corpus, and read
#   the articles (the `text` table keeps every one) before quoting a finding.
#
# Arabic in charts is drawn in logical order by matplotlib's text shaping (`analysis.explore.display`); tables show
# Arabic right to left with markup escaped.

# %% tags=["parameters"]
corpus_path = "../data/corpus/saudinewsnet"  # `make corpus` builds it; the report runs beside the dataset
entity = ""  # an entity for the last section (key, English or Arabic name); empty: the person named most

# %%
from IPython.display import HTML
from IPython.display import display as show

from analysis.explore import corpus as C
from analysis.explore import display

corpus = C.open_corpus(corpus_path)
display.rtl_table(C.overview(corpus), caption=f"Corpus: {corpus.path.name}")

# %% [markdown]
# ## Articles per outlet and day
# How much each outlet contributes, and when. Gaps are days the corpus has no articles for.

# %%
show(display.rtl_table(C.articles_per_outlet(corpus), caption="Articles per outlet", precision=3))
per_day = C.articles_per_day(corpus)
C.plot_articles_per_day(per_day)
display.show()

# %% [markdown]
# ## Most-quoted speakers
# The entities quoted most, with the reporting verb used most with each (Arabic lemma and English gloss).

# %%
speakers = C.top_speakers(corpus, top=20)
display.rtl_table(speakers.drop(columns=["ekey"]), arabic_columns=["name_ar", "verb_ar"],
                  caption="Most-quoted speakers")

# %%
top5 = list(speakers["ekey"][:5])
C.plot_timeline(corpus, C.entity_timeline(corpus, top5, freq="D"), title="The most-quoted speakers: articles naming them, by day",
                ylabel="articles naming them")
display.show()

# %% [markdown]
# ## Most-named entities
# People, organisations and places named in the most articles (a repeat in one article counts once), and the
# people and places over time.

# %%
for type_, title in (("PERSON", "People"), ("ORG", "Organisations"), ("GPE", "Countries and cities")):
    table = C.top_entities(corpus, type=type_, top=15)
    show(display.rtl_table(table.drop(columns=["ekey", "type"]), arabic_columns=["name_ar"],
                           caption=f"{title} named in the most articles"))

# %%
people = list(C.top_entities(corpus, type="PERSON", top=6)["ekey"])
C.plot_timeline(corpus, C.entity_timeline(corpus, people, freq="D"), title="The most-named people, by day")
display.show()

# %% [markdown]
# ## Figures by category
# The counted amounts: how many of each category, in how many articles, how often approximate ("about", "more
# than"), and the unit counted most. Then the largest amounts of money and of people, as written: the biggest
# numbers are where a misread amount shows first, so check them against their headline.

# %%
by_category = C.figures_by_category(corpus)
show(display.rtl_table(by_category, arabic_columns=["unit_ar"], caption="Figures by category", precision=2))
for category in C.figure_categories_to_show(by_category):
    show(display.rtl_table(C.top_figures(corpus, category, top=8), arabic_columns=["text", "headline"],
                           caption=f"Largest {category} figures", precision=0))

# %% [markdown]
# ## Themes by outlet and week
# Which outlet writes about what (share of its articles carrying each theme), and how the themes rise and fall week
# by week.

# %%
by_outlet = C.themes_by_outlet(corpus, top=12)
C.plot_themes_by_outlet(by_outlet)
display.show()

# %%
by_week = C.themes_by_week(corpus, top=8)
C.plot_themes_by_week(by_week)
display.show()
display.rtl_table(by_week.reset_index(), caption="Share of the week's articles carrying each theme", precision=3)

# %% [markdown]
# ## Pick an entity
# One entity across the corpus: where and when it is named, who with, what it said. Set `entity` in the parameters
# cell (a gazetteer key such as `iran`, an English name or an Arabic name) to look up another.

# %%
ekey = C.find_entity(corpus, entity) if entity else C.suggest_entity(corpus)
if ekey is None:
    show(HTML(f"<p>No entity matches {entity!r}.</p>" if entity else "<p>No entities in this corpus.</p>"))
else:
    profile = C.entity_profile(corpus, ekey)
    show(HTML(C.entity_view_html(profile)))
    C.plot_timeline(corpus, C.entity_timeline(corpus, [ekey], freq="D"),
                    title="Articles naming it, by day")
    display.show()
