"""Notebook 02's building blocks: the article's figures with their context, per party and per unit.

* :func:`figures_table` - one row per figure with its bilingual unit, category, subject and location;
* :func:`by_subject` - what each party is said to contribute (the seed: Italy -> ≈1,497 soldiers, 390 vehicles,
  17 aircraft);
* :func:`by_category` - how many figures of each category, exact vs approximate;
* :func:`unit_panels` - the figures grouped by the unit they count, one group per chart panel (figures in
  different units are never put on one axis);
* :func:`context_html` - each figure in its sentence (figure and subject highlighted), its paragraph and, where
  one is stored, the paragraph's English translation; all text HTML-escaped.

Tables hold logical-order Arabic only; charts pass it through :mod:`analysis.display` at draw time.
"""
from __future__ import annotations

import csv
import html
import math
from functools import cache
from importlib.resources import files
from typing import NamedTuple

import pandas as pd

from analysis.explore.highlight import Span, highlight

__all__ = [
    "CategoryLabel",
    "FIGURE_TABLE_COLUMNS",
    "UnitPanel",
    "display_value",
    "vague_display",
    "by_category",
    "by_subject",
    "category_ar",
    "category_label",
    "category_labels",
    "context_html",
    "figures_table",
    "format_value",
    "plot_categories",
    "plot_unit_panels",
    "unit_panels",
]


class CategoryLabel(NamedTuple):
    label_ar: str
    label_en: str


@cache
def category_labels() -> dict[str, CategoryLabel]:
    """Figure category code -> its Arabic and English names, from ``analysis/data/figure_categories.csv``.

    The codes are those of ``analysis/data/units.csv`` plus ``count`` (a counted noun outside the lexicon)
    and ``number`` (a number with no unit).
    """
    with files("analysis").joinpath("data/figure_categories.csv").open(encoding="utf-8") as fh:
        return {r["category"]: CategoryLabel(r["label_ar"], r["label_en"]) for r in csv.DictReader(fh)}


def category_ar(category: str) -> str:
    """``"personnel"`` -> ``"أفراد عسكريون"`` ('' for a category the data does not name)."""
    found = category_labels().get(category)
    return found.label_ar if found else ""


FIGURE_TABLE_COLUMNS = [
    "figure_id", "sentence_id", "paragraph_id", "section_id", "value", "value_high", "vague", "value_display",
    "unit_ar", "unit_en", "category", "category_ar", "approximate", "qualifier", "subject_ar", "subject_en",
    "same_as_figure_id", "text", "start", "end",
]


def category_label(category: str) -> str:
    """``"personnel"`` -> ``"أفراد عسكريون · personnel"`` (logical order; draw it through ``display.ar``).

    A category the data does not name is shown as its code.
    """
    from analysis.explore.display import bilingual

    found = category_labels().get(category)
    return bilingual(found.label_ar, found.label_en or category) if found else category


def _s(value: object) -> str:
    """A table cell as a plain string ('' for missing)."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def format_value(value: float, *, approximate: bool = False) -> str:
    """``1497 -> "1,497"``, ``8.6e9 -> "8.6 bn"``, ``2.5e6 -> "2.5 m"``, ``0.4 -> "0.4"``; ``≈`` when approximate."""
    v = float(value)
    for scale, suffix in ((1e12, " tn"), (1e9, " bn"), (1e6, " m")):
        if abs(v) >= scale:
            text = f"{v / scale:,.2f}".rstrip("0").rstrip(".") + suffix
            break
    else:
        text = f"{v:,.2f}".rstrip("0").rstrip(".")
    return ("≈" if approximate else "") + text


_VAGUE_EN = {10.0: "tens of", 100.0: "hundreds of", 1e3: "thousands of", 1e6: "millions of", 1e9: "billions of",
             1e12: "trillions of"}


def vague_display(value_text: str) -> str:
    """A vague amount as a reader would say it: ``ملايين`` -> ``"millions of"`` (never a number such as ≈1 m)."""
    from analysis.text.normalize import normalize
    from analysis.text.numerals import number_word

    for word in value_text.split():
        norm = normalize(word)
        for cand in (norm, norm[2:] if norm.startswith("ال") else "", norm[3:] if norm[1:3] == "ال" else ""):
            hit = number_word(cand) if cand else None
            if hit is not None and hit[0].value in _VAGUE_EN:
                return _VAGUE_EN[hit[0].value]
    return "an unstated number of"


def display_value(f) -> str:
    """``value_display`` of a figures row: ``≈1,497``, ``5–15`` for a range, ``millions of`` for a vague amount."""
    if bool(getattr(f, "vague", False)) or _s(f.value) == "":
        return vague_display(_s(getattr(f, "value_text", "")))
    text = format_value(f.value, approximate=bool(f.approximate))
    high = getattr(f, "value_high", None)
    if _s(high) != "":
        text += "–" + format_value(high)
    return text


def figures_table(art) -> pd.DataFrame:
    """The article's figures with what a reader needs beside them (columns :data:`FIGURE_TABLE_COLUMNS`).

    ``subject_ar``/``subject_en`` name the entity whose figure it is (empty when the text does not say),
    ``category_ar`` is the Arabic category name, ``value_display`` the value as a reader would write it
    (``≈1,497``).  ``text``/``start``/``end`` are the figure's span in the article.  Sorted by position.
    """
    figs = art.figures
    if figs.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in FIGURE_TABLE_COLUMNS})
    sentences = art.sentences.set_index("sentence_id")
    entities = art.entities.set_index("entity_id")
    rows = []
    for f in figs.sort_values(["start", "figure_id"]).itertuples(index=False):
        sent = sentences.loc[f.sentence_id]
        subject_ar = subject_en = ""
        if _s(f.subject_entity_id) != "":
            ent = entities.loc[int(f.subject_entity_id)]
            subject_ar, subject_en = _s(ent["name_ar"]), _s(ent["name_en"])
        rows.append({
            "figure_id": int(f.figure_id),
            "sentence_id": int(f.sentence_id),
            "paragraph_id": int(sent["paragraph_id"]),
            "section_id": int(sent["section_id"]),
            "value": float("nan") if _s(f.value) == "" else float(f.value),
            "value_high": float("nan") if _s(f.value_high) == "" else float(f.value_high),
            "vague": bool(f.vague),
            "value_display": display_value(f),
            "unit_ar": _s(f.unit_ar),
            "unit_en": _s(f.unit_en),
            "category": _s(f.category),
            "category_ar": category_ar(_s(f.category)),
            "approximate": bool(f.approximate),
            "qualifier": _s(f.qualifier),
            "subject_ar": subject_ar,
            "subject_en": subject_en,
            "same_as_figure_id": None if _s(f.same_as_figure_id) == "" else int(f.same_as_figure_id),
            "text": _s(f.text),
            "start": int(f.start),
            "end": int(f.end),
        })
    return pd.DataFrame(rows, columns=FIGURE_TABLE_COLUMNS)


def _amount_en(row) -> str:
    unit = row["unit_en"] or row["unit_ar"]
    return f"{row['value_display']} {unit}".strip()


def _as_written(qualifier: str, text: str) -> str:
    """The figure as a reader saw it: its qualifier in front unless the span already starts with it."""
    return text if not qualifier or text.startswith(qualifier) else f"{qualifier} {text}"


def _joined(items: list[str], sep: str, max_items: int) -> str:
    if len(items) <= max_items:
        return sep.join(items)
    return sep.join(items[:max_items]) + f"{sep}… (+{len(items) - max_items})"


def by_subject(table: pd.DataFrame, *, max_items: int = 12) -> pd.DataFrame:
    """One row per party the figures are attributed to: what the article says it contributes.

    Columns ``subject_ar``, ``subject_en``, ``n_figures``, ``figures_ar`` (the figures as written, with their
    qualifier, joined by ``،``) and ``figures_en`` (``≈1,497 soldiers; 390 vehicles; 17 aircraft``), at most
    *max_items* of each then ``… (+N)``.  Figures whose subject the text does not state are grouped last under
    empty subject names.
    """
    cols = ["subject_ar", "subject_en", "n_figures", "figures_ar", "figures_en"]
    if table.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    rows = []
    order = table.assign(_none=table["subject_en"].eq("") & table["subject_ar"].eq(""))
    for (_, subject_ar, subject_en), group in order.groupby(["_none", "subject_ar", "subject_en"], sort=False):
        rows.append({
            "subject_ar": subject_ar,
            "subject_en": subject_en,
            "n_figures": len(group),
            "figures_ar": _joined([_as_written(q, t) for q, t in zip(group["qualifier"], group["text"])], "، ",
                                  max_items),
            "figures_en": _joined([_amount_en(r) for _, r in group.iterrows()], "; ", max_items),
        })
    out = pd.DataFrame(rows, columns=cols)
    out["_none"] = out["subject_ar"].eq("") & out["subject_en"].eq("")
    out = out.sort_values(["_none", "n_figures"], ascending=[True, False], kind="stable").drop(columns="_none")
    return out.reset_index(drop=True)


def by_category(table: pd.DataFrame) -> pd.DataFrame:
    """Figures per category: ``category``, ``category_ar``, ``exact``, ``approximate``, ``total``; most first."""
    cols = ["category", "category_ar", "exact", "approximate", "total"]
    if table.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    counts = (
        table.assign(kind=table["approximate"].map({True: "approximate", False: "exact"}))
        .pivot_table(index="category", columns="kind", values="figure_id", aggfunc="count", fill_value=0)
        .reindex(columns=["exact", "approximate"], fill_value=0)
    )
    counts["total"] = counts["exact"] + counts["approximate"]
    counts = counts.reset_index()
    counts.insert(1, "category_ar", counts["category"].map(category_ar))
    counts = counts.sort_values(["total", "category"], ascending=[False, True], kind="stable")
    return counts[cols].reset_index(drop=True).rename_axis(None, axis=1)


class UnitPanel(NamedTuple):
    """The figures counting one unit: one chart panel with its own axis."""

    category: str
    unit_ar: str
    unit_en: str
    rows: pd.DataFrame  # rows of figures_table, in text order
    log_scale: bool  # values spread over more than two orders of magnitude

    @property
    def axis_label(self) -> str:
        """Bilingual axis label, e.g. ``"جنديا · soldiers"`` (``"number (no unit)"`` when there is none)."""
        if self.unit_ar and self.unit_en:
            return f"{self.unit_ar} · {self.unit_en}"
        return self.unit_ar or self.unit_en or "رقم بلا وحدة · number (no unit)"


def unit_panels(table: pd.DataFrame) -> list[UnitPanel]:
    """Group the figures by (category, English unit) - one panel each, in order of first appearance.

    Figures with the same English unit but different Arabic spellings (جنديا، جنود -> soldiers) share a panel;
    the panel's Arabic unit is the first one written.  ``log_scale`` is set when the largest positive value is
    more than 100 times the smallest, so that small and large amounts both stay readable.
    """
    table = table[~table["vague"].astype(bool)] if "vague" in table else table  # no value to draw
    if table.empty:
        return []
    key = table["unit_en"].where(table["unit_en"] != "", table["unit_ar"])
    panels = []
    for (category, _), rows in table.assign(_key=key).groupby(["category", "_key"], sort=False):
        rows = rows.drop(columns="_key").reset_index(drop=True)
        positive = rows["value"][rows["value"] > 0]
        log = len(positive) > 1 and positive.max() / positive.min() > 100
        first = rows.iloc[0]
        panels.append(UnitPanel(category, first["unit_ar"], first["unit_en"], rows, bool(log)))
    return panels


# --------------------------------------------------------------------------- HTML context

CONTEXT_CSS = (
    "<style>.fig-ctx{border-right:4px solid #4c72b0;padding:.2rem .8rem;margin:.8rem 0}"
    ".fig-ctx h4{margin:.2rem 0;direction:ltr;text-align:left;font-size:1rem}"
    ".fig-ctx p[dir=rtl]{font-size:1.15rem;line-height:1.8}"
    ".fig-ctx mark.figure{background:#ffe08a}.fig-ctx mark.subject{background:#cfe3ff}"
    ".fig-ctx .en{direction:ltr;text-align:left;color:#444;font-style:italic}</style>"
)


def context_html(art, table: pd.DataFrame | None = None, *, translation: pd.DataFrame | None = None) -> str:
    """Each figure in context, as escaped HTML: a heading (value, unit, category, subject), the sentence with
    the figure (yellow) and the subject's mentions (blue) marked, and a ``<details>`` block with the whole
    paragraph and, when *translation* (``analysis.translations.translation_for``) has one, its English.
    """
    table = figures_table(art) if table is None else table
    if table.empty:
        return "<p><b>No figures in this article.</b></p>"
    e = html.escape
    sentences = art.sentences.set_index("sentence_id")
    paragraphs = art.paragraphs.set_index("paragraph_id")
    english = {} if translation is None else dict(zip(translation["paragraph_id"], translation["en"]))
    figs = art.figures.set_index("figure_id")
    parts = [CONTEXT_CSS]
    for row in table.itertuples(index=False):
        sent = sentences.loc[row.sentence_id]
        para = paragraphs.loc[row.paragraph_id]
        spans = [Span(row.start, row.end, f"{row.value_display} {row.unit_en}".strip(), "figure")]
        subject_id = _s(figs.loc[row.figure_id, "subject_entity_id"])
        if subject_id:
            m = art.mentions[(art.mentions["entity_id"] == int(subject_id))]
            spans += [Span(s, t, row.subject_en, "subject") for s, t in zip(m["start"], m["end"])]
        subject = (f" — subject: <span dir=\"rtl\" lang=\"ar\">{e(row.subject_ar)}</span> · {e(row.subject_en)}"
                   if row.subject_ar or row.subject_en else " — subject: not stated")
        heading = (f"{e(_amount_en(row._asdict()))} "
                   f"(<span dir=\"rtl\" lang=\"ar\">{e(row.text)}</span>) · {e(category_label(row.category))}"
                   f"{' · approximate (' + e(row.qualifier) + ')' if row.approximate and row.qualifier else ''}"
                   f"{' · approximate' if row.approximate and not row.qualifier else ''}{subject}")
        en = _s(english.get(row.paragraph_id, ""))
        section = _s(para["section"])
        parts.append(
            f'<div class="fig-ctx"><h4>{heading}</h4>'
            f'<p dir="rtl" lang="ar" style="text-align:right">{highlight(sent["text"], spans, base_offset=int(sent["start"]))}</p>'
            f"<details><summary>paragraph ¶{row.paragraph_id}"
            + (f' · section <span dir="rtl" lang="ar">{e(section)}</span>' if section else " · opening section")
            + "</summary>"
            f'<p dir="rtl" lang="ar" style="text-align:right">{highlight(para["text"], spans, base_offset=int(para["start"]))}</p>'
            + (f'<p class="en">{e(en)}</p>' if en else "")
            + "</details></div>"
        )
    return "\n".join(parts)


# --------------------------------------------------------------------------- charts

EXACT_COLOUR = "#4c72b0"


def _point_label(row) -> str:
    who = row["subject_en"] or f"sentence {row['sentence_id']}"
    return f"{row['text']} · {who}"


def plot_unit_panels(panels: list[UnitPanel], *, width: float = 9.0):
    """Small multiples: one panel per unit, each with its own value axis and the unit as its label.

    Each figure is a dot on its panel's axis (a stem from zero on linear axes), filled when exact and hollow
    when approximate, its value written beside it.  Returns the matplotlib Figure (None when there are no
    panels).  Arabic goes through :mod:`analysis.display` here, at draw time.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    from analysis.explore import display

    if not panels:
        return None
    heights = [len(p.rows) * 0.42 + 1.5 for p in panels]
    top, bottom = 0.5, 0.6  # inches for the suptitle and the legend
    fig, axes = plt.subplots(len(panels), 1, figsize=(width, sum(heights) + top + bottom),
                             gridspec_kw={"height_ratios": heights}, squeeze=False)
    for ax, panel in zip(axes[:, 0], panels):
        rows = panel.rows
        y = list(range(len(rows)))
        values = rows["value"].to_numpy(dtype=float)
        if panel.log_scale:
            ax.set_xscale("log")
        else:
            ax.hlines(y, 0, values, color="#bbbbbb", lw=1.5, zorder=1)
        for yi, (_, r) in zip(y, rows.iterrows()):
            approx = bool(r["approximate"])
            ax.scatter([r["value"]], [yi], s=70, zorder=3, color="white" if approx else EXACT_COLOUR,
                       edgecolors=EXACT_COLOUR, linewidths=2)
            ax.annotate(r["value_display"], (r["value"], yi), xytext=(8, 0), textcoords="offset points",
                        va="center", fontsize=10)
        display.set_ticks(ax, y, [_point_label(r) for _, r in rows.iterrows()], axis="y")
        ax.set_ylim(len(rows) - 0.4, -0.6)  # text order top to bottom
        positive = values[values > 0]
        if panel.log_scale:
            ax.set_xlim(positive.min() / 3, positive.max() * 6)
        else:
            ax.set_xlim(0, max(values.max(), 1) * 1.25)
        if not panel.log_scale and all(float(v).is_integer() for v in values):
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_value(v)))
        ax.grid(axis="y", visible=False)
        display.label(ax, title=category_label(panel.category),
                      xlabel=panel.axis_label + ("   (log scale)" if panel.log_scale else ""))
        ax.title.set_fontsize(11)
    handles = [
        Line2D([], [], marker="o", ls="", markersize=8, color=EXACT_COLOUR,
               label=display.ar(display.bilingual("دقيق", "exact"))),
        Line2D([], [], marker="o", ls="", markersize=8, markerfacecolor="white", markeredgecolor=EXACT_COLOUR,
               markeredgewidth=2, label=display.ar(display.bilingual("تقريبي", "approximate"))),
    ]
    total = sum(heights) + top + bottom
    fig.suptitle(display.ar("One panel per unit, each with its own axis: amounts in different units are not comparable"
                            if len(panels) > 1 else "The figures on their unit's axis"), fontsize=12)
    fig.legend(handles=handles, loc="lower center", ncol=2, frameon=False)
    fig.tight_layout(rect=(0, bottom / total, 1, 1 - top / total))
    return fig


def plot_categories(counts: pd.DataFrame, *, width: float = 8.0):
    """How many figures of each category, exact vs approximate (a count of figures: one axis is honest here)."""
    import matplotlib.pyplot as plt

    from analysis.explore import display

    if counts.empty:
        return None
    height = 0.45 * len(counts) + 2.0
    fig, ax = plt.subplots(figsize=(width, height))
    y = list(range(len(counts)))
    ax.barh(y, counts["exact"], color=EXACT_COLOUR, label="exact")
    ax.barh(y, counts["approximate"], left=counts["exact"], color="white", edgecolor=EXACT_COLOUR, hatch="//",
            label="approximate")
    display.set_ticks(ax, y, [category_label(c) for c in counts["category"]], axis="y")
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    display.label(ax, title="عدد الأرقام حسب الفئة · Figures per category (count of figures, not their values)",
                  xlabel="figures mentioned")
    ax.title.set_fontsize(11)
    fig.legend(*ax.get_legend_handles_labels(), loc="lower center", ncol=2, frameon=False)
    fig.tight_layout(rect=(0, 0.45 / height, 1, 1))
    return fig
