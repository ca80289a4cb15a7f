import subprocess
import sys

import pytest

from analysis import ArticleError, parse_article
from analysis.text.reader import read_source

from conftest import ROOT, SEED

ARABIC = "الكاظمي يتحدث عن أخطر تحد يواجه حكومته\n\nوبحث الكاظمي مع وزير الدفاع الايطالي تعزيز التعاون.\n"


class TestEncodings:
    @pytest.mark.parametrize("encoding, data", [
        ("utf-8", ARABIC.encode("utf-8")),
        ("utf-8-sig", b"\xef\xbb\xbf" + ARABIC.encode("utf-8")),
        ("utf-16", ARABIC.encode("utf-16")),  # with BOM
        ("utf-16", b"\xfe\xff" + ARABIC.encode("utf-16-be")),
        ("cp1256", ARABIC.encode("cp1256")),
    ])
    def test_decodes_to_same_text(self, tmp_path, encoding, data):
        path = tmp_path / "a.txt"
        path.write_bytes(data)
        src = read_source(path)
        assert src.text == ARABIC
        assert src.encoding == encoding

    @pytest.mark.parametrize("data", [ARABIC.replace("\n", "\r\n"), ARABIC.replace("\n", "\r")])
    def test_line_endings_folded(self, tmp_path, data):
        path = tmp_path / "a.txt"
        path.write_bytes(data.encode("utf-8"))
        assert read_source(path).text == ARABIC

    def test_seed_bytes_are_the_text(self):
        assert read_source(SEED).text == SEED.read_text(encoding="utf-8")

    def test_string_input(self):
        art = parse_article(ARABIC)
        assert art.headline == "الكاظمي يتحدث عن أخطر تحد يواجه حكومته"
        assert art.article_id.startswith("text-")


BAD = [
    ("missing", None, "no such file"),
    ("empty", b"", "empty"),
    ("whitespace", b"  \n\t \r\n ", "empty input"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    ("undecodable", bytes(range(0x80, 0x100)) * 4 + b"\x01\x02\x03\x04" * 40, "undecodable"),
    ("english", b"Just an English sentence about the weather.\n", "no Arabic"),
    # Arabic letters replaced by '?' in an earlier code-page conversion (ASCII bytes, and with a stray cp1256 byte)
    ("letters lost", b"??? C????? C??C? ???E ?E?E C?E???? C?????? ?EI C?????.\n\n?C? E?ICI? ?? ??? ?U??\n",
     "were lost"),
    ("letters lost cp1256", b"??? C????? C??C? ???E ?E?E C?E???? \xab\xe9\xbb ?EI C?????.\n\n?C? E?ICI? ?? ???\n",
     "were lost"),
    ("html", ("<!DOCTYPE html><html><body><p>" + ARABIC + "</p></body></html>").encode(), "HTML"),
]


class TestBadInput:
    @pytest.mark.parametrize("name, data, reason", BAD, ids=[b[0] for b in BAD])
    def test_error_names_file_and_reason(self, tmp_path, name, data, reason):
        path = tmp_path / f"{name}.txt"
        if data is not None:
            path.write_bytes(data)
        with pytest.raises(ArticleError) as exc:
            parse_article(path)
        assert str(exc.value).startswith(str(path) + ": ")
        assert reason in exc.value.reason

    def test_directory(self, tmp_path):
        with pytest.raises(ArticleError, match="directory"):
            parse_article(tmp_path)

    def test_inline_markup_in_arabic_text_is_text(self):
        art = parse_article("عنوان الخبر\n\nقال الوزير <b>مرحبا</b> <script>alert(1)</script> في بغداد.\n")
        assert "<script>" in art.sentences.text.iloc[1]


class TestCommandLineErrors:
    @pytest.mark.parametrize("name, data, reason", BAD, ids=[b[0] for b in BAD])
    def test_one_line_error_exit_2_nothing_written(self, tmp_path, name, data, reason):
        path = tmp_path / f"{name}.txt"
        if data is not None:
            path.write_bytes(data)
        out = tmp_path / "out"
        proc = subprocess.run([sys.executable, "-m", "analysis", "parse", str(SEED), str(path), "--out", str(out)],
                              capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 2
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: {path}: ") and reason in lines[0]
        assert not out.exists(), "a bad article must stop the run before anything is written"
