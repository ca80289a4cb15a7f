"""Highlight spans of a text as escaped HTML with ``<mark>``: the one place notebooks mark evidence.

``highlight("قال الوزير إن ...", [(4, 10)])`` -> ``'قال <mark>الوزير</mark> إن ...'``.

Spans are character offsets into *text*, or into the article when *base_offset* is the offset of
*text* in the article (a sentence's ``start``): a mention row's ``start``/``end`` can be passed as is.
Every piece of text is HTML-escaped (article text may carry markup), overlapping or touching spans
are merged into one ``<mark>``, spans falling outside *text* are clipped or dropped, so the result is
always well-formed HTML whose visible text is exactly *text*.

A span is a ``(start, end)`` pair, a ``(start, end, title)`` triple (the title becomes the mark's
tooltip, e.g. an English gloss), a :class:`Span` (which may also carry its own CSS class), or any object with ``start`` and ``end`` attributes
(a DataFrame row from ``itertuples()``; only its offsets are used, since tables such as ``mentions``
have a ``title`` column meaning something else: build :class:`Span` objects for tooltips).
"""
from __future__ import annotations

import html
from collections.abc import Iterable
from typing import NamedTuple

__all__ = ["Span", "highlight", "rtl_html", "spans_of"]


class Span(NamedTuple):
    start: int
    end: int
    title: str = ""
    css_class: str = ""  # overrides highlight()'s css_class for this span (e.g. "subject" vs "figure")


def _as_span(item: object) -> Span:
    if isinstance(item, Span):
        return item
    if isinstance(item, tuple) and not hasattr(item, "start"):
        if len(item) == 2:
            return Span(int(item[0]), int(item[1]))
        if len(item) == 3:
            title = item[2]
            title = "" if title is None or (isinstance(title, float) and title != title) else str(title)
            return Span(int(item[0]), int(item[1]), title)
        raise ValueError(f"a span is (start, end) or (start, end, title), got {item!r}")
    try:
        start, end = item.start, item.end  # type: ignore[attr-defined]
    except AttributeError:
        raise TypeError(f"not a span: {item!r}") from None
    return Span(int(start), int(end))


def spans_of(items: Iterable[object], *, base_offset: int = 0, length: int | None = None) -> list[Span]:
    """Normalised spans relative to the text: shifted by *base_offset*, clipped to ``[0, length]``,
    empty ones dropped, sorted, overlapping or touching ones merged (their titles joined by ``; ``)."""
    shifted = []
    for item in items:
        s = _as_span(item)
        start, end = s.start - base_offset, s.end - base_offset
        if length is not None:
            start, end = max(start, 0), min(end, length)
        else:
            start = max(start, 0)
        if end > start:
            shifted.append(Span(start, end, s.title, s.css_class))
    shifted.sort()
    merged: list[Span] = []
    for s in shifted:
        if merged and s.start <= merged[-1].end:
            last = merged[-1]
            titles = [t for t in (last.title, s.title) if t]
            title = "; ".join(dict.fromkeys("; ".join(titles).split("; "))) if titles else ""
            merged[-1] = Span(last.start, max(last.end, s.end), title, last.css_class or s.css_class)
        else:
            merged.append(s)
    return merged


def highlight(text: str, spans: Iterable[object], *, base_offset: int = 0, css_class: str | None = None) -> str:
    """*text* as escaped HTML with each span wrapped in ``<mark>`` (see the module docstring).

    *css_class* adds ``class="..."`` to every mark (escaped), e.g. to colour one notebook's marks; a
    :class:`Span`'s own ``css_class`` wins over it. Merged spans keep the first non-empty class.
    """
    text = "" if text is None else str(text)
    out: list[str] = []
    pos = 0
    for s in spans_of(spans, base_offset=base_offset, length=len(text)):
        out.append(html.escape(text[pos:s.start]))
        cls = s.css_class or css_class
        attrs = f' class="{html.escape(cls, quote=True)}"' if cls else ""
        title = f' title="{html.escape(s.title, quote=True)}"' if s.title else ""
        out.append(f"<mark{attrs}{title}>{html.escape(text[s.start:s.end])}</mark>")
        pos = s.end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def rtl_html(fragment: str, *, tag: str = "p", css_class: str | None = None) -> str:
    """Wrap an already-escaped HTML *fragment* in a right-to-left Arabic block (``dir="rtl" lang="ar"``)."""
    if tag not in {"p", "div", "span", "li", "blockquote", "td"}:
        raise ValueError(f"unsupported tag {tag!r}")
    cls = f' class="{html.escape(css_class, quote=True)}"' if css_class else ""
    style = ' style="text-align:right"' if tag != "span" else ""
    return f'<{tag} dir="rtl" lang="ar"{cls}{style}>{fragment}</{tag}>'
