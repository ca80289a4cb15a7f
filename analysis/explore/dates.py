"""When: the article's date expressions on a timeline, each with the sentence it comes from.

Built on the ``dates`` table: ``resolved`` is an ISO date (``2020-09-28``), month (``2020-09``) or year (``2020``)
where the parser could anchor the expression (a weekday or "today" needs the page's publication date); the rest
keep their text and English gloss and are listed, not drawn.
"""
from __future__ import annotations

import re

import pandas as pd

__all__ = ["dates_table", "timeline_points", "plot_timeline"]

_ISO_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def dates_table(art) -> pd.DataFrame:
    """One row per date expression: ``date_id``, Arabic ``text``, English ``gloss``, ``resolved``, ``granularity``,
    ``kind`` and the ``sentence`` it stands in (Arabic, as written)."""
    d = art.dates
    sentences = dict(zip(art.sentences["sentence_id"], art.sentences["text"]))
    cols = ["date_id", "text", "gloss", "resolved", "granularity", "kind"]
    out = d[cols].copy() if len(d) else pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    out["sentence"] = [sentences.get(s, "") for s in d["sentence_id"]] if len(d) else pd.Series(dtype="object")
    return out.reset_index(drop=True)


def timeline_points(table: pd.DataFrame) -> pd.DataFrame:
    """The resolved rows as points: ``when`` (a timestamp: the first day of a month or year), ``label`` (English
    gloss and the resolved value), ``granularity``; rows that resolve to nothing are left out."""
    rows = []
    for r in table.to_dict("records"):
        m = _ISO_RE.match(str(r.get("resolved") or ""))
        if not m:
            continue
        y, mo, da = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
        gloss = str(r.get("gloss") or "").strip()
        rows.append({"when": pd.Timestamp(year=y, month=mo, day=da), "label": f"{gloss} · {r['resolved']}"
                     if gloss and gloss != str(r["resolved"]) else str(r["resolved"]), "granularity": r.get("granularity") or ""})
    return pd.DataFrame(rows, columns=["when", "label", "granularity"])


def plot_timeline(points: pd.DataFrame):
    """A one-line timeline of the resolved dates (None when there is none); labels in English."""
    if points.empty:
        return None
    import matplotlib.pyplot as plt

    from analysis.explore.display import label

    pts = points.sort_values("when", kind="stable").drop_duplicates(["when", "label"]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(9, 1.6 + 0.28 * len(pts)))
    ax.scatter(pts["when"], range(len(pts)), color="#4c72b0", zorder=3)
    for i, r in pts.iterrows():
        ax.annotate(r["label"], (r["when"], i), xytext=(6, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_yticks([])
    span = pts["when"].max() - pts["when"].min()
    pad = max(span * 0.25, pd.Timedelta(days=3))
    ax.set_xlim(pts["when"].min() - pad * 0.2, pts["when"].max() + pad)
    ax.set_ylim(-0.8, len(pts) - 0.2)
    label(ax, title="Dates named in the article (resolved)", xlabel="date")
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig
