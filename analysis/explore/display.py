"""Arabic text in charts and tables: the one place that decides how Arabic is drawn.

Matplotlib 3.11 lays text out with libraqm (HarfBuzz shaping + FriBiDi reordering), so it must be
given Arabic in *logical* order, exactly as stored in the tables. Older matplotlib draws code points
left to right one glyph at a time, so there the text has to be reshaped (contextual letter forms,
``arabic_reshaper``) and reordered into visual order (``bidi.get_display``) first. Doing that on
3.11 reverses the text a second time: the classic "Arabic comes out backwards" bug.

:func:`ar` makes that decision at draw time by *probing* the installed text engine
(:func:`shapes_arabic`), not by trusting a version number. Everything that puts Arabic on a chart
goes through :func:`ar`; nothing transformed is ever stored in a DataFrame.
"""
from __future__ import annotations

import functools
import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

__all__ = [
    "ARABIC_FAMILY",
    "FALLBACK_FAMILY",
    "LRM",
    "ar",
    "arabic_font_path",
    "bilingual",
    "describe_figure",
    "english_part",
    "has_arabic",
    "label",
    "rtl_heading",
    "relabel_ticks",
    "rtl_table",
    "set_theme",
    "set_ticks",
    "shapes_arabic",
    "show",
    "use_arabic_font",
]

ARABIC_FAMILY = "Noto Sans Arabic"
FALLBACK_FAMILY = "DejaVu Sans"
BILINGUAL_SEPARATOR = " · "
LRM = "\u200e"  # LEFT-TO-RIGHT MARK: a zero-width strong left-to-right character

_ARABIC_RE = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_UNESCAPED_DOLLAR_RE = re.compile(r"(?<!\\)\$")
_BIDI_MARKS_RE = re.compile("[\u200e\u200f\u061c]")


def has_arabic(text: object) -> bool:
    """True when *text* is a string holding at least one Arabic letter."""
    return isinstance(text, str) and _ARABIC_RE.search(text) is not None


# --------------------------------------------------------------------------- font


@functools.cache
def arabic_font_path() -> Path | None:
    """Path of the Noto Sans Arabic file installed by ``fontpkg-noto-sans-arabic`` (None if absent)."""
    try:
        import fontpkg

        return Path(fontpkg.path("noto-sans-arabic"))
    except Exception:  # package missing or broken: fall back to DejaVu Sans
        return None


@functools.cache
def _register_font() -> str | None:
    """Add the Arabic font to matplotlib's font manager once; return the family name or None."""
    path = arabic_font_path()
    if path is None or not path.is_file():
        return None
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def use_arabic_font() -> list[str]:
    """Make the Arabic font matplotlib's default family, DejaVu Sans as per-glyph fallback."""
    import matplotlib as mpl

    family = _register_font()
    families = [family, FALLBACK_FAMILY] if family else [FALLBACK_FAMILY]
    mpl.rcParams["font.family"] = families
    mpl.rcParams["axes.unicode_minus"] = False  # U+2212 is not in every Arabic font
    return families


def set_theme(**kwargs) -> list[str]:
    """``seaborn.set_theme(**kwargs)`` and then restore the Arabic font (seaborn resets it)."""
    import seaborn as sns

    sns.set_theme(**kwargs)
    return use_arabic_font()


# --------------------------------------------------------------------------- text


@functools.cache
def shapes_arabic() -> bool:
    """Does the installed matplotlib shape and reorder Arabic itself?

    Probe the real layout engine with the real font: in a shaping (libraqm) engine the first
    letter of ``بت`` lands to the right of the second (right-to-left) and ``ب`` in the middle
    of a word gets a different glyph from the isolated ``ب`` (contextual forms). Any failure
    (an old matplotlib without ``FT2Font._layout``, a missing font) means "no".
    """
    try:
        from matplotlib import ft2font

        path = arabic_font_path()
        if path is None:
            return False
        font = ft2font.FT2Font(str(path))
        font.set_size(12, 72)
        flags = ft2font.LoadFlags.NO_HINTING

        def glyphs(text: str) -> list:
            return list(font._layout(text, flags))

        pair = glyphs("\u0628\u062a")  # بت
        first = [g.x for g in pair if g.char == "\u0628"]
        second = [g.x for g in pair if g.char == "\u062a"]
        rtl = bool(first and second) and min(first) > max(second)
        isolated = {g.glyph_index for g in glyphs("\u0628")}
        medial = {g.glyph_index for g in glyphs("\u0628\u0628\u0628") if g.char == "\u0628"}
        shaped = bool(medial - isolated)
        return rtl and shaped
    except Exception:
        return False


def _visual(text: str) -> str:
    """Reshape + reorder for engines that draw code points left to right (pre-3.11)."""
    import arabic_reshaper
    from bidi import get_display

    # the marks have done their work once the text is in visual order; a glyph-by-glyph engine must not draw them
    return "\n".join(_BIDI_MARKS_RE.sub("", get_display(arabic_reshaper.reshape(line))) for line in text.split("\n"))


def ar(text: object) -> str:
    """Draw-ready text for matplotlib. Call it at draw time, never store its result.

    Logical order is kept where matplotlib shapes Arabic itself; otherwise the text is reshaped
    and put in visual order. Unescaped ``$`` is escaped either way so that news text with dollar
    amounts is not parsed as mathtext.
    """
    s = "" if text is None else str(text)
    s = _UNESCAPED_DOLLAR_RE.sub(r"\\$", s)
    if not has_arabic(s) or shapes_arabic():
        return s
    return _visual(s)


def _half(value: object) -> str:
    missing = value is None or value is pd.NA or (isinstance(value, float) and value != value)
    return "" if missing else str(value).strip()


def bilingual(arabic: object, english: object, *, sep: str = BILINGUAL_SEPARATOR) -> str:
    """``bilingual("إيطاليا", "Italy") -> "إيطاليا · Italy"`` (logical order; pass it through :func:`ar`).

    The label starts with an Arabic letter, so its base direction is right to left: the Arabic
    name is drawn at the right (read first) and the English gloss to its left. Punctuation at
    either end of the English half is neutral and would take the label's right-to-left direction
    (``Washington, D.C.`` drawn with its final dot at the far left, ``"ISIS"`` with both quotes
    at its right), and a leading number is weak (``1,497 soldiers`` drawn as ``soldiers 1,497``),
    so such an end gets a left-to-right mark (:data:`LRM`, zero width) that keeps it with the
    English (a mark already there is not doubled). A missing half (None, NaN, NA, blank) gives just the other half, unmarked.
    """
    a, e = _half(arabic), _half(english)
    if a and e:
        if not e[0].isalpha() and e[0] != LRM:  # a leading digit is weak: "1,497 soldiers" -> "soldiers 1,497"
            e = LRM + e
        if not e[-1].isalnum() and e[-1] != LRM:  # a mark already there (a caller's own) is not doubled
            e += LRM
        return f"{a}{sep}{e}"
    return a or e


# --------------------------------------------------------------------------- axes helpers


def set_ticks(ax, positions: Sequence[float], labels: Sequence[object], *, axis: str = "y", **kwargs) -> None:
    """Put logical-order *labels* at *positions* on *axis* of *ax*, drawn through :func:`ar`."""
    texts = [ar(t) for t in labels]
    if len(texts) != len(positions):
        raise ValueError(f"{len(positions)} positions but {len(texts)} labels")
    setter = ax.set_yticks if axis == "y" else ax.set_xticks
    setter(list(positions), texts, **kwargs)


def relabel_ticks(ax, *, axis: str = "y") -> None:
    """Pass the tick labels a plotting library already set (e.g. seaborn categories) through :func:`ar`.

    The identity on a shaping matplotlib. Call it once per axis: on older matplotlib a second
    call would reorder already-visual text.
    """
    if not shapes_arabic():
        ticks = ax.get_yticks() if axis == "y" else ax.get_xticks()
        get = ax.get_yticklabels if axis == "y" else ax.get_xticklabels
        set_ticks(ax, ticks, [t.get_text() for t in get()], axis=axis)


def label(ax, *, title: object = None, xlabel: object = None, ylabel: object = None) -> None:
    """Set title and axis labels through :func:`ar` (None leaves a label unchanged)."""
    if title is not None:
        ax.set_title(ar(title))
    if xlabel is not None:
        ax.set_xlabel(ar(xlabel))
    if ylabel is not None:
        ax.set_ylabel(ar(ylabel))


# --------------------------------------------------------------------------- tables


def rtl_heading(text: object, *, level: int = 2) -> str:
    """An HTML heading for Arabic text (an article's headline): right to left, escaped; empty text for NA."""
    if not 1 <= level <= 6:
        raise ValueError(f"heading level must be 1-6, not {level}")
    value = "" if text is None or (not isinstance(text, str) and pd.isna(text)) else str(text)
    return f'<h{level} dir="rtl" lang="ar" style="text-align:right">{html.escape(value)}</h{level}>'


def _arabic_columns(df: pd.DataFrame) -> list:
    return [c for c in df.columns if df[c].map(has_arabic).any()]


def rtl_table(
    df: pd.DataFrame,
    arabic_columns: Iterable | None = None,
    caption: str | None = None,
    *,
    na_rep: str = "",
    precision: int = 2,
):
    """A pandas ``Styler`` for showing *df*: Arabic columns right to left and right-aligned.

    Cell values and column headers are HTML-escaped (article text may carry markup), the index is
    hidden, cell ids are off and the table id is derived from the content, so the HTML is
    deterministic. *arabic_columns* defaults to every column holding Arabic letters; other text
    columns are left-aligned (a notebook's default right alignment suits numbers, not English).
    """
    from pandas.io.formats.style import Styler

    columns = _arabic_columns(df) if arabic_columns is None else [c for c in arabic_columns]
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise KeyError(f"arabic_columns not in the table: {missing}")
    digest = hashlib.sha1(
        pd.util.hash_pandas_object(df.astype(str), index=False).values.tobytes()
        + repr((list(map(str, df.columns)), caption)).encode()
    ).hexdigest()[:10]
    styler = Styler(df, uuid=f"t{digest}", cell_ids=False)
    styler = styler.format(escape="html", na_rep=na_rep, precision=precision).format_index(escape="html", axis=1)
    styler = styler.hide(axis="index")
    # plaintext: each cell takes its direction from its own first strong letter (like dir="auto"),
    # so ids, dates and Latin values in an Arabic column are not scrambled by the bidi algorithm
    rtl = {"direction": "rtl", "text-align": "right", "unicode-bidi": "plaintext"}
    ltr = {"text-align": "left"}
    text_columns = [
        c for c in df.columns
        if c not in columns and (df[c].dtype == object or pd.api.types.is_string_dtype(df[c]))
    ]
    header_styles = []
    for subset, props in ((columns, rtl), (text_columns, ltr)):
        if not subset:
            continue
        styler = styler.set_properties(subset=subset, **props)
        for c in subset:
            i = df.columns.get_loc(c)
            if isinstance(i, int):
                header_styles.append({"selector": f"th.col_heading.col{i}", "props": list(props.items())})
    if header_styles:
        styler = styler.set_table_styles(header_styles, overwrite=False)
    if caption is not None:
        styler = styler.set_caption(html.escape(str(caption)))
    return styler


# --------------------------------------------------------------------------- charts with a description

_ENGLISH_PART_RE = re.compile(r"[A-Za-z][^\u0600-\u06ff]*")


def english_part(label: object) -> str:
    """The English of a chart label: the half after :data:`BILINGUAL_SEPARATOR`, or the label when it holds no
    Arabic; "" for an Arabic-only label.  ``english_part("إيطاليا · Italy") -> "Italy"``."""
    s = _BIDI_MARKS_RE.sub("", "" if label is None else str(label)).strip()
    if not has_arabic(s):
        return s
    halves = [h.strip() for h in s.split(BILINGUAL_SEPARATOR.strip()) if h.strip() and not has_arabic(h)]
    if halves:
        return "; ".join(halves)
    found = _ENGLISH_PART_RE.search(s)
    return found.group(0).strip(" ·(),;") if found else ""


def _chart_kind(ax) -> str:
    from matplotlib.collections import PathCollection, QuadMesh

    if any(isinstance(c, QuadMesh) for c in ax.collections) or ax.images:
        return "heatmap"
    if ax.patches:
        return "bar chart"
    if any(isinstance(c, PathCollection) for c in ax.collections):
        return "scatter plot"
    if ax.lines:
        return "line chart"
    return "chart"


def _tick_names(ax, axis: str, limit: int = 6) -> tuple[int, list[str]]:
    labels = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    names = [english_part(t.get_text()) for t in labels]
    names = [n for n in names if n and not re.fullmatch(r"[-−\d.,%\s]+", n)]  # categories, not numbers
    return len(names), names[:limit]


def describe_figure(fig) -> str:
    """An English description of a matplotlib figure for its alt text: per panel its kind, title, axes and the
    first category labels, e.g. ``bar chart "Paragraph length": x: words; y: paragraph (20 categories: ...)``."""
    parts = []
    for ax in fig.axes:
        if not ax.get_visible() or ax.get_label() == "<colorbar>":
            continue
        title = english_part(ax.get_title())
        bits = [_chart_kind(ax) + (f' "{title}"' if title else "")]
        for axis, text in (("x", ax.get_xlabel()), ("y", ax.get_ylabel())):
            name = english_part(text)
            n, cats = _tick_names(ax, axis)
            if name or cats:
                desc = f"{axis}: {name or 'categories'}"
                if cats:
                    more = "" if n <= len(cats) else ", ..."
                    desc += f" ({n} categor{'y' if n == 1 else 'ies'}: {', '.join(cats)}{more})"
                bits.append(desc)
        parts.append(bits[0] + (": " + "; ".join(bits[1:]) if bits[1:] else ""))
    suptitle = english_part(fig._suptitle.get_text()) if getattr(fig, "_suptitle", None) is not None else ""
    head = f'{suptitle}. ' if suptitle else ""
    if not parts:
        return head + "Empty chart."
    if len(parts) == 1:
        return head + parts[0][0].upper() + parts[0][1:] + "."
    return head + f"{len(parts)} panels: " + " | ".join(parts) + "."


def show(fig=None, *, alt: str | None = None, dpi: int = 100) -> None:
    """Show a matplotlib figure in the notebook as a PNG that carries an English description (alt text) and close
    it.  *fig* defaults to the current figure; *alt* to :func:`describe_figure` (returns nothing, so a cell ending
    in ``display.show()`` prints nothing else)."""
    import io

    import matplotlib.pyplot as plt
    from IPython.display import Image
    from IPython.display import display as _display

    fig = plt.gcf() if fig is None else fig
    description = alt if alt is not None else describe_figure(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    _display(Image(data=buffer.getvalue(), format="png", alt=description))
