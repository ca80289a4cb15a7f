"""Notebook 05's place helpers (analysis.explore.places): coordinates from the gazetteer, extents, the map."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.explore import places as P

from conftest import DEV_DIR, shared_or_skip


@pytest.fixture(scope="module")
def seed_places(seed_article):
    return P.places(seed_article)


class TestPlaces:
    @pytest.mark.parametrize("name_en, type_, lat, lon", [
        ("Baghdad", "GPE", 33.31, 44.37),
        ("Kirkuk", "GPE", 35.47, 44.39),
        ("Mosul Dam", "FAC", 36.63, 42.82),
        ("Italy", "GPE", 42.8, 12.6),
        ("Iraq", "GPE", 33.2, 43.7),
        ("Saudi Arabia", "GPE", 24.0, 45.0),
        ("United States", "GPE", 39.8, -98.6),
    ])
    def test_seed_places_have_coordinates(self, seed_places, name_en, type_, lat, lon):
        row = seed_places.set_index("name_en").loc[name_en]
        assert row["type"] == type_ and row["has_coordinates"]
        assert math.isclose(row["lat"], lat, abs_tol=0.01) and math.isclose(row["lon"], lon, abs_tol=0.01)

    def test_only_places_most_mentioned_first(self, seed_places):
        assert set(seed_places["type"]) <= set(P.PLACE_TYPES)
        assert len(seed_places) == 7  # no person or organisation
        assert seed_places["name_en"].iloc[0] == "Italy"
        assert seed_places["n_mentions"].is_monotonic_decreasing

    def test_missing_coordinates_are_empty_not_guessed(self):
        from analysis import parse_article

        shared_or_skip(DEV_DIR)
        for path in sorted(DEV_DIR.glob("*.txt")):
            t = P.places(parse_article(path))
            missing = t[~t["has_coordinates"].astype(bool)]
            assert missing["lat"].isna().all() and missing["lon"].isna().all()
            assert t.loc[t["has_coordinates"].astype(bool), ["lat", "lon"]].notna().all().all()


class TestExtent:
    def test_padded_box(self):
        pts = pd.DataFrame({"lon": [40.0, 50.0], "lat": [30.0, 35.0]})
        assert P.extent(pts, pad=0.1, min_span=0) == pytest.approx((39.0, 51.0, 29.5, 35.5))

    def test_minimum_span_and_aspect(self):
        one = pd.DataFrame({"lon": [44.0], "lat": [33.0]})
        assert P.extent(one, pad=0, min_span=4) == pytest.approx((42.0, 46.0, 31.0, 35.0))
        wide = pd.DataFrame({"lon": [-100.0, 100.0], "lat": [30.0, 40.0]})
        lon0, lon1, lat0, lat1 = P.extent(wide, pad=0, min_span=0, min_aspect=0.4)
        assert (lat1 - lat0) == pytest.approx(80.0) and (lon0, lon1) == (-100.0, 100.0)

    def test_clipped_to_the_globe(self):
        pts = pd.DataFrame({"lon": [-170.0, 170.0], "lat": [-80.0, 80.0]})
        assert P.extent(pts) == (-180.0, 180.0, -90.0, 90.0)

    @pytest.mark.parametrize("span, step", [(3, 1), (8, 1), (12, 2), (30, 5), (70, 10), (200, 30), (360, 45)])
    def test_graticule_step(self, span, step):
        assert P.graticule_step(span) == step


class TestCluster:
    def test_seed_zooms_on_iraq(self, seed_places):
        located = seed_places[seed_places["has_coordinates"]]
        zoom = P.cluster(located)
        assert set(zoom["name_en"]) == {"Iraq", "Baghdad", "Kirkuk", "Mosul Dam"}

    def test_no_zoom_when_nothing_clusters(self):
        pts = pd.DataFrame({"lon": [0.0, 50.0, 100.0], "lat": [0.0, 20.0, 40.0], "n_mentions": [1, 1, 1]})
        assert P.cluster(pts) is None
        assert P.cluster(pts.head(2)) is None


class TestMap:
    def test_seed_map_has_overview_and_zoom_with_labels(self, seed_places):
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig = P.map_figure(seed_places[seed_places["has_coordinates"]])
        overview, zoom = fig.axes
        labels = [{t.get_text() for t in ax.texts} for ax in fig.axes]
        plt.close(fig)
        assert "بغداد · Baghdad" in labels[1] and "سد الموصل · Mosul Dam" in labels[1]
        assert "إيطاليا · Italy" in labels[0] and "بغداد · Baghdad" not in labels[0]  # drawn once, in the zoom
        assert overview.get_aspect() == 1.0 and zoom.get_aspect() == 1.0  # equirectangular
        lon0, lon1 = zoom.get_xlim()
        assert lon0 < 42.82 < 44.39 < lon1
