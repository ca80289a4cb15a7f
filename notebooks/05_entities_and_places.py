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
# # 05 · Entities and places
#
# **Question.** Who and what does the article name, how often, which of them appear together, and where are
# the places it names?
#
# **Method.** The tables come from `analysis.parse_article` (the `entities` and `mentions` tables):
#
# - an *entity* is one real-world person, organisation or place, whatever its spelling or attached clitics
#   (ايطاليا = إيطاليا, لإيطاليا); every entity has an English name: from the reviewed gazetteer or the
#   GeoNames/CLDR place table, composed from listed names and glossed words, or romanized by the letter model
#   (`name_en_source` says which);
# - nisba adjectives (العراقي، الإيطالية) describe and are not counted as mentions; titles are not part of a
#   person's name;
# - *co-occurrence* is counted per sentence: two entities named in the same sentence share one sentence,
#   however often each is named in it;
# - places are drawn where the gazetteer has coordinates (a city's centre, a facility's site, a representative
#   point inside a country) on a plain longitude/latitude grid: nothing is downloaded, so there are no
#   coastlines or borders. Places without coordinates are listed, not guessed.
#
# Arabic in charts goes through `analysis.explore.display`; tables show Arabic right to left with markup escaped.

# %% tags=["parameters"]
article_path = "../seeds/000_15d6e93d3754c312.txt"  # the seed; the report injects the article's file name
country = None  # the outlet's country (ISO 3166 code, e.g. "EG"): place namesakes and name spellings follow it
pick = None  # an entity to unfold below: its English or Arabic name (e.g. "Italy" or "إيطاليا"), or its id

# %%
import html

from IPython.display import HTML
from IPython.display import display as show

from analysis.explore import display, open_article
from analysis.explore import entities as E
from analysis.explore import places as P

art = open_article(article_path, country=country)
table = E.entity_table(art)
show(HTML(display.rtl_heading(art.headline)
          + f"<p>{len(table)} entities, {len(art.mentions)} mentions.</p>"))

# %% [markdown]
# ## The entities
# One row per entity, most mentioned first; `n_sentences` is the number of sentences naming it and
# `first_paragraph` where it first appears. Every entity has an English name; `name_en_source` says how far to
# trust it: `gazetteer` (a reviewed entry, or a GeoNames/CLDR place), `lexicon` (every word a listed name),
# `romanized` (spelt by the letter model: plausible, not looked up).

# %%
display.rtl_table(E.typed_table(table), arabic_columns=["name_ar"], caption="Entities named in the article")

# %% [markdown]
# ## How often each is named
# Mentions per entity, coloured by type (bilingual labels).

# %%
if E.plot_mentions(table, top=25) is None:
    show(HTML("<p><b>No entities found in this article.</b></p>"))
else:
    display.show()

# %% [markdown]
# ## Who appears with whom
# Two entities are linked when they are named in the same sentence. The matrix counts shared sentences (its
# diagonal is each entity's own number of sentences); the network draws the same counts as lines, thicker for
# more shared sentences, node size by mentions. Only entities sharing a sentence with another are shown (at
# most the 15 most mentioned).

# %%
pairs = E.cooccurrence(art)
if pairs.empty:
    show(HTML("<p><b>No two entities share a sentence in this article.</b></p>"))
else:
    show(display.rtl_table(pairs.drop(columns=["entity_a", "entity_b"]).head(20),
                           arabic_columns=["name_ar_a", "name_ar_b"], caption="Entity pairs by shared sentences (top 20)"))

# %%
if E.plot_cooccurrence_matrix(art, E.cooccurrence_matrix(art, top=15)) is not None:
    display.show()

# %%
if E.network_figure(art, top=15) is not None:
    display.show()

# %% [markdown]
# ## Places
# The places the article names, with the gazetteer's coordinates where it has them (reviewed entries, else
# GeoNames), their country and population. A name several places share (طرابلس: Libya or Lebanon; عمان: Oman or
# Amman) is decided by the article: `geo_reason` says how (`article-context`: another place named is in that
# country; `outlet-country`; `population-prior`: the biggest namesake; `override`: the reviewed entry). Marker
# area grows with mentions; squares are facilities. When most places cluster in one region and a few lie far away, a second
# panel zooms on the cluster.

# %%
place_table = P.places(art)
located = place_table[place_table["has_coordinates"]]
display.rtl_table(place_table, arabic_columns=["name_ar"], caption="Places named (coordinates from the gazetteer and GeoNames)",
                  precision=2)

# %%
if located.empty:
    show(HTML("<p><b>No place with known coordinates in this article.</b></p>"))
else:
    P.map_figure(located)
    display.show()

# %% [markdown]
# ## Pick an entity: its sentences
# Unfold an entity to read every sentence that names it, its mentions highlighted (the most mentioned one
# starts unfolded). Set `pick` in the parameters cell to unfold another one by name; the static report shows
# the same foldable list, so it works there too.

# %%
if pick is not None and E.find_entity(art, pick) is None:
    show(HTML(f"<p>No entity called <b>{html.escape(str(pick))}</b> in this article.</p>"))
chosen = E.entity_to_unfold(art, pick)
HTML(E.entity_sentences_html(art, open_ids={chosen} if chosen is not None else set()))
