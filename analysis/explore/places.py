"""Places the article names, on a plain longitude/latitude map (notebook 05).

Coordinates come from the reviewed gazetteer (``analysis/data/gazetteer.csv``, columns ``lat``/``lon``): a
city's centre, a facility's site, a representative point inside a country. Nothing is fetched at run time, so
the map is an equirectangular scatter (longitude and latitude on equal scales) with a graticule and bilingual
labels, no coastlines or borders. Places without coordinates are listed, never guessed.

* :func:`places`: GPE / LOC / FAC entities with ``lat``, ``lon`` (or empty) and ``has_coordinates``.
* :func:`cluster`: the densest group of located places (for a zoomed panel), if the places spread wide.
* :func:`draw_places`, :func:`label_places`: the map on a matplotlib axis;
  :func:`map_figure`: the whole figure (overview, and a zoomed panel when the places cluster).
"""
from __future__ import annotations

import math

import pandas as pd

__all__ = ["PLACE_TYPES", "places", "extent", "cluster", "graticule_step", "draw_places", "label_places",
           "map_figure"]

PLACE_TYPES = ("GPE", "LOC", "FAC")
_COLUMNS = ["entity_id", "name_ar", "name_en", "type", "n_mentions", "lat", "lon", "has_coordinates", "country",
            "population", "geo_reason"]


def _coords_by_key() -> dict[str, tuple[float | None, float | None]]:
    from analysis.lexicon.gazetteer import gazetteer

    return {e.key: (e.lat, e.lon) for e in gazetteer()}


def places(art) -> pd.DataFrame:
    """Place entities (GPE, LOC, FAC) by mentions: ``entity_id, name_ar, name_en, type, n_mentions, lat, lon,
    has_coordinates, country, population, geo_reason``. Coordinates from the entities table, else from the
    gazetteer entry (by ``key``); ``country`` (ISO code), ``population`` and ``geo_reason`` (how the place was
    chosen among its namesakes: ``article-context``, ``outlet-country``, ``population-prior``, ``override``, ...)
    as the entities table has them ("" / null where it has none)."""
    ents = art.entities
    ents = ents[ents["type"].isin(PLACE_TYPES)]
    if ents.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in _COLUMNS})
    gaz = _coords_by_key()
    rows = []
    for r in ents.to_dict("records"):
        lat, lon = r.get("lat"), r.get("lon")
        if (lat is None or pd.isna(lat)) and isinstance(r.get("key"), str) and r["key"] in gaz:
            lat, lon = gaz[r["key"]]
        ok = lat is not None and lon is not None and not pd.isna(lat) and not pd.isna(lon)
        rows.append({"entity_id": int(r["entity_id"]), "name_ar": r["name_ar"],
                     "name_en": "" if pd.isna(r.get("name_en")) else str(r["name_en"]), "type": r["type"],
                     "n_mentions": int(r["n_mentions"]), "lat": float(lat) if ok else math.nan,
                     "lon": float(lon) if ok else math.nan, "has_coordinates": bool(ok),
                     "country": _text(r.get("country")), "population": _count(r.get("population")),
                     "geo_reason": _text(r.get("geo_reason")), "_first": r.get("first_start", 0)})
    out = pd.DataFrame(rows).astype({"population": "Int64"})
    out = out.sort_values(["n_mentions", "_first"], ascending=[False, True], kind="stable")
    return out[_COLUMNS].reset_index(drop=True)


def _text(value: object) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) else str(value)


def _count(value: object) -> int | None:
    return None if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) else int(
        value)  # type: ignore[call-overload]


def extent(located: pd.DataFrame, *, pad: float = 0.15, min_span: float = 4.0,
           min_aspect: float = 0.0) -> tuple[float, float, float, float]:
    """``(lon_min, lon_max, lat_min, lat_max)`` around the points, padded by *pad* of the span (at least
    *min_span* degrees wide and tall, at least *min_aspect* times as tall as wide), clipped to the globe."""
    lon0, lon1 = float(located["lon"].min()), float(located["lon"].max())
    lat0, lat1 = float(located["lat"].min()), float(located["lat"].max())
    w, h = max(lon1 - lon0, min_span), max(lat1 - lat0, min_span)
    h = max(h, w * min_aspect)
    cx, cy = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    w, h = w * (1 + 2 * pad), h * (1 + 2 * pad)
    return (max(-180.0, cx - w / 2), min(180.0, cx + w / 2), max(-90.0, cy - h / 2), min(90.0, cy + h / 2))


def cluster(located: pd.DataFrame, *, radius: float = 8.0, min_size: int = 3) -> pd.DataFrame | None:
    """The located places within *radius* degrees of the place with most neighbours (ties: most mentions), when
    there are at least *min_size* of them and the others lie outside; else None (no zoom needed)."""
    if len(located) < min_size:
        return None
    pts = located.reset_index(drop=True)
    best, best_key = None, None
    for i, r in pts.iterrows():
        near = ((pts["lat"] - r["lat"]) ** 2 + (pts["lon"] - r["lon"]) ** 2) ** 0.5 <= radius
        key = (int(near.sum()), int(r["n_mentions"]), -i)
        if best_key is None or key > best_key:
            best, best_key = near, key
    if best is None or best.sum() < min_size or best.all():
        return None
    return pts[best].reset_index(drop=True)


def graticule_step(span: float) -> float:
    """Degrees between graticule lines for a view *span* degrees wide: about 4 to 8 lines."""
    for step in (1, 2, 5, 10, 15, 30, 45, 60):
        if span / step <= 8:
            return float(step)
    return 90.0


def draw_places(ax, located: pd.DataFrame, *, bounds: tuple[float, float, float, float] | None = None) -> None:
    """Equirectangular map of *located* places on *ax* (no labels: see :func:`label_places`): marker area by
    mentions, colour by type (squares for facilities), graticule with degree labels."""
    from analysis.explore.entities import TYPE_COLOURS

    lon0, lon1, lat0, lat1 = bounds or extent(located)
    step = graticule_step(max(lon1 - lon0, lat1 - lat0))
    ax.set_facecolor("#eef3f8")
    ax.grid(False)
    for lon in _ticks(lon0, lon1, step):
        ax.axvline(lon, color="white", lw=1.0, zorder=0)
    for lat in _ticks(lat0, lat1, step):
        ax.axhline(lat, color="white", lw=1.0, zorder=0)
    ax.set_xticks(_ticks(lon0, lon1, step), [_deg(v, "E", "W") for v in _ticks(lon0, lon1, step)])
    ax.set_yticks(_ticks(lat0, lat1, step), [_deg(v, "N", "S") for v in _ticks(lat0, lat1, step)])
    most = max(int(located["n_mentions"].max()), 1) if len(located) else 1
    for r in located.itertuples(index=False):
        ax.scatter([r.lon], [r.lat], s=40 + 360 * r.n_mentions / most, color=TYPE_COLOURS.get(r.type, "#999999"),
                   edgecolor="#222222", linewidth=0.8, alpha=0.85, zorder=3,
                   marker="s" if r.type == "FAC" else "o", clip_on=True)
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect("equal")  # equirectangular: a degree of longitude as long as a degree of latitude


def map_figure(located: pd.DataFrame, *, zoom_radius: float = 8.0):
    """The places map as a matplotlib figure: all places, and when they cluster (:func:`cluster`) a second panel
    zoomed on the cluster, whose frame is drawn on the first. Labels are placed after the layout is final."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    from analysis.explore.display import bilingual, label

    zoom = cluster(located, radius=zoom_radius)
    panels = [(bilingual("كل الأماكن", "all places"), extent(located, min_aspect=0.45), located)]
    if zoom is not None:
        z = extent(zoom, pad=0.25, min_span=3.0)
        framed = located["lon"].between(z[0], z[1]) & located["lat"].between(z[2], z[3])
        panels[0] = (panels[0][0], panels[0][1], located[~framed])
        panels.append((bilingual("تكبير", "zoom on the cluster"), z,
                       located[framed]))
    fig, axes = plt.subplots(1, len(panels), figsize=(7.5 * len(panels), 5.5), squeeze=False)
    axes = list(axes[0])
    for ax, (title, bounds, _) in zip(axes, panels):
        inside = located[located["lon"].between(bounds[0], bounds[1]) & located["lat"].between(bounds[2], bounds[3])]
        draw_places(ax, inside, bounds=bounds)
        label(ax, title=title, xlabel="longitude", ylabel="latitude")
    if zoom is not None:
        z0, z1, y0, y1 = panels[1][1]
        axes[0].add_patch(Rectangle((z0, y0), z1 - z0, y1 - y0, fill=False, ec="#c44e52", lw=1.5, zorder=5))
    fig.tight_layout()
    for ax, (_, _, to_label) in zip(axes, panels):
        label_places(ax, to_label)
    if zoom is not None:
        z0, z1, y0, y1 = panels[1][1]
        axes[0].annotate("zoom →", (z1, y1), xytext=(2, 2), textcoords="offset points", fontsize=8,
                         color="#c44e52", zorder=5)
    return fig


# label offsets tried in turn (points): right, left, above, below, then further out
_OFFSETS = tuple((dx * k, dy * k, ha, va) for k in (1, 2.2) for dx, dy, ha, va in (
    (7, 3, "left", "bottom"), (7, -3, "left", "top"), (-7, 3, "right", "bottom"), (-7, -3, "right", "top"),
    (0, 9, "center", "bottom"), (0, -9, "center", "top")))


def _overlap(a, b) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


def label_places(ax, pts: pd.DataFrame, *, size: float = 9.0) -> None:
    """Bilingual labels (through :func:`analysis.display.ar`) beside the points, most mentioned first, each at
    the offset that overlaps earlier labels, other markers and the frame least (the first free one). Call once
    the figure's layout is final."""
    from matplotlib.transforms import Bbox

    from analysis.explore.display import ar
    from analysis.explore.entities import entity_label

    ax.apply_aspect()  # the equal aspect moves the axes box only at draw time: settle it first
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    px = ax.figure.dpi / 72.0
    markers = []
    for c in ax.collections:  # one scatter per place: a box around each marker
        for (x, y), s in zip(c.get_offsets(), c.get_sizes()):
            cx, cy = ax.transData.transform((x, y))
            r = (s ** 0.5) / 2 * px
            markers.append(((x, y), Bbox.from_extents(cx - r, cy - r, cx + r, cy + r)))
    taken: list = []
    for r in pts.sort_values("n_mentions", ascending=False, kind="stable").itertuples(index=False):
        text = ar(entity_label(r.name_ar, r.name_en))
        others = [b for (xy, b) in markers if not (abs(xy[0] - r.lon) < 1e-9 and abs(xy[1] - r.lat) < 1e-9)]
        best = None
        for dx, dy, ha, va in _OFFSETS:
            ann = ax.annotate(text, (r.lon, r.lat), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                              fontsize=size, zorder=4, annotation_clip=True,
                              bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
            box = ann.get_window_extent(renderer)
            outside = box.width * box.height - _overlap(box, frame)
            cost = sum(_overlap(box, o) for o in taken + others) + 2 * outside
            if best is None or cost < best[0]:
                if best is not None:
                    best[1].remove()
                best = (cost, ann, box)
            else:
                ann.remove()
            if cost == 0:
                break
        taken.append(best[2])


def _ticks(lo: float, hi: float, step: float) -> list[float]:
    first = math.ceil(lo / step) * step
    out = []
    v = first
    while v <= hi + 1e-9:
        out.append(round(v, 6))
        v += step
    return out


def _deg(v: float, pos: str, neg: str) -> str:
    if abs(v) < 1e-9:
        return "0°"
    return f"{abs(v):g}°{pos if v > 0 else neg}"
