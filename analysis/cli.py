"""Command line: ``python -m analysis parse ARTICLE ... --out DIR`` and ``python -m analysis report ...``.

Bad input ends with one line ``error: <file>: <reason>`` on stderr and exit code 2; nothing is written.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis import __version__
from analysis.article import FORMATS, parse_article
from analysis.text.reader import ArticleError

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
    p.set_defaults(func=_cmd_parse)

    r = sub.add_parser("report", help="execute the notebooks for each article and render the HTML report",
                       description="Execute every notebook in notebooks/ for each ARTICLE (default: the seed "
                                   "article) and write HTML pages plus an index page into DIR.")
    r.add_argument("articles", nargs="*", metavar="ARTICLE", type=Path, help="article text file(s)")
    r.add_argument("--out", type=Path, default=Path("reports"), metavar="DIR", help="output folder (default: reports)")
    r.add_argument("--jobs", type=int, default=None, metavar="N", help="parallel notebook runs (default: cores)")
    r.set_defaults(func=_cmd_report)
    return parser


def _cmd_parse(args: argparse.Namespace) -> int:
    # Parse everything first: a bad article stops the run before anything is written.
    articles = [parse_article(path) for path in args.articles]
    for art in articles:
        out = args.out / art.article_id
        art.to_dir(out, format=args.format)
        a = art.article.iloc[0]
        print(f"{art.source.name}: {a['n_paragraphs']} paragraphs, {a['n_sentences']} sentences, "
              f"{a['n_tokens']} tokens -> {out}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    return run_report_command(args)


def run_report_command(args: argparse.Namespace) -> int:
    """Run ``report`` from parsed arguments (``articles``, ``out``, ``jobs``; optional ``quiet``, ``notebooks``).

    Prints ``error: <reason>`` and returns 1 when a notebook fails, 2 for ``--jobs`` below 1; unreadable
    articles raise ``analysis.ArticleError``, which :func:`main` reports as ``error: <file>: <reason>``.
    """
    if args.jobs is not None and args.jobs < 1:
        print("error: --jobs must be at least 1", file=sys.stderr)
        return 2
    # heavy imports (nbconvert, papermill) only when a report is asked for
    from analysis.report.build import ReportError, build_report

    try:
        result = build_report(list(args.articles) or None, args.out, jobs=args.jobs,
                              progress=not getattr(args, "quiet", False),
                              notebooks_dir=getattr(args, "notebooks", None))
    except ReportError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(result.index)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ArticleError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"error: {err.filename or ''}: {err.strerror or err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
