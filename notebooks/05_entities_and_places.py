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
#   (ايطاليا = إيطاليا, لإيطاليا); English names come from the project's reviewed bilingual gazetteer, and names
#   found by patterns or the NER model without a gazetteer entry have no English name (shown in Arabic only);
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
article_path = "../seeds/000_15d6e93d3754c312.txt"  # the seed; the report injects an absolute path
pick = None  # an entity to unfold below: its English or Arabic name (e.g. "Italy" or "إيطاليا"), or its id

# %%
import html

import matplotlib.pyplot as plt
from matplotlib.patches import Patch
from IPython.display import HTML, display as show

from analysis import parse_article
from analysis.explore import display
from analysis.explore import entities as E
from analysis.explore import places as P
from analysis.report.build import resolve_article

display.set_theme(style="whitegrid", context="notebook")
art = parse_article(resolve_article(article_path))
table = E.entity_table(art)
show(HTML(display.rtl_heading(art.headline)
          + f"<p>{len(table)} entities, {len(art.mentions)} mentions.</p>"))

# %% [markdown]
# ## The entities
# One row per entity, most mentioned first; `n_sentences` is the number of sentences naming it and
# `first_paragraph` where it first appears.

# %%
type_names = {k: display.bilingual(*v) for k, v in E.TYPE_LABELS.items()}
display.rtl_table(table.assign(type=table["type"].map(lambda t: f"{t} · {type_names.get(t, t)}")),
                  arabic_columns=["name_ar"], caption="Entities named in the article")

# %% [markdown]
# ## How often each is named
# Mentions per entity, coloured by type (bilingual labels; the Arabic name alone where there is no English one).

# %%
if table.empty:
    show(HTML("<p><b>No entities found in this article.</b></p>"))
else:
    shown = table.head(25)
    fig, ax = plt.subplots(figsize=(9, 0.34 * len(shown) + 1.6))
    ax.barh(range(len(shown)), shown["n_mentions"], color=shown["type"].map(E.TYPE_COLOURS))
    display.set_ticks(ax, range(len(shown)), [E.entity_label(a, e) for a, e in zip(shown["name_ar"], shown["name_en"])])
    ax.invert_yaxis()
    for i, n in enumerate(shown["n_mentions"]):
        ax.text(n, i, f" {n}", va="center", fontsize=9)
    present = [t for t in E.TYPE_COLOURS if (shown["type"] == t).any()]
    ax.xaxis.get_major_locator().set_params(integer=True)
    fig.legend(handles=[Patch(color=E.TYPE_COLOURS[t], label=display.ar(type_names[t])) for t in present],
               loc="lower center", ncol=len(present), frameon=False)
    display.label(ax, title=display.bilingual("عدد مرات الذكر", "Mentions per entity")
                  + ("" if len(table) <= 25 else f" (top 25 of {len(table)})"), xlabel="mentions")
    fig.tight_layout(rect=(0, 1.0 / fig.get_figheight(), 1, 1))  # room for the legend below
    plt.show()

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
matrix = E.cooccurrence_matrix(art, top=15)
if not matrix.empty:
    import numpy as np
    import seaborn as sns

    names = table.set_index("entity_id")
    labels = [E.entity_label(names.at[i, "name_ar"], names.at[i, "name_en"]) for i in matrix.index]
    mask = np.triu(np.ones(matrix.shape, dtype=bool), k=1) | (matrix.to_numpy() == 0)  # lower triangle only
    n = len(matrix)
    fig, ax = plt.subplots(figsize=(0.5 * n + 6.5, 0.45 * n + 2))
    sns.heatmap(matrix, mask=mask, annot=True, fmt="d", cmap="Blues", cbar=False, linewidths=0.5,
                linecolor="#dddddd", ax=ax, square=True, vmin=0)
    ax.grid(False)
    # rows carry the names, columns the row numbers (drawn between the names and the cells)
    display.set_ticks(ax, [i + 0.5 for i in range(n)], labels, axis="y", rotation=0)
    ax.tick_params(axis="y", pad=24)
    for i in range(n):
        ax.text(-0.25, i + 0.5, str(i + 1), ha="right", va="center", fontsize=9, color="#555555")
    display.set_ticks(ax, [i + 0.5 for i in range(n)], [str(i + 1) for i in range(n)], axis="x", rotation=0)
    display.label(ax, title=display.bilingual("الجمل المشتركة", "Sentences shared by two entities"),
                  xlabel="entity (row number)", ylabel="")
    fig.tight_layout()
    plt.show()

# %%
if not matrix.empty and len(matrix) > 1:
    fig, ax = plt.subplots(figsize=(11, 7.5))
    E.draw_network(ax, art, top=15)
    present = [t for t in E.TYPE_COLOURS if (table.set_index("entity_id").loc[list(matrix.index), "type"] == t).any()]
    fig.legend(handles=[Patch(color=E.TYPE_COLOURS[t], label=display.ar(type_names[t])) for t in present],
               loc="lower center", ncol=len(present), frameon=False, fontsize=9)
    display.label(ax, title=display.bilingual("شبكة الذكر المشترك", "Co-occurrence network (same sentence)"))
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    plt.show()

# %% [markdown]
# ## Places
# The places the article names, with the gazetteer's coordinates where it has them. Marker area grows with
# mentions; squares are facilities. When most places cluster in one region and a few lie far away, a second
# panel zooms on the cluster.

# %%
place_table = P.places(art)
located = place_table[place_table["has_coordinates"]]
display.rtl_table(place_table, arabic_columns=["name_ar"], caption="Places named (coordinates from the gazetteer)",
                  precision=2)

# %%
if located.empty:
    show(HTML("<p><b>No place with known coordinates in this article.</b></p>"))
else:
    P.map_figure(located)
    plt.show()

# %% [markdown]
# ## Pick an entity: its sentences
# Unfold an entity to read every sentence that names it, its mentions highlighted (the most mentioned one
# starts unfolded). Set `pick` in the parameters cell to unfold another one by name; the static report shows
# the same foldable list, so it works there too.

# %%
chosen = E.find_entity(art, pick)
if pick is not None and chosen is None:
    show(HTML(f"<p>No entity called <b>{html.escape(str(pick))}</b> in this article.</p>"))
if chosen is None and not table.empty:
    chosen = int(table["entity_id"].iloc[0])  # no pick: unfold the most mentioned entity
HTML(E.entity_sentences_html(art, open_ids={chosen} if chosen is not None else set()))
