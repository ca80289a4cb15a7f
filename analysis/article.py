"""The parsed article: its text and one tidy DataFrame per table (declared in :mod:`analysis.schema`, see
``docs/DATA_MODEL.md``)."""
from __future__ import annotations

import os
import shutil
import tempfile
from array import array
from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.extract.pipeline import extract_all
from analysis.extract.tokenview import shared
from analysis.memory import release_free_memory
from analysis.schema import BaseTables
from analysis.text.layout import PageLayout, read_layout
from analysis.text.normalize import normalize
from analysis.text.reader import DEFAULT_MAX_BYTES, ArticleError, Source, read_source
from analysis.text.sentences import split_sentences
from analysis.text.spanlimit import limit_spans
from analysis.text.stem import stem
from analysis.text.stopwords import is_stopword
from analysis.text.tokens import token_columns

__all__ = ["Article", "BaseTables", "parse_article", "read_tables", "TABLE_NAMES", "FORMATS"]

TABLE_NAMES = tuple(schema.TABLES)  # the declared tables, in order (analysis/schema.py)
FORMATS = ("csv", "parquet")
_OWN_SENTENCE = ("headline", "subheading")  # one sentence each, whatever their punctuation
_FIRST, _SECOND, _THIRD, _FOURTH = (itemgetter(k) for k in range(4))


def _paragraphs_table(layout: PageLayout, article_id: str) -> pd.DataFrame:
    ps = layout.paragraphs
    return schema.frame("paragraphs", {
        "paragraph_id": [p.paragraph_id for p in ps],
        "kind": [p.kind for p in ps],
        "section_id": [p.section_id for p in ps],
        "section": [p.section for p in ps],
        "text": [p.text for p in ps],
        "start": [p.start for p in ps],
        "end": [p.end for p in ps],
    }, article_id=article_id)


def _sentences_and_tokens(text: str, layout: PageLayout, article_id: str
                          ) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, Sequence]]:
    """The sentences and tokens tables, and the token columns the tokens table was built from (for
    :func:`analysis.extract.tokenview.shared`: the extraction stages read these instead of converting the table).

    The text, norm, stem and flags of a token string are computed once per distinct string (its first occurrence
    decides, as before) and the string itself is shared between its repeats.  The integer columns (start, end,
    sentence and paragraph ids) are collected as ``array("q")`` (8 bytes a token, where a list of Python ints
    needs 36-44), which the table takes over without a per-value conversion and the stages index like lists."""
    s_cols: dict[str, list] = {k: [] for k in ("sentence_id", "paragraph_id", "paragraph_kind", "section_id",
                                                "text", "start", "end", "n_tokens")}
    t_text: list[str] = []  # the shared string of each distinct token text
    t_norm: list[str] = []
    t_stem: list[str] = []
    t_stop: list[bool] = []
    t_start, t_end, t_sentence, t_paragraph = array("q"), array("q"), array("q"), array("q")
    t_kind: list[str] = []
    sid = 0
    cache: dict[str, tuple[str, str, str, bool]] = {}  # token text -> (the shared text, norm, stem, is_stopword)
    for p in layout.paragraphs:
        if p.kind in _OWN_SENTENCE or p.paragraph_id == layout.byline_paragraph_id:
            spans = [(p.start, p.end)]  # a byline / dateline (``القاهرة - محمد علي``) names its place, outlet, writer
        elif p.kind == "body":
            spans = list(split_sentences(text, p.start, p.end))
        else:
            continue
        for s, e in limit_spans(text, spans):
            sid += 1
            toks = token_columns(text, s, e)
            for tok_text, kind in zip(toks[0], toks[3]):
                if tok_text not in cache:
                    cache[tok_text] = (tok_text, *_token_forms(tok_text, kind))
            infos = list(map(cache.__getitem__, toks[0]))  # this sentence's (shared text, norm, stem, stop)
            t_text += map(_FIRST, infos)
            t_norm += map(_SECOND, infos)
            t_stem += map(_THIRD, infos)
            t_stop += map(_FOURTH, infos)
            n = len(toks[0])
            t_start.extend(toks[1])
            t_end.extend(toks[2])
            t_kind += toks[3]
            t_sentence.extend(repeat(sid, n))
            t_paragraph.extend(repeat(p.paragraph_id, n))
            for k, v in (("sentence_id", sid), ("paragraph_id", p.paragraph_id), ("paragraph_kind", p.kind),
                         ("section_id", p.section_id), ("text", text[s:e]), ("start", s), ("end", e),
                         ("n_tokens", n)):
                s_cols[k].append(v)
    sentences = schema.frame("sentences", s_cols, article_id=article_id)
    del s_cols, cache
    columns: dict[str, Sequence] = {
        "token_id": range(1, len(t_text) + 1), "sentence_id": t_sentence, "paragraph_id": t_paragraph,
        "text": t_text, "start": t_start, "end": t_end, "norm": t_norm, "stem": t_stem, "kind": t_kind,
        "is_stopword": t_stop}
    del t_stop
    tokens = schema.frame("tokens", columns, article_id=article_id)
    del columns["token_id"], columns["is_stopword"]  # read by no stage
    return sentences, tokens, columns


@lru_cache(maxsize=32768)
def _token_forms(tok_text: str, kind: str) -> tuple[str, str, bool]:
    """(norm, stem, is_stopword) of a token string of ``kind`` (once per string: a pure function of it)."""
    norm = normalize(tok_text)
    return norm, stem(tok_text) if kind == "word" else norm, kind == "word" and is_stopword(norm)


class Article:
    """A parsed article: ``text`` (the source as read) and one DataFrame per table.

    Every table with ``start``/``end`` satisfies ``article.text[start:end] == row.text``.
    """

    def __init__(self, source: Source, tables: dict[str, pd.DataFrame]):
        self.source = source
        self._tables = tables

    text = property(lambda self: self.source.text, doc="The article text as read (offsets point into it).")
    article_id = property(lambda self: self.source.article_id, doc="Stable id: file stem or text hash.")
    article = property(lambda self: self._tables["article"], doc="One row: metadata and counts.")
    paragraphs = property(lambda self: self._tables["paragraphs"], doc="Every non-empty line of the page.")
    sentences = property(lambda self: self._tables["sentences"], doc="Sentences of headline, subheadings, body.")
    tokens = property(lambda self: self._tables["tokens"], doc="Tokens with norm, stem, kind, is_stopword.")
    entities = property(lambda self: self._tables["entities"], doc="Distinct entities.")
    mentions = property(lambda self: self._tables["mentions"], doc="Entity mentions.")
    figures = property(lambda self: self._tables["figures"], doc="Counted amounts.")
    quotes = property(lambda self: self._tables["quotes"], doc="Attributed statements.")
    themes = property(lambda self: self._tables["themes"], doc="(sentence, theme) pairs with evidence.")
    dates = property(lambda self: self._tables["dates"], doc="Dates in the text, resolved where possible.")

    @property
    def headline(self) -> str | None:
        value = self.article.at[0, "headline"]
        return None if pd.isna(value) else value

    def table(self, name: str) -> pd.DataFrame:
        """The table called ``name`` (one of :data:`TABLE_NAMES`)."""
        if name not in self._tables:
            raise KeyError(f"no table {name!r}; tables: {', '.join(TABLE_NAMES)}")
        return self._tables[name]

    def tables(self) -> dict[str, pd.DataFrame]:
        """All tables by name, in :data:`TABLE_NAMES` order."""
        return {name: self._tables[name] for name in TABLE_NAMES}

    def to_dir(self, out_dir: str | Path, *, format: str = "csv") -> list[Path]:
        """Write ``text.txt`` and one file per table into ``out_dir``; return the paths written.

        Files are written to a temporary folder first and moved into place only when all are complete; table
        files of the other format left by an earlier run are removed, so the folder holds one format.
        CSV is UTF-8 with ``\\n`` line endings; same input, byte-identical files.  Read the tables back with
        :func:`read_tables` (plain ``pd.read_csv`` turns tokens such as ``NA`` or ``null`` into NaN).
        """
        if format not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=out))
        try:
            names = [("text.txt", None)] + [(f"{n}.{format}", n) for n in TABLE_NAMES]
            for filename, table in names:
                target = tmp / filename
                if table is None:
                    target.write_text(self.text, encoding="utf-8", newline="\n")
                elif format == "csv":
                    self._tables[table].to_csv(target, index=False, lineterminator="\n", encoding="utf-8")
                else:
                    self._tables[table].to_parquet(target, index=False, engine="pyarrow", compression="zstd")
            written = []
            for filename, _ in names:
                os.replace(tmp / filename, out / filename)
                written.append(out / filename)
            for other in FORMATS:
                if other != format:
                    for n in TABLE_NAMES:
                        (out / f"{n}.{other}").unlink(missing_ok=True)
            return written
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def __repr__(self) -> str:
        a = self.article.iloc[0]
        return (f"<Article {self.article_id!r}: {a['headline']!r}, {a['n_paragraphs']} paragraphs, "
                f"{a['n_sentences']} sentences, {a['n_tokens']} tokens>")


def parse_article(path_or_text: str | Path, *, name: str | None = None, ner: bool = True,
                  max_bytes: int = DEFAULT_MAX_BYTES, country: str | None = None) -> Article:
    """Parse an article (a file path or the text itself) into an :class:`Article`.

    ``ner``: use the NER model for entity names the gazetteer and patterns do not find (when the model can be
    loaded; if it cannot, a warning is given once and the article is parsed without it).

    Raises :class:`~analysis.text.reader.ArticleError` (``"<file>: <reason>"``) for input that is not an Arabic text
    or is larger than ``max_bytes`` (default 5 MB; parsing needs about 40x the input in memory, plus ~200 MB for
    the interpreter, lexicons and models).

    ``country``: the outlet's country (ISO 3166 alpha-2, ``"LB"``) when you know it: a hint for places with
    namesakes (``طرابلس``), shown as ``geo_reason = outlet-country`` where it decided.
    """
    source = read_source(path_or_text, name=name, max_bytes=max_bytes)
    layout = read_layout(source.text)
    article_id = source.article_id
    paragraphs = _paragraphs_table(layout, article_id)
    n_body = sum(p.kind == "body" for p in layout.paragraphs)  # the counts from the lists the tables were built from
    if not n_body and layout.headline is None:
        raise ArticleError(source.name, "no headline or body text found")
    release_free_memory(len(source.text))  # a long article (analysis/memory.py)
    sentences, tokens, token_lists = _sentences_and_tokens(source.text, layout, article_id)
    release_free_memory(len(source.text))
    n_words = token_lists["kind"].count("word")
    if layout.byline_paragraph_id is not None:  # the byline is read for its names, but its words are not the story's
        b = layout.paragraphs[layout.byline_paragraph_id - 1]
        n_words -= sum(k == "word" and b.start <= s < b.end for k, s in zip(token_lists["kind"], token_lists["start"]))
    base = BaseTables(source.text, article_id, layout.published_at, paragraphs, sentences, tokens,
                      country=country.upper() if country else None)
    with shared(tokens, token_lists):  # the stages read the token lists, not the table
        del token_lists
        extracted = extract_all(base, ner=ner)
    article = schema.frame("article", {
        "source": [source.file_name],
        "headline": [layout.headline],
        "published_at": [layout.published_at],
        "views": [layout.views],
        "byline": [layout.byline],
        "encoding": [source.encoding],
        "n_paragraphs": [len(paragraphs)],
        "n_body_paragraphs": [n_body],
        "n_sentences": [len(sentences)],
        "n_tokens": [len(tokens)],
        "n_words": [n_words],
    }, article_id=article_id)
    tables = {"article": article, "paragraphs": paragraphs, "sentences": sentences, "tokens": tokens, **extracted}
    return Article(source, tables)


# Columns holding text (tokens, names, labels), from the declaration in analysis/schema.py: read from CSV as
# strings, with only an empty field meaning missing, so that a token "NA", "null" or "nan" stays a token.
_TEXT_COLUMNS = frozenset(c.name for t in schema.TABLES.values() for c in t.columns if c.dtype in ("str", "object"))
_NULLABLE_INT_COLUMNS = frozenset(c.name for t in schema.TABLES.values() for c in t.columns if c.dtype == "Int64")


def read_tables(article_dir: str | Path) -> dict[str, pd.DataFrame]:
    """The tables that :meth:`Article.to_dir` (or ``python -m analysis parse``) wrote into ``article_dir``.

    Parquet keeps its dtypes.  CSV is read with ``keep_default_na=False`` (only an empty field is missing), text
    columns as ``str`` and nullable integer columns as ``Int64``; other columns (ids, offsets, scores, flags) as
    pandas infers them.  Raises ``FileNotFoundError`` when a table file is missing.
    """
    folder = Path(article_dir)
    fmt = "parquet" if (folder / "article.parquet").exists() and not (folder / "article.csv").exists() else "csv"
    tables = {}
    for name in TABLE_NAMES:
        path = folder / f"{name}.{fmt}"
        if fmt == "parquet":
            tables[name] = pd.read_parquet(path, engine="pyarrow")
            continue
        header = pd.read_csv(path, nrows=0).columns
        dtype = {c: "str" for c in header if c in _TEXT_COLUMNS}
        dtype |= {c: "Int64" for c in header if c in _NULLABLE_INT_COLUMNS}
        tables[name] = pd.read_csv(path, keep_default_na=False, na_values=[""], dtype=dtype, encoding="utf-8")
    return tables
