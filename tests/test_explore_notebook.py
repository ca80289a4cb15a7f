"""open_article / resolve_article: the first cell every notebook runs (analysis.explore.notebook)."""
from __future__ import annotations

import re
from pathlib import Path

import matplotlib as mpl
import pytest

from analysis.explore import open_article, resolve_article
from analysis.explore.notebook import default_article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_15d6e93d3754c312.txt"


def test_default_is_the_seed():
    assert default_article() == SEED
    assert resolve_article(None) == resolve_article("") == SEED


def test_relative_to_notebooks_folder(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # not the project: the path is tried against notebooks/ and the root
    assert resolve_article("../seeds/000_15d6e93d3754c312.txt") == SEED
    assert resolve_article("seeds/000_15d6e93d3754c312.txt") == SEED


def test_missing_path_stays_absolute(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert resolve_article("nope.txt") == tmp_path / "nope.txt"


def test_open_article_parses_and_sets_the_theme():
    mpl.rcParams["font.family"] = ["serif"]
    art = open_article("../seeds/000_15d6e93d3754c312.txt", style="white")
    assert art.article_id == "000_15d6e93d3754c312"
    assert art.headline == "الكاظمي يتحدث عن أخطر تحد يواجه حكومته"
    assert mpl.rcParams["font.family"][-1] == "DejaVu Sans"  # the Arabic font restored after seaborn
    assert mpl.rcParams["axes.grid"] is False  # seaborn "white": no grid
    open_article(None)
    assert mpl.rcParams["axes.grid"] is True  # default "whitegrid"


@pytest.mark.parametrize("notebook", sorted(p for p in (ROOT / "notebooks").glob("*.py") if "corpus" not in p.stem),
                         ids=lambda p: p.stem)
def test_every_notebook_opens_its_article_with_it(notebook):
    source = notebook.read_text(encoding="utf-8")
    assert re.search(r"^art = open_article\(article_path(, style=\"\w+\")?, country=country\)$", source, re.M)
    assert re.search(r"^country = None\b", source, re.M)  # the parameter report --country injects
    assert "analysis.report" not in source
    assert "resolve_article" not in source and "set_theme" not in source
