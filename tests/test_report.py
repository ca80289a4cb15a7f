"""The HTML report: notebooks execute, pages render in a browser, article markup stays escaped."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest

from analysis.cli import run_report_command
from analysis.report.build import (
    NotebookInfo,
    NotebookPage,
    ReportError,
    _Article,
    _Counts,
    _first_line,
    _index_html,
    _load_articles,
    _source_cell_number,
    build_report,
    find_notebooks,
    notebook_info,
    resolve_article,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_15d6e93d3754c312.txt"
SEED_ID = "000_15d6e93d3754c312"
HEADLINE = "الكاظمي يتحدث عن أخطر تحد يواجه حكومته"
HEADLINE_EN = "Al-Kadhimi speaks of the gravest challenge facing his government"

MARKUP_ID = "markup_article"
MARKUP_TEXT = (
    "وزير الدفاع يزور بغداد <script>alert(1)</script> لبحث التعاون\n"
    "\n"
    "قال وزير الدفاع إن <b>الحكومة العراقية</b> تعمل بقوة <script>alert(1)</script> لتعزيز الأمن في بغداد.\n"
    "وأكد الوزير أن التعاون مع إيطاليا مستمر في مجال التدريب.\n"
)

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]


def _notebook(path: Path, cells: list[str], *, parameters: str = 'article_path = "x"',
              markdown: str = "# test notebook") -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    param = nbformat.v4.new_code_cell(parameters)
    param.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell(markdown), param] + [nbformat.v4.new_code_cell(c) for c in cells]
    nbformat.write(nb, path)
    return path


def _seed_counts() -> _Counts:
    """The seed's table sizes as the index should show them (entities and quotes follow the NER model in use)."""
    from analysis import parse_article

    art = parse_article(SEED)
    return _Counts(int((art.paragraphs["kind"] == "body").sum()), len(art.sentences), len(art.entities),
                   len(art.figures), len(art.quotes))


# --------------------------------------------------------------------------- fast units


class TestHelpers:
    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            ("x = 1\ny = 2", "x = 1"),
            ("# explain\n\n1/0", "1/0"),
            ("# only a comment", "# only a comment"),
            ("", "(empty cell)"),
        ],
    )
    def test_first_line(self, source, expected):
        assert _first_line(source) == expected

    def test_cell_number_skips_injected_cell(self):
        nb = nbformat.v4.new_notebook()
        param = nbformat.v4.new_code_cell("a = 1")
        param.metadata["tags"] = ["parameters"]
        nb.cells = [nbformat.v4.new_markdown_cell("m"), param, nbformat.v4.new_code_cell("b"), nbformat.v4.new_code_cell("c")]
        # executed: 0 md, 1 parameters, 2 injected, 3 "b", 4 "c"
        assert _source_cell_number(nb, 1) == 2
        assert _source_cell_number(nb, 3) == 3
        assert _source_cell_number(nb, 4) == 4

    def test_index_escapes_headline_and_names(self, tmp_path):
        art = _Article(path=tmp_path / "<i>a</i>.txt", article_id="a<b>", headline="عنوان <script>alert(1)</script>",
                       published_at="", headline_en="Title <img src=x onerror=alert(2)>",
                       counts=_Counts(1, 2, 3, 0, 5))
        nb = _notebook(tmp_path / "01_x.ipynb", [], markdown=(
            "# 01 · Who <em>says</em> what\n\n**Question.** Does <script>alert(3)</script> run, or `<b>` bold?\n"))
        page = NotebookPage("a<b>", "01_x", tmp_path / "01_x.html", tmp_path / "01_x.reader.html",
                            tmp_path / "01_x.ipynb", 1.0)
        html = _index_html([art], [nb], {("a<b>", "01_x"): page})
        assert "<script>alert" not in html and "<i>a" not in html and "a<b>" not in html
        assert "<img" not in html and "<em>says" not in html and "<b>" not in html
        assert "عنوان &lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "Title &lt;img src=x onerror=alert(2)&gt;" in html
        assert "Who &lt;em&gt;says&lt;/em&gt; what" in html
        assert "Does &lt;script&gt;alert(3)&lt;/script&gt; run, or <code>&lt;b&gt;</code> bold?" in html
        assert ("<span>No publication date found</span> · <span>1 body paragraph</span> · <span>2 sentences</span> · "
                "<span>3 entities</span> · <span>0 figures</span> · <span>5 quotes</span>") in html

    def test_index_from_template_quotes_like_html_escape(self, tmp_path):
        template = (ROOT / "analysis" / "data" / "report_template" / "index.html.j2").read_text(encoding="utf-8")
        assert template.count("href=") == 1 and template.count("page_href(") == 1  # one place makes a page link
        art = _Article(path=tmp_path / "x.txt", article_id="x", headline='قال "نعم" و\'لا\'', published_at="2020-01-02T03:04",
                       headline_en="", counts=None)
        page = NotebookPage("x", "01_x", tmp_path / "01 & x.html", tmp_path / "01_x.reader.html",
                            tmp_path / "01_x.ipynb", 1.0)
        info = NotebookInfo("01_x", "", "Untitled", "")
        html = _index_html([art], [info], {("x", "01_x"): page})
        assert '<h2 class="headline" dir="rtl" lang="ar">قال &quot;نعم&quot; و&#x27;لا&#x27;</h2>\n' in html
        assert '<p class="meta"><span>Published 2020-01-02 03:04</span></p>\n<p class="source">x.txt</p>' in html
        assert ('<tr><td class="num"></td><td>Untitled</td><td class="links"><a href="x/01_x.reader.html">reader</a> · '
                '<a href="x/01%20%26%20x.html">with code</a></td></tr>') in html
        assert '<li><span class="num"></span><span><strong>Untitled</strong></span></li>' in html
        assert "headline-en" not in html.split("<body>")[1]
        assert html.endswith("</table>\n</section>\n</body>\n</html>\n")

    def test_index_without_articles_or_notebooks(self):
        html = _index_html([], [], {})
        assert "<p class=\"lead\">0 articles, each read by 0 notebooks." in html
        assert '<ol class="questions">\n\n</ol>\n' in html
        assert html.endswith('<h2 class="part">The articles</h2>\n\n</body>\n</html>\n')

    def test_index_is_deterministic(self, tmp_path):
        infos = [notebook_info(nb) for nb in find_notebooks()]
        pages = {(SEED_ID, i.stem): NotebookPage(SEED_ID, i.stem, tmp_path / f"{i.stem}.html",
                                                 tmp_path / f"{i.stem}.reader.html", tmp_path / f"{i.stem}.ipynb", 1.0)
                 for i in infos}
        first = _index_html(_load_articles([SEED]), infos, pages)
        assert _index_html(_load_articles([SEED]), infos, pages) == first
        assert str(tmp_path) not in first and str(ROOT) not in first  # no absolute paths

    def test_notebooks_are_ordered_and_paired(self):
        notebooks = find_notebooks()
        assert [p.name for p in notebooks] == sorted(p.name for p in notebooks)
        assert notebooks[0].name == "01_article_at_a_glance.ipynb"
        for nb in notebooks:
            assert nb.with_suffix(".py").is_file(), f"{nb.name} has no paired percent script"
            stored = json.loads(nb.read_text(encoding="utf-8"))
            assert all(not c.get("outputs") for c in stored["cells"]), f"{nb.name} is stored with outputs"
            tags = [c.get("metadata", {}).get("tags", []) for c in stored["cells"]]
            assert sum("parameters" in t for t in tags) == 1

    def test_paired_script_and_notebook_agree(self):
        import jupytext

        for nb_path in find_notebooks():
            script = jupytext.read(nb_path.with_suffix(".py"))
            stored = nbformat.read(nb_path, as_version=4)
            assert [(c.cell_type, c.source) for c in script.cells] == [
                (c.cell_type, c.source) for c in stored.cells
            ], f"{nb_path.name} and its .py differ: run `jupytext --sync {nb_path.with_suffix('.py')}`"

    def test_seed_article_fields(self):
        (art,) = _load_articles([SEED])
        assert (art.article_id, art.headline, art.published_at) == (SEED_ID, HEADLINE, "2020-09-28T22:26")
        assert art.headline_en == HEADLINE_EN
        assert art.counts == _seed_counts()
        assert (art.counts.paragraphs, art.counts.sentences, art.counts.figures) == (14, 19, 3)

    def test_resolve_article(self):
        assert resolve_article(None) == SEED
        assert resolve_article("../seeds/000_15d6e93d3754c312.txt") == SEED
        assert resolve_article(str(SEED)) == SEED


class TestNotebookInfo:
    @pytest.mark.parametrize(
        ("markdown", "expected"),
        [
            ("# 02 · Who contributes what\n\n**Question.** How much?\n\n**Method.** Counting.",
             ("02", "Who contributes what", "How much?")),
            ("# 04 · Themes\n\n**Question.** What is it about,\n# and how does it flow?\n\nMore.",
             ("04", "Themes", "What is it about, # and how does it flow?")),
            ("# 03 · Who said what\n\n**Question.** Who is quoted,\nand how?\n\n**Method.** x",
             ("03", "Who said what", "Who is quoted, and how?")),
            ("# 7. Plain heading\n\n**Question** No dot after the word?", ("7", "Plain heading", "No dot after the word?")),
            ("# A title without number\n\nNo question here.", ("", "A title without number", "")),
            ("Just prose, no heading.", ("", "09_plain", "")),
        ],
    )
    def test_parse(self, tmp_path, markdown, expected):
        nb = _notebook(tmp_path / "09_plain.ipynb", [], markdown=markdown)
        assert notebook_info(nb) == NotebookInfo("09_plain", *expected)

    def test_project_notebooks(self):
        infos = {i.stem: i for i in map(notebook_info, find_notebooks())}
        assert infos["01_article_at_a_glance"][1:3] == ("01", "The article at a glance")
        assert infos["02_figures"].title == "Figures: what, how much, whose"
        assert infos["03_who_said_what"].question.startswith("Who is quoted, saying what, and how")
        assert all(i.number and i.title and i.question.endswith((".", "?")) for i in infos.values()), infos


# --------------------------------------------------------------------------- the real report


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    base = tmp_path_factory.mktemp("report")
    markup = base / f"{MARKUP_ID}.txt"
    markup.write_text(MARKUP_TEXT, encoding="utf-8")
    return build_report([SEED, markup], base / "out", jobs=2, progress=False)


@pytest.mark.slow
class TestBuild:
    def test_every_notebook_for_every_article(self, report):
        notebooks = [p.stem for p in find_notebooks()]
        assert [(p.article_id, p.notebook) for p in report.pages] == sorted(
            (a, n) for a in (SEED_ID, MARKUP_ID) for n in notebooks
        )
        for page in report.pages:
            assert page.html == report.out_dir / page.article_id / f"{page.notebook}.html"
            assert page.reader_html == report.out_dir / page.article_id / f"{page.notebook}.reader.html"
            assert page.html.is_file() and page.reader_html.is_file() and page.executed.is_file()

    def test_executed_without_errors_in_this_interpreter(self, report):
        for page in report.pages:
            nb = nbformat.read(page.executed, as_version=4)
            outputs = [o for c in nb.cells for o in c.get("outputs", [])]
            assert not [o for o in outputs if o.get("output_type") == "error"], page.notebook
            assert all(c.get("execution_count") for c in nb.cells if c.cell_type == "code"), page.notebook
            injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
            assert len(injected) == 1 and "article_path" in injected[0].source

    def test_nothing_left_beside_the_report(self, report):
        assert sorted(p.name for p in report.out_dir.parent.iterdir()) == sorted(["out", f"{MARKUP_ID}.txt"])
        assert sorted(p.name for p in report.out_dir.iterdir()) == sorted([SEED_ID, MARKUP_ID, "index.html"])

    def test_pages_embed_charts_and_need_no_network(self, report):
        seed_page = next(p for p in report.pages if p.article_id == SEED_ID)
        for path in (seed_page.html, seed_page.reader_html):
            text = path.read_text(encoding="utf-8")
            assert "data:image/png;base64," in text
            assert not re.search(r"<script[^>]+src=", text), "page loads an external script"
            assert 'href="../index.html"' in text

    def test_reader_variant_has_no_code(self, report):
        seed_page = next(p for p in report.pages if p.article_id == SEED_ID)
        full = seed_page.html.read_text(encoding="utf-8")
        reader = seed_page.reader_html.read_text(encoding="utf-8")
        assert 'jp-InputArea-editor"' in full and "parse_article" in full
        assert 'jp-InputArea-editor"' not in reader and "import matplotlib" not in reader
        assert "Reading time:" in reader  # outputs kept

    def test_pages_are_reproducible(self, report, tmp_path):
        again = build_report([SEED], tmp_path / "again", progress=False)
        rebuilt = _index_html(_load_articles([SEED]), [notebook_info(nb) for nb in find_notebooks()],
                              {(p.article_id, p.notebook): p for p in report.pages})
        assert again.index.read_bytes() == rebuilt.encode("utf-8")
        for page in again.pages:
            first = next(p for p in report.pages if (p.article_id, p.notebook) == (page.article_id, page.notebook))
            assert page.html.read_bytes() == first.html.read_bytes(), page.notebook
            assert page.reader_html.read_bytes() == first.reader_html.read_bytes(), page.notebook

    def test_index_links_every_page(self, report):
        index = report.index.read_text(encoding="utf-8")
        assert f'<h2 class="headline" dir="rtl" lang="ar">{HEADLINE}</h2>' in index
        assert f'<p class="headline-en" lang="en">{HEADLINE_EN}</p>' in index
        c = _seed_counts()
        assert (f"<span>Published 2020-09-28 22:26</span> · <span>{c.paragraphs} body paragraphs</span> · "
                f"<span>{c.sentences} sentences</span> · <span>{c.entities} entities</span> · "
                f"<span>{c.figures} figures</span> · <span>{c.quotes} quotes</span>") in index
        assert "<strong>Figures: what, how much, whose</strong>" in index
        assert "What is this article, how is it built, and what does it say, paragraph by paragraph?" in index
        assert index.count("<td>Who said what</td>") == 2  # one row per article
        assert "01_article_at_a_glance" not in re.sub(r'href="[^"]*"', "", index)  # titles, not file names
        for page in report.pages:
            for path in (page.html, page.reader_html):
                assert f'href="{page.article_id}/{path.name}"' in index

    def test_markup_in_the_article_is_escaped_everywhere(self, report):
        pages = sorted(report.out_dir.rglob("*.html"))
        assert len(pages) == 1 + 2 * len(report.pages)
        for path in pages:
            text = path.read_text(encoding="utf-8")
            assert "<script>alert" not in text, path
            assert "<b>الحكومة" not in text, path
        markup_pages = [p for p in pages if p.parent.name == MARKUP_ID] + [report.index]
        assert all("&lt;script&gt;alert(1)&lt;/script&gt;" in p.read_text(encoding="utf-8") for p in markup_pages)


# --------------------------------------------------------------------------- in a browser


def _chromium() -> str:
    exe = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if exe is None:
        pytest.skip("chromium not installed (Debian: apt-get install chromium)")
    return exe


def _run_chromium(exe: str, tmp_path: Path, url: str, *extra: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    return subprocess.run(
        [exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra, url],
        capture_output=True, text=True, timeout=120, check=False,
    )


@pytest.mark.slow
class TestInBrowser:
    def test_screenshot_is_not_blank(self, report, tmp_path):
        from PIL import Image

        exe = _chromium()
        page = next(p for p in report.pages if p.article_id == SEED_ID)
        shot = tmp_path / "shot.png"
        run = _run_chromium(exe, tmp_path, page.reader_html.as_uri(), f"--screenshot={shot}", "--window-size=1200,2000")
        assert shot.is_file(), run.stderr[-2000:]
        pixels = np.asarray(Image.open(shot).convert("L"))
        assert pixels.shape == (2000, 1200)
        dark = (pixels < 128).mean()
        assert 0.005 < dark < 0.5, f"{dark:.3%} dark pixels"  # text and a chart, not a blank or black page

    @pytest.mark.parametrize("which", ["reader", "index"])
    def test_dom_shows_the_headline(self, report, tmp_path, which):
        exe = _chromium()
        page = next(p for p in report.pages if p.article_id == SEED_ID)
        url = (page.reader_html if which == "reader" else report.index).as_uri()
        run = _run_chromium(exe, tmp_path, url, "--dump-dom")
        assert HEADLINE in run.stdout, run.stderr[-2000:]

    def test_markup_article_dom_has_no_script_element(self, report, tmp_path):
        exe = _chromium()
        page = next(p for p in report.pages if p.article_id == MARKUP_ID)
        dom = _run_chromium(exe, tmp_path, page.reader_html.as_uri(), "--dump-dom").stdout
        assert "وزير الدفاع يزور بغداد" in dom
        assert "<script>alert" not in dom
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom  # shown as text


# --------------------------------------------------------------------------- failures


@pytest.mark.slow
class TestFailure:
    def test_kernel_is_this_interpreter(self, tmp_path):
        nbs = tmp_path / "nbs"
        nbs.mkdir()
        _notebook(nbs / "01_where.ipynb", ["import sys\nprint(sys.executable)\nprint(article_path)"])
        result = build_report(None, tmp_path / "out", notebooks_dir=nbs, progress=False)
        nb = nbformat.read(result.pages[0].executed, as_version=4)
        printed = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", [])).split("\n")
        assert printed[0] == sys.executable
        assert printed[1] == SEED.name  # the file name, the kernel running in its folder: no build path on pages

    def test_failing_cell_is_named_and_nothing_is_left(self, tmp_path, capsys):
        nbs = tmp_path / "nbs"
        nbs.mkdir()
        _notebook(nbs / "01_ok.ipynb", ["x = 1"])
        _notebook(nbs / "02_broken.ipynb", ["x = 1", "# divide\nratio = x / 0", "print('never')"])
        out = tmp_path / "out"
        with pytest.raises(ReportError) as err:
            build_report(None, out, notebooks_dir=nbs, progress=False)
        message = str(err.value)
        assert "02_broken.ipynb" in message and SEED_ID in message
        assert "cell 4 of 5" in message and "'ratio = x / 0'" in message
        assert "ZeroDivisionError: division by zero" in message
        assert not out.exists()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["nbs"]

    def test_failure_keeps_the_previous_report(self, tmp_path, capsys):
        nbs = tmp_path / "nbs"
        nbs.mkdir()
        _notebook(nbs / "01_ok.ipynb", ["x = 1"])
        out = tmp_path / "out"
        build_report(None, out, notebooks_dir=nbs, progress=False)
        before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
        _notebook(nbs / "02_broken.ipynb", ["raise RuntimeError('boom')"])
        args = type("Args", (), {"articles": [], "out": out, "jobs": 1, "quiet": True, "notebooks": nbs})()
        assert run_report_command(args) == 1
        assert "error: notebook 02_broken.ipynb failed" in capsys.readouterr().err
        assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


class TestCommandLine:
    """``python -m analysis parse|report``: every option defined once, in analysis.cli.build_parser."""

    def test_report_defaults(self):
        from analysis.cli import _cmd_report, build_parser

        args = build_parser().parse_args(["report"])
        assert (args.command, args.articles, args.out, args.jobs) == ("report", [], None, None)  # reports/
        assert args.func is _cmd_report
        assert (args.quiet, args.notebooks) == (False, None)
        assert build_parser().parse_args(["report", "--quiet", "--notebooks", "nb"]).notebooks == Path("nb")

    def test_report_options(self):
        from analysis.cli import build_parser

        args = build_parser().parse_args(["report", "a.txt", "b.txt", "--out", "o", "--jobs", "3"])
        assert (args.articles, args.out, args.jobs) == ([Path("a.txt"), Path("b.txt")], Path("o"), 3)

    def test_report_country_reaches_every_notebook(self, tmp_path):
        """``report --country EG``: the index's parse and each notebook's ``country`` parameter get it."""
        from analysis.cli import build_parser

        assert build_parser().parse_args(["report", "--country", "eg"]).country == "EG"
        nbs = tmp_path / "nbs"
        nbs.mkdir()
        _notebook(nbs / "01_c.ipynb", ["print('country', country)"],
                  parameters='article_path = "x"\ncountry = None')
        out = tmp_path / "out"
        args = type("Args", (), {"articles": [], "out": out, "jobs": 1, "quiet": True, "notebooks": nbs,
                                 "country": "EG"})()
        assert run_report_command(args) == 0
        executed = nbformat.read(next(out.glob("*/01_c.ipynb")), as_version=4)
        printed = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code"
                          for o in c.get("outputs", []))
        assert "country EG" in printed

    def test_parse_options(self):
        from analysis.cli import _cmd_parse, build_parser

        args = build_parser().parse_args(["parse", "a.txt", "--out", "o"])
        assert (args.command, args.articles, args.out, args.format) == ("parse", [Path("a.txt")], Path("o"), "csv")
        assert args.func is _cmd_parse
        assert build_parser().parse_args(["parse", "a.txt", "--out", "o", "--format", "parquet"]).format == "parquet"

    @pytest.mark.parametrize("argv", [[], ["parse", "a.txt"], ["parse", "--out", "o"], ["report", "--jobs", "x"],
                                      ["parse", "a.txt", "--out", "o", "--format", "xml"], ["frobnicate"]])
    def test_usage_errors_exit_2(self, argv, capsys):
        from analysis.cli import main

        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2
        assert "usage: python -m analysis" in capsys.readouterr().err

    def test_jobs_below_one(self, capsys):
        from analysis.cli import main

        assert main(["report", "--jobs", "0"]) == 2
        assert capsys.readouterr().err == "error: --jobs must be at least 1\n"

    def test_unreadable_article(self, tmp_path, capsys):
        from analysis.cli import main

        assert main(["report", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out")]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and "missing.txt" in err
        assert not (tmp_path / "out").exists()

    def test_build_module_has_no_command_line(self):
        import analysis.report.build as build

        assert not hasattr(build, "main") and not hasattr(build, "add_arguments")
        assert not hasattr(build, "run_report_command")
