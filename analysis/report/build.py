"""Build the shareable HTML report: every notebook, executed headless for every article.

``build_report(articles, out_dir)`` runs each notebook in ``notebooks/`` (the ``.ipynb`` files,
by name) once per article with papermill, injecting ``article_path``; runs go in parallel (one
Jupyter kernel per run, as many runs at a time as there are cores). Each run is exported twice with
nbconvert: ``<NN_name>.html`` with the code and ``<NN_name>.reader.html`` without it, charts
embedded as inline PNG, no external scripts (the pages open offline). ``index.html`` is a reader's
page: what each notebook asks (its title and **Question.** line, read from the notebook's first
markdown cell), then per article the headline (with the stored English translation where there is
one), the publication date, the sizes of its tables and links to every page, rendered from the
Jinja2 template ``analysis/data/report_template/index.html.j2``. Everything is written into a temporary folder
beside ``out_dir`` and moved into place only when every notebook succeeded, so a failed build never
leaves a report that looks complete.

The kernel is this interpreter (``sys.executable``), through a kernelspec written into the build's
temporary folder: nothing is registered with Jupyter, and a user-level ``python3`` kernelspec
pointing at another Python cannot hijack the run.

The command line (``python -m analysis report``) is :mod:`analysis.cli`; the notebooks find their
article with :func:`analysis.explore.open_article`.
"""
from __future__ import annotations

import contextlib
import functools
import html
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from analysis.explore.notebook import SeedNotFound, project_root, resolve_article
from analysis.explore.notebook import default_article as _seed_article
from analysis.report.font import embedded_font_css

__all__ = [
    "KERNEL_NAME",
    "NotebookInfo",
    "NotebookPage",
    "ReportError",
    "ReportResult",
    "build_report",
    "default_article",
    "find_notebooks",
    "is_corpus_notebook",
    "notebook_info",
    "page_href",
    "resolve_article",
]

KERNEL_NAME = "analysis-report"
CELL_TIMEOUT_S = 600
_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # analysis/
_TEMPLATE_DIR = _PACKAGE_DIR / "data" / "report_template"


class ReportError(RuntimeError):
    """A report could not be built (a notebook failed, nothing to run...). ``str()`` says why."""


@dataclass(frozen=True)
class NotebookPage:
    article_id: str
    notebook: str  # notebook stem, e.g. "01_article_at_a_glance"
    html: Path  # with code
    reader_html: Path  # without code cells
    executed: Path  # the executed notebook (.ipynb)
    seconds: float  # execution + export wall time


@dataclass(frozen=True)
class ReportResult:
    out_dir: Path
    index: Path
    pages: tuple[NotebookPage, ...]
    seconds: float


class NotebookInfo(NamedTuple):
    """What a notebook is, for the index: ``# NN · Title`` and its ``**Question.**`` line."""

    stem: str  # "02_figures"
    number: str  # "02" ("" when the heading has none)
    title: str  # "Who contributes what, and how much" (the stem when there is no heading)
    question: str  # the question as one line of markdown text ("" when there is none)


class _Counts(NamedTuple):
    paragraphs: int  # body paragraphs (headline, date lines and page furniture not counted)
    sentences: int
    entities: int
    figures: int
    quotes: int


@dataclass(frozen=True)
class _Article:
    path: Path
    article_id: str
    headline: str
    published_at: str
    headline_en: str = ""  # the stored English translation of the headline, if any
    counts: _Counts | None = None
    summary_html: str = ""  # analysis.explore.summary.summary_html: the English reading path, generated
    country: str | None = None  # the outlet's country given to the report (``--country``), passed to the notebooks


@dataclass(frozen=True)
class _Job:
    article: _Article
    notebook: Path
    prev: NotebookInfo | None = None  # the notebooks before and after this one in the report, for the page links
    next: NotebookInfo | None = None


# --------------------------------------------------------------------------- locating things


def _project_root() -> Path | None:
    """The project checkout holding the package (editable install), if there is one."""
    return project_root()


def default_article() -> Path:
    """The seed article (:func:`analysis.explore.notebook.default_article`); :class:`ReportError` when missing."""
    try:
        return _seed_article()
    except SeedNotFound as err:
        raise ReportError(str(err)) from None


def is_corpus_notebook(notebook: Path) -> bool:
    """A corpus notebook (run on a corpus dataset, ``report --corpus``): its parameters cell sets ``corpus_path``."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    params = [c.source for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    return any(re.search(r"^corpus_path\s*=", src, re.M) for src in params)


def find_notebooks(notebooks_dir: Path | None = None, *, kind: str = "article") -> list[Path]:
    """The ``.ipynb`` files of *notebooks_dir* (default: the project's ``notebooks/``), sorted by name.

    ``kind``: ``"article"`` the notebooks run once per article, ``"corpus"`` those run on a corpus dataset
    (:func:`is_corpus_notebook`), ``"all"`` both.
    """
    if kind not in ("article", "corpus", "all"):
        raise ValueError(f"kind must be article, corpus or all, not {kind!r}")
    if notebooks_dir is None:
        root = _project_root() or Path.cwd()
        notebooks_dir = root / "notebooks"
    notebooks = sorted(p.resolve() for p in Path(notebooks_dir).glob("*.ipynb") if not p.name.startswith("."))
    if kind != "all":
        notebooks = [p for p in notebooks if is_corpus_notebook(p) == (kind == "corpus")]
    if not notebooks:
        what = "" if kind == "all" else f"{kind} "
        raise ReportError(f"no {what}notebooks (*.ipynb) in {notebooks_dir}")
    return notebooks


def _load_articles(paths: list[Path], country: str | None = None) -> list[_Article]:
    from analysis.article import parse_article  # ArticleError propagates: the CLI prints "error: <file>: <reason>"

    articles = []
    for path in paths:
        art = parse_article(path, country=country)
        row = art.article.iloc[0]
        articles.append(_Article(
            path=Path(path).resolve(),
            article_id=art.article_id,
            headline=_text(row["headline"]),
            published_at=_text(row["published_at"]),
            headline_en=_english_headline(art),
            summary_html=_summary(art),
            country=country,
            counts=_Counts(
                paragraphs=int((art.paragraphs["kind"] == "body").sum()),
                sentences=len(art.sentences),
                entities=len(art.entities),
                figures=len(art.figures),
                quotes=len(art.quotes),
            ),
        ))
    seen: dict[str, Path] = {}
    for a in articles:
        if a.article_id in seen:
            raise ReportError(f"two articles share the id {a.article_id}: {seen[a.article_id]} and {a.path}")
        seen[a.article_id] = a.path
    return articles


def _summary(art) -> str:
    from analysis.explore.summary import summary_html

    return summary_html(art)


def _english_headline(art) -> str:
    from analysis.explore.article import english_headline

    return english_headline(art)


_HEADING_RE = re.compile(r"^#[ \t]+(?:(?P<number>\d+)[ \t]*[·.:\-–—][ \t]*)?(?P<title>\S.*?)[ \t]*$", re.M)
_QUESTION_RE = re.compile(r"^\*\*Question\.?\*\*[ \t]*(?P<question>.+?)[ \t]*(?:\n[ \t]*\n|\Z)", re.M | re.S)
_SPACES_RE = re.compile(r"\s+")
_CODE_SPAN_RE = re.compile(r"`([^`\n]+)`")


def notebook_info(notebook: Path) -> NotebookInfo:
    """Title and question of *notebook*, from its first markdown cell (``# NN · Title``, ``**Question.** ...``).

    A notebook without that opening still gets an entry: its file name as the title, no question.
    """
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    heading = _HEADING_RE.search(first)
    question = _QUESTION_RE.search(first)
    return NotebookInfo(
        stem=notebook.stem,
        number=(heading.group("number") or "") if heading else "",
        title=heading.group("title") if heading else notebook.stem,
        question=_SPACES_RE.sub(" ", question.group("question")).strip() if question else "",
    )


def _inline_html(markdown_text: str) -> str:
    """Escaped text with `code` spans as ``<code>`` (the only markup a question line keeps)."""
    return _CODE_SPAN_RE.sub(r"<code>\1</code>", html.escape(markdown_text))


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) or str(value) == "nan" else str(value)


# --------------------------------------------------------------------------- one run


def _write_kernelspec(root: Path) -> Path:
    """A kernelspec for *this* interpreter under *root*; returns the kernels folder."""
    kernels = root / "kernels"
    spec = kernels / KERNEL_NAME
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python (analysis report)",
        "language": "python",
        "env": {"PYDEVD_DISABLE_FILE_VALIDATION": "1", "MPLBACKEND": "module://matplotlib_inline.backend_inline"},
        "metadata": {"debugger": False},
    }, indent=1), encoding="utf-8")
    return kernels


_SOCKET_COUNTER = iter(range(1, 1 << 30))


@functools.cache
def _manager_class():
    from jupyter_client.manager import KernelManager
    from jupyter_client.utils import run_sync

    class LoggedKernelManager(KernelManager):
        """Sends the kernel process's own stdout/stderr (startup and shutdown chatter, crash
        messages) to ``kernel_log`` instead of the terminal; cell output still reaches the notebook."""

        kernel_log: Path | None = None

        async def _async_start_kernel(self, **kw):
            if self.kernel_log is not None:
                log = open(self.kernel_log, "ab")  # noqa: SIM115 - the kernel process writes into it
                kw.setdefault("stdout", log)
                kw.setdefault("stderr", log)
            return await super()._async_start_kernel(**kw)

        start_kernel = run_sync(_async_start_kernel)

    return LoggedKernelManager


def _kernel_manager(kernels_dir: Path, socket_dir: Path, log: Path):
    """A kernel manager for our kernelspec talking over unix sockets (IPC).

    IPC instead of TCP: no port races between parallel kernels, nothing listening on the network,
    and no "running over TCP without encryption" warning in the progress output.
    """
    from jupyter_client.kernelspec import KernelSpecManager

    ksm = KernelSpecManager(kernel_dirs=[str(kernels_dir)], ensure_native_kernel=False)
    km = _manager_class()(kernel_name=KERNEL_NAME, kernel_spec_manager=ksm, transport="ipc",
                          ip=str(socket_dir / f"k{next(_SOCKET_COUNTER)}"))
    km.kernel_log = log
    return km


def _log_tail(log: Path, lines: int = 8) -> str:
    try:
        text = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    return ("\nkernel log:\n  " + "\n  ".join(text[-lines:])) if text else ""


def _shutdown(km) -> None:
    """nbclient leaves a kernel manager it did not create running: stop the kernel ourselves."""
    try:
        if km.has_kernel:
            km.shutdown_kernel(now=False)
    except Exception:  # the kernel may already be gone; make sure the process is
        try:
            km.shutdown_kernel(now=True)
        except Exception:
            pass


def _source_cell_number(nb, cell_index: int) -> int:
    """1-based number, in the notebook as written, of the cell papermill ran at *cell_index*.

    papermill inserts its ``injected-parameters`` cell right after the ``parameters`` cell (at the
    top when there is none), shifting later cells by one.
    """
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    injected_at = tagged[0] + 1 if tagged else 0
    return (cell_index - 1 if cell_index > injected_at else cell_index) + 1


def _first_line(source: str) -> str:
    """The cell's first line of code (comments skipped when there is code), for error messages."""
    lines = [ln.strip() for ln in source.splitlines() if ln.strip()]
    code = [ln for ln in lines if not ln.startswith("#")]
    return ((code or lines or ["(empty cell)"])[0])[:120]


def _exporters():
    from nbconvert import HTMLExporter

    common = dict(
        template_name="lab",
        extra_template_basedirs=[str(_TEMPLATE_DIR.parent)],
        extra_template_paths=[str(_TEMPLATE_DIR)],
        template_file="report.html.j2",
        embed_images=True,
    )
    full = HTMLExporter(**common)
    reader = HTMLExporter(**common, exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    return full, reader


def _run_job(job: _Job, stage: Path, kernels_dir: Path, socket_dir: Path) -> NotebookPage:
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    started = time.perf_counter()
    art, stem = job.article, job.notebook.stem
    out = stage / art.article_id
    out.mkdir(parents=True, exist_ok=True)
    nb = nbformat.read(job.notebook, as_version=4)
    log = socket_dir / f"{art.article_id}-{stem}.log"
    km = _kernel_manager(kernels_dir, socket_dir, log)
    try:
        # the kernel runs in the article's folder and gets its file name: no page shows a path of the build machine
        executed = papermill.execute_notebook(
            nb,
            None,
            parameters={"article_path": art.path.name, **({"country": art.country} if art.country else {})},
            cwd=str(art.path.parent),
            kernel_name=KERNEL_NAME,
            language="python",
            km=km,
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            execution_timeout=CELL_TIMEOUT_S,
        )
    except PapermillExecutionError as err:
        number = _source_cell_number(nb, err.cell_index)
        raise ReportError(
            f"notebook {job.notebook.name} failed for article {art.article_id} ({art.path}) "
            f"in cell {number} of {len(nb.cells)} ({_first_line(err.source)!r}): {err.ename}: {err.evalue}"
        ) from None
    except Exception as err:  # kernel died, timeout, bad notebook
        raise ReportError(
            f"notebook {job.notebook.name} failed for article {art.article_id} ({art.path}): "
            f"{type(err).__name__}: {err}{_log_tail(log)}"
        ) from err
    finally:
        _shutdown(km)
    for cell in executed.cells:  # papermill gives its cell a random id: keep the pages reproducible
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = "injected-parameters"
    executed.metadata["title"] = f"{stem} · {art.headline}" if art.headline else stem
    nbformat.write(executed, out / f"{stem}.ipynb")
    full, reader = _exporters()
    for exporter, name, other, here, there in (
        (full, f"{stem}.html", f"{stem}.reader.html", "with code", "reader's page (no code)"),
        (reader, f"{stem}.reader.html", f"{stem}.html", "reader's page", "same page with code"),
    ):
        kind = ".reader.html" if name.endswith(".reader.html") else ".html"
        resources = {"metadata": {"name": stem}, "report": {
            "index": "../index.html",
            "font_css": embedded_font_css(),
            "prev": {"href": page_href(job.prev.stem + kind), "title": job.prev.title} if job.prev else None,
            "next": {"href": page_href(job.next.stem + kind), "title": job.next.title} if job.next else None,
            "switch": {"here": here, "href": page_href(other), "text": there},
        }}
        body, _ = exporter.from_notebook_node(executed, resources=resources)
        (out / name).write_text(body, encoding="utf-8")
    return NotebookPage(
        article_id=art.article_id,
        notebook=stem,
        html=out / f"{stem}.html",
        reader_html=out / f"{stem}.reader.html",
        executed=out / f"{stem}.ipynb",
        seconds=time.perf_counter() - started,
    )


# --------------------------------------------------------------------------- index page


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {plural or word + 's'}"


def _date(published_at: str) -> str:
    return published_at.replace("T", " ")


@functools.cache
def _index_template():
    """``index.html.j2`` of the report template folder, autoescaped.

    Escaping is :func:`html.escape`'s (``&quot;``, ``&#x27;``) rather than markupsafe's (``&#34;``, ``&#39;``):
    the finalize hook escapes every plain string before Jinja sees it, so the page keeps the bytes it had when
    it was built with f-strings.
    """
    import jinja2
    from markupsafe import Markup

    def finalize(value: object) -> object:
        return value if isinstance(value, Markup) or not isinstance(value, str) else Markup(html.escape(value))

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATE_DIR)),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
    )
    env.globals["page_href"] = page_href  # percent-encodes each part: '#', '?', '%' in a name stay in the name
    return env.get_template("index.html.j2")


def page_href(*parts: str) -> str:
    """A relative link to ``parts`` joined by ``/``, each percent-encoded (a ``#``, ``?`` or ``%`` in a file name
    is part of the name, not a fragment, a query or an escape).  HTML-escape the result for an attribute."""
    return "/".join(urllib.parse.quote(p, safe="") for p in parts)


def _index_html(
    articles: list[_Article],
    notebooks: list[NotebookInfo | Path],
    pages: dict[tuple[str, str], NotebookPage],
) -> str:
    """The index page: the notebooks' questions, then per article its headline, date, sizes and page links.

    Rendered from ``analysis/data/report_template/index.html.j2``; every piece of text from an article or a
    notebook is HTML-escaped there; the page depends only on its inputs (no clock, no absolute paths), so two
    builds of the same articles give the same bytes.
    """
    from markupsafe import Markup

    infos = [nb if isinstance(nb, NotebookInfo) else notebook_info(nb) for nb in notebooks]
    notebook_rows = [{"number": info.number, "title": info.title, "question": Markup(_inline_html(info.question))}
                     for info in infos]
    sections = []
    for a in articles:
        meta = [f"Published {_date(a.published_at)}" if a.published_at else "No publication date found"]
        if a.counts is not None:
            c = a.counts
            meta += [_plural(c.paragraphs, "body paragraph"), _plural(c.sentences, "sentence"),
                     _plural(c.entities, "entity", "entities"), _plural(c.figures, "figure"),
                     _plural(c.quotes, "quote")]
        rows = []
        for info in infos:
            page = pages[(a.article_id, info.stem)]
            rows.append({"number": info.number, "title": info.title, "links": [
                {"file_name": page.reader_html.name, "text": "reader"},
                {"file_name": page.html.name, "text": "with code"},
            ]})
        sections.append({
            "article_id": a.article_id,
            "headline": a.headline,
            "headline_en": a.headline_en,
            "summary": Markup(a.summary_html),  # built from escaped pieces (analysis.explore.summary)
            "meta": meta,
            "source": a.path.name if a.path.stem == a.article_id else f"{a.article_id} · {a.path.name}",
            "rows": rows,
        })
    lead = (f"{_plural(len(articles), 'article')}, each read by {_plural(len(infos), 'notebook')}. "
            "Every notebook comes as a reader's page (no code) and as a page with the code.")
    return _index_template().render(lead=lead, notebooks=notebook_rows, articles=sections,
                                    font_css=Markup(embedded_font_css()))


# --------------------------------------------------------------------------- build


_TRASH = ".trash-"
_SOCKETS = "anr-"


def _move_into_place(stage: Path, out_dir: Path, article_ids: list[str]) -> None:
    """Replace ``out_dir/<article_id>`` folders and ``index.html`` with the staged ones; on a failure or an
    interrupt part-way, put the old folders back (the staged ones stay in *stage*, which the caller removes)."""
    from analysis.staging import make_staging

    trash = make_staging(out_dir, _TRASH)
    moved: list[str] = []
    try:
        for aid in article_ids:
            target = out_dir / aid
            if target.exists():
                target.rename(trash / aid)
            (stage / aid).rename(target)
            moved.append(aid)
        os.replace(stage / "index.html", out_dir / "index.html")
    except BaseException:
        for aid in article_ids:
            if aid in moved:
                (out_dir / aid).rename(stage / aid)
            if (trash / aid).exists():
                (trash / aid).rename(out_dir / aid)
        raise
    finally:
        shutil.rmtree(trash, ignore_errors=True)


def _collect(pending: set[Future], futures: dict[Future, _Job], pages: dict, total: int, say) -> None:
    """Wait for the runs, report progress, and re-raise the first failure once running runs end."""
    done = 0
    while pending:
        finished, _ = wait(pending, return_when=FIRST_COMPLETED)
        pending.difference_update(finished)
        for fut in sorted(finished, key=lambda f: (futures[f].article.article_id, futures[f].notebook.name)):
            job = futures[fut]
            err = fut.exception()
            if err is not None:
                say(f"  FAILED {job.article.article_id} / {job.notebook.stem}")
                for other in pending:
                    other.cancel()
                wait(pending)
                raise err
            page = fut.result()
            pages[(page.article_id, page.notebook)] = page
            done += 1
            say(f"  [{done}/{total}] {page.article_id} / {page.notebook}: {page.seconds:.1f} s")


def build_report(
    articles: list[Path] | None,
    out_dir: Path,
    *,
    jobs: int | None = None,
    progress: bool = True,
    notebooks_dir: Path | None = None,
    country: str | None = None,
) -> ReportResult:
    """Execute every notebook for every article and write the HTML report into *out_dir*.

    *articles* defaults to the seed; *country* (the outlet's, ISO 3166) is passed to every parse and notebook
    (``parse_article(..., country=)``: place namesakes, name spellings). Pages: ``<out_dir>/<article_id>/<NN_name>.html`` (with code),
    ``<NN_name>.reader.html`` (without) and ``<NN_name>.ipynb`` (executed), plus
    ``<out_dir>/index.html``. Raises :class:`ReportError` naming the article, notebook and cell
    when a notebook fails; ``analysis.ArticleError`` for an unreadable article.
    """
    from analysis.staging import check_out_dir, make_staging, remove_stale, signals_interrupt

    started = time.perf_counter()
    out_dir = Path(out_dir).resolve()
    try:
        check_out_dir(out_dir)
    except NotADirectoryError as err:
        raise ReportError(f"{err.filename}: {err.strerror}") from None
    notebooks = find_notebooks(notebooks_dir)
    loaded = _load_articles([Path(p) for p in articles] if articles else [default_article()], country)
    infos = [notebook_info(nb) for nb in notebooks]
    todo = [_Job(a, nb, infos[i - 1] if i else None, infos[i + 1] if i + 1 < len(infos) else None)
            for a in loaded for i, nb in enumerate(notebooks)]
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    lock = threading.Lock()

    def say(message: str) -> None:
        if progress:
            with lock:
                print(message, file=sys.stderr, flush=True)

    say(f"report: {len(loaded)} article(s) × {len(notebooks)} notebook(s) = {len(todo)} run(s), "
        f"{workers} at a time -> {out_dir}")
    # Folders of a build that was killed outright (SIGKILL) go first; SIGTERM/Ctrl-C clean up in `finally`.
    building = f".{out_dir.name}.building-"
    remove_stale(out_dir.parent, building)
    remove_stale(out_dir, _TRASH)
    remove_stale(Path(tempfile.gettempdir()), _SOCKETS)
    build = make_staging(out_dir.parent, building)
    cleanup = [build]
    interrupts = contextlib.ExitStack()  # SIGTERM/SIGHUP raise like Ctrl-C, so `finally` removes the folders
    interrupts.enter_context(signals_interrupt())
    try:
        stage = build / "report"
        stage.mkdir()
        kernels_dir = _write_kernelspec(build / "jupyter")
        # unix socket paths must stay short (about 100 bytes): keep them in a short temp folder
        socket_dir = make_staging(Path(tempfile.gettempdir()), _SOCKETS)
        cleanup.append(socket_dir)
        pages: dict[tuple[str, str], NotebookPage] = {}
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="report") as pool:
            futures: dict[Future, _Job] = {}
            for job in todo:
                futures[pool.submit(_run_job, job, stage, kernels_dir, socket_dir)] = job
            pending = set(futures)
            try:
                _collect(pending, futures, pages, len(todo), say)
            except BaseException:  # a failed notebook or Ctrl-C: start nothing new
                for fut in pending:
                    fut.cancel()
                raise
        (stage / "index.html").write_text(_index_html(loaded, infos, pages), encoding="utf-8")
        _move_into_place(stage, out_dir, [a.article_id for a in loaded])
    finally:
        for folder in cleanup:
            shutil.rmtree(folder, ignore_errors=True)
        interrupts.close()

    final = tuple(
        NotebookPage(
            article_id=p.article_id, notebook=p.notebook,
            html=out_dir / p.article_id / p.html.name,
            reader_html=out_dir / p.article_id / p.reader_html.name,
            executed=out_dir / p.article_id / p.executed.name,
            seconds=p.seconds,
        )
        for p in sorted(pages.values(), key=lambda p: (p.article_id, p.notebook))
    )
    result = ReportResult(out_dir=out_dir, index=out_dir / "index.html", pages=final,
                          seconds=time.perf_counter() - started)
    say(f"report: done in {result.seconds:.1f} s -> {result.index}")
    return result
