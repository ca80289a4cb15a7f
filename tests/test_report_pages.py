"""The report's pages as a reader gets them: the seed and a dev article of another kind, built once.

Checked in Python: every link resolves inside the report, no page names a path of the machine that built it, every
chart has an English description, previous/next and reader/code links, the English summary and the dates view.
Checked in headless Chromium at a 600 px wide viewport: nothing is wider than the viewport except inside a
scroll box, and the Arabic is drawn with the font embedded in the page.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import urllib.parse
from pathlib import Path

import pytest

from analysis.report.build import build_report
from analysis.report.font import EMBEDDED_FAMILY

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_15d6e93d3754c312.txt"
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "17_economy_aleqtisadiya.txt"  # economy, no translation stored
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    if not DEV.is_file():
        pytest.skip(f"{DEV} not found: the dev corpus (../shared) is needed for the second article")
    out = tmp_path_factory.mktemp("pages") / "report"
    return build_report([SEED, DEV], out, progress=False)


def _soup(path: Path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _pages(built) -> list[Path]:
    return [built.index] + [p for page in built.pages for p in (page.html, page.reader_html)]


class TestLinksAndPaths:
    def test_every_link_resolves_inside_the_report(self, built):
        checked = 0
        for page in _pages(built):
            for a in _soup(page).find_all("a", href=True):
                href = a["href"]
                if href.startswith(("#", "data:")):
                    continue
                parts = urllib.parse.urlsplit(href)
                assert not parts.scheme and not parts.netloc, f"{page.name}: non-relative link {href}"
                target = (page.parent / urllib.parse.unquote(parts.path)).resolve()
                assert target.is_file(), f"{page.name}: link {href} -> {target} does not exist"
                assert built.out_dir in target.parents, f"{page.name}: link {href} leaves the report"
                checked += 1
        assert checked > 40

    def test_no_page_names_a_path_of_the_build_machine(self, built):
        for page in _pages(built):
            text = page.read_text(encoding="utf-8")
            for path in (str(built.out_dir), str(ROOT), str(SEED.parent), str(DEV.parent), "/tmp/", "/root/"):
                assert path not in text, f"{page.name} contains {path}"

    def test_previous_next_and_reader_code_links(self, built):
        first = next(p for p in built.pages if p.notebook.startswith("01_"))
        second = next(p for p in built.pages if p.notebook.startswith("02_") and p.article_id == first.article_id)
        nav = _soup(first.reader_html).find("nav", class_="report-nav")
        hrefs = {a.get("rel", [""])[0] or a.get_text(strip=True): a["href"] for a in nav.find_all("a")}
        assert hrefs["next"] == second.reader_html.name
        assert "prev" not in hrefs  # the first notebook has no previous one
        assert hrefs["same page with code"] == first.html.name
        nav2 = _soup(second.html).find("nav", class_="report-nav")
        assert {a.get("rel", [""])[0]: a["href"] for a in nav2.find_all("a") if a.get("rel")}["prev"] == first.html.name

    def test_index_labels_its_counts(self, built):
        text = built.index.read_text(encoding="utf-8")
        assert "14 body paragraphs" in text  # the seed: 14 body paragraphs of 20 lines


class TestReadingPath:
    def test_every_chart_has_an_english_description(self, built):
        n = 0
        for page in built.pages:
            for img in _soup(page.reader_html).find_all("img"):
                alt = img.get("alt", "")
                assert alt and "No description" not in alt and "no description" not in alt, (page.reader_html, alt)
                assert any(c.isascii() and c.isalpha() for c in alt)
                n += 1
        assert n >= 10

    def test_english_summary_on_each_article(self, built):
        for page in built.pages:
            if page.notebook.startswith("01_"):
                summary = _soup(page.reader_html).find("div", class_="english-summary")
                assert summary is not None, page.reader_html
                text = summary.get_text(" ", strip=True)
                for field in ("Named most", "Quoted", "Figures", "Main themes", "Dates"):
                    assert field in text

    def test_seed_text_appears_only_for_the_seed(self, built):
        dev = [p for p in built.pages if p.article_id != SEED.stem]
        for page in dev:
            text = page.reader_html.read_text(encoding="utf-8")
            for claim in ("In the seed article", "in the seed)", "Italy's share", "Who contributes what"):
                assert claim not in text, (page.reader_html, claim)

    def test_dates_view(self, built):
        page = next(p for p in built.pages if p.notebook.startswith("01_") and p.article_id == SEED.stem)
        soup = _soup(page.reader_html)
        assert soup.find(id=lambda i: i and i.startswith("When")) is not None
        assert "2020-09-28" in soup.get_text()

    def test_no_raw_stem_column_on_reader_pages(self, built):
        for page in built.pages:
            for th in _soup(page.reader_html).find_all("th"):
                assert th.get_text(strip=True) != "stem", page.reader_html


# --------------------------------------------------------------------------- in a browser

_PROBE = """<!doctype html><meta charset="utf-8"><body><iframe id="f" src="%s" style="width:600px;height:900px;border:0">
</iframe><pre id="out">pending</pre><script>
const f = document.getElementById('f');
f.addEventListener('load', async () => {
  const d = f.contentDocument, w = f.contentWindow;
  await d.fonts.ready;
  const vw = d.documentElement.clientWidth;
  const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const o = w.getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
  const wide = [];
  for (const el of d.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > vw + 1 && !scrolls(el)) wide.push(el.tagName + '.' + el.className);
  }
  await d.fonts.load("16px '%s'", "بت");
  const fonts = [...d.fonts].filter(x => x.status === 'loaded').map(x => x.family.replace(/["']/g, ''));
  const arabic = [...d.querySelectorAll('[dir=rtl], td')].slice(0, 200);
  const first = [...new Set(arabic.map(e => w.getComputedStyle(e).fontFamily.split(',')[0].replace(/["']/g, '').trim()))];
  document.getElementById('out').textContent = JSON.stringify({vw, wide: wide.slice(0, 10), n_wide: wide.length, fonts,
                                                               first});
});
</script>"""


def _chromium() -> str:
    exe = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if exe is None:
        pytest.skip("chromium not installed (Debian: apt-get install chromium)")
    return exe


def _probe(exe: str, page: Path, tmp_path: Path) -> dict:
    probe = page.parent / f".probe-{page.stem}.html"
    probe.write_text(_PROBE % (page.name, EMBEDDED_FAMILY), encoding="utf-8")
    try:
        run = subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / page.stem}", "--window-size=800,1000",
                              "--virtual-time-budget=15000", "--dump-dom", probe.as_uri()],
                             capture_output=True, text=True, timeout=180, check=False)
    finally:
        probe.unlink()
    from bs4 import BeautifulSoup

    out = BeautifulSoup(run.stdout, "html.parser").find(id="out")
    assert out is not None and out.get_text() != "pending", run.stderr[-2000:]
    return json.loads(out.get_text())


class TestInBrowser:
    @pytest.mark.parametrize("notebook", ["01_", "03_", "04_"])
    def test_nothing_wider_than_600px_outside_a_scroll_box_and_font_embedded(self, built, tmp_path, notebook):
        exe = _chromium()
        for page in [p for p in built.pages if p.notebook.startswith(notebook)]:
            got = _probe(exe, page.reader_html, tmp_path)
            assert got["vw"] <= 600
            assert got["n_wide"] == 0, (page.reader_html.name, got["wide"])
            assert EMBEDDED_FAMILY in got["fonts"], got["fonts"]  # the face in the page is valid and loads
            assert got["first"] == [EMBEDDED_FAMILY], got["first"]  # and the Arabic text asks for it first
