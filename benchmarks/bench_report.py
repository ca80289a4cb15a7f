"""Report build time: cold (fresh interpreter, first kernels) per notebook and in total, for the seed.

    .venv/bin/python benchmarks/bench_report.py            # seed, cold then warm
    .venv/bin/python benchmarks/bench_report.py --dev 4    # also the seed + 4 dev articles, to see parallelism

Target: the seed's report in under 30 s on 2 cores. Each build writes into a temporary folder.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_15d6e93d3754c312.txt"
DEV = ROOT.parent / "shared" / "corpus" / "dev"
TARGET_S = 30.0


def _build(label: str, articles: list[Path], jobs: int | None):
    from analysis.report.build import build_report

    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        started = time.perf_counter()
        result = build_report(articles, Path(tmp) / "reports", jobs=jobs, progress=False)
        total = time.perf_counter() - started
    print(f"{label}: {len(articles)} article(s), {len(result.pages)} page(s), total {total:.1f} s")
    for page in result.pages:
        print(f"    {page.article_id} / {page.notebook}: {page.seconds:.1f} s (execute + export)")
    return total


def _index_render(repeat: int = 20) -> None:
    """Time ``index.html`` from its Jinja2 template: the first render (template compiled) and the later ones."""
    from analysis.report.build import NotebookPage, _index_html, _load_articles, find_notebooks, notebook_info

    infos = [notebook_info(nb) for nb in find_notebooks()]
    articles = _load_articles([SEED])
    pages = {(a.article_id, i.stem): NotebookPage(a.article_id, i.stem, Path(f"{i.stem}.html"),
                                                  Path(f"{i.stem}.reader.html"), Path(f"{i.stem}.ipynb"), 0.0)
             for a in articles for i in infos}
    started = time.perf_counter()
    _index_html(articles, infos, pages)
    first = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(repeat):
        _index_html(articles, infos, pages)
    print(f"index.html from the template: first {first * 1000:.1f} ms, then {(time.perf_counter() - started) / repeat * 1000:.2f} ms")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jobs", type=int, default=None, help="parallel runs (default: cores)")
    ap.add_argument("--dev", type=int, default=0, metavar="N", help="also build the seed + N dev articles")
    ns = ap.parse_args()

    print(f"cores: {os.cpu_count()}, jobs: {ns.jobs or os.cpu_count()}, python: {sys.executable}")
    started = time.perf_counter()
    import nbconvert  # noqa: F401
    import papermill  # noqa: F401

    import analysis.report.build  # noqa: F401

    print(f"import analysis.report + papermill + nbconvert: {time.perf_counter() - started:.2f} s")

    _index_render()
    cold = _build("cold (first build in this process)", [SEED], ns.jobs)
    _build("warm (second build)", [SEED], ns.jobs)
    verdict = "OK" if cold < TARGET_S else "OVER TARGET"
    print(f"seed report, cold: {cold:.1f} s (target < {TARGET_S:.0f} s on 2 cores): {verdict}")

    if ns.dev:
        dev = sorted(DEV.glob("*.txt"))[: ns.dev]
        if not dev:
            print(f"no dev articles in {DEV}; skipped", file=sys.stderr)
        else:
            _build(f"seed + {len(dev)} dev articles", [SEED, *dev], ns.jobs)
            _build(f"seed + {len(dev)} dev articles, one at a time", [SEED, *dev], 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
