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
# # 02 · Figures: what, how much, whose
#
# **Question.** What amounts does the article give, of what, and whose are they?
#
# **Method.** The `figures` table of `analysis.parse_article`:
#
# - a *figure* is a counted amount: a number (digits such as `1,497`, Arabic-Indic digits, or number words such
#   as `خمسة`) and the noun it counts (`جندياً`), found with the unit lexicon `analysis/data/units.csv`, which
#   gives each noun an English unit and a *category* (personnel, vehicles, aircraft, money, percent ...).
#   Dates, years, times and the page's view count are not figures;
# - a figure is *approximate* when a qualifier such as حوالي، نحو، قرابة، أكثر من stands before it (kept in
#   the `qualifier` column) or تقريبا after it;
# - the *subject* is the party the figure belongs to: the person, organisation or place named at the start of
#   the sentence, before the figure (a sentence opening with وشاركت إيطاليا, "Italy took part with", gives
#   Italy). Empty when the text does not say whose figure it is; the "whose" table appears only when the
#   article attributes figures to someone;
# - figures are shown in their sentence (figure in yellow, the subject's mentions in blue), with the whole
#   paragraph and, where one is stored, its English translation.
#
# **Why no single bar chart.** Soldiers, vehicles and aircraft (or dollars, days and percent) are different
# units: bars on one axis would compare 1,497 soldiers with 17 aircraft as if they were the same kind of thing,
# and the large number would flatten the small ones. So each *unit* gets its own panel with its own axis and its unit in the axis label
# (small multiples). Only counts of figures, which share one unit ("figures mentioned"), share an axis.
#
# Arabic in charts goes through `analysis.explore.display` (logical order, shaped by matplotlib itself); tables show
# Arabic right to left with any markup in the text escaped.

# %% tags=["parameters"]
article_path = "../seeds/000_15d6e93d3754c312.txt"  # the seed; the report injects the article's file name
country = None  # the outlet's country (ISO 3166 code, e.g. "EG"): place namesakes and name spellings follow it

# %%
from IPython.display import HTML
from IPython.display import display as show

from analysis.explore import display, open_article
from analysis.explore import figures as F
from analysis.lexicon.translations import translation_for

art = open_article(article_path, country=country)
table = F.figures_table(art)
show(HTML(display.rtl_heading(art.headline)))
if table.empty:
    show(HTML("<p><b>No figures in this article:</b> the text has no counted amounts (numbers with the thing "
              "they count), so the sections below are empty.</p>"))
else:
    show(HTML(
        f"<p>{len(table)} figure(s): {int(table['approximate'].sum())} approximate, "
        f"{int((~table['approximate']).sum())} exact, in {table['category'].nunique()} categor"
        f"{'y' if table['category'].nunique() == 1 else 'ies'}; "
        f"{int((table['subject_en'] != '').sum())} attributed to a named party.</p>"
    ))

# %% [markdown]
# ## Whose figures
# One row per party the text attributes figures to (a contribution, a budget, a toll); figures whose owner the
# text does not name come last, with empty subject cells. Shown only when the article names an owner.

# %%
contributions = F.by_subject(table)
if table.empty or not ((table["subject_en"] != "").any() or (table["subject_ar"] != "").any()):
    show(HTML("<p>The article attributes none of its figures to a named party.</p>"))
else:
    show(display.rtl_table(contributions, arabic_columns=["subject_ar", "figures_ar"],
                           caption="Figures by the party they belong to, as the article states it"))

# %% [markdown]
# ## The figures
# Every figure in text order: its value, the Arabic noun it counts with its English unit, the category, whether
# it is approximate (and the qualifier that says so), and whose it is. `text` is the figure as written.

# %%
if not table.empty:
    columns = ["value_display", "value", "unit_ar", "unit_en", "category_ar", "category", "approximate",
               "qualifier", "subject_ar", "subject_en", "text", "sentence_id", "paragraph_id"]
    show(display.rtl_table(table[columns], arabic_columns=["unit_ar", "category_ar", "qualifier", "subject_ar", "text"],
                           caption="Figures (value, unit in Arabic and English, category, approximate, subject)"))

# %% [markdown]
# ## The amounts, one unit per panel
# Each panel has its own axis, labelled with its unit in Arabic and English. A filled dot is an exact figure, a
# hollow dot an approximate one (≈). Panels whose values span more than two orders of magnitude use a log axis
# and say so. Compare positions *within* a panel, never across panels.

# %%
fig = F.plot_unit_panels(F.unit_panels(table))
if fig is None:
    show(HTML("<p>No figures to draw.</p>"))
else:
    display.show()

# %% [markdown]
# ## Figures by category, exact vs approximate
# Here the bars count *figures mentioned* (one unit for every bar), not the amounts themselves.

# %%
counts = F.by_category(table)
if counts.empty:
    show(HTML("<p>No figures to count.</p>"))
else:
    show(display.rtl_table(counts, arabic_columns=["category_ar"], caption="Figures per category"))
    F.plot_categories(counts)
    display.show()

# %% [markdown]
# ## Each figure in its context
# The sentence with the figure marked in yellow and the subject's mentions in blue (hover a mark for its English
# gloss); open *paragraph* for the whole paragraph and, where one is stored, its English translation.

# %%
show(HTML(F.context_html(art, table, translation=translation_for(art.paragraphs))))
