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
article_path = "../seeds/000_15d6e93d3754c312.txt"  # the seed; the report injects the article's file name
country = None  # the outlet's country (ISO 3166 code, e.g. "EG"): place namesakes and name spellings follow it

# %%
from IPython.display import HTML
from IPython.display import display as show

from analysis.explore import display, open_article
from analysis.explore import quotes as Q

art = open_article(article_path, country=country)
statements = Q.statements(art)
show(HTML(display.rtl_heading(art.headline)))
show(HTML(Q.summary_html(statements)))

# %% [markdown]
# ## Speakers
# Each speaker's statements, split by mode, and the cue verbs they are reported with.

# %%
speakers = Q.speakers(art)
if not speakers.empty:
    show(display.rtl_table(speakers.drop(columns=["first_start"]), arabic_columns=["speaker_ar", "cues"],
                           caption="Speakers (sections: 0 = opening news section)"))
    Q.mode_bars(speakers, speakers["speaker_ar"], speakers["speaker_en"], row_height=0.55, legend_space=0.12,
                title=display.bilingual("التصريحات حسب المتحدث", "Statements per speaker"))
    display.show()

# %% [markdown]
# ## Cue verbs
# How the article introduces what people say, by verb (lemma), with an English gloss; participles such as
# مؤكدا count with their verb (أكد).

# %%
cues = Q.cue_table(art)
if not cues.empty:
    show(display.rtl_table(cues, arabic_columns=["cue_lemma", "forms"], caption="Cue verbs"))
    Q.mode_bars(cues, cues["cue_lemma"], cues["gloss_en"], row_height=0.45, legend_space=0.08,
                title=display.bilingual("أفعال القول", "Reporting verbs"))
    display.show()

# %% [markdown]
# ## The statements
# Every statement in text order: who, with which verb, direct or indirect, what (the content span), and where
# (paragraph number as in notebook 01, and section).

# %%
if not statements.empty:
    show(display.rtl_table(Q.statement_table(statements), arabic_columns=["speaker", "cue", "content", "section"],
                           caption="Statements"))

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
    Q.plot_speaker_themes(themes)
    display.show()

# %%
stems = Q.speaker_stems(art, top=8)
if not stems.empty:
    show(display.rtl_table(Q.key_words(stems), arabic_columns=["speaker_ar", "key_words", "stems"],
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
Q.plot_paragraph_voices(art)
display.show()
