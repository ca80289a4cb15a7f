import filecmp
import subprocess
import sys

import pandas as pd
import pytest

from analysis import TABLE_NAMES, parse_article

from conftest import DEV_ARTICLES, DEV_DIR, ROOT, SEED, shared_or_skip


def assert_offsets(art):
    """Every row of every table that points into the text: text[start:end] == row.text (or content)."""
    checked = 0
    for name, df in art.tables().items():
        if not {"start", "end"} <= set(df.columns) or df.empty:
            continue
        col = "text" if "text" in df.columns else "content"
        for start, end, value in zip(df["start"], df["end"], df[col]):
            assert art.text[start:end] == value, f"{name}: {start}:{end} -> {art.text[start:end]!r} != {value!r}"
            checked += 1
    return checked


class TestSeedCounts:
    def test_counts(self, seed_article):
        a = seed_article.article.iloc[0]
        # Verified by reading: headline + subheading + 17 body sentences (paragraphs 7, 8 and 13 hold two each).
        assert a["n_sentences"] == 19
        # 465 words + 34 punctuation + 3 numbers (1,497 / 390 / 17), checked against a whitespace count.
        assert a["n_tokens"] == 502 and a["n_words"] == 465

    def test_sentences_per_paragraph(self, seed_article):
        per = seed_article.sentences.groupby("paragraph_id").size().to_dict()
        assert per == {3: 1, 6: 1, 7: 2, 8: 2, 9: 1, 10: 1, 11: 1, 12: 1, 13: 2, **{i: 1 for i in range(14, 21)}}

    def test_quote_across_sentence_end_kept(self, seed_article):
        s = seed_article.sentences.set_index("sentence_id")
        assert s.loc[5, "text"].startswith("واشار الكاظمي الى \"أن عصابات داعش")
        assert s.loc[5, "text"].endswith("في ملاحقتها\".")

    def test_headline_and_subheading_are_sentences(self, seed_article):
        s = seed_article.sentences
        assert s.loc[s.paragraph_kind == "headline", "text"].tolist() == ["الكاظمي يتحدث عن أخطر تحد يواجه حكومته"]
        assert s.loc[s.paragraph_kind == "subheading", "text"].tolist() == ["في مقدمة داعمي العراق"]

    def test_tokens(self, seed_article):
        t = seed_article.tokens
        assert t.loc[t.kind == "number", "text"].tolist() == ["1,497", "390", "17"]
        row = t[t.text == "لإيطاليا"].iloc[0]
        assert row["norm"] == "لايطاليا" and not row["is_stopword"]
        assert t[t.text == "في"]["is_stopword"].all()
        assert t.loc[t.text == "والاستخبارية", "stem"].tolist() == ["استخبار"]
        assert t.token_id.tolist() == list(range(1, len(t) + 1))

    def test_every_table_has_article_id(self, seed_article):
        for name, df in seed_article.tables().items():
            assert "article_id" in df.columns, name
            assert (df["article_id"] == "000_15d6e93d3754c312").all(), name


class TestOffsetInvariant:
    def test_seed(self, seed_article):
        assert assert_offsets(seed_article) > 500

    @pytest.mark.parametrize("path", DEV_ARTICLES, ids=[p.name for p in DEV_ARTICLES])
    def test_dev_article(self, path):
        art = parse_article(shared_or_skip(path))
        assert assert_offsets(art) > 100
        assert art.article.iloc[0]["headline"] == path.read_text(encoding="utf-8").split("\n", 1)[0].strip()

    def test_dev_corpus_present(self):
        shared_or_skip(DEV_DIR)
        assert len(DEV_ARTICLES) == 15


class TestToDir:
    @pytest.mark.parametrize("fmt", ["csv", "parquet"])
    def test_writes_every_table_and_round_trips(self, seed_article, tmp_path, fmt):
        written = seed_article.to_dir(tmp_path, format=fmt)
        assert sorted(p.name for p in written) == sorted(["text.txt"] + [f"{n}.{fmt}" for n in TABLE_NAMES])
        assert (tmp_path / "text.txt").read_text(encoding="utf-8") == seed_article.text
        read = pd.read_csv if fmt == "csv" else pd.read_parquet
        tokens = read(tmp_path / f"tokens.{fmt}")
        assert len(tokens) == 502
        text = seed_article.text
        assert all(text[s:e] == v for s, e, v in zip(tokens.start, tokens.end, tokens.text.astype(str)))
        assert not any(p.name.startswith(".tmp") for p in tmp_path.iterdir())

    def test_bad_format(self, seed_article, tmp_path):
        with pytest.raises(ValueError, match="format"):
            seed_article.to_dir(tmp_path, format="xlsx")


class TestDeterminism:
    @pytest.mark.parametrize("fmt", ["csv", "parquet"])
    def test_two_runs_byte_identical(self, tmp_path, fmt):
        outs = []
        for run in ("a", "b"):
            out = tmp_path / run
            subprocess.run([sys.executable, "-m", "analysis", "parse", str(SEED), "--out", str(out),
                            "--format", fmt], check=True, cwd=ROOT, capture_output=True)
            outs.append(out / SEED.stem)
        files = sorted(p.name for p in outs[0].iterdir())
        assert len(files) == 1 + len(TABLE_NAMES)
        match, mismatch, errors = filecmp.cmpfiles(outs[0], outs[1], files, shallow=False)
        assert mismatch == [] and errors == []


class TestCommandLine:
    def test_help(self):
        proc = subprocess.run([sys.executable, "-m", "analysis", "parse", "--help"], capture_output=True, text=True)
        assert proc.returncode == 0 and "--format" in proc.stdout and "ARTICLE" in proc.stdout

    def test_parse_prints_summary(self, tmp_path):
        proc = subprocess.run([sys.executable, "-m", "analysis", "parse", str(SEED), "--out", str(tmp_path)],
                              capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 0, proc.stderr
        assert "20 paragraphs, 19 sentences, 502 tokens" in proc.stdout
        assert (tmp_path / SEED.stem / "sentences.csv").exists()
