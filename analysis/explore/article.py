"""Notebook 01's building blocks: what the article is, how it is built, how long it takes to read.

Everything comes from the parsed tables (:class:`analysis.Article`): the metadata row, the paragraphs with their
kind and section, word and sentence counts per paragraph, per-section reading time and the stored English
translation beside the Arabic. Tables keep Arabic in logical order; the one chart draws it through
:mod:`analysis.explore.display`.
"""
from __future__ import annotations

import pandas as pd

__all__ = [
    "COUNTED_KINDS",
    "KIND_COLOURS",
    "KIND_LABELS",
    "METADATA_FIELDS",
    "OPENING",
    "STRUCTURE_COLUMNS",
    "WORDS_PER_MINUTE",
    "WPM_SPREAD",
    "english_headline",
    "has_translation",
    "kind_counts",
    "metadata",
    "plot_paragraph_lengths",
    "reading_time_html",
    "sections",
    "side_by_side",
    "structure",
    "translation_note_html",
]

WORDS_PER_MINUTE = 138  # IReST, Arabic silent reading (Trauzettel-Klosinski & Dietz 2012)
WPM_SPREAD = 20  # its ± range: 118-158 wpm
from analysis.explore.sections import OPENING_LABEL as OPENING  # noqa: E402  (the same name on every page)

METADATA_FIELDS = [
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
STRUCTURE_COLUMNS = ["paragraph_id", "kind", "section", "sentences", "words", "text"]
KIND_LABELS = {
    "headline": ("العنوان", "headline"),
    "subheading": ("عنوان فرعي", "subheading"),
    "body": ("متن", "body"),
}
KIND_COLOURS = {"headline": "#c44e52", "subheading": "#dd8452", "body": "#4c72b0"}
COUNTED_KINDS = ("headline", "subheading", "body")  # the paragraphs whose words count (no furniture, no meta)


def metadata(art) -> pd.DataFrame:
    """What the page says about itself: one row per field (``field``, ``value`` as text; "" where not found)."""
    meta = art.article.iloc[0]
    return pd.DataFrame(
        {
            "field": [label for _, label in METADATA_FIELDS],
            "value": [("" if pd.isna(meta[c]) else str(meta[c])) for c, _ in METADATA_FIELDS],
        }
    )


def structure(art) -> pd.DataFrame:
    """One row per paragraph in page order: kind, section, sentences and words (tokens of kind ``word``), text.

    ``section`` is the subheading's section for body and subheading paragraphs (``"مطلع الخبر · opening"`` before the
    first subheading) and "" for the headline, meta lines and page furniture.
    """
    paragraphs = art.paragraphs
    words = art.tokens[art.tokens["kind"] == "word"].groupby("paragraph_id").size()
    sentences = art.sentences.groupby("paragraph_id").size()
    return pd.DataFrame(
        {
            "paragraph_id": paragraphs["paragraph_id"],
            "kind": paragraphs["kind"],
            "section": paragraphs["section"].fillna(OPENING).where(paragraphs["kind"].isin(["body", "subheading"]), ""),
            "sentences": paragraphs["paragraph_id"].map(sentences).fillna(0).astype(int),
            "words": paragraphs["paragraph_id"].map(words).fillna(0).astype(int),
            "text": paragraphs["text"],
        }
    )


def kind_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Paragraphs per kind (``kind``, ``paragraphs``), most frequent first, from :func:`structure`'s table."""
    return table["kind"].value_counts().rename_axis("kind").reset_index(name="paragraphs")


def plot_paragraph_lengths(table: pd.DataFrame):
    """The article's shape: one bar per headline/subheading/body paragraph (words), page order top to bottom.

    A dashed line and the subheading's text mark where a subheading cuts the article; the legend names the kinds
    present. Returns the figure (the caller shows it).
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    from analysis.explore import display

    counted = table[table["kind"].isin(list(KIND_LABELS))].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(counted) + 1.5))
    ax.barh(range(len(counted)), counted["words"], color=counted["kind"].map(KIND_COLOURS))
    display.set_ticks(ax, range(len(counted)), [f"¶{p}" for p in counted["paragraph_id"]], axis="y")
    ax.invert_yaxis()  # page order, top to bottom
    for i, row in counted[counted["kind"] == "subheading"].iterrows():
        ax.axhline(i - 0.5, color="#dd8452", lw=1, ls="--")
        ax.text(counted["words"].max(), i, display.ar(row["text"]), ha="right", va="center", fontsize=11)
    handles = [
        Patch(color=colour, label=display.ar(display.bilingual(*KIND_LABELS[kind])))
        for kind, colour in KIND_COLOURS.items()
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
    return fig


def _minutes_range(words: float) -> str:
    return f"{words / (WORDS_PER_MINUTE + WPM_SPREAD):.1f}–{words / (WORDS_PER_MINUTE - WPM_SPREAD):.1f}"


def sections(table: pd.DataFrame) -> pd.DataFrame:
    """Paragraphs, sentences and words per part (headline, then each section), a ``whole article`` row last,
    and the reading time at :data:`WORDS_PER_MINUTE` (``minutes``) with its ±:data:`WPM_SPREAD` range."""
    body = table[table["kind"].isin(list(COUNTED_KINDS))].copy()
    body["part"] = body["section"].where(body["kind"] != "headline", "headline")
    parts = (
        body.groupby("part", sort=False)
        .agg(paragraphs=("paragraph_id", "size"), sentences=("sentences", "sum"), words=("words", "sum"))
        .reset_index()
        .rename(columns={"part": "section"})
    )
    total = pd.DataFrame([{"section": "whole article", **parts[["paragraphs", "sentences", "words"]].sum().to_dict()}])
    parts = pd.concat([parts, total], ignore_index=True)
    parts["minutes"] = (parts["words"] / WORDS_PER_MINUTE).round(1)
    parts["minutes (range)"] = [_minutes_range(w) for w in parts["words"]]
    return parts


def reading_time_html(table: pd.DataFrame) -> str:
    """One sentence: the whole article's words ÷ words per minute, with the slow and fast reader's minutes.

    *table* is :func:`sections`'s (its last row is the whole article).
    """
    n_words = int(table["words"].iloc[-1])
    minutes = n_words / WORDS_PER_MINUTE
    return (
        f"<p><b>Reading time:</b> {n_words} words ÷ {WORDS_PER_MINUTE} words per minute ≈ "
        f"<b>{minutes:.1f} minutes</b> (between {n_words / (WORDS_PER_MINUTE + WPM_SPREAD):.1f} and "
        f"{n_words / (WORDS_PER_MINUTE - WPM_SPREAD):.1f} minutes for a reader at "
        f"{WORDS_PER_MINUTE + WPM_SPREAD} or {WORDS_PER_MINUTE - WPM_SPREAD} wpm).</p>"
    )


def side_by_side(art) -> pd.DataFrame:
    """Paragraph by paragraph: ``paragraph_id``, ``kind``, Arabic ``text`` and the stored English ``en``.

    The English is the hand translation kept as data (:func:`analysis.lexicon.translations.translation_for`),
    empty for articles without one or whose stored paragraphs no longer line up.
    """
    from analysis.lexicon.translations import translation_for

    table = translation_for(art.paragraphs)
    table.insert(2, "kind", art.paragraphs["kind"].to_numpy())
    return table[["paragraph_id", "kind", "text", "en"]]


def translation_note_html(table: pd.DataFrame) -> str:
    """Says whether :func:`side_by_side`'s table has any English."""
    has_english = (table["en"] != "").any()
    return ("<p>English translation: "
            + ("stored for this article." if has_english else "<b>none stored for this article</b> (column left empty).")
            + "</p>")


def english_headline(art) -> str:
    """The stored English of the headline paragraph ("" without a translation that lines up)."""
    import warnings

    from analysis.lexicon.translations import TranslationMismatch, translation_for

    with warnings.catch_warnings():  # a misaligned translation is not shown; notebook 01 says why
        warnings.simplefilter("ignore", TranslationMismatch)
        table = translation_for(art.paragraphs, art.article_id)
    is_headline = (art.paragraphs["kind"] == "headline").to_numpy()
    english = [str(e).strip() for e in table["en"][is_headline] if str(e).strip()]
    return english[0] if english else ""


def has_translation(table: pd.DataFrame) -> bool:
    """Does :func:`side_by_side`'s table hold any stored English?"""
    return bool((table["en"] != "").any())
