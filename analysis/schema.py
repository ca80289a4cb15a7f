"""The table contract: every table of a parsed article declared once (columns, order, dtypes, nulls, meaning).

This module is the single place that says what ``parse_article`` returns.  The table builders construct their
DataFrames through :func:`frame` (declared column order and dtypes, one construction per table), the tests check
every table of every parsed article with :func:`validate`, and ``docs/DATA_MODEL.md`` is generated from the
declaration::

    python -m analysis.schema            # print the Markdown data model
    python -m analysis.schema --write    # rewrite docs/DATA_MODEL.md
    python -m analysis.schema --check    # exit 1 when docs/DATA_MODEL.md is out of date

It also holds :class:`BaseTables`, the typed input every extraction stage takes.  The module imports nothing of
the package, so any stage can import it.

Dtypes are the pandas dtypes the tables have: ``str`` (pandas' string dtype, missing = NaN), ``int64``/``float64``/
``bool`` (NumPy, never missing), ``Int64``/``boolean`` (pandas nullable, missing = ``<NA>``) and ``object``
(Python objects; only ``figures.subject_entity_id``, kept as it was).
"""
from __future__ import annotations

import argparse
import sys
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.api.internals import create_dataframe_from_blocks
from pandas.arrays import ArrowStringArray

__all__ = ["BaseTables", "Column", "STAGES", "SchemaError", "TABLES", "Table", "column", "data_model", "frame",
           "validate"]

STAGES = ("layout", "text", "entities", "quotes", "figures", "themes", "dates")
DTYPES = ("str", "int64", "Int64", "float64", "bool", "boolean", "object")
_NEVER_NULL = frozenset({"int64", "bool"})  # NumPy ints and bools cannot hold a null


class SchemaError(ValueError):
    """A table that does not meet its declaration: ``"<table>.<column>: <problem>"``."""


@dataclass(frozen=True)
class Column:
    """One declared column: name, pandas dtype, whether it may be null, and what it holds.

    ``consumers``: the later stages that read this column from the table (the contract between stages: a stage
    may rename or drop a column only together with its consumers).  ``internal``: bookkeeping passed between
    stages (token indices, lookup keys), kept in the table but not meant for readers.
    """

    name: str
    dtype: str
    nullable: bool
    description: str
    consumers: tuple[str, ...] = ()
    internal: bool = False


@dataclass(frozen=True)
class Table:
    """One declared table: its name, what one row is, the stage that produces it and its columns in order."""

    name: str
    row: str
    stage: str
    description: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}")


def _c(name: str, dtype: str, description: str, *, null: bool = False, consumers: tuple[str, ...] = (),
       internal: bool = False) -> Column:
    return Column(name, dtype, null, description, consumers, internal)


_ARTICLE_ID = _c("article_id", "str", "The article's stable id (file stem, or a hash of the text).")


def _t(name: str, row: str, stage: str, description: str, *columns: Column) -> Table:
    return Table(name, row, stage, description, (_ARTICLE_ID, *columns))


def _span(what: str) -> tuple[Column, Column, Column]:
    return (_c("text", "str", f"The {what} as written: ``article.text[start:end]``."),
            _c("start", "int64", f"Offset of the {what}'s first character in ``article.text``."),
            _c("end", "int64", f"Offset one past the {what}'s last character."))


_TABLES = (
    _t("article", "article", "layout", "Metadata read from the page and the size of the article.",
       _c("source", "str", "The file name read, or the name given for a text."),
       _c("headline", "str", "The headline line of the page.", null=True),
       _c("published_at", "str", "Publication date-time from the page (ISO 8601), null when the page has none.",
          null=True),
       _c("views", "Int64", "View count shown on the page, null when absent.", null=True),
       _c("byline", "str", "Author or agency line, null when absent.", null=True),
       _c("encoding", "str", "Text encoding the file was decoded from."),
       _c("n_paragraphs", "int64", "Rows of the paragraphs table."),
       _c("n_body_paragraphs", "int64", "Paragraphs of kind ``body``."),
       _c("n_sentences", "int64", "Rows of the sentences table."),
       _c("n_tokens", "int64", "Rows of the tokens table."),
       _c("n_words", "int64", "Tokens of kind ``word``.")),
    _t("paragraphs", "non-empty line or block of the page", "layout",
       "The page's lines, each classified; offsets cover the line without surrounding white space.",
       _c("paragraph_id", "int64", "1, 2, ... in page order.", consumers=("quotes",)),
       _c("kind", "str", "``boilerplate``, ``headline``, ``meta``, ``subheading`` or ``body``.", consumers=("quotes",)),
       _c("section_id", "int64", "0 before the first subheading, then 1, 2, ... from each subheading on (it opens its section)."),
       _c("section", "str", "Text of the subheading the paragraph falls under (or is), null before the first one.",
          null=True),
       *_span("paragraph")),
    _t("sentences", "sentence of the headline, the subheadings and the body", "text",
       "The headline and each subheading are one sentence each; body paragraphs are split at sentence ends.",
       _c("sentence_id", "int64", "1, 2, ... in text order.", consumers=("dates",)),
       _c("paragraph_id", "int64", "The paragraph the sentence is in."),
       _c("paragraph_kind", "str", "That paragraph's kind (``headline``, ``subheading``, ``body``)."),
       _c("section_id", "int64", "That paragraph's section_id."),
       _c("text", "str", "The sentence as written: ``article.text[start:end]``."),
       _c("start", "int64", "Offset of the sentence's first character in ``article.text``.", consumers=("dates",)),
       _c("end", "int64", "Offset one past the sentence's last character.", consumers=("dates",)),
       _c("n_tokens", "int64", "Tokens in the sentence.")),
    _t("tokens", "token of a sentence", "text", "Words, numbers, punctuation and Latin runs of every sentence.",
       _c("token_id", "int64", "1, 2, ... in text order."),
       _c("sentence_id", "int64", "The sentence the token is in.", consumers=("entities", "quotes", "figures",
                                                                              "themes", "dates")),
       _c("paragraph_id", "int64", "The paragraph the token is in.", consumers=("quotes",)),
       _c("text", "str", "The token as written: ``article.text[start:end]``.",
          consumers=("entities", "quotes", "figures", "themes", "dates")),
       _c("start", "int64", "Offset of the token's first character in ``article.text``.",
          consumers=("entities", "quotes", "figures", "themes", "dates")),
       _c("end", "int64", "Offset one past the token's last character.",
          consumers=("entities", "quotes", "figures", "themes", "dates")),
       _c("norm", "str", "Normalised for matching (diacritics and tatweel removed, alef/ya/ta marbuta folded).",
          consumers=("entities", "quotes", "figures", "dates")),
       _c("stem", "str", "Light stem (clitics stripped) of a word; the norm of other tokens.", consumers=("themes",)),
       _c("kind", "str", "``word``, ``number``, ``latin``, ``punct`` or ``symbol``.",
          consumers=("entities", "quotes", "figures", "themes", "dates")),
       _c("is_stopword", "bool", "A word in the stopword list (``analysis/data/stopwords_ar.csv``).")),
    _t("entities", "distinct entity of the article", "entities",
       "People, organisations and places, each once, with the gazetteer's identity where known.",
       _c("entity_id", "int64", "1, 2, ... in order of first mention.", consumers=("quotes",)),
       _c("type", "str", "``PERSON``, ``ORG``, ``GPE``, ``LOC``, ``FAC`` or ``MISC``."),
       _c("name_ar", "str", "Canonical Arabic name (the gazetteer's, else the longest form written)."),
       _c("name_en", "str", "English name: the gazetteer's, else the name lexicon's, else romanized (never null).",
          consumers=("quotes",)),
       _c("name_en_source", "str", "Where ``name_en`` comes from: ``gazetteer`` (reviewed entry or GeoNames/CLDR "
          "place), ``lexicon`` (every word a listed name) or ``romanized`` (the letter model spelt a word).",
          consumers=("quotes",)),
       _c("n_mentions", "int64", "Rows of the mentions table for this entity."),
       _c("key", "str", "Reviewed gazetteer key, null for entities not in it (or a place the article showed to be "
          "another namesake).", null=True),
       _c("source", "str", "How the first mention was found (``gazetteer``, ``pattern``, ``ner``)."),
       _c("lat", "float64", "Latitude from the gazetteer, null when unknown.", null=True),
       _c("lon", "float64", "Longitude from the gazetteer, null when unknown.", null=True),
       _c("country", "str", "Places: ISO 3166 alpha-2 code of the country the place is in (or is), null when "
          "unknown.", null=True),
       _c("population", "Int64", "Places: population (GeoNames), null when unknown.", null=True),
       _c("geo_reason", "str", "Places: why this place among its namesakes: ``reviewed``, ``only-candidate``, "
          "``override``, ``population-prior``, ``article-context``, ``outlet-country``; null for other entities.",
          null=True),
       _c("first_start", "int64", "Offset of the first mention."),
       _c("title", "str", "A title written before a mention (``وزير الخارجية``), null when none.", null=True)),
    _t("mentions", "entity mention in the text", "entities",
       "Every place an entity is named; spans exclude proclitics (``وبغداد`` gives ``بغداد``).",
       _c("mention_id", "int64", "1, 2, ... in text order."),
       _c("sentence_id", "int64", "The sentence the mention is in.", consumers=("quotes", "figures")),
       _c("entity_id", "int64", "The entity mentioned (entities.entity_id).", consumers=("quotes", "figures")),
       _c("type", "str", "The entity's type.", consumers=("quotes", "figures")),
       _c("text", "str", "The mention as written: ``article.text[start:end]``.", consumers=("quotes",)),
       _c("start", "int64", "Offset of the mention's first character in ``article.text``.",
          consumers=("quotes", "figures")),
       _c("end", "int64", "Offset one past the mention's last character.", consumers=("quotes",)),
       _c("source", "str", "How the mention was found (``gazetteer``, ``pattern``, ``ner``, ``alias``)."),
       _c("clitic", "str", "Proclitics written before the mention in its first token (``و``، ``ل``), may be empty."),
       _c("title", "str", "Title written before the mention (``الرئيس الأمريكي``), null when none.", null=True,
          consumers=("quotes",)),
       _c("title_head", "str", "The title's head noun without the article (``رئيس``), null when no title.",
          null=True, consumers=("quotes",), internal=True),
       _c("token_start", "int64", "Row index in the tokens table of the mention's first token.",
          consumers=("quotes",), internal=True),
       _c("token_end", "int64", "Row index one past the mention's last token.", consumers=("quotes",),
          internal=True),
       _c("rule", "str", "The pass that found the mention.")),
    _t("figures", "counted amount (``1,497 جندياً``)", "figures",
       "Amounts with their counted noun, category and, where the text says, whose figure it is.",
       _c("figure_id", "int64", "1, 2, ... in text order."),
       _c("sentence_id", "int64", "The sentence the figure is in."),
       _c("value", "float64", "The amount as a number (``3 ملايين`` is 3000000.0; a range's lower bound); null for a "
          "vague amount (``ملايين``، ``عشرات``).", null=True),
       _c("value_high", "float64", "A range's upper bound (``بين 5 و15 يوما``: 15.0), null otherwise.", null=True),
       _c("kind", "str", "How the amount is written (``analysis.find_numbers`` kinds): ``cardinal``, ``decimal``, "
          "``percent``, ``fraction``, ``range``, or ``dual`` (``شهرين``)."),
       _c("vague", "bool", "A numeral plural without a number (``عشرات``، ``ملايين``, ``المئات من``): value null."),
       _c("unit_ar", "str", "The counted noun as in the unit lexicon or as written, null for a bare number.",
          null=True),
       _c("unit_en", "str", "English unit (``soldier``, ``percent``), null when unknown.", null=True),
       _c("category", "str", "``people``, ``casualties``, ``money``, ``percent``, ``count``, ``number`` ..."),
       _c("approximate", "bool", "A qualifier (حوالي، أكثر من ...) or a vague plural (عشرات) makes it approximate."),
       _c("qualifier", "str", "The qualifier as written, outside the span; null when none.", null=True),
       _c("subject_entity_id", "object", "Whose figure (entities.entity_id, a NumPy int), null when the text "
          "does not say.", null=True),
       _c("same_as_figure_id", "Int64", "The first figure of the article with the same value, unit and category "
          "(a headline figure repeated in the body is one fact), null for the first.", null=True),
       _c("value_text", "str", "The amount's words as written, without the noun."),
       *_span("figure (amount and counted noun)")),
    _t("quotes", "statement attributed to someone", "quotes",
       "Direct (quoted) and indirect (reported) statements with their speaker and reporting verb.",
       _c("quote_id", "int64", "1, 2, ... in text order."),
       _c("paragraph_id", "int64", "The paragraph of the reporting verb."),
       _c("sentence_id", "int64", "The sentence of the reporting verb."),
       _c("speaker_entity_id", "Int64", "The speaker (entities.entity_id), null when not an entity.", null=True),
       _c("speaker_text", "str", "The speaker as written, null when not found.", null=True),
       _c("speaker_start", "Int64", "Offset of the speaker's text, null when not found.", null=True),
       _c("speaker_end", "Int64", "Offset one past the speaker's text, null when not found.", null=True),
       _c("speaker_how", "str", "How the speaker was found (``named``, ``title``, ``nominal``, ``implicit``, ``inherited``, "
          "``author``)."),
       _c("speaker_name_en", "str", "The speaker entity's English name, null when unknown.", null=True),
       _c("cue", "str", "The reporting verb as written (``وقال``)."),
       _c("cue_lemma", "str", "Its lemma from ``cue_verbs.csv``."),
       _c("cue_gloss", "str", "Its English gloss."),
       _c("cue_start", "int64", "Offset of the reporting verb."),
       _c("cue_end", "int64", "Offset one past the reporting verb."),
       _c("mode", "str", "``direct`` or ``indirect``."),
       _c("content", "str", "The statement as written: ``article.text[start:end]``."),
       _c("start", "int64", "Offset of the content's first character."),
       _c("end", "int64", "Offset one past the content's last character."),
       _c("rule", "str", "The content rule that found the quote."),
       _c("speaker_rule", "str", "The speaker step that found the speaker (``speaker_how`` is its class)."),
       _c("speaker_status", "str", "Whether the speaker is known: ``resolved`` (named in the cue's clause), "
          "``carried`` (from an earlier quote or sentence), ``source-not-entity`` (a source that is no entity: "
          "``مصادر``, ``التقرير``), ``author`` (the writer's own speech) or ``unattributed`` (no speaker found; "
          "``speaker_entity_id`` is then null, never a guess).")),
    _t("themes", "(sentence, theme) pair", "themes",
       "Topics of each sentence from the trigger lexicon ``analysis/data/themes.csv``, with the evidence.",
       _c("sentence_id", "int64", "The sentence."),
       _c("theme", "str", "Theme code (``TERROR``, ``ENV_OIL`` ...)."),
       _c("label_en", "str", "The theme's English label."),
       _c("label_ar", "str", "The theme's Arabic label."),
       _c("evidence", "str", "The matched words as written, joined by ``\" | \"``."),
       _c("score", "float64", "Sum of the weights of the distinct triggers found (at least 1.0)."),
       _c("n_triggers", "int64", "Distinct triggers found."),
       _c("evidence_spans", "str", "Offsets of the evidence, ``start-end;start-end``.")),
    _t("dates", "date expression in the text", "dates",
       "Weekdays, relative dates, month names (Gregorian and Hijri), day-month dates, years, numeric dates, day "
       "ranges and religious holidays, resolved where possible (Hijri dates converted to the Gregorian day).",
       _c("date_id", "int64", "1, 2, ... in text order."),
       _c("sentence_id", "int64", "The sentence the date is in."),
       *_span("date expression"),
       _c("kind", "str", "``weekday``, ``relative``, ``date``, ``month``, ``hijri_month``, ``year``, ``numeric``, "
          "``period`` (a range of days in one month, a decade) or ``holiday`` (عيد الفطر)."),
       _c("resolved", "str", "ISO date, week, month or year (Gregorian, also for Hijri dates); an ISO interval "
          "``start/end`` for a period or a Hijri month with a written year; null when it needs a publication date "
          "the article lacks, is impossible, or has no fixed day (a holiday, a bare Hijri year).", null=True),
       _c("granularity", "str", "``day``, ``week``, ``month`` or ``year``."),
       _c("gloss", "str", "English reading (``Monday``, ``yesterday``, ``28 September``)."),
       _c("calendar", "str", "``gregorian`` or ``hijri``: the calendar the expression is written in.")),
)

TABLES: dict[str, Table] = {t.name: t for t in _TABLES}
"""Every table by name, in the order ``Article.tables()`` returns them."""



@cache
def _dtype(name: str):
    return pd.Series([], dtype=name).dtype


# Fast paths of :func:`column`: the Python types a plain list may hold for NumPy to convert it exactly as pandas
# would (any other value -- a NumPy scalar, a float in an int column, a None where no null fits -- takes pandas'
# own conversion, with its casts and errors).
_NUMPY_TYPES = {"int64": frozenset({int}), "float64": frozenset({float, int, type(None)}), "bool": frozenset({bool})}
_STR_TYPES = frozenset({str, type(None)})
# nullable dtypes: (value types, the fill under the mask, NumPy dtype, array class)
_MASKED: dict[str, tuple[frozenset[type], object, type, type]] = {
    "Int64": (frozenset({int, type(None)}), 0, np.int64, pd.arrays.IntegerArray),
    "boolean": (frozenset({bool, type(None)}), False, np.bool_, pd.arrays.BooleanArray)}


def column(values: Sequence, dtype: str):
    """One column's array (NumPy or pandas extension array) with the declared ``dtype`` (one of :data:`DTYPES`),
    converted as ``pd.Series(values, dtype=...)`` converts it; ranges, lists and tuples of plain Python values
    skip pandas' per-value inference (a list of ``str``/``None`` goes straight to Arrow, a list of ``int``/``None``
    or ``bool``/``None`` to the values and mask of a nullable array); an ``array("q")`` of an ``int64`` column is
    copied as one buffer."""
    if isinstance(values, range) and dtype == "int64":
        return np.arange(values.start, values.stop, values.step, dtype=np.int64)
    if isinstance(values, array) and dtype == "int64" and values.typecode == "q":
        return np.array(values, dtype=np.int64)  # the array's own 64-bit values, copied as one buffer
    if isinstance(values, (list, tuple)):
        types = set(map(type, values))
        if dtype == "str" and types <= _STR_TYPES:
            return ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=_dtype("str"))
        ok = _NUMPY_TYPES.get(dtype)
        if ok is not None and types <= ok:
            return np.array(values, dtype=dtype)
        masked = _MASKED.get(dtype)
        if masked is not None and types <= masked[0]:
            mask = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
            data: np.ndarray = np.array([masked[1] if v is None else v for v in values] if mask.any() else values,
                                        dtype=masked[2])
            return masked[3](data, mask)
    return pd.Series(values, dtype=_dtype(dtype)).array


def frame(table: str, columns: Mapping[str, Sequence], *, article_id: str) -> pd.DataFrame:
    """The DataFrame of ``table`` from plain lists: declared column order and dtypes, ``article_id`` filled in.

    ``columns`` maps every declared column but ``article_id`` to its values (lists or ranges of equal length).
    Raises :class:`SchemaError` for a missing or undeclared column
    or for columns of different lengths (pandas would pad them with nulls).
    Builders collect lists and call this once per table (no per-row pandas): each column is converted once
    (:func:`column`) and the frame is made from its blocks (``pandas.api.internals``), as the constructor with
    ``copy=True`` would make them, without its per-column inference and alignment.
    """
    t = TABLES[table]
    given = set(columns)
    unknown = sorted(given - set(t.names))
    if unknown:
        raise SchemaError(f"{table}: undeclared column(s) {', '.join(unknown)}")
    missing = [c.name for c in t.columns[1:] if c.name not in given]
    if missing:
        raise SchemaError(f"{table}: missing column(s) {', '.join(missing)}")
    lengths = {len(v) for v in columns.values()}
    if len(lengths) > 1:
        sizes = ", ".join(f"{k}={len(v)}" for k, v in columns.items())
        raise SchemaError(f"{table}: columns of different lengths ({sizes})")
    n = lengths.pop() if lengths else 0
    ids = pa.repeat(pa.scalar(article_id, type=pa.large_string()), n) if isinstance(article_id, str) else None
    arrays = [ArrowStringArray(ids, dtype=_dtype("str")) if ids is not None else column([article_id] * n, "str")]
    fresh = [True]
    for c in t.columns[1:]:
        values = columns[c.name]
        arr = column(values, c.dtype)
        arrays.append(arr)
        # an array column() made itself is the frame's own; one pandas may have taken from the caller is copied
        fresh.append(not isinstance(arr, pd.api.extensions.ExtensionArray) or isinstance(values, (list, tuple)))
    # The blocks as ``pd.DataFrame(..., copy=True)`` consolidates them: one 2-D block per NumPy dtype (columns
    # stacked in declared order), one block per extension array (copied unless fresh), built without pandas'
    # per-column checks.
    groups: dict[np.dtype, list[int]] = {}
    blocks = []
    for i, arr in enumerate(arrays):
        if isinstance(arr, pd.arrays.NumpyExtensionArray):
            arr = arrays[i] = arr.to_numpy()
        if isinstance(arr, np.ndarray):
            groups.setdefault(arr.dtype, []).append(i)
        else:
            blocks.append((arr if fresh[i] else arr.copy(), np.array([i], dtype=np.intp)))
    for where in groups.values():
        blocks.append((np.stack([arrays[i] for i in where]), np.array(where, dtype=np.intp)))
    return create_dataframe_from_blocks(blocks, index=pd.RangeIndex(n), columns=_column_index(table).copy())


@cache
def _column_index(table: str) -> pd.Index:
    return pd.Index(TABLES[table].names)


def validate(table: str, df: pd.DataFrame, *, nulls: bool = True) -> pd.DataFrame:
    """Check ``df`` against the declaration of ``table``: columns and their order, dtypes and (``nulls``) no null
    where the column is not nullable.  Returns ``df``; raises :class:`SchemaError` naming the table and column.

    The structural check costs tens of microseconds per table; the null check reads every non-null ``str``/``float64``/``Int64``
    column, so :func:`~analysis.extract.pipeline.extract_all` runs it with ``nulls=False`` and the tests with it.
    """
    t = TABLES.get(table)
    if t is None:
        raise SchemaError(f"no table {table!r} declared; tables: {', '.join(TABLES)}")
    have = df.columns.tolist()
    want = t.names
    if have != want:
        missing = [c for c in want if c not in have]
        extra = [c for c in have if c not in want]
        if missing:
            raise SchemaError(f"{table}.{missing[0]}: missing column (columns: {', '.join(map(str, have))})")
        if extra:
            raise SchemaError(f"{table}.{extra[0]}: undeclared column (declared: {', '.join(t.names)})")
        first = next(a for a, b in zip(have, want) if a != b)
        raise SchemaError(f"{table}.{first}: out of order (declared: {', '.join(want)})")
    cols = t.columns
    dtypes = df.dtypes.tolist()
    expected = [_dtype(c.dtype) for c in cols]
    if dtypes != expected:
        c, got = next((c, d) for c, d, e in zip(cols, dtypes, expected) if d != e)
        raise SchemaError(f"{table}.{c.name}: dtype {got}, declared {c.dtype}")
    if nulls and len(df):
        for c in cols:
            if not c.nullable and c.dtype not in _NEVER_NULL and df[c.name].hasnans:
                row = int(df[c.name].isna().to_numpy().argmax())
                raise SchemaError(f"{table}.{c.name}: null in a non-null column (row {row})")
    return df


# --- the generated data model -------------------------------------------------------------------------------

DOC_PATH = Path(__file__).resolve().parents[1] / "docs" / "DATA_MODEL.md"

_HEAD = """\
# The article data model

<!-- Generated by `python -m analysis.schema --write` from analysis/schema.py: edit the declaration there, not
this file (tests/test_schema.py fails when the two disagree). -->

One parsed article is a set of tidy tables, declared once in `analysis/schema.py` (`TABLES`): this file is
generated from that declaration, the table builders construct their frames through `schema.frame`, and the
tests check every table of every parsed article with `schema.validate`.

- **Offsets.** Every table that points into the text carries `start` and `end`: character offsets into
  `article.text`, the source as read (decoded, line endings folded to `\\n`, nothing else changed), so that for
  every row `article.text[start:end] == row.text` (quotes: `row.content`; the `speaker_*` and `cue_*` offsets
  likewise point at `speaker_text` and `cue`).  Offsets let tables be joined by position and let a reader always
  get back to the words a row came from.
- **Ids.** `paragraph_id`, `sentence_id`, `token_id`, `mention_id`, `figure_id`, `quote_id`, `date_id` count 1, 2,
  ... in text order; `entity_id` counts entities in order of first mention.  Ids are stable across runs (same
  input, same tables).  Tables point at each other by these ids (`tokens.sentence_id`, `mentions.entity_id` ...).
- **article_id on every table**, first column, so that many articles concatenate into one table of each kind.
- **Nulls** mean "not found in the text" (no guesses); a column marked *no* in "null" never holds one.
- **Between stages.** The extraction stages (entities -> quotes -> figures -> themes -> dates) read the base
  tables (`BaseTables`: text, article_id, published_at, paragraphs, sentences, tokens) and earlier stages'
  tables; "read by" names the stages that read a column, so it cannot be renamed alone.  Columns marked
  *internal* are such bookkeeping (token indices, lookup keys), kept in the table but not meant for readers.

## Entry points a user can rely on
- Python: `from analysis import parse_article`; `art = parse_article(path_or_text)`; `art.figures` is a DataFrame;
  `art.text` is the source; `art.tables()` gives every table by name; `art.to_dir(out_dir, format="csv" |
  "parquet")` writes `text.txt` and one file per table.
- Command line: `python -m analysis parse ARTICLE --out DIR [--format csv|parquet]` writes the tables;
  `python -m analysis report [ARTICLE ...] --out DIR` executes the notebooks for each article and writes the HTML
  report with an index page.  Bad input: a one-line `error: <file>: <reason>` on stderr and a non-zero exit code.
"""


def _cell(text: str) -> str:
    """A description as a Markdown table cell: single backticks for code, ``|`` escaped."""
    return text.replace("``", "`").replace("|", "\\|")


def data_model() -> str:
    """The Markdown data model (``docs/DATA_MODEL.md``): the hand-written head and one section per table."""
    out = [_HEAD, "## Tables", "", "| table | one row per | produced by | columns |", "|---|---|---|---|"]
    out += [f"| [`{t.name}`](#{t.name}) | {_cell(t.row)} | {t.stage} | {len(t.columns)} |" for t in _TABLES]
    for t in _TABLES:
        out += ["", f"### {t.name}", "", f"One row per {_cell(t.row)}; produced by the `{t.stage}` stage. "
                f"{_cell(t.description)}", "", "| column | dtype | null | description | read by |",
                "|---|---|---|---|---|"]
        for c in t.columns:
            note = []
            if c.internal:
                note.append("*internal*")
            desc = _cell(c.description) + (f" ({', '.join(note)})" if note else "")
            out.append(f"| `{c.name}` | `{c.dtype}` | {'yes' if c.nullable else 'no'} | {desc} | "
                       f"{', '.join(c.consumers)} |")
    return "\n".join(out) + "\n"


# --- the typed input of the extraction stages ---------------------------------------------------------------

@dataclass(frozen=True)
class BaseTables:
    """What every extraction stage reads: the text and the structural tables of one article.

    ``text``: the source as read (offsets point into it); ``article_id``: the article's id (filled into every
    table); ``published_at``: the page's ISO publication date-time or None (dates resolve relative expressions
    against it); ``paragraphs``, ``sentences``, ``tokens``: the tables declared in :data:`TABLES`; ``country``:
    the outlet's country (ISO 3166 alpha-2) when the caller knows it (a hint for places with namesakes).
    """

    text: str
    article_id: str
    published_at: str | None
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    country: str | None = None


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m analysis.schema", description="Print the generated data model.")
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--write", action="store_true", help=f"write {DOC_PATH.name} into docs/")
    group.add_argument("--check", action="store_true", help="exit 1 when docs/DATA_MODEL.md is out of date")
    args = ap.parse_args(argv)
    text = data_model()
    if args.write:
        DOC_PATH.parent.mkdir(parents=True, exist_ok=True)
        DOC_PATH.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {DOC_PATH}")
    elif args.check:
        current = DOC_PATH.read_text(encoding="utf-8") if DOC_PATH.is_file() else ""
        if current != text:
            print(f"{DOC_PATH} is out of date: run python -m analysis.schema --write", file=sys.stderr)
            return 1
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
