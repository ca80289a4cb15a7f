"""Corpus mode: ``python -m analysis corpus`` and :mod:`analysis.corpus` on small synthetic corpora written to
tmp_path (JSON lines, gzipped JSON lines, folders of Windows-1256 files), plus a few real articles from
../shared when it is there."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from analysis import schema
from analysis.cli import main
from analysis.corpus import (
    CORPUS_TABLES,
    InputError,
    StoreError,
    build_corpus,
    read_manifest,
    read_table,
    table_names,
)
from analysis.corpus.batch import Options
from analysis.corpus.inputs import expand_inputs, iter_items
from analysis.corpus.run import plan_batches
from analysis.corpus.store import CorpusStore, arrow_schema, pandas_dtypes

from conftest import SHARED, shared_or_skip
from corpus_samples import ARTICLES, CP1256_TEXT, NOT_ARABIC
from corpus_samples import write_jsonl as _jsonl


@pytest.fixture(scope="module")
def corpus_inputs(tmp_path_factory) -> Path:
    """A small corpus: a gzipped JSON-lines file (3 articles, one refused, one bad line), a plain JSON-lines file,
    and a folder of Windows-1256 files with the same stem in two sub-folders and a PROVENANCE.md."""
    root = tmp_path_factory.mktemp("inputs")
    news = root / "news"
    news.mkdir()
    _jsonl(news / "2015-07-21.jsonl.gz", ARTICLES + [NOT_ARABIC], extra_lines=["{not json"])
    _jsonl(news / "more.jsonl", [dict(ARTICLES[0], url="http://example.org/a/9")])
    papers = root / "papers"
    for sub in ("politics", "economy"):
        (papers / sub).mkdir(parents=True)
        (papers / sub / "EG1.txt").write_bytes(CP1256_TEXT.replace("20", "2" + str(len(sub))).encode("cp1256") + b"\x00")
    (papers / "PROVENANCE.md").write_text("# not an article\n", encoding="utf-8")
    (papers / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(corpus_inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("built") / "corpus"
    result = build_corpus([corpus_inputs / "news", corpus_inputs / "papers"], out, jobs=1, batch_size=2,
                          progress=False)
    return result, out


# --------------------------------------------------------------------------- inputs and ids


class TestInputs:
    def test_folder_walk_order_kinds_and_ids(self, corpus_inputs):
        files = expand_inputs([corpus_inputs / "news", corpus_inputs / "papers"])
        assert [(f.file_id, f.kind) for f in files] == [
            ("news/2015-07-21", "jsonl"), ("news/more", "jsonl"),
            ("papers/economy/EG1", "text"), ("papers/politics/EG1", "text"),  # same stem, no collision
        ]  # PROVENANCE.md and hidden files are not articles

    def test_jsonl_ids_from_url_or_line(self, corpus_inputs):
        items = list(iter_items(expand_inputs([corpus_inputs / "news" / "2015-07-21.jsonl.gz"])))
        ids = [i.article_id for i in items]
        assert ids[0].startswith("news/2015-07-21#") and len(ids[0].split("#")[1]) == 12
        assert ids[2] == "news/2015-07-21#L3"  # no url: the line number
        assert ids[4] == "news/2015-07-21#L5" and items[4].error.startswith("not a JSON object")
        assert len(set(ids)) == len(ids)
        first = items[0]
        assert first.text == ARTICLES[0]["title"] + "\n\n" + ARTICLES[0]["content"]
        assert first.meta[:4] == ("alriyadh", "http://example.org/a/1", "2015-07-21 02:51:33", "الرياض - واس")
        assert first.meta[4] is None and json.loads(items[1].meta[4]) == {"section": "محليات"}
        assert (first.input, first.line, first.name) == (
            f"{corpus_inputs / 'news' / '2015-07-21.jsonl.gz'}:1", 1, "2015-07-21.jsonl.gz:1")

    def test_same_stem_given_as_files_does_not_collide(self, tmp_path):
        for d in ("a/x", "b/x"):
            (tmp_path / d).mkdir(parents=True)
            (tmp_path / d / "1.txt").write_text(CP1256_TEXT, encoding="utf-8")
        files = expand_inputs([tmp_path / "a/x/1.txt", tmp_path / "b/x/1.txt", tmp_path / "a/x/1.txt"])
        ids = [f.file_id for f in files]
        assert len(ids) == 2 and len(set(ids)) == 2  # the repeated file is read once
        assert all(i.startswith("x/1~") and len(i) == len("x/1~") + 8 for i in ids)
        assert [f.file_id for f in expand_inputs([tmp_path / "a/x/1.txt"])] == ["x/1"]

    def test_bad_lines_and_broken_files_are_items_with_an_error(self, tmp_path):
        import gzip

        good = json.dumps(ARTICLES[0], ensure_ascii=False).encode("utf-8")
        (tmp_path / "a.jsonl").write_bytes(b"\n".join([good, b"[1, 2]", b'{"title": "\xff\xfe"}', b"",
                                                        b'{"url": "u"}', b'{"title": 3, "content": "x"}']))
        data = gzip.compress(good + b"\n" + good.replace(b"/a/1", b"/a/2") + b"\n", mtime=0)
        (tmp_path / "b.jsonl.gz").write_bytes(data[:-30] + b"garbage" * 5)  # a cut, corrupted gzip
        items = list(iter_items(expand_inputs([tmp_path])))
        assert [(i.article_id.split("/", 1)[1], i.error) for i in items][:5] == [
            ("a#" + items[0].article_id.split("#")[1], None),
            ("a#L2", "not a JSON object but a list"),
            ("a#L3", "invalid UTF-8 at byte 11 of the line"),
            ("a#" + items[3].article_id.split("#")[1], "no 'title' or 'content' field"),
            ("a#L6", "field 'title' is not a string"),
        ]
        broken = [i for i in items if i.input.endswith("b.jsonl.gz")]
        assert broken[-1].error is not None and broken[-1].error.startswith("cannot read")
        assert len({i.article_id for i in items}) == len(items)

    def test_globs_and_missing_inputs(self, corpus_inputs, tmp_path):
        files = expand_inputs([str(corpus_inputs / "papers" / "*" / "*.txt")])
        assert [f.file_id for f in files] == ["economy/EG1", "politics/EG1"]
        with pytest.raises(InputError, match="no file matches"):
            expand_inputs([str(tmp_path / "*.nothing")])
        with pytest.raises(InputError, match="no such file or folder"):
            expand_inputs([tmp_path / "missing"])

    def test_output_folder_is_not_an_input(self, tmp_path):
        (tmp_path / "a.txt").write_text(CP1256_TEXT, encoding="utf-8")
        (tmp_path / "out" / "text").mkdir(parents=True)
        (tmp_path / "out" / "text" / "b.txt").write_text(CP1256_TEXT, encoding="utf-8")
        assert [f.path.name for f in expand_inputs([tmp_path], exclude=tmp_path / "out")] == ["a.txt"]

    def test_plan_is_positional_and_skips_done(self, corpus_inputs):
        files = expand_inputs([corpus_inputs / "news"])
        batches = list(plan_batches(files, batch_size=2))
        assert [(b.index, len(b.items)) for b in batches] == [(0, 2), (1, 2), (2, 2)]
        done = {batches[0].items[0].article_id, *(i.article_id for i in batches[1].items)}
        again = list(plan_batches(files, batch_size=2, done=done))
        assert [(b.index, len(b.items)) for b in again] == [(0, 1), (2, 2)]
        assert [len(b.items) for b in plan_batches(files, batch_size=2, limit=3)] == [2, 1]


# --------------------------------------------------------------------------- the dataset


class TestDataset:
    def test_counts_and_refusals(self, built, corpus_inputs):
        result, out = built
        assert (result.articles, result.refused, result.exit_status) == (6, 2, 3)
        errors = read_table(out, "errors")
        assert errors["article_id"].tolist() == ["news/2015-07-21#" + errors["article_id"][0].split("#")[1],
                                                 "news/2015-07-21#L5"]
        assert errors["reason"].tolist()[0] == "no Arabic text found"
        assert errors["input"].tolist()[1].endswith("2015-07-21.jsonl.gz:5")

    def test_every_table_reads_with_the_declared_dtypes(self, built):
        _, out = built
        for name in table_names():
            df = pd.read_parquet(out / name)
            assert {c: str(d) for c, d in df.dtypes.items()} == {
                c: str(pd.Series([], dtype=d).dtype) for c, d in pandas_dtypes(name).items()}, name
            if name in schema.TABLES and name != "figures":  # figures.subject_entity_id: object -> Int64
                schema.validate(name, df)

    def test_ids_rows_and_metadata(self, built):
        _, out = built
        article = read_table(out, "article")
        ids = article["article_id"].tolist()
        assert len(ids) == len(set(ids)) == 6
        assert ids[-2:] == ["papers/economy/EG1", "papers/politics/EG1"]
        assert article["encoding"].tolist()[-2:] == ["cp1256", "cp1256"]
        assert article["source"].tolist()[0] == "2015-07-21.jsonl.gz:1"
        assert article["headline"].tolist()[0] == ARTICLES[0]["title"]
        meta = read_table(out, "meta").set_index("article_id")
        assert meta.loc[ids[0], "source"] == "alriyadh" and meta.loc[ids[0], "line"] == 1
        assert pd.isna(meta.loc["papers/economy/EG1", "line"]) and pd.isna(meta.loc["papers/economy/EG1", "source"])
        for name in table_names():  # every table holds only parsed (or refused) articles, in input order
            got = read_table(out, name, columns=["article_id"])["article_id"]
            if name != "errors":
                assert set(got) <= set(ids), name
                assert got.drop_duplicates().tolist() == [i for i in ids if i in set(got)], name

    def test_every_offset_checks_against_the_text(self, built):
        _, out = built
        text = read_table(out, "text").set_index("article_id")["text"]
        for name, col in (("tokens", "text"), ("sentences", "text"), ("mentions", "text"), ("figures", "text"),
                          ("quotes", "content"), ("paragraphs", "text"), ("dates", "text")):
            df = read_table(out, name)
            assert all(text[a][s:e] == t for a, s, e, t in zip(df["article_id"], df["start"], df["end"], df[col])), name
        assert len(read_table(out, "tokens")) > 50 and len(read_table(out, "figures")) >= 3

    def test_same_tables_as_parse_article(self, built, corpus_inputs):
        from analysis import parse_article

        _, out = built
        art = parse_article(corpus_inputs / "papers" / "politics" / "EG1.txt")
        for name, df in art.tables().items():
            got = read_table(out, name, filters=[("article_id", "==", "papers/politics/EG1")])
            want = df.assign(article_id="papers/politics/EG1").astype({c: "Int64" for c in df.columns
                                                                      if pandas_dtypes(name)[c] == "Int64"})
            pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True),
                                          check_dtype=False, obj=name)

    def test_manifest(self, built):
        _, out = built
        manifest = read_manifest(out)
        assert manifest["articles"] == 6 and manifest["refused"] == 2 and manifest["batch_size"] == 2
        assert list(manifest["parts"]) == [f"part-{i:06d}.parquet" for i in range(4)]
        assert manifest["tables"] == list(table_names())
        for name in table_names():
            assert sorted(p.name for p in (out / name).iterdir()) == list(manifest["parts"]), name

    def test_schemas_come_from_the_contract(self):
        for name in table_names():
            declared = schema.TABLES.get(name) or CORPUS_TABLES[name]
            s = arrow_schema(name)
            assert s.names == declared.names
            for c in declared.columns:
                assert s.field(c.name).nullable == (c.dtype not in ("int64", "bool")), (name, c.name)

    @pytest.mark.filterwarnings("ignore::DeprecationWarning")  # dask's own use of pandas APIs
    def test_dask_dataframe_reads_a_table(self, built):
        import dask.dataframe as dd

        _, out = built
        tokens = dd.read_parquet(out / "tokens")
        assert int(tokens["article_id"].nunique().compute()) == 6
        assert len(tokens) == len(read_table(out, "tokens"))


# --------------------------------------------------------------------------- runs: resume, errors, parallel


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / name) for name in table_names()}


def _assert_same_dataset(a: Path, b: Path, *, same_parts: bool = True) -> None:
    ta, tb = _tables(a), _tables(b)
    for name in table_names():
        pd.testing.assert_frame_equal(ta[name], tb[name], obj=name)
    if same_parts:
        assert read_manifest(a)["parts"] == read_manifest(b)["parts"]


class TestRuns:
    def test_resume_skips_what_is_there(self, built, corpus_inputs, tmp_path):
        _, fresh = built
        out = tmp_path / "c"
        inputs = [corpus_inputs / "news", corpus_inputs / "papers"]
        first = build_corpus(inputs, out, jobs=1, batch_size=2, limit=3, progress=False)
        assert (first.new_articles, first.new_refused) == (3, 0)
        second = build_corpus(inputs, out, jobs=1, progress=False)  # batch size from the manifest
        assert (second.new_articles + second.new_refused, second.skipped) == (5, 3)
        third = build_corpus(inputs, out, jobs=1, progress=False)
        assert (third.new_articles, third.new_refused, third.skipped, third.exit_status) == (0, 0, 8, 3)
        _assert_same_dataset(out, fresh, same_parts=False)  # the rest of batch 1 (cut by --limit) in its own part
        assert "part-000001-1.parquet" in read_manifest(out)["parts"]

    def test_interrupted_batch_is_redone_and_nothing_half_written_stays(self, built, corpus_inputs, tmp_path):
        _, fresh = built
        out = tmp_path / "c"
        inputs = [corpus_inputs / "news", corpus_inputs / "papers"]
        build_corpus(inputs, out, jobs=1, batch_size=2, progress=False)
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        del manifest["parts"]["part-000002.parquet"]  # as if killed after the part files, before the commit
        (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        (out / "tokens" / "part-000003.parquet").unlink()  # a committed part that lost a file
        (out / "tokens" / ".tmp-999-part-000009.parquet").write_bytes(b"partial")
        again = build_corpus(inputs, out, jobs=1, progress=False)
        assert again.new_articles + again.new_refused == 4  # batches 2 and 3 again
        _assert_same_dataset(out, fresh)
        assert not [p for p in (out / "tokens").iterdir() if p.name.startswith(".")]

    def test_jobs_1_and_2_give_identical_tables(self, built, corpus_inputs, tmp_path):
        _, fresh = built
        out = tmp_path / "c"
        result = build_corpus([corpus_inputs / "news", corpus_inputs / "papers"], out, jobs=2, batch_size=2,
                              progress=False)
        assert (result.articles, result.refused) == (6, 2)
        _assert_same_dataset(out, fresh)
        for name in table_names():  # byte for byte
            for part in read_manifest(out)["parts"]:
                assert (out / name / part).read_bytes() == (fresh / name / part).read_bytes(), (name, part)

    def test_recycled_workers_give_identical_tables(self, built, corpus_inputs, tmp_path, monkeypatch):
        from analysis.corpus import run

        _, fresh = built
        monkeypatch.setattr(run, "MAX_BATCHES_PER_WORKER", 1)  # a new worker for every batch
        build_corpus([corpus_inputs / "news", corpus_inputs / "papers"], tmp_path / "c", jobs=2, batch_size=2,
                     progress=False)
        _assert_same_dataset(tmp_path / "c", fresh)

    @pytest.mark.slow
    def test_dask_local_cluster_gives_identical_tables(self, built, corpus_inputs, tmp_path):
        _, fresh = built
        out = tmp_path / "c"
        result = build_corpus([corpus_inputs / "news", corpus_inputs / "papers"], out, jobs=2, dask="local",
                              batch_size=2, progress=False)
        assert (result.articles, result.refused) == (6, 2)
        _assert_same_dataset(out, fresh)

    @pytest.mark.slow
    def test_dask_existing_scheduler(self, built, corpus_inputs, tmp_path):
        from distributed import LocalCluster

        _, fresh = built
        out = tmp_path / "c"
        with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
            result = build_corpus([corpus_inputs / "news", corpus_inputs / "papers"], out, dask=cluster.scheduler_address,
                                  batch_size=2, progress=False)
        assert (result.articles, result.refused) == (6, 2)
        _assert_same_dataset(out, fresh)

    def test_other_options_are_refused(self, built, corpus_inputs):
        _, out = built
        with pytest.raises(StoreError, match="other options"):
            build_corpus([corpus_inputs / "news"], out, jobs=1, ner=False, progress=False)

    def test_country_hint_reaches_every_article_and_is_recorded(self, built, corpus_inputs, tmp_path):
        _, plain = built
        with pytest.raises(StoreError, match="other options"):  # a hint changes the tables: no mixing on resume
            build_corpus([corpus_inputs / "news"], plain, jobs=1, country="SA", progress=False)
        out = tmp_path / "sa"
        text = "المملكة تستضيف القمة\n\nأعلنت المملكة اليوم أنها ستستضيف القمة العربية في الرياض الشهر المقبل.\n"
        (tmp_path / "in").mkdir()
        (tmp_path / "in" / "a.txt").write_text(text, encoding="utf-8")
        build_corpus([tmp_path / "in"], out, jobs=1, country="sa", progress=False)
        assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["options"]["country"] == "SA"
        ents = pd.read_parquet(out / "entities")
        assert ents.loc[ents["name_ar"] == "المملكة", "name_en"].tolist() == ["Saudi Arabia"]
        assert Options().as_dict() == {"ner": True, "max_bytes": 5_000_000}  # no key without a hint: old
        # datasets resume

    def test_another_table_contract_is_refused(self, tmp_path):
        out = tmp_path / "c"
        CorpusStore(out, options={}, batch_size=1).close()
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        (out / "manifest.json").write_text(json.dumps(dict(manifest, schema="0123456789ab")), encoding="utf-8")
        with pytest.raises(StoreError, match="another table contract"):
            CorpusStore(out, options={}, batch_size=1)

    def test_one_writer_at_a_time(self, tmp_path):
        with CorpusStore(tmp_path / "c", options={}, batch_size=1):
            with pytest.raises(StoreError, match="another corpus run"):
                CorpusStore(tmp_path / "c", options={}, batch_size=1)
        CorpusStore(tmp_path / "c", options={}, batch_size=1).close()  # the lock went with the first


# --------------------------------------------------------------------------- command line


class TestCommandLine:
    def test_exit_3_with_refusals_and_summary(self, corpus_inputs, tmp_path, capsys):
        (tmp_path / "in").mkdir()
        (tmp_path / "in" / "good.txt").write_text(CP1256_TEXT, encoding="utf-8")
        (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01\x02binary\x00data")
        (tmp_path / "in" / "empty.txt").write_bytes(b"")
        code = main(["corpus", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--jobs", "1"])
        captured = capsys.readouterr()
        assert code == 3
        assert "1 parsed, 2 refused" in captured.out
        assert "2 input(s) refused" in captured.err and "Traceback" not in captured.err
        errors = read_table(tmp_path / "out", "errors")
        assert errors["article_id"].tolist() == ["in/bad", "in/empty"]
        assert errors["reason"].str.contains("binary data").tolist() == [True, False]
        assert read_table(tmp_path / "out", "article")["article_id"].tolist() == ["in/good"]
        assert main(["corpus", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 3

    def test_exit_0_when_all_parsed(self, tmp_path, capsys):
        (tmp_path / "a.txt").write_text(CP1256_TEXT, encoding="utf-8")
        assert main(["corpus", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--quiet"]) == 0
        assert "1 parsed, 0 refused" in capsys.readouterr().out

    @pytest.mark.parametrize("case", ["missing_input", "out_is_file", "out_not_dataset", "bad_jobs"])
    def test_usage_errors_exit_2(self, case, tmp_path, capsys):
        (tmp_path / "a.txt").write_text(CP1256_TEXT, encoding="utf-8")
        out = tmp_path / "out"
        argv = ["corpus", str(tmp_path / "a.txt"), "--out", str(out)]
        if case == "missing_input":
            argv[1] = str(tmp_path / "nope")
        elif case == "out_is_file":
            out.write_text("x")
        elif case == "out_not_dataset":
            out.mkdir()
            (out / "notes.txt").write_text("mine")
        else:
            argv += ["--jobs", "0"]
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and err.count("\n") == 1, err
        if case == "out_not_dataset":
            assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["notes.txt"]

    def test_options(self):
        from analysis.cli import _cmd_corpus, build_parser

        args = build_parser().parse_args(["corpus", "a", "b/", "--out", "o", "--jobs", "2", "--dask", "local",
                                          "--limit", "5", "--no-ner"])
        assert (args.inputs, args.out, args.jobs, args.dask, args.limit, args.ner) == (
            ["a", "b/"], Path("o"), 2, "local", 5, False)
        assert args.func is _cmd_corpus
        args = build_parser().parse_args(["corpus", "a", "--out", "o"])
        assert (args.jobs, args.dask, args.limit, args.batch_size, args.ner, args.quiet, args.country) == (
            None, None, None, None, True, False, None)
        assert build_parser().parse_args(["corpus", "a", "--out", "o", "--country", "sa"]).country == "SA"

    def test_progress_bar_is_quiet_when_not_a_terminal(self, tmp_path, capsys):
        (tmp_path / "a.txt").write_text(CP1256_TEXT, encoding="utf-8")
        assert main(["corpus", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 0
        assert capsys.readouterr().err == ""


# --------------------------------------------------------------------------- the real corpora


def test_real_corpora_sample(tmp_path):
    saudi = shared_or_skip(SHARED / "corpus" / "saudinewsnet" / "2015-07-21.jsonl.gz")
    papers = shared_or_skip(SHARED / "corpus" / "arabic_newspapers" / "politics")
    files = sorted(papers.glob("*.txt"))[:3]
    result = build_corpus([*files, saudi], tmp_path / "c", jobs=1, limit=6, progress=False)
    assert result.articles + result.refused == 6
    article = read_table(tmp_path / "c", "article")
    assert article["article_id"].str.startswith("saudinewsnet/2015-07-21#").sum() == 3
    assert article["article_id"].str.startswith("politics/").sum() == result.articles - 3
    assert set(article["encoding"]) <= {"utf-8", "cp1256", "str"}
    assert (read_table(tmp_path / "c", "meta")["source"].notna()).sum() == 3
    assert os.path.isfile(tmp_path / "c" / "manifest.json")
