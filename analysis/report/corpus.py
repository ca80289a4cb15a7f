"""The corpus report: the corpus notebooks (``notebooks/06_corpus_overview`` ...) executed on one corpus dataset.

``build_corpus_report(corpus_dir, out_dir)`` runs every corpus notebook (a notebook whose parameters cell sets
``corpus_path``, see :func:`analysis.report.build.is_corpus_notebook`) with papermill, injecting ``corpus_path``,
in the same kernel and with the same exporters as the article report: ``<NN_name>.html`` with code,
``<NN_name>.reader.html`` without, charts inline, nothing loaded from the network, and an ``index.html``.
Everything is built in a temporary folder beside ``out_dir`` and moved into place only when every notebook
succeeded.  ``python -m analysis report --corpus DIR`` is the command line.
"""
from __future__ import annotations

import functools
import html
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from analysis.report.build import (
    _TEMPLATE_DIR,
    CELL_TIMEOUT_S,
    KERNEL_NAME,
    NotebookPage,
    ReportError,
    ReportResult,
    _exporters,
    _first_line,
    _inline_html,
    _kernel_manager,
    _log_tail,
    _shutdown,
    _source_cell_number,
    _write_kernelspec,
    find_notebooks,
    notebook_info,
    page_href,
)
from analysis.report.font import embedded_font_css

__all__ = ["build_corpus_report"]

_SOCKETS = "anr-"


@functools.cache
def _template():
    import jinja2
    from markupsafe import Markup

    def finalize(value: object) -> object:
        return value if isinstance(value, Markup) or not isinstance(value, str) else Markup(html.escape(value))

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(_TEMPLATE_DIR)), autoescape=True,
                             keep_trailing_newline=True, undefined=jinja2.StrictUndefined, finalize=finalize)
    env.globals["page_href"] = page_href
    return env.get_template("corpus_index.html.j2")


def _facts(corpus_dir: Path, manifest: dict) -> list[dict]:
    return [{"what": "dataset", "value": corpus_dir.name},
            {"what": "articles parsed", "value": f"{int(manifest.get('articles', 0)):,}"},
            {"what": "inputs refused", "value": f"{int(manifest.get('refused', 0)):,}"},
            {"what": "part files per table", "value": f"{len(manifest.get('parts', {})):,}"}]


def _index_html(corpus_dir: Path, manifest: dict, pages: list[NotebookPage], notebooks: list[Path]) -> str:
    from markupsafe import Markup

    rows = []
    for nb, page in zip(notebooks, pages):
        info = notebook_info(nb)
        rows.append({"number": info.number, "title": info.title, "question": Markup(_inline_html(info.question)),
                     "links": [{"file_name": page.reader_html.name, "text": "reader"},
                               {"file_name": page.html.name, "text": "with code"}]})
    lead = (f"{len(rows)} notebook(s) on the corpus dataset {corpus_dir.name}. Every notebook comes as a reader's "
            "page (no code) and as a page with the code.")
    return _template().render(lead=lead, facts=_facts(corpus_dir, manifest), notebooks=rows)


def _run(notebook: Path, corpus_dir: Path, stage: Path, kernels_dir: Path, socket_dir: Path) -> NotebookPage:
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    started = time.perf_counter()
    stem = notebook.stem
    nb = nbformat.read(notebook, as_version=4)
    log = socket_dir / f"corpus-{stem}.log"
    km = _kernel_manager(kernels_dir, socket_dir, log)
    try:
        executed = papermill.execute_notebook(
            # the kernel runs beside the dataset and gets its folder name: no page shows a path of the build machine
            nb, None, parameters={"corpus_path": corpus_dir.name}, cwd=str(corpus_dir.parent),
            kernel_name=KERNEL_NAME, language="python",
            km=km, progress_bar=False, log_output=False, request_save_on_cell_execute=False,
            execution_timeout=CELL_TIMEOUT_S)
    except PapermillExecutionError as err:
        number = _source_cell_number(nb, err.cell_index)
        raise ReportError(f"notebook {notebook.name} failed for corpus {corpus_dir} in cell {number} of "
                          f"{len(nb.cells)} ({_first_line(err.source)!r}): {err.ename}: {err.evalue}") from None
    except Exception as err:
        raise ReportError(f"notebook {notebook.name} failed for corpus {corpus_dir}: {type(err).__name__}: "
                          f"{err}{_log_tail(log)}") from err
    finally:
        _shutdown(km)
    for cell in executed.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = "injected-parameters"
    executed.metadata["title"] = f"{stem} · {corpus_dir.name}"
    nbformat.write(executed, stage / f"{stem}.ipynb")
    full, reader = _exporters()
    for exporter, name, other, here, there in (
        (full, f"{stem}.html", f"{stem}.reader.html", "with code", "reader's page (no code)"),
        (reader, f"{stem}.reader.html", f"{stem}.html", "reader's page", "same page with code"),
    ):
        resources = {"metadata": {"name": stem}, "report": {
            "index": "index.html", "font_css": embedded_font_css(), "prev": None, "next": None,
            "switch": {"here": here, "href": page_href(other), "text": there}}}
        body, _ = exporter.from_notebook_node(executed, resources=resources)
        (stage / name).write_text(body, encoding="utf-8")
    return NotebookPage("corpus", stem, stage / f"{stem}.html", stage / f"{stem}.reader.html",
                        stage / f"{stem}.ipynb", time.perf_counter() - started)


def build_corpus_report(corpus_dir: str | Path, out_dir: str | Path, *, progress: bool = True,
                        notebooks_dir: Path | None = None) -> ReportResult:
    """Execute every corpus notebook on the corpus dataset ``corpus_dir`` and write the pages and
    ``index.html`` into ``out_dir``.  Raises :class:`ReportError` for a missing or unreadable dataset or a failed
    notebook (naming the cell)."""
    from analysis.corpus import DatasetError, read_manifest
    from analysis.staging import check_out_dir, make_staging, remove_stale, signals_interrupt

    started = time.perf_counter()
    corpus_dir = Path(corpus_dir).resolve()
    out_dir = Path(out_dir).resolve()
    try:
        manifest = read_manifest(corpus_dir)
        check_out_dir(out_dir)
    except DatasetError as err:
        raise ReportError(str(err)) from None
    except NotADirectoryError as err:
        raise ReportError(f"{err.filename}: {err.strerror}") from None
    notebooks = find_notebooks(notebooks_dir, kind="corpus")

    def say(message: str) -> None:
        if progress:
            print(message, file=sys.stderr, flush=True)

    say(f"report: {len(notebooks)} corpus notebook(s) on {corpus_dir} -> {out_dir}")
    building = f".{out_dir.name}.building-"
    remove_stale(out_dir.parent, building)
    remove_stale(Path(tempfile.gettempdir()), _SOCKETS)
    build = make_staging(out_dir.parent, building)
    socket_dir = None
    try:
        with signals_interrupt():
            stage = build / "report"
            stage.mkdir()
            kernels_dir = _write_kernelspec(build / "jupyter")
            socket_dir = make_staging(Path(tempfile.gettempdir()), _SOCKETS)
            pages = []
            for i, nb in enumerate(notebooks, start=1):
                page = _run(nb, corpus_dir, stage, kernels_dir, socket_dir)
                say(f"  [{i}/{len(notebooks)}] {page.notebook}: {page.seconds:.1f} s")
                pages.append(page)
            (stage / "index.html").write_text(_index_html(corpus_dir, manifest, pages, notebooks), encoding="utf-8")
            out_dir.mkdir(parents=True, exist_ok=True)
            for entry in sorted(stage.iterdir(), key=lambda p: p.name == "index.html"):  # the index last
                os.replace(entry, out_dir / entry.name)
    finally:
        shutil.rmtree(build, ignore_errors=True)
        if socket_dir is not None:
            shutil.rmtree(socket_dir, ignore_errors=True)
    final = tuple(NotebookPage("corpus", p.notebook, out_dir / p.html.name, out_dir / p.reader_html.name,
                               out_dir / p.executed.name, p.seconds) for p in pages)
    result = ReportResult(out_dir=out_dir, index=out_dir / "index.html", pages=final,
                          seconds=time.perf_counter() - started)
    say(f"report: done in {result.seconds:.1f} s -> {result.index}")
    return result
