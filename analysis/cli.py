"""Command line: ``python -m analysis parse ARTICLE ... --out DIR``, ``python -m analysis corpus INPUT ... --out DIR``
and ``python -m analysis report ...``.

Bad input ends with one line ``error: <file>: <reason>`` on stderr and exit code 2; nothing is written.

``parse`` is all or nothing: every article is parsed first, then all are written into one staging folder
``OUT/.staging-<pid>-*`` and moved into place (``OUT/<article_id>/`` replaced as a whole, so a change of
``--format`` leaves no table files of the other format).  A failure, Ctrl-C or SIGTERM leaves ``OUT`` as it was;
staging folders of a run that was killed outright are removed by the next run.  Two inputs with the same file
name stem (``a/x.txt``, ``b/x.txt``) would write the same ``OUT/x/``: they are refused before any work (the same
file given twice is parsed once).  Inputs above ``--max-size`` MB (default 5) are refused.

``corpus`` parses many articles into one Parquet dataset per table (:mod:`analysis.corpus`): a refused article
is recorded in ``DIR/errors`` and skipped, never fatal.  Exit status 0 when every article was parsed, 3 when some
were refused (all others written), 2 for an input that names nothing or an unusable ``--out``; a rerun skips what
``DIR`` already holds.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from analysis import __version__
from analysis.article import FORMATS, parse_article
from analysis.staging import Interrupted, check_out_dir, make_staging, remove_own, remove_stale, signals_interrupt
from analysis.text.reader import DEFAULT_MAX_BYTES, ArticleError, display_name

__all__ = ["main", "build_parser", "run_report_command"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Parse Arabic news articles into offset-exact tidy tables, and build notebook reports.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="parse articles and write their tables",
                       description="Parse each ARTICLE (a UTF-8, UTF-16 or Windows-1256 text file) and write "
                                   "text.txt plus one file per table into OUT/<article_id>/.")
    p.add_argument("articles", nargs="+", metavar="ARTICLE", type=Path, help="article text file(s)")
    p.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder")
    p.add_argument("--format", choices=FORMATS, default="csv", help="table file format (default: csv)")
    p.add_argument("--max-size", type=_megabytes, default=DEFAULT_MAX_BYTES, metavar="MB",
                   help=f"largest article accepted, in MB (default: {DEFAULT_MAX_BYTES // 1_000_000}; parsing "
                        "needs about 40x the size in memory, plus ~200 MB for the lexicons and models)")
    p.add_argument("--country", type=_country, default=None, metavar="CC",
                   help="the outlet's country (ISO 3166 code, e.g. LB): a hint for places several countries "
                        "share a name with (طرابلس), shown as geo_reason outlet-country where it decides")
    p.set_defaults(func=_cmd_parse)

    c = sub.add_parser("corpus", help="parse many articles into one Parquet dataset per table",
                       description="Parse every article of INPUT (files, folders searched recursively for *.txt, "
                                   "*.jsonl and *.jsonl.gz, globs; JSON lines with title + content) into DIR: one "
                                   "Parquet dataset per table (DIR/tokens/ ...), plus DIR/text/, DIR/meta/ and "
                                   "DIR/errors/.  A rerun skips what DIR already holds.  Exit status 0: all "
                                   "parsed; 3: some refused (see DIR/errors); 2: bad input or --out.",
                       epilog="Dask on a cluster: start a scheduler (dask scheduler) and workers (dask worker "
                              "tcp://HOST:8786) on machines with this package installed, then pass --dask "
                              "tcp://HOST:8786.  Text-file inputs must be readable by the workers at the same "
                              "path; DIR is written by this process only.")
    c.add_argument("inputs", nargs="+", metavar="INPUT", help="article files, folders, globs or JSON-lines files")
    c.add_argument("--out", required=True, type=Path, metavar="DIR", help="dataset folder (created; resumed if it exists)")
    c.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="worker processes (default: the cores; 1: parse in this process)")
    c.add_argument("--dask", default=None, metavar="ADDRESS",
                   help="run on Dask: 'local' starts a LocalCluster of --jobs workers, tcp://HOST:8786 uses an "
                        "existing scheduler")
    c.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N articles of the inputs")
    c.add_argument("--batch-size", type=int, default=None, metavar="N",
                   help="articles per part file (default: the dataset's, else 100); an interrupted run loses at "
                        "most the batches in flight")
    c.add_argument("--max-size", type=_megabytes, default=DEFAULT_MAX_BYTES, metavar="MB",
                   help=f"largest article accepted, in MB (default: {DEFAULT_MAX_BYTES // 1_000_000})")
    c.add_argument("--no-ner", dest="ner", action="store_false",
                   help="entities from the gazetteer and patterns only (faster; no NER model)")
    c.add_argument("--country", type=_country, default=None, metavar="CC",
                   help="the outlets' country (ISO 3166 code, e.g. SA) when they share one: a hint for places "
                        "several countries have and for names such as المملكة (the Kingdom)")
    c.add_argument("--quiet", action="store_true", help="no progress bar")
    c.set_defaults(func=_cmd_corpus)

    r = sub.add_parser("report", help="execute the notebooks for each article and render the HTML report",
                       description="Execute every notebook in notebooks/ for each ARTICLE (default: the seed "
                                   "article) and write HTML pages plus an index page into DIR.")
    r.add_argument("articles", nargs="*", metavar="ARTICLE", type=Path, help="article text file(s)")
    r.add_argument("--out", type=Path, default=None, metavar="DIR",
                   help="output folder (default: reports, or reports/corpus with --corpus)")
    r.add_argument("--jobs", type=int, default=None, metavar="N", help="parallel notebook runs (default: cores)")
    r.add_argument("--notebooks", type=Path, default=None, metavar="DIR",
                   help="run the notebooks in DIR instead of the project's notebooks/")
    r.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    r.add_argument("--country", type=_country, default=None, metavar="CC",
                   help="the outlet's country (ISO 3166 code, e.g. EG) of the articles: a hint for places several "
                        "countries share a name with and for the press's spelling of names (Abdel, Ben)")
    r.add_argument("--open", action="store_true", help="open the index page in the web browser when done")
    r.add_argument("--corpus", type=Path, default=None, metavar="DIR",
                   help="render the corpus notebooks on the corpus dataset DIR (from `corpus`) instead of the "
                        "article notebooks; --out defaults to reports/corpus")
    r.set_defaults(func=_cmd_report)
    return parser


def _country(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        raise argparse.ArgumentTypeError(f"not a two-letter ISO 3166 country code: {value!r}")
    return code


def _megabytes(value: str) -> int:
    try:
        mb = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of MB: {value!r}") from None
    if not mb > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 MB: {value!r}")
    return int(mb * 1_000_000)


_STAGING = ".staging-"


def _unique_inputs(paths: list[Path]) -> list[Path]:
    """The inputs without repeats of the same file; refuses two files whose stems (article ids) are equal."""
    seen: dict[str, Path] = {}
    out = []
    for path in paths:
        stem = display_name(path.stem)
        if stem in (".", "..", "") or stem.startswith((_STAGING, ".tmp-")):
            raise ArticleError(display_name(path), f"file name gives no usable article id ({stem!r}); rename it")
        if stem in seen:
            if os.path.realpath(seen[stem]) == os.path.realpath(path):
                continue
            raise ArticleError(display_name(path), f"same file name stem as {display_name(seen[stem])}: both would "
                                                   f"be written to {stem}/; rename one or parse them separately")
        seen[stem] = path
        out.append(path)
    return out


def _publish(stage: Path, out: Path, ids: list[str]) -> None:
    """Move ``stage/<id>`` to ``out/<id>`` for every id, replacing old folders; on any failure undo every move."""
    old = stage / ".old"
    old.mkdir()
    moved: list[str] = []
    try:
        for aid in ids:
            target = out / aid
            if target.exists() or target.is_symlink():
                target.rename(old / aid)
            (stage / aid).rename(target)
            moved.append(aid)
    except BaseException:
        for aid in ids:
            if aid in moved:
                shutil.rmtree(out / aid, ignore_errors=True)
            if (old / aid).exists():
                (old / aid).rename(out / aid)
        raise


def _cmd_parse(args: argparse.Namespace) -> int:
    out: Path = args.out
    check_out_dir(out)
    # Parse everything first: a bad article stops the run before anything is written.
    articles = [parse_article(path, max_bytes=args.max_size, country=args.country)
                for path in _unique_inputs(args.articles)]
    remove_stale(out, _STAGING)
    remove_stale(out, ".tmp-", without_pid=True)
    stage = make_staging(out, _STAGING)
    try:
        for art in articles:
            art.to_dir(stage / art.article_id, format=args.format)
        _publish(stage, out, [art.article_id for art in articles])
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    for art in articles:
        a = art.article.iloc[0]
        print(f"{art.source.name}: {a['n_paragraphs']} paragraphs, {a['n_sentences']} sentences, "
              f"{a['n_tokens']} tokens -> {display_name(out / art.article_id)}")
    return 0


def _cmd_corpus(args: argparse.Namespace) -> int:
    from analysis.corpus import InputError, RunError, StoreError, build_corpus

    for flag, value, least in (("--jobs", args.jobs, 1), ("--limit", args.limit, 0), ("--batch-size", args.batch_size, 1)):
        if value is not None and value < least:
            print(f"error: {flag} must be at least {least}", file=sys.stderr)
            return 2
    try:
        result = build_corpus(args.inputs, args.out, jobs=args.jobs, dask=args.dask, limit=args.limit,
                              batch_size=args.batch_size, ner=args.ner, max_bytes=args.max_size,
                              country=args.country, progress=not args.quiet)
    except (InputError, StoreError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except RunError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    rate = (result.new_articles + result.new_refused) / result.seconds if result.seconds else 0.0
    print(f"corpus: {result.new_articles} parsed, {result.new_refused} refused, {result.skipped} already there, "
          f"in {result.seconds:.1f} s ({rate:.1f} articles/s) -> {display_name(result.out)}: "
          f"{result.articles} articles, {result.refused} refused")
    if result.refused:
        print(f"corpus: {result.refused} input(s) refused: see {display_name(result.out / 'errors')}", file=sys.stderr)
    return result.exit_status


def _cmd_report(args: argparse.Namespace) -> int:
    return run_report_command(args)


def run_report_command(args: argparse.Namespace) -> int:
    """Run ``report`` from parsed arguments (``articles``, ``out``, ``jobs``; optional ``quiet``, ``notebooks``).

    Prints ``error: <reason>`` and returns 1 when a notebook fails, 2 for ``--jobs`` below 1 or an ``--out`` that
    is not a folder; unreadable articles raise ``analysis.ArticleError``, which :func:`main` reports as
    ``error: <file>: <reason>``.  Ends with the index path on stdout and, unless quiet, its ``file://`` URL on
    stderr; ``--open`` opens it in the browser.
    """
    if args.jobs is not None and args.jobs < 1:
        print("error: --jobs must be at least 1", file=sys.stderr)
        return 2
    corpus = getattr(args, "corpus", None)
    out = Path(args.out) if args.out is not None else Path("reports/corpus" if corpus is not None else "reports")
    if out.exists() and not out.is_dir():
        print(f"error: {out}: --out is a file, not a folder", file=sys.stderr)
        return 2
    if corpus is not None and args.articles:
        print("error: give either ARTICLE files or --corpus DIR, not both", file=sys.stderr)
        return 2
    # heavy imports (nbconvert, papermill) only when a report is asked for
    from analysis.report.build import ReportError, build_report

    try:
        if corpus is not None:
            from analysis.report.corpus import build_corpus_report

            result = build_corpus_report(corpus, out, progress=not getattr(args, "quiet", False),
                                         notebooks_dir=getattr(args, "notebooks", None))
        else:
            result = build_report(list(args.articles) or None, out, jobs=args.jobs,
                                  progress=not getattr(args, "quiet", False),
                                  notebooks_dir=getattr(args, "notebooks", None),
                                  country=getattr(args, "country", None))
    except ReportError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(result.index)
    url = result.index.resolve().as_uri()
    if not getattr(args, "quiet", False):
        print(f"report: open {url}", file=sys.stderr)
    if getattr(args, "open", False):
        import webbrowser

        if not webbrowser.open(url):
            print(f"report: no web browser found; open {url} yourself", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        with signals_interrupt():
            return args.func(args)
    except ArticleError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        where = display_name(err.filename) if err.filename else ""
        print(f"error: {where}: {err.strerror or err}", file=sys.stderr)
        return 2
    except Interrupted as err:
        remove_own()
        print(f"error: interrupted ({err})", file=sys.stderr)
        return 128 + err.signum
    except KeyboardInterrupt:
        remove_own()
        print("error: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
