"""Across many articles (notebook 06): a corpus dataset built by ``python -m analysis corpus``.

* :func:`open_corpus`: the dataset (tables read lazily, only the columns asked for) and the plotting theme;
* :func:`overview`, :func:`articles_per_outlet`, :func:`articles_per_day`: what is in it, from where, when;
* :func:`top_entities`, :func:`top_speakers`, :func:`entity_timeline`: who is named and quoted most, over time;
* :func:`figures_by_category`, :func:`top_figures`: the counted amounts by category;
* :func:`themes_by_outlet`, :func:`themes_by_week`: which outlet writes about what, and when;
* :func:`find_entity`, :func:`entity_profile`, :func:`entity_view_html`: one entity across articles.

An entity is the same across articles when it has the same gazetteer ``key``; an entity the gazetteer does not
know is identified by its type and Arabic name (``PERSON:عادل الجبير``).  Its English name is the tables' own
(``name_en``), marked ``≈`` when it is a romanization (``name_en_source == "romanized"``,
:func:`analysis.romanize`).  An article's *outlet* is the JSON line's
``source`` (SaudiNewsNet), else the folder of its file; its *day* is the page's publication date, else the
day it was extracted (``date_extracted``); weeks start on Monday.  Every function returns logical-order Arabic
beside English; charts draw Arabic through :mod:`analysis.explore.display`.
"""
from __future__ import annotations

import functools
import html
from pathlib import Path

import pandas as pd

__all__ = [
    "Corpus",
    "open_corpus",
    "resolve_corpus",
    "overview",
    "articles_per_outlet",
    "articles_per_day",
    "plot_articles_per_day",
    "top_entities",
    "top_speakers",
    "entity_timeline",
    "plot_timeline",
    "figures_by_category",
    "top_figures",
    "figure_categories_to_show",
    "themes_by_outlet",
    "plot_themes_by_outlet",
    "themes_by_week",
    "plot_themes_by_week",
    "find_entity",
    "suggest_entity",
    "entity_profile",
    "entity_view_html",
    "english_name",
]

ROMANIZED = "≈ "  # marks an English name made by romanization, not taken from the gazetteer
TYPE_EN = {"PERSON": "person", "ORG": "organisation", "GPE": "country / city", "LOC": "location",
           "FAC": "facility", "MISC": "other"}


def resolve_corpus(corpus_path: str | Path) -> Path:
    """A notebook's ``corpus_path`` as an existing folder: tried as given, then against ``notebooks/`` and the
    project root (where Jupyter runs a notebook)."""
    from analysis.explore.notebook import project_root

    path = Path(corpus_path).expanduser()
    if path.is_absolute():
        return path
    root = project_root()
    for base in [Path.cwd()] + ([root / "notebooks", root] if root is not None else []):
        if (base / path).is_dir():
            return (base / path).resolve()
    return path.resolve()


class Corpus:
    """A corpus dataset: ``table(name, columns)`` reads (and keeps) one table; ``articles`` and ``entities``
    are the per-article and per-entity frames every view starts from."""

    def __init__(self, path: str | Path):
        from analysis.corpus import read_manifest

        self.path = Path(path)
        self.manifest = read_manifest(self.path)
        self._cache: dict[tuple, pd.DataFrame] = {}

    def table(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        key = (name, tuple(columns) if columns else None)
        if key not in self._cache:
            from analysis.corpus import read_table

            self._cache[key] = read_table(self.path, name, columns=columns)
        return self._cache[key]

    @functools.cached_property
    def articles(self) -> pd.DataFrame:
        """One row per article: article_id, outlet, day, week, headline, n_words."""
        art = self.table("article", ["article_id", "headline", "published_at", "n_words"])
        meta = self.table("meta", ["article_id", "input", "source", "date_extracted"])
        df = art.merge(meta, on="article_id", how="left")
        folder = df["input"].str.replace(r":\d+$", "", regex=True).map(lambda p: Path(p).parent.name)
        df["outlet"] = df["source"].fillna(folder).astype("str")
        day = pd.to_datetime(df["published_at"].str.slice(0, 10), errors="coerce", format="%Y-%m-%d")
        extracted = pd.to_datetime(df["date_extracted"].str.slice(0, 10), errors="coerce", format="%Y-%m-%d")
        # a page date is trusted when it is a Gregorian date (a Hijri 1436-10-09 read as a year is not) and, when
        # the line says when it was extracted, within the month before that day; else the extraction day
        plausible = (day.dt.year >= 1900) & (extracted.isna() | ((day <= extracted + pd.Timedelta(days=1))
                                                                 & (day >= extracted - pd.Timedelta(days=31))))
        df["day"] = day.where(plausible).fillna(extracted)
        df["week"] = df["day"] - pd.to_timedelta(df["day"].dt.day_of_week, unit="D")
        return df[["article_id", "outlet", "day", "week", "headline", "n_words"]]

    @functools.cached_property
    def entities(self) -> pd.DataFrame:
        """One row per (article, entity): article_id, entity_id, type, name_ar, name_en, name_en_source, ekey,
        n_mentions."""
        e = self.table("entities", ["article_id", "entity_id", "type", "name_ar", "name_en", "name_en_source", "key",
                                    "n_mentions"])
        e = e.copy()
        e["ekey"] = e["key"].fillna(e["type"] + ":" + e["name_ar"]).astype("str")
        return e

    @functools.cached_property
    def names(self) -> pd.DataFrame:
        """One row per entity key: its type and its most frequent Arabic and English names (ties: first in
        alphabetical order, so the choice does not depend on row order), and where that English name came from
        (``name_en_source`` of the rows carrying it, the most frequent)."""
        e = self.entities
        out = pd.DataFrame(index=pd.Index(e["ekey"].unique(), name="ekey"))
        for col in ("type", "name_ar", "name_en"):
            out[col] = _most_frequent(e, col).reindex(out.index)
        picked = out["name_en"].reindex(e["ekey"]).set_axis(e.index)
        chosen = e[e["name_en"].eq(picked).fillna(False).astype(bool)]
        out["name_en_source"] = _most_frequent(chosen, "name_en_source").reindex(out.index)
        return out


def _most_frequent(e: pd.DataFrame, col: str) -> pd.Series:
    """Per ``ekey``, the most frequent value of ``col`` (ties: the first in sort order; nulls left out)."""
    counts = e.dropna(subset=[col]).groupby(["ekey", col], sort=False).size().reset_index(name="n")
    top = counts.sort_values(["ekey", "n", col], ascending=[True, False, True]).drop_duplicates("ekey")
    return top.set_index("ekey")[col]


def open_corpus(corpus_path: str | Path, *, style: str = "whitegrid", context: str = "notebook") -> Corpus:
    """The corpus dataset a notebook is about (its ``corpus_path``) with the plotting theme set (Arabic font)."""
    from analysis.explore import display

    display.set_theme(style=style, context=context)
    return Corpus(resolve_corpus(corpus_path))


def english_name(name_ar: object, name_en: object, source: object = None) -> str:
    """The English name the tables give (marked ``≈`` when its ``name_en_source`` is ``romanized``: a plausible
    spelling, not a looked-up one), else ``≈`` and a romanization of the Arabic name."""
    if isinstance(name_en, str) and name_en.strip():
        return ROMANIZED + name_en if source == "romanized" else name_en
    if not isinstance(name_ar, str) or not name_ar.strip():
        return ""
    from analysis import romanize

    try:
        return ROMANIZED + romanize(name_ar)
    except Exception:  # a name the romanizer cannot read: leave the English empty rather than fail the page
        return ""


def _with_names(c: Corpus, df: pd.DataFrame) -> pd.DataFrame:
    names = c.names.reindex(df["ekey"])
    df = df.copy()
    df.insert(0, "name_ar", names["name_ar"].to_numpy())
    df.insert(1, "name_en", [english_name(a, e, s) for a, e, s in zip(names["name_ar"], names["name_en"],
                                                                       names["name_en_source"])])
    df.insert(2, "type", names["type"].to_numpy())
    return df


# --------------------------------------------------------------------------- what is in the corpus


def overview(c: Corpus) -> pd.DataFrame:
    """The corpus in figures: articles, refused inputs, outlets, days, words, entities, quotes, figures."""
    a = c.articles
    days = a["day"].dropna()
    rows = [
        ("articles parsed", f"{len(a):,}"),
        ("inputs refused", f"{int(c.manifest.get('refused', 0)):,}"),
        ("outlets", f"{a['outlet'].nunique():,}"),
        ("days", f"{days.dt.normalize().nunique():,} ({days.min():%Y-%m-%d} to {days.max():%Y-%m-%d})"
         if len(days) else "none"),
        ("words", f"{int(a['n_words'].sum()):,}"),
        ("distinct entities", f"{c.entities['ekey'].nunique():,}"),
        ("entity mentions", f"{int(c.entities['n_mentions'].sum()):,}"),
        ("quotes", f"{len(c.table('quotes', ['article_id'])):,}"),
        ("figures", f"{len(c.table('figures', ['article_id'])):,}"),
    ]
    return pd.DataFrame(rows, columns=["what", "count"])


def articles_per_outlet(c: Corpus) -> pd.DataFrame:
    """Per outlet: articles, share of the corpus, words per article (median), first and last day."""
    a = c.articles
    g = a.groupby("outlet")
    out = pd.DataFrame({"articles": g.size(), "median_words": g["n_words"].median().round(0).astype("int64"),
                        "first_day": g["day"].min().dt.strftime("%Y-%m-%d"),
                        "last_day": g["day"].max().dt.strftime("%Y-%m-%d")})
    out.insert(1, "share", (out["articles"] / max(1, len(a))).round(3))
    return out.sort_values(["articles", "first_day"], ascending=[False, True]).reset_index()


def articles_per_day(c: Corpus, *, top: int = 8) -> pd.DataFrame:
    """Articles per day (rows) and outlet (columns: the ``top`` biggest, the rest as ``other``)."""
    a = c.articles.dropna(subset=["day"])
    big = a["outlet"].value_counts().index[:top]
    outlet = a["outlet"].where(a["outlet"].isin(big), "other")
    table = pd.crosstab(a["day"].dt.normalize(), outlet)
    order = [o for o in big if o in table.columns] + (["other"] if "other" in table.columns else [])
    table = table[order]
    table.index = table.index.strftime("%Y-%m-%d")
    table.index.name = "day"
    return table


def plot_articles_per_day(table: pd.DataFrame):
    """Stacked bars: articles per day by outlet."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(10, 4))
    if table.empty:
        ax.text(0.5, 0.5, "no dated articles", ha="center", transform=ax.transAxes)
        return fig
    table.plot.bar(stacked=True, ax=ax, width=0.85, colormap="tab20")
    ax.set_xlabel("day")
    ax.set_ylabel("articles")
    ax.set_title("Articles per day and outlet")
    ax.legend(title="outlet", bbox_to_anchor=(1.01, 1), loc="upper left", fontsize="small")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- who is named and quoted


def top_entities(c: Corpus, *, type: str | None = None, top: int = 20) -> pd.DataFrame:
    """The entities named in the most articles (``type``: only PERSON, ORG, GPE ...): articles, mentions,
    outlets, with Arabic and English names."""
    e = c.entities if type is None else c.entities[c.entities["type"] == type]
    e = e.merge(c.articles[["article_id", "outlet"]], on="article_id", how="left")
    g = e.groupby("ekey")
    out = pd.DataFrame({"articles": g["article_id"].nunique(), "mentions": g["n_mentions"].sum(),
                        "outlets": g["outlet"].nunique()})
    out = out.sort_values(["articles", "mentions"], ascending=False, kind="stable").head(top).reset_index()
    return _with_names(c, out)


def top_speakers(c: Corpus, *, top: int = 20) -> pd.DataFrame:
    """The entities quoted most (quotes whose speaker is an entity): quotes, direct quotes, articles, outlets,
    and the reporting verb used most with them (Arabic lemma and English gloss)."""
    q = c.table("quotes", ["article_id", "speaker_entity_id", "mode", "cue_lemma", "cue_gloss"])
    q = q.dropna(subset=["speaker_entity_id"]).astype({"speaker_entity_id": "int64"})
    e = c.entities[["article_id", "entity_id", "ekey"]]
    q = q.merge(e, left_on=["article_id", "speaker_entity_id"], right_on=["article_id", "entity_id"])
    q = q.merge(c.articles[["article_id", "outlet"]], on="article_id", how="left")
    if q.empty:
        return _with_names(c, pd.DataFrame({"ekey": pd.Series([], dtype="str"), "quotes": [], "direct": [],
                                            "articles": [], "outlets": [], "verb_ar": [], "verb_en": []}))
    g = q.groupby("ekey")
    verb = q.groupby(["ekey", "cue_lemma", "cue_gloss"]).size().reset_index(name="n")
    verb = verb.sort_values(["ekey", "n", "cue_lemma"], ascending=[True, False, True]).drop_duplicates("ekey")
    verb = verb.set_index("ekey")
    out = pd.DataFrame({"quotes": g.size(), "direct": (q["mode"] == "direct").groupby(q["ekey"]).sum(),
                        "articles": g["article_id"].nunique(), "outlets": g["outlet"].nunique()})
    out["verb_ar"] = verb["cue_lemma"].reindex(out.index)
    out["verb_en"] = verb["cue_gloss"].reindex(out.index)
    out = out.sort_values(["quotes", "articles"], ascending=False, kind="stable").head(top).reset_index()
    return _with_names(c, out)


def entity_timeline(c: Corpus, ekeys: list[str], *, freq: str = "D") -> pd.DataFrame:
    """Articles naming each entity per day (``freq="D"``) or week (``"W"``): rows periods, columns ekeys."""
    e = c.entities[c.entities["ekey"].isin(ekeys)][["article_id", "ekey"]].drop_duplicates()
    e = e.merge(c.articles[["article_id", "day", "week"]], on="article_id").dropna(subset=["day"])
    period = e["week"] if freq == "W" else e["day"].dt.normalize()
    table = pd.crosstab(period, e["ekey"]).reindex(columns=[k for k in ekeys])
    return table.fillna(0).astype("int64")


def plot_timeline(c: Corpus, table: pd.DataFrame, *, title: str, ylabel: str = "articles"):
    """Lines, one per entity (legend: Arabic · English), over the periods of :func:`entity_timeline`."""
    import matplotlib.pyplot as plt

    from analysis.explore import display

    fig, ax = plt.subplots(figsize=(10, 4.5))
    if table.empty:
        ax.text(0.5, 0.5, "nothing to draw", ha="center", transform=ax.transAxes)
        return fig
    names = c.names
    for ekey in table.columns:
        label = display.bilingual(names.at[ekey, "name_ar"], english_name(names.at[ekey, "name_ar"],
                                                                           names.at[ekey, "name_en"],
                                                                           names.at[ekey, "name_en_source"]))
        ax.plot(table.index, table[ekey], marker="o", markersize=3, label=display.ar(label))
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(bbox_to_anchor=(1.01, 1), loc="upper left", fontsize="small")
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- figures


def figures_by_category(c: Corpus) -> pd.DataFrame:
    """Per figure category: figures, articles, share approximate, median value, and the most counted unit."""
    f = c.table("figures", ["article_id", "category", "value", "unit_ar", "unit_en", "approximate"])
    if f.empty:
        return pd.DataFrame(columns=["category", "figures", "articles", "approximate", "median_value",
                                     "unit_ar", "unit_en"])
    g = f.groupby("category")
    unit = (f.dropna(subset=["unit_ar"]).groupby(["category", "unit_ar"]).agg(n=("value", "size"),
                                                                               unit_en=("unit_en", "first"))
            .reset_index().sort_values(["category", "n", "unit_ar"], ascending=[True, False, True])
            .drop_duplicates("category").set_index("category"))
    out = pd.DataFrame({"figures": g.size(), "articles": g["article_id"].nunique(),
                        "approximate": g["approximate"].mean().round(2), "median_value": g["value"].median()})
    out["unit_ar"] = unit["unit_ar"].reindex(out.index)
    out["unit_en"] = unit["unit_en"].reindex(out.index)
    return out.sort_values("figures", ascending=False, kind="stable").reset_index()


def figure_categories_to_show(by_category: pd.DataFrame, n: int = 2) -> list[str]:
    """The categories whose largest amounts the notebook lists: money, people, casualties first (where readers look
    for the big numbers), then the most frequent others."""
    have = list(by_category["category"])
    preferred = [c for c in ("money", "people", "casualties") if c in have]
    return (preferred + [c for c in have if c not in preferred and c != "number"])[:n]


def top_figures(c: Corpus, category: str, *, top: int = 10) -> pd.DataFrame:
    """The largest amounts of one category, as written, with their outlet, day and headline."""
    f = c.table("figures", ["article_id", "category", "value", "unit_en", "text"])
    f = f[f["category"] == category].sort_values("value", ascending=False, kind="stable").head(top)
    f = f.merge(c.articles[["article_id", "outlet", "day", "headline"]], on="article_id", how="left")
    f["day"] = f["day"].dt.strftime("%Y-%m-%d")
    return f[["value", "text", "unit_en", "outlet", "day", "headline"]].reset_index(drop=True)


# --------------------------------------------------------------------------- themes


def _article_themes(c: Corpus) -> pd.DataFrame:
    key = ("_article_themes", None)
    if key not in c._cache:
        t = c.table("themes", ["article_id", "theme", "label_en", "label_ar"]).drop_duplicates(["article_id", "theme"])
        c._cache[key] = t.merge(c.articles[["article_id", "outlet", "week"]], on="article_id", how="left")
    return c._cache[key]


def _theme_labels(t: pd.DataFrame) -> dict[str, str]:
    from analysis.explore import display

    first = t.drop_duplicates("theme").set_index("theme")
    return {k: display.bilingual(first.at[k, "label_ar"], first.at[k, "label_en"]) for k in first.index}


def themes_by_outlet(c: Corpus, *, top: int = 12, outlets: int = 10) -> pd.DataFrame:
    """Share of each outlet's articles carrying each theme (the ``top`` themes of the corpus as rows, labelled
    Arabic · English; the ``outlets`` biggest outlets as columns)."""
    every = _article_themes(c)
    if every.empty:
        return pd.DataFrame()
    themes = every["theme"].value_counts().index[:top]
    sizes = c.articles["outlet"].value_counts()
    cols = list(sizes.index[:outlets])
    t = every[every["theme"].isin(themes) & every["outlet"].isin(cols)]
    share = pd.crosstab(t["theme"], t["outlet"]).reindex(index=themes, columns=cols).fillna(0)
    share = (share / sizes[cols]).round(3)
    labels = _theme_labels(every)
    share.index = [labels.get(k, k) for k in share.index]
    share.index.name = "theme"
    return share


def plot_themes_by_outlet(share: pd.DataFrame):
    """Heatmap of :func:`themes_by_outlet` (rows: themes, Arabic · English; columns: outlets)."""
    import matplotlib.pyplot as plt
    import seaborn as sns

    from analysis.explore import display

    fig, ax = plt.subplots(figsize=(max(6, 0.9 * len(share.columns) + 4), 0.45 * len(share) + 1.5))
    if share.empty:
        ax.text(0.5, 0.5, "no themes", ha="center", transform=ax.transAxes)
        return fig
    sns.heatmap(share, ax=ax, cmap="Blues", annot=True, fmt=".2f", cbar_kws={"label": "share of articles"})
    display.set_ticks(ax, [i + 0.5 for i in range(len(share))], list(share.index), axis="y", rotation=0)
    ax.set_xlabel("outlet")
    ax.set_ylabel("")
    ax.tick_params(axis="x", labelrotation=45)
    ax.set_title("Share of each outlet's articles carrying a theme")
    fig.tight_layout()
    return fig


def themes_by_week(c: Corpus, *, top: int = 8) -> pd.DataFrame:
    """Share of each week's articles carrying each of the ``top`` themes (rows weeks, columns Arabic · English)."""
    t = _article_themes(c).dropna(subset=["week"])
    if t.empty:
        return pd.DataFrame()
    themes = t["theme"].value_counts().index[:top]
    per_week = c.articles.dropna(subset=["week"]).groupby("week").size()
    counts = pd.crosstab(t["week"], t["theme"]).reindex(index=per_week.index, columns=themes).fillna(0)
    share = counts.div(per_week, axis=0).round(3)
    labels = _theme_labels(t)
    share.columns = [labels.get(k, k) for k in share.columns]
    share.index = share.index.strftime("%Y-%m-%d")
    share.index.name = "week of"
    return share


def plot_themes_by_week(share: pd.DataFrame):
    """Lines: the share of articles carrying each theme, week by week."""
    import matplotlib.pyplot as plt

    from analysis.explore import display

    fig, ax = plt.subplots(figsize=(10, 4.5))
    if share.empty:
        ax.text(0.5, 0.5, "no themes", ha="center", transform=ax.transAxes)
        return fig
    for col in share.columns:
        ax.plot(share.index, share[col], marker="o", label=display.ar(col))
    ax.set_ylabel("share of the week's articles")
    ax.set_xlabel("week of (Monday)")
    ax.set_title("Themes week by week")
    ax.legend(bbox_to_anchor=(1.01, 1), loc="upper left", fontsize="small")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- one entity across articles


def find_entity(c: Corpus, query: object) -> str | None:
    """The entity key for ``query``: a key (``iran``), an English name (any case) or an Arabic name; the one
    named in most articles when several match; None when nothing does."""
    if not isinstance(query, str) or not query.strip():
        return None
    q = query.strip()
    names = c.names
    if q in names.index:
        return q
    counts = c.entities.groupby("ekey")["article_id"].nunique()
    for col, match in (("name_en", lambda s: s.str.casefold() == q.casefold()), ("name_ar", lambda s: s == q),
                       ("name_en", lambda s: s.str.casefold().str.contains(q.casefold(), regex=False)),
                       ("name_ar", lambda s: s.str.contains(q, regex=False))):
        hits = names.index[match(names[col].fillna("")).to_numpy()]
        if len(hits):
            return str(counts.reindex(hits).sort_values(ascending=False, kind="stable").index[0])
    return None


def suggest_entity(c: Corpus) -> str | None:
    """The person named in most articles (else any entity): the entity the notebook shows when none is asked."""
    for type_ in ("PERSON", None):
        top = top_entities(c, type=type_, top=1)
        if len(top):
            return str(top["ekey"].iat[0])
    return None


def entity_profile(c: Corpus, ekey: str, *, top: int = 10) -> dict:
    """One entity across the corpus: its names, articles and mentions, articles per day and per outlet, the
    entities named with it most, its quotes and the headlines of articles naming it."""
    names = c.names
    e = c.entities[c.entities["ekey"] == ekey]
    arts = c.articles[c.articles["article_id"].isin(set(e["article_id"]))]
    ids = set(arts["article_id"])
    others = c.entities[c.entities["article_id"].isin(ids) & (c.entities["ekey"] != ekey)]
    co = (others.groupby("ekey")["article_id"].nunique().sort_values(ascending=False, kind="stable")
          .head(top).rename("articles").reset_index())
    q = c.table("quotes", ["article_id", "speaker_entity_id", "mode", "cue", "content"])
    q = q.dropna(subset=["speaker_entity_id"]).astype({"speaker_entity_id": "int64"})
    q = q.merge(e[["article_id", "entity_id"]], left_on=["article_id", "speaker_entity_id"],
                right_on=["article_id", "entity_id"]).merge(arts[["article_id", "outlet", "day"]], on="article_id")
    q["day"] = q["day"].dt.strftime("%Y-%m-%d")
    heads = arts.sort_values(["day", "article_id"], kind="stable").head(top * 2).copy()
    heads["day"] = heads["day"].dt.strftime("%Y-%m-%d")
    name_ar = names.at[ekey, "name_ar"] if ekey in names.index else ekey
    name_en = english_name(name_ar, *((names.at[ekey, "name_en"], names.at[ekey, "name_en_source"])
                                      if ekey in names.index else (None,)))
    return {
        "ekey": ekey, "name_ar": name_ar, "name_en": name_en,
        "type": names.at[ekey, "type"] if ekey in names.index else "",
        "articles": len(ids), "mentions": int(e["n_mentions"].sum()), "quotes": len(q),
        "per_day": arts.dropna(subset=["day"]).groupby(arts["day"].dt.normalize()).size(),
        "by_outlet": arts.groupby("outlet").size().sort_values(ascending=False, kind="stable").rename("articles")
        .reset_index(),
        "with": _with_names(c, co) if len(co) else co,
        "quotes_table": q[["day", "outlet", "mode", "cue", "content"]].head(top).reset_index(drop=True),
        "headlines": heads[["day", "outlet", "headline"]].reset_index(drop=True),
    }


def entity_view_html(profile: dict) -> str:
    """The profile as HTML (escaped): names, counts, outlets, the entities named with it, quotes, headlines."""
    esc = html.escape

    def ar(text: object) -> str:
        value = "" if text is None or (isinstance(text, float) and text != text) else str(text)
        return f'<span dir="rtl" lang="ar">{esc(value)}</span>'

    p = profile
    kind = TYPE_EN.get(p["type"], p["type"])
    parts = [f"<h3>{ar(p['name_ar'])} · {esc(p['name_en'])} <small>({esc(kind)})</small></h3>",
             f"<p>Named in <b>{p['articles']:,}</b> article(s), <b>{p['mentions']:,}</b> mention(s); "
             f"speaker of <b>{p['quotes']:,}</b> quote(s).</p>"]
    if len(p["by_outlet"]):
        parts.append("<p>By outlet: " + ", ".join(f"{esc(str(o))} {n}" for o, n in
                                                  zip(p["by_outlet"]["outlet"], p["by_outlet"]["articles"])) + ".</p>")
    if len(p["with"]):
        parts.append("<p>Named most often with: " + ", ".join(
            f"{ar(a)} · {esc(e)} ({n})" for a, e, n in zip(p["with"]["name_ar"], p["with"]["name_en"],
                                                            p["with"]["articles"])) + ".</p>")
    if len(p["quotes_table"]):
        items = "".join(f"<li>{esc(str(r.day))}, {esc(str(r.outlet))}, {esc(str(r.mode))}: {ar(r.cue)} "
                        f"{ar(r.content)}</li>" for r in p["quotes_table"].itertuples())
        parts.append(f"<details open><summary>Quotes ({len(p['quotes_table'])} shown)</summary><ul>{items}</ul>"
                     "</details>")
    if len(p["headlines"]):
        items = "".join(f"<li>{esc(str(r.day))}, {esc(str(r.outlet))}: {ar(r.headline)}</li>"
                        for r in p["headlines"].itertuples())
        parts.append(f"<details><summary>Headlines of articles naming it ({len(p['headlines'])} shown)</summary>"
                     f"<ul>{items}</ul></details>")
    return "\n".join(parts)
