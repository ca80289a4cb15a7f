"""The bilingual gazetteer is reviewed data: unique keys, known types, English names, plausible coordinates."""
import csv
from importlib.resources import files

import pytest

from analysis.text.normalize import normalize

TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "MISC"}


@pytest.fixture(scope="module")
def rows():
    with files("analysis").joinpath("data/gazetteer.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


class TestGazetteerRows:
    def test_keys_unique(self, rows):
        keys = [r["key"] for r in rows]
        assert len(keys) == len(set(keys)), sorted(k for k in set(keys) if keys.count(k) > 1)

    def test_types_and_english_names(self, rows):
        for r in rows:
            assert r["type"] in TYPES, r
            assert r["name_en"].strip() and r["name_ar"].strip(), r

    def test_coordinates_in_range(self, rows):
        for r in rows:
            if r["lat"] or r["lon"]:
                assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r

    def test_no_arabic_spelling_names_two_places(self, rows):
        seen = {}
        for r in rows:
            if r["type"] not in ("GPE", "LOC", "FAC"):
                continue
            for name in r["name_ar"].split("|"):
                key = normalize(name.strip())
                assert seen.setdefault(key, r["key"]) == r["key"], (name, seen[key], r["key"])
