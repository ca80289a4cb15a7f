"""The table contract (analysis/schema.py): every table of every parsed article meets its declaration, the
validator catches what it should, the builders' helper keeps order and dtypes, and docs/DATA_MODEL.md is the
declaration's."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import TABLE_NAMES, schema
from analysis.extract.dates import DATE_COLUMNS
from analysis.extract.figures import FIGURE_COLUMNS
from analysis.extract.themes import THEME_COLUMNS
from analysis.schema import TABLES, SchemaError, frame, validate

from conftest import DEV_ARTICLES, DEV_DIR, ROOT, shared_or_skip

_SPAN_TEXT = {"quotes": "content"}  # tables whose start/end cover another column than ``text``


def _check_article(art) -> None:
    for name, df in art.tables().items():
        validate(name, df)
        text_col = _SPAN_TEXT.get(name, "text")
        if {"start", "end", text_col} <= set(df.columns):
            for s, e, t in zip(df["start"], df["end"], df[text_col]):
                assert art.text[s:e] == t, (art.article_id, name, s, e)


class TestEveryParse:
    def test_seed_tables_meet_the_declaration(self, seed_article):
        _check_article(seed_article)

    def test_dev_tables_meet_the_declaration(self, dev_articles):
        shared_or_skip(DEV_DIR)
        assert len(dev_articles) == len(DEV_ARTICLES) == 15
        for art in dev_articles.values():
            _check_article(art)

    def test_a_text_without_extractions_meets_it_too(self):
        from analysis import parse_article

        art = parse_article("عنوان قصير\n\nنص قصير بلا أرقام.", name="tiny")
        assert len(art.figures) == 0 and len(art.quotes) == 0
        _check_article(art)


class TestDeclaration:
    def test_tables_in_article_order(self):
        assert TABLE_NAMES == tuple(TABLES)

    @pytest.mark.parametrize("name", list(TABLES))
    def test_table_is_well_formed(self, name):
        t = TABLES[name]
        assert t.names[0] == "article_id"
        assert len(set(t.names)) == len(t.names)
        assert t.stage in schema.STAGES and t.row and t.description
        for c in t.columns:
            assert c.dtype in schema.DTYPES, (name, c.name)
            assert c.description.strip(), (name, c.name)
            assert set(c.consumers) <= set(schema.STAGES), (name, c.name)
            if c.dtype in ("int64", "bool"):
                assert not c.nullable, (name, c.name)  # NumPy ints and bools cannot hold a null

    def test_stage_inputs_named(self):
        mentions = TABLES["mentions"]
        for col in ("token_start", "token_end", "title", "title_head", "entity_id", "type", "start"):
            assert "quotes" in mentions.column(col).consumers, col
        for col in ("sentence_id", "entity_id", "type", "start"):
            assert "figures" in mentions.column(col).consumers, col
        assert mentions.column("token_start").internal and mentions.column("token_end").internal

    def test_builders_column_lists_are_the_declaration(self):
        assert FIGURE_COLUMNS == TABLES["figures"].names
        assert DATE_COLUMNS == TABLES["dates"].names
        assert THEME_COLUMNS == TABLES["themes"].names


def _dates_frame(**overrides) -> pd.DataFrame:
    cols = {"date_id": [1], "sentence_id": [1], "text": ["أمس"], "start": [0], "end": [3], "kind": ["relative"],
            "resolved": [None], "granularity": ["day"], "gloss": ["yesterday"], "calendar": ["gregorian"]}
    cols.update(overrides)
    return frame("dates", cols, article_id="a")


class TestValidate:
    def test_good_table_passes(self):
        df = _dates_frame()
        assert validate("dates", df) is df

    def test_missing_column(self):
        with pytest.raises(SchemaError, match=r"^dates\.gloss: missing column"):
            validate("dates", _dates_frame().drop(columns=["gloss"]))

    def test_undeclared_column(self):
        df = _dates_frame().assign(extra=1)
        with pytest.raises(SchemaError, match=r"^dates\.extra: undeclared column"):
            validate("dates", df)

    def test_wrong_order(self):
        df = _dates_frame()
        cols = list(df.columns)
        cols[1], cols[2] = cols[2], cols[1]
        with pytest.raises(SchemaError, match=r"^dates\.sentence_id: out of order"):
            validate("dates", df[cols])

    def test_wrong_dtype(self):
        df = _dates_frame()
        df["start"] = df["start"].astype("float64")
        with pytest.raises(SchemaError, match=r"^dates\.start: dtype float64, declared int64"):
            validate("dates", df)
        df = _dates_frame()
        df["kind"] = df["kind"].astype(object)
        with pytest.raises(SchemaError, match=r"^dates\.kind: dtype object, declared str"):
            validate("dates", df)

    def test_null_in_a_non_null_column(self):
        df = _dates_frame(gloss=[None])
        with pytest.raises(SchemaError, match=r"^dates\.gloss: null in a non-null column \(row 0\)"):
            validate("dates", df)
        validate("dates", df, nulls=False)  # the structural check alone (what extract_all runs)
        validate("dates", _dates_frame(resolved=[None]))  # resolved may be null

    def test_unknown_table(self):
        with pytest.raises(SchemaError, match="no table 'nope'"):
            validate("nope", pd.DataFrame())

    @pytest.mark.parametrize("table, col", [("mentions", "rule"), ("quotes", "rule"), ("quotes", "speaker_rule")])
    def test_rule_columns_are_required(self, seed_article, table, col):
        with pytest.raises(SchemaError, match=rf"^{table}\.{col}: missing column"):
            validate(table, seed_article.table(table).drop(columns=[col]))

    def test_a_declared_column_absent_fails(self, seed_article):
        df = seed_article.table("figures").drop(columns=["qualifier"])
        with pytest.raises(SchemaError, match=r"^figures\.qualifier: missing column"):
            validate("figures", df)


class TestFrame:
    def test_declared_order_and_dtypes(self):
        cols = {"figure_id": range(1, 3), "sentence_id": [1, 2], "value": [1.0, 2.5], "value_high": [None, None],
                "kind": ["cardinal", "decimal"], "vague": [False, False], "same_as_figure_id": [None, 1],
                "unit_ar": ["جندي", None],
                "unit_en": [None, None], "category": ["personnel", "number"], "approximate": [True, False],
                "qualifier": [None, "نحو"], "subject_entity_id": [None, None], "value_text": ["1", "2.5"],
                "text": ["1 جندي", "2.5"], "start": [0, 9], "end": [6, 12]}
        df = frame("figures", dict(reversed(list(cols.items()))), article_id="a")
        assert list(df.columns) == TABLES["figures"].names
        assert [str(d) for d in df.dtypes] == [c.dtype for c in TABLES["figures"].columns]
        assert df["article_id"].tolist() == ["a", "a"]
        assert df["unit_ar"].isna().tolist() == [False, True]
        validate("figures", df)

    def test_empty_table_has_declared_dtypes(self):
        names = TABLES["themes"].names[1:]
        df = frame("themes", {c: [] for c in names}, article_id="a")
        assert len(df) == 0
        validate("themes", df)

    def test_missing_and_undeclared_columns(self):
        with pytest.raises(SchemaError, match="dates: missing column.*calendar"):
            frame("dates", {c: [] for c in TABLES["dates"].names[1:-1]}, article_id="a")
        with pytest.raises(SchemaError, match="dates: undeclared column.*bogus"):
            frame("dates", {**{c: [] for c in TABLES["dates"].names[1:]}, "bogus": []}, article_id="a")

    def test_columns_of_different_lengths(self):
        cols = {c: [] for c in TABLES["dates"].names[1:]}
        cols["start"] = [1]
        with pytest.raises(SchemaError, match=r"dates: columns of different lengths \(.*start=1"):
            frame("dates", cols, article_id="a")


# Values of every kind a builder may hand :func:`schema.column`, per dtype: plain lists (the fast paths), NumPy
# scalars, tuples, ranges, nulls and values pandas has to convert (a float in a str column, a bool in an int one).
_COLUMN_CASES = {
    "str": [["a", "بغداد", None, ""], ("x", "y"), ["a", 1.5, None], [float("nan"), "b"], [np.str_("s"), "t"], []],
    "int64": [[1, 2, -3, 2**40], range(3, 9, 2), (4, 5), [np.int64(7), 8], [True, 2], [2.0, 3.0], []],
    "float64": [[1.0, None, 2], [np.float64(1.5), 2.5], (1, 2), [float("nan")], [True, 1.5], []],
    "bool": [[True, False], (False,), [np.bool_(True), False], []],
    "Int64": [[1, None, 3], [None, None], []],
    "boolean": [[True, None], []],
    "object": [[np.int64(3), None], [None, None], []],
}


class TestColumn:
    @pytest.mark.parametrize("dtype,values", [(d, v) for d, vs in _COLUMN_CASES.items() for v in vs])
    def test_same_as_a_pandas_series(self, dtype, values):
        got = pd.Series(schema.column(values, dtype))
        want = pd.Series(values, dtype=schema._dtype(dtype))
        pd.testing.assert_series_equal(got, want, check_exact=True)
        assert [type(x) for x in got.tolist()] == [type(x) for x in want.tolist()]
        if dtype == "str":
            assert got.array._pa_array.type == want.array._pa_array.type

    def test_pandas_errors_are_kept(self):
        for values, dtype in (([1.5], "int64"), ([None], "int64"), ([2**70], "int64")):
            with pytest.raises((TypeError, ValueError, OverflowError)):
                pd.Series(values, dtype=schema._dtype(dtype))
            with pytest.raises((TypeError, ValueError, OverflowError)):
                schema.column(values, dtype)

    def test_frame_layout_as_from_series(self, seed_article):
        # the frame of a built table equals one built the old way, column by column from Series
        for name, df in seed_article.tables().items():
            old = pd.DataFrame({c.name: pd.Series(df[c.name].tolist(), dtype=schema._dtype(c.dtype))
                                for c in TABLES[name].columns})
            pd.testing.assert_frame_equal(df, old, check_exact=True)
            assert df._mgr.nblocks == old._mgr.nblocks, name  # consolidated blocks, as before

class TestDataModelDoc:
    def test_doc_is_generated_from_the_declaration(self):
        doc = ROOT / "docs" / "DATA_MODEL.md"
        assert doc.read_text(encoding="utf-8") == schema.data_model(), \
            "docs/DATA_MODEL.md is out of date: run python -m analysis.schema --write"

    def test_doc_names_every_column(self):
        text = schema.data_model()
        for t in TABLES.values():
            assert f"### {t.name}" in text
            for c in t.columns:
                assert f"| `{c.name}` | `{c.dtype}` |" in text, (t.name, c.name)
        assert "article.text[start:end] == row.text" in text

    def test_check_flag(self, tmp_path, monkeypatch, capsys):
        monkeypatch.setattr(schema, "DOC_PATH", tmp_path / "DATA_MODEL.md")
        assert schema.main(["--check"]) == 1
        assert schema.main(["--write"]) == 0
        assert schema.main(["--check"]) == 0
        assert (tmp_path / "DATA_MODEL.md").read_text(encoding="utf-8") == schema.data_model()
