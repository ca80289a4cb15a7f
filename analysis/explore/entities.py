"""Who and what the article names, and how they are connected (notebook 05).

* :func:`entity_table`: the entities with Arabic and English names, type and mention count.
* :func:`cooccurrence`: entity pairs named in the same sentence, counted once per sentence
  (sentence-level co-occurrence; two mentions of Italy in one sentence with Iraq still count one).
* :func:`cooccurrence_matrix`: the same as a square table for a heatmap.
* :func:`draw_network`: the pairs as a circular-layout network drawn with plain matplotlib (node area by
  mentions, edge width by shared sentences), labels through :mod:`analysis.display`.
* :func:`entity_sentences_html`: per entity a ``<details>`` block listing the sentences that name it with its
  mentions marked; works in JupyterLab and in the static HTML report alike (no widgets), everything escaped.
"""
from __future__ import annotations

import html
import math
from itertools import combinations

import pandas as pd

__all__ = [
    "TYPE_LABELS",
    "TYPE_COLOURS",
    "entity_label",
    "entity_table",
    "cooccurrence",
    "cooccurrence_matrix",
    "circular_positions",
    "draw_network",
    "entity_sentences",
    "entity_sentences_html",
    "find_entity",
    "entity_to_unfold",
    "type_names",
    "typed_table",
    "plot_mentions",
    "plot_cooccurrence_matrix",
    "network_figure",
]

TYPE_LABELS = {
    "PERSON": ("شخص", "person"),
    "ORG": ("منظمة", "organisation"),
    "GPE": ("دولة / مدينة", "country / city"),
    "LOC": ("موقع", "location"),
    "FAC": ("منشأة", "facility"),
    "MISC": ("أخرى", "other"),
}
TYPE_COLOURS = {"PERSON": "#c44e52", "ORG": "#4c72b0", "GPE": "#55a868", "LOC": "#8172b3", "FAC": "#dd8452",
                "MISC": "#937860"}
_ENTITY_COLUMNS = ["entity_id", "name_ar", "name_en", "name_en_source", "type", "n_mentions", "n_sentences",
                   "first_paragraph"]


def _str(value: object) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


_LRM = "\u200e"


def entity_label(name_ar: object, name_en: object) -> str:
    """``"إيطاليا · Italy"``; just the Arabic where the gazetteer has no English name (logical order).

    An English name ending in punctuation (``Washington, D.C.``) gets a left-to-right mark after it, so that
    in the right-to-left label the final dot stays with the English instead of jumping to the far left.
    """
    from analysis.explore.display import bilingual

    ar_name, en_name = _str(name_ar), _str(name_en)
    if ar_name and en_name and not en_name[-1].isalnum():
        en_name += _LRM
    return bilingual(ar_name, en_name)


def entity_table(art) -> pd.DataFrame:
    """Entities sorted by mentions (most first), then by first appearance.

    Columns: ``entity_id, name_ar, name_en, name_en_source, type, n_mentions, n_sentences, first_paragraph``
    (``name_en_source``: ``gazetteer``, ``lexicon`` or ``romanized``, how far to trust the English name).
    """
    ents, men = art.entities, art.mentions
    if ents.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in _ENTITY_COLUMNS})
    n_sent = men.groupby("entity_id")["sentence_id"].nunique()
    para_of = dict(zip(art.sentences["sentence_id"], art.sentences["paragraph_id"]))
    first_para = men.sort_values("start").groupby("entity_id")["sentence_id"].first().map(para_of)
    out = ents.assign(
        name_en=ents["name_en"].map(_str),
        name_en_source=(ents["name_en_source"].map(_str) if "name_en_source" in ents.columns else ""),
        n_sentences=ents["entity_id"].map(n_sent).fillna(0).astype(int),
        first_paragraph=ents["entity_id"].map(first_para).astype("Int64"),
        _first=ents["entity_id"].map(men.groupby("entity_id")["start"].min()),
    )
    out = out.sort_values(["n_mentions", "_first"], ascending=[False, True], kind="stable")
    return out[_ENTITY_COLUMNS].reset_index(drop=True)


def cooccurrence(art) -> pd.DataFrame:
    """Pairs of entities named in the same sentence: ``entity_a < entity_b``, ``n_sentences``, ``sentence_ids``.

    Names are joined for reading (``name_ar_a``, ``name_en_a``, ...). Sorted by count, then ids.
    """
    cols = ["entity_a", "entity_b", "name_ar_a", "name_en_a", "name_ar_b", "name_en_b", "n_sentences",
            "sentence_ids"]
    men = art.mentions
    pairs: dict[tuple[int, int], list[int]] = {}
    for sid, g in men.groupby("sentence_id", sort=True):
        ids = sorted(set(int(e) for e in g["entity_id"]))
        for a, b in combinations(ids, 2):
            pairs.setdefault((a, b), []).append(int(sid))
    if not pairs:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    names = art.entities.set_index("entity_id")
    rows = [{
        "entity_a": a, "entity_b": b,
        "name_ar_a": names.at[a, "name_ar"], "name_en_a": _str(names.at[a, "name_en"]),
        "name_ar_b": names.at[b, "name_ar"], "name_en_b": _str(names.at[b, "name_en"]),
        "n_sentences": len(s), "sentence_ids": ", ".join(map(str, s)),
    } for (a, b), s in pairs.items()]
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["n_sentences", "entity_a", "entity_b"], ascending=[False, True, True],
                           kind="stable").reset_index(drop=True)


def cooccurrence_matrix(art, *, top: int | None = 15, connected_only: bool = True) -> pd.DataFrame:
    """Square ``entity_id × entity_id`` table of shared sentences (diagonal: the entity's own sentences).

    Keeps the *top* entities by mentions (all with ``top=None``), only those sharing a sentence with another
    entity when *connected_only*. Order follows :func:`entity_table`.
    """
    table = entity_table(art)
    pairs = cooccurrence(art)
    if connected_only:
        linked = set(pairs["entity_a"]).union(pairs["entity_b"]) if not pairs.empty else set()
        table = table[table["entity_id"].isin(linked)]
    if top is not None:
        table = table.head(top)
    ids = [int(i) for i in table["entity_id"]]
    m = pd.DataFrame(0, index=pd.Index(ids, name="entity_id"), columns=pd.Index(ids, name="entity_id"))
    for i, n in zip(table["entity_id"], table["n_sentences"]):
        m.at[int(i), int(i)] = int(n)
    for r in pairs.itertuples(index=False):
        if r.entity_a in m.index and r.entity_b in m.index:
            m.at[r.entity_a, r.entity_b] = m.at[r.entity_b, r.entity_a] = int(r.n_sentences)
    return m


def circular_positions(n: int, *, radius: float = 1.0) -> list[tuple[float, float]]:
    """*n* points on a circle, the first at the top, going clockwise (deterministic)."""
    return [(radius * math.sin(2 * math.pi * k / n), radius * math.cos(2 * math.pi * k / n)) for k in range(n)]


def draw_network(ax, art, *, top: int | None = 15, min_shared: int = 1) -> dict[int, tuple[float, float]]:
    """Draw the co-occurrence network on *ax* (circular layout); return the node positions by entity id.

    Node area grows with mentions and its colour is the entity type; an edge's width and darkness grow with
    the shared sentences (edges below *min_shared* are left out); labels are bilingual and drawn through
    :func:`analysis.display.ar`, outside the circle.
    """
    from analysis.explore.display import ar

    m = cooccurrence_matrix(art, top=top)
    table = entity_table(art).set_index("entity_id")
    ids = list(m.index)
    pos = dict(zip(ids, circular_positions(len(ids)))) if ids else {}
    biggest = max((m.at[a, b] for a, b in combinations(ids, 2)), default=1) or 1
    for a, b in combinations(ids, 2):
        w = int(m.at[a, b])
        if w >= min_shared:
            (x0, y0), (x1, y1) = pos[a], pos[b]
            ax.plot([x0, x1], [y0, y1], color="#444444", alpha=0.25 + 0.6 * w / biggest,
                    lw=0.8 + 3.2 * w / biggest, zorder=1, solid_capstyle="round")
    if ids:
        most = max(int(table.at[i, "n_mentions"]) for i in ids)
        for i in ids:
            x, y = pos[i]
            n = int(table.at[i, "n_mentions"])
            ax.scatter([x], [y], s=80 + 700 * n / most, color=TYPE_COLOURS.get(table.at[i, "type"], "#999999"),
                       edgecolor="white", linewidth=1.5, zorder=2)
            ax.text(x, y, str(n), ha="center", va="center", fontsize=8, color="white", zorder=3)
            ha = "center" if abs(x) < 0.2 else ("left" if x > 0 else "right")
            va = "center" if abs(y) >= 0.2 or abs(x) >= 0.2 else ("bottom" if y > 0 else "top")
            ax.text(1.16 * x, 1.16 * y, ar(entity_label(table.at[i, "name_ar"], table.at[i, "name_en"])),
                    ha=ha, va=va, fontsize=9, zorder=3)
    ax.set_xlim(-2.1, 2.1)
    ax.set_ylim(-1.4, 1.4)
    ax.set_aspect("equal")
    ax.axis("off")
    return pos


def find_entity(art, query: object) -> int | None:
    """Entity id for *query*: an id, or an Arabic / English name (case-insensitive, normalised Arabic)."""
    from analysis.text.normalize import normalize

    if query is None or _str(query).strip() == "":
        return None
    ents = art.entities
    if isinstance(query, int) or _str(query).isdigit():
        q = int(query)
        return q if q in set(ents["entity_id"]) else None
    text = _str(query).strip()
    for r in ents.itertuples(index=False):
        if text.casefold() == _str(r.name_en).casefold() or normalize(text) == normalize(_str(r.name_ar)):
            return int(r.entity_id)
    for r in art.mentions.itertuples(index=False):  # any written form (ايطاليا, التحالف)
        if normalize(text) == normalize(r.text):
            return int(r.entity_id)
    return None


def entity_sentences(art, entity_id: int) -> pd.DataFrame:
    """Sentences naming *entity_id*: ``sentence_id, paragraph_id, text, start, end, spans`` (its mentions)."""
    men = art.mentions[art.mentions["entity_id"] == entity_id]
    sents = art.sentences.set_index("sentence_id")
    rows = []
    for sid, g in men.groupby("sentence_id", sort=True):
        s = sents.loc[sid]
        rows.append({"sentence_id": int(sid), "paragraph_id": int(s["paragraph_id"]), "text": s["text"],
                     "start": int(s["start"]), "end": int(s["end"]),
                     "spans": [(int(a), int(b)) for a, b in zip(g["start"], g["end"])]})
    return pd.DataFrame(rows, columns=["sentence_id", "paragraph_id", "text", "start", "end", "spans"])


def entity_sentences_html(art, *, entity_ids: list[int] | None = None, open_ids: set[int] | frozenset = frozenset()
                          ) -> str:
    """An HTML fragment: one ``<details>`` per entity (summary: bilingual name, type, counts), its sentences
    listed with the entity's mentions in ``<mark>``. All article text is escaped.

    *entity_ids* defaults to every entity in :func:`entity_table` order; those in *open_ids* start unfolded.
    """
    from analysis.explore.highlight import highlight

    table = entity_table(art).set_index("entity_id")
    ids = list(table.index) if entity_ids is None else [i for i in entity_ids if i in table.index]
    blocks = ['<div class="entity-picker" style="font-family:\'Noto Sans Arabic\',\'DejaVu Sans\',sans-serif">']
    for eid in ids:
        e = table.loc[eid]
        sents = entity_sentences(art, int(eid))
        type_ar, type_en = TYPE_LABELS.get(e["type"], (e["type"], e["type"]))
        summary = (
            f'<span dir="rtl" lang="ar"><b>{html.escape(_str(e["name_ar"]))}</b></span>'
            + (f' · <b>{html.escape(_str(e["name_en"]))}</b>' if _str(e["name_en"]) else "")
            + f' <span style="color:#666">({html.escape(type_en)}; {int(e["n_mentions"])} mention'
            + ("s" if int(e["n_mentions"]) != 1 else "")
            + f" in {len(sents)} sentence" + ("s" if len(sents) != 1 else "") + ")</span>"
        )
        items = []
        for s in sents.itertuples(index=False):
            marked = highlight(s.text, s.spans, base_offset=s.start)
            items.append(
                f'<li><span style="color:#666;font-size:.85em" dir="ltr">¶{s.paragraph_id} · s{s.sentence_id}</span>'
                f'<div dir="rtl" lang="ar" style="text-align:right;line-height:1.9">{marked}</div></li>'
            )
        opened = " open" if eid in open_ids else ""
        blocks.append(
            f'<details{opened} data-entity-id="{int(eid)}" style="margin:.3rem 0">'
            f"<summary>{summary}</summary>"
            f'<ol style="margin:.3rem 0 .6rem 0">{"".join(items)}</ol></details>'
        )
    blocks.append("</div>")
    return "\n".join(blocks)


# --------------------------------------------------------------------------- notebook 05's tables and charts


def type_names() -> dict[str, str]:
    """Entity type code -> bilingual label (``"GPE"`` -> ``"دولة / مدينة · country / city"``)."""
    from analysis.explore.display import bilingual

    return {k: bilingual(*v) for k, v in TYPE_LABELS.items()}


def typed_table(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`entity_table` for reading: the ``type`` column as ``"<code> · <bilingual label>"``."""
    names = type_names()
    return table.assign(type=table["type"].map(lambda t: f"{t} · {names.get(t, t)}"))


def _type_legend(fig, types, **kwargs) -> None:
    from matplotlib.patches import Patch

    from analysis.explore.display import ar

    names = type_names()
    present = [t for t in TYPE_COLOURS if t in set(types)]
    fig.legend(handles=[Patch(color=TYPE_COLOURS[t], label=ar(names[t])) for t in present],
               loc="lower center", ncol=len(present), frameon=False, **kwargs)


def plot_mentions(table: pd.DataFrame, *, top: int = 25):
    """Mentions per entity of :func:`entity_table` (the *top* most mentioned), bars coloured by type with a type
    legend and the count at each bar's end. Returns the figure, or None without entities."""
    if table.empty:
        return None
    import matplotlib.pyplot as plt

    from analysis.explore import display

    shown = table.head(top)
    fig, ax = plt.subplots(figsize=(9, 0.34 * len(shown) + 1.6))
    ax.barh(range(len(shown)), shown["n_mentions"], color=shown["type"].map(TYPE_COLOURS))
    display.set_ticks(ax, range(len(shown)), [entity_label(a, e) for a, e in zip(shown["name_ar"], shown["name_en"])])
    ax.invert_yaxis()
    for i, n in enumerate(shown["n_mentions"]):
        ax.text(n, i, f" {n}", va="center", fontsize=9)
    ax.xaxis.get_major_locator().set_params(integer=True)
    _type_legend(fig, shown["type"])
    display.label(ax, title=display.bilingual("عدد مرات الذكر", "Mentions per entity")
                  + ("" if len(table) <= top else f" (top {top} of {len(table)})"), xlabel="mentions")
    fig.tight_layout(rect=(0, 1.0 / fig.get_figheight(), 1, 1))  # room for the legend below
    return fig


def plot_cooccurrence_matrix(art, matrix: pd.DataFrame):
    """Heatmap of :func:`cooccurrence_matrix`'s lower triangle (zeros left empty): rows carry the bilingual names
    and a row number, columns the row numbers. Returns the figure, or None for an empty matrix."""
    if matrix.empty:
        return None
    import matplotlib.pyplot as plt
    import numpy as np
    import seaborn as sns

    from analysis.explore import display

    names = entity_table(art).set_index("entity_id")
    labels = [entity_label(names.at[i, "name_ar"], names.at[i, "name_en"]) for i in matrix.index]
    mask = np.triu(np.ones(matrix.shape, dtype=bool), k=1) | (matrix.to_numpy() == 0)  # lower triangle only
    n = len(matrix)
    fig, ax = plt.subplots(figsize=(0.5 * n + 6.5, 0.45 * n + 2))
    sns.heatmap(matrix, mask=mask, annot=True, fmt="d", cmap="Blues", cbar=False, linewidths=0.5,
                linecolor="#dddddd", ax=ax, square=True, vmin=0)
    ax.grid(False)
    # rows carry the names, columns the row numbers (drawn between the names and the cells)
    display.set_ticks(ax, [i + 0.5 for i in range(n)], labels, axis="y", rotation=0)
    ax.tick_params(axis="y", pad=24)
    for i in range(n):
        ax.text(-0.25, i + 0.5, str(i + 1), ha="right", va="center", fontsize=9, color="#555555")
    display.set_ticks(ax, [i + 0.5 for i in range(n)], [str(i + 1) for i in range(n)], axis="x", rotation=0)
    display.label(ax, title=display.bilingual("الجمل المشتركة", "Sentences shared by two entities"),
                  xlabel="entity (row number)", ylabel="")
    fig.tight_layout()
    return fig


def network_figure(art, *, top: int | None = 15):
    """The co-occurrence network (:func:`draw_network`) with a legend of the types shown and a title. Returns
    the figure, or None when fewer than two entities share a sentence."""
    matrix = cooccurrence_matrix(art, top=top)
    if len(matrix) < 2:
        return None
    import matplotlib.pyplot as plt

    from analysis.explore import display

    fig, ax = plt.subplots(figsize=(11, 7.5))
    draw_network(ax, art, top=top)
    types = entity_table(art).set_index("entity_id").loc[list(matrix.index), "type"]
    _type_legend(fig, types, fontsize=9)
    display.label(ax, title=display.bilingual("شبكة الذكر المشترك", "Co-occurrence network (same sentence)"))
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def entity_to_unfold(art, pick: object = None) -> int | None:
    """The entity notebook 05 opens: *pick* (:func:`find_entity`) when it names one, else the most mentioned
    entity; None for an article without entities."""
    chosen = find_entity(art, pick)
    if chosen is None:
        table = entity_table(art)
        if not table.empty:
            chosen = int(table["entity_id"].iloc[0])
    return chosen
