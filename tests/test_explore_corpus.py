"""The corpus notebook's building blocks (analysis.explore.corpus) and ``report --corpus`` on a tiny dataset."""
from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis.cli import main
from analysis.corpus import build_corpus
from analysis.explore import corpus as C
from analysis.report.build import find_notebooks, is_corpus_notebook

from corpus_samples import ARTICLES, CP1256_TEXT, write_jsonl

ROOT = Path(__file__).resolve().parents[1]
CORPUS_NOTEBOOK = ROOT / "notebooks" / "06_corpus_overview.ipynb"
QUOTED = [
    dict(ARTICLES[0], url="http://example.org/q/1", date_extracted="2015-07-27 08:00:00",
         content="قال وزير الخارجية عادل الجبير إن المملكة تدعم الحل السياسي في اليمن.\n"
                 "وأكد الجبير أن إيران تتدخل في شؤون المنطقة."),
]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    write_jsonl(root / "2015-07-21.jsonl.gz", ARTICLES + QUOTED)
    (root / "eg").mkdir()
    (root / "eg" / "EG1.txt").write_bytes(CP1256_TEXT.encode("cp1256"))
    out = root / "dataset"
    build_corpus([root / "2015-07-21.jsonl.gz", root / "eg"], out, jobs=1, progress=False)
    return out


@pytest.fixture(scope="module")
def corpus(dataset):
    return C.open_corpus(dataset)


def test_articles_have_outlet_day_and_week(corpus):
    a = corpus.articles
    assert list(a["outlet"]) == ["alriyadh", "okaz", "alyaum", "alriyadh", "eg"]  # the folder without a source
    assert a["day"].dt.strftime("%Y-%m-%d").tolist()[:4] == ["2015-07-21", "2015-07-22", "2015-07-22", "2015-07-27"]
    assert a["week"].dt.strftime("%Y-%m-%d").tolist()[:4] == ["2015-07-20", "2015-07-20", "2015-07-20", "2015-07-27"]
    assert pd.isna(a["day"].iat[4])  # a text file without a date line


def test_overview_and_outlets(corpus):
    facts = dict(zip(*C.overview(corpus).T.to_numpy()))
    assert facts["articles parsed"] == "5" and facts["outlets"] == "4" and facts["inputs refused"] == "0"
    per_outlet = C.articles_per_outlet(corpus)
    assert per_outlet["outlet"].iat[0] == "alriyadh" and per_outlet["articles"].iat[0] == 2
    assert per_outlet["share"].sum() == pytest.approx(1.0, abs=0.01)
    per_day = C.articles_per_day(corpus)
    assert per_day.to_dict("index")["2015-07-22"] == {"okaz": 1, "alyaum": 1, "alriyadh": 0}
    assert C.plot_articles_per_day(per_day) is not None


def test_entities_speakers_and_names(corpus):
    people = C.top_entities(corpus, type="PERSON")
    assert set(people["type"]) == {"PERSON"}
    assert (people["articles"] >= 1).all() and list(people.columns[:3]) == ["name_ar", "name_en", "type"]
    assert all(isinstance(e, str) and e for e in people["name_en"])  # English for every name
    speakers = C.top_speakers(corpus)
    assert len(speakers) and speakers["quotes"].iat[0] >= speakers["quotes"].iat[-1]
    assert {"verb_ar", "verb_en"} <= set(speakers.columns)
    assert C.english_name("ماكرون", None).startswith(C.ROMANIZED)
    assert C.english_name("إيران", "Iran") == "Iran"
    assert C.english_name("إيران", "Iran", "gazetteer") == "Iran"
    assert C.english_name("سامح شكري", "Samh Chokri", "romanized") == C.ROMANIZED + "Samh Chokri"
    names = corpus.names  # every English name shown carries where it came from; a romanized one is marked
    assert names["name_en_source"].notna().all()
    assert set(names["name_en_source"]) <= {"gazetteer", "lexicon", "romanized"}
    shown = dict(zip(people["ekey"], people["name_en"]))
    for ekey, name in shown.items():
        assert name.startswith(C.ROMANIZED) == (names.at[ekey, "name_en_source"] == "romanized"), (ekey, name)


def test_timeline_figures_and_themes(corpus):
    keys = list(C.top_entities(corpus, top=3)["ekey"])
    daily = C.entity_timeline(corpus, keys)
    assert list(daily.columns) == keys and daily.to_numpy().sum() >= 1
    assert C.plot_timeline(corpus, daily, title="t") is not None
    by_cat = C.figures_by_category(corpus)
    assert by_cat["figures"].sum() == len(corpus.table("figures", ["article_id"]))
    assert len(C.top_figures(corpus, by_cat["category"].iat[0]))
    share = C.themes_by_outlet(corpus)
    assert all(" · " in label for label in share.index)  # Arabic · English
    assert ((share >= 0) & (share <= 1)).all().all()
    weekly = C.themes_by_week(corpus)
    assert list(weekly.index) == ["2015-07-20", "2015-07-27"]
    assert C.plot_themes_by_outlet(share) is not None and C.plot_themes_by_week(weekly) is not None


def test_pick_an_entity(corpus):
    key = C.find_entity(corpus, "Yemen")
    assert key == C.find_entity(corpus, "اليمن") == C.find_entity(corpus, "yemen")
    assert C.find_entity(corpus, "no such entity anywhere") is None and C.find_entity(corpus, "") is None
    profile = C.entity_profile(corpus, key)
    assert profile["articles"] == 2 and profile["name_en"] == "Yemen"
    page = C.entity_view_html(profile)
    assert "Yemen" in page and 'dir="rtl"' in page and "<script" not in page
    assert C.suggest_entity(corpus) in set(corpus.entities["ekey"])


def test_markup_in_names_is_escaped(corpus):
    profile = C.entity_profile(corpus, C.suggest_entity(corpus))
    profile = dict(profile, name_ar="<script>alert(1)</script>", name_en="<b>x</b>")
    page = C.entity_view_html(profile)
    assert "<script>" not in page and "&lt;script&gt;" in page and "<b>x</b>" not in page


def test_corpus_notebook_is_paired_and_kept_out_of_the_article_report():
    import jupytext

    assert is_corpus_notebook(CORPUS_NOTEBOOK)
    assert CORPUS_NOTEBOOK not in find_notebooks()
    assert find_notebooks(kind="corpus") == [CORPUS_NOTEBOOK]
    assert set(find_notebooks(kind="all")) == set(find_notebooks()) | {CORPUS_NOTEBOOK}
    stored = json.loads(CORPUS_NOTEBOOK.read_text(encoding="utf-8"))
    assert all(not c.get("outputs") for c in stored["cells"])
    script = jupytext.read(CORPUS_NOTEBOOK.with_suffix(".py"))
    nb = nbformat.read(CORPUS_NOTEBOOK, as_version=4)
    assert [(c.cell_type, c.source) for c in script.cells] == [(c.cell_type, c.source) for c in nb.cells]
    source = CORPUS_NOTEBOOK.with_suffix(".py").read_text(encoding="utf-8")
    assert re.search(r"^corpus = C\.open_corpus\(corpus_path\)$", source, re.M)


def test_report_corpus_needs_a_dataset(tmp_path, capsys):
    assert main(["report", "--corpus", str(tmp_path), "--out", str(tmp_path / "r")]) == 1
    assert "not a corpus dataset" in capsys.readouterr().err
    assert main(["report", "a.txt", "--corpus", str(tmp_path)]) == 2


@pytest.mark.slow
def test_report_corpus_builds_an_offline_page(dataset, tmp_path, capsys):
    out = tmp_path / "report"
    assert main(["report", "--corpus", str(dataset), "--out", str(out), "--quiet"]) == 0
    assert capsys.readouterr().out.strip() == str(out / "index.html")
    names = sorted(p.name for p in out.iterdir())
    assert names == ["06_corpus_overview.html", "06_corpus_overview.ipynb", "06_corpus_overview.reader.html",
                     "index.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="06_corpus_overview.reader.html"' in index and "The corpus at a glance" in index
    executed = nbformat.read(out / "06_corpus_overview.ipynb", as_version=4)
    assert not [o for c in executed.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    for page in ("06_corpus_overview.html", "06_corpus_overview.reader.html", "index.html"):
        text = (out / page).read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]+src=", text), page
        assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", text), page
        assert not re.search(r"@import\s+url\(\s*['\"]?(?:https?:)?//", text), page
        assert str(dataset.parent) not in text and str(tmp_path) not in text, page  # no path of the build machine
    reader = (out / "06_corpus_overview.reader.html").read_text(encoding="utf-8")
    assert reader.count("data:image/png;base64,") >= 5
    assert "Yemen" in reader and "اليمن" in reader
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no building folder left
