"""Every shipped lexicon CSV loads under the declaration its reader uses (analysis.lexicon.load_csv), every data
CSV has a reader that goes through the loader, and a broken copy fails naming the file and the line."""
from __future__ import annotations

import csv
import io
from importlib.resources import files

import pytest

import analysis.lexicon as lexicon
from analysis.lexicon import LexiconError, load_csv

from conftest import ROOT

# Each reader of analysis/data/*.csv (module: the function that calls load_csv) with its declaration.
DECLARED = {
    "boilerplate_ar.csv": dict(required=("text", "gloss"), key=("text",)),                           # text.layout
    "change_verbs.csv": dict(required=("word", "gloss"), key=("word",)),                             # text.numbers
    "cue_verbs.csv": dict(required=("form", "lemma", "kind", "gloss_en", "object_ok", "strict"),
                          optional=("prep", "person"), key=("form",)),                        # lexicon.gazetteer
    "gazetteer.csv": dict(required=("key", "type", "name_en", "name_ar"), optional=("short_ar", "lat", "lon"),
                          key=("key",)),                                                              # lexicon.gazetteer
    "months.csv": dict(required=("name_ar", "month", "calendar", "name_en"), optional=("ambiguous",),
                       key=("name_ar",)),                                                             # text.pagedate
    "dateline_words.csv": dict(required=("word", "gloss"), key=("word",)),                           # text.layout
    "name_particles.csv": dict(required=("ar", "en", "kind", "gloss"), key=("ar", "kind")),         # names.romanize
    "news_glossary.csv": dict(required=("word", "gloss_en"), key=("word",)),                        # lexicon.glossary
    "name_words.csv": dict(required=("ar", "en", "kind", "gloss"), key=("ar", "kind")),             # names.naming
    "name_spellings.csv": dict(required=("ar", "en", "kind", "gloss"), key=("ar",)),                # names.spelling
    "name_conventions.csv": dict(required=("countries", "ar", "kind", "en", "gloss"),
                                 key=("countries", "ar", "kind")),                                   # names.spelling
    "ner_lists.csv": dict(required=("word", "list", "gloss_en"), key=("word", "list")),             # ner.names
    "ner_triggers.csv": dict(required=("word", "category", "gloss_en"), key=("word", "category")),  # ner.features
    "ner_clubs.csv": dict(required=("word", "gloss_en"), key=("word",)),                             # ner.names
    "ner_newsfane_map.csv": dict(required=("class", "type", "gloss_en"), key=("class",)),            # ner.newsfane
    "number_words.csv": dict(required=("word", "kind", "gloss"), optional=("value",), key=("word",)),  # numerals
    "stopwords_ar.csv": dict(required=("word", "gloss"), key=("word",)),                             # text.stopwords
    "themes.csv": dict(required=("theme", "label_en", "label_ar", "trigger_ar", "gloss", "weight"),
                       optional=("match",), key=("theme", "trigger_ar")),                                                  # extract.themes
    "titles.csv": dict(required=("ar", "kind", "gloss_en"), key=("ar", "kind")),                    # lexicon.gazetteer
    "units.csv": dict(required=("term_ar", "role", "gloss"), optional=("unit_en", "category"),
                      key=("term_ar",)),                                                              # extract.figures
    "weekdays.csv": dict(required=("term_ar", "kind", "gloss"), optional=("value", "unit"),
                         key=("term_ar",)),                                                           # extract.dates
}
# CSVs whose readers live in modules other branches own (their declarations are theirs); some are not here yet.
OTHER_READERS = {"not_entities.csv": "extract.entities", "entity_words.csv": "extract.entities",
                 "quote_words.csv": "extract.quotes", "figure_categories.csv": "explore.figures"}


_REAL_READ = lexicon._read


def _shipped() -> list[str]:
    return sorted(p.name for p in files("analysis").joinpath("data").iterdir() if p.name.endswith(".csv"))


def _fake(monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> None:
    """Make ``load_csv(name)`` read ``text`` instead of the shipped file (the loader's one reading function)."""
    def fake_read(n: str):
        if n != name:
            return _REAL_READ(n)
        reader = csv.DictReader(io.StringIO(text, newline=""))
        rows = tuple((reader.line_num, row) for row in reader)
        return tuple(reader.fieldnames or ()), rows

    monkeypatch.setattr(lexicon, "_read", fake_read)


class TestShipped:
    def test_every_csv_has_a_declaration(self):
        shipped = set(_shipped())
        assert set(DECLARED) <= shipped
        assert shipped - set(DECLARED) - set(OTHER_READERS) == set()

    @pytest.mark.parametrize("name", sorted(DECLARED))
    def test_loads_under_its_declaration(self, name):
        rows = load_csv(name, **DECLARED[name])
        assert len(rows) > 0
        with (ROOT / "analysis" / "data" / name).open(encoding="utf-8", newline="") as fh:
            assert len(rows) == sum(1 for _ in csv.DictReader(fh))

    def test_translations_load(self):
        from analysis.lexicon.translations import available, load_translation

        assert available()
        for article_id in available():
            df = load_translation(article_id)
            assert df["paragraph_id"].is_unique and str(df["paragraph_id"].dtype) == "int64"

    @pytest.mark.parametrize("name", sorted(DECLARED))
    def test_readers_use_that_declaration(self, name, monkeypatch):
        """The reader's declaration is the one above: a copy missing a required column fails in the reader."""
        from analysis.extract import dates, figures, themes
        from analysis.lexicon import gazetteer, glossary
        from analysis.names import naming
        from analysis.names import spelling as romanize_module
        from analysis.ner import features, names, newsfane
        from analysis.text import layout, numbers, numerals, pagedate, stopwords

        readers = {
            "boilerplate_ar.csv": layout._boilerplate_phrases, "cue_verbs.csv": gazetteer.cue_verbs,
            "dateline_words.csv": layout._dateline_words,
            "gazetteer.csv": gazetteer.gazetteer, "months.csv": pagedate.month_names,
            "ner_lists.csv": lambda: names.build_names(None, names.default_sources()[1]),
            "ner_triggers.csv": features.triggers, "number_words.csv": numerals._rows,
            "ner_clubs.csv": lambda: names.build_names(None, names.default_sources()[1]),
            "ner_newsfane_map.csv": newsfane.class_map,
            "stopwords_ar.csv": stopwords.stopwords, "themes.csv": themes._rows, "titles.csv": gazetteer.titles,
            "units.csv": figures.unit_lexicon, "weekdays.csv": dates.date_words,
            "name_particles.csv": romanize_module._particles, "name_words.csv": naming._words,
            "name_spellings.csv": romanize_module.name_spellings,
            "name_conventions.csv": romanize_module._conventions,
            "news_glossary.csv": glossary.news_glossary, "change_verbs.csv": numbers._change_words,
        }
        reader = readers[name]
        column = DECLARED[name]["required"][-1]
        with (ROOT / "analysis" / "data" / name).open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        out = io.StringIO()
        cols = [c for c in rows[0] if c != column]
        w = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        _fake(monkeypatch, name, out.getvalue())
        cached = getattr(reader, "cache_clear", None)
        if cached:
            cached()
        try:
            with pytest.raises(LexiconError, match=rf"analysis/data/{name}: missing column\(s\) {column}"):
                reader()
        finally:
            if cached:
                cached()  # drop anything cached while the fake was in place


class TestBrokenCopy:
    DECL = DECLARED["units.csv"]
    GOOD = "term_ar,unit_en,category,role,gloss\nجندي,soldier,personnel,noun,soldier\nدولار,dollar,money,noun,dollar\n"

    def test_good_copy_loads(self, monkeypatch):
        _fake(monkeypatch, "units.csv", self.GOOD)
        assert [r["term_ar"] for r in load_csv("units.csv", **self.DECL)] == ["جندي", "دولار"]

    def test_missing_column(self, monkeypatch):
        _fake(monkeypatch, "units.csv", self.GOOD.replace(",gloss\n", "\n", 1))
        with pytest.raises(LexiconError, match=r"^analysis/data/units\.csv: missing column\(s\) gloss"):
            load_csv("units.csv", **self.DECL)

    def test_empty_required_cell(self, monkeypatch):
        _fake(monkeypatch, "units.csv", self.GOOD + "طائرة,aircraft,aircraft,,aircraft\n")
        with pytest.raises(LexiconError, match=r"^analysis/data/units\.csv, line 4: empty role"):
            load_csv("units.csv", **self.DECL)

    def test_empty_optional_cell_is_fine(self, monkeypatch):
        _fake(monkeypatch, "units.csv", self.GOOD + "عبوة,,,noun,device\n")
        assert load_csv("units.csv", **self.DECL)[-1]["unit_en"] == ""

    def test_duplicate_key(self, monkeypatch):
        _fake(monkeypatch, "units.csv", self.GOOD + "جندي,soldier,personnel,noun,again\n")
        with pytest.raises(LexiconError, match=r"^analysis/data/units\.csv, line 4: duplicate term_ar 'جندي' "
                                               r"\(first on line 2\)"):
            load_csv("units.csv", **self.DECL)

    def test_too_many_cells(self, monkeypatch):
        _fake(monkeypatch, "units.csv", self.GOOD + "قارب,boat,ships,noun,boat,extra\n")
        with pytest.raises(LexiconError, match=r"^analysis/data/units\.csv, line 4: more cells"):
            load_csv("units.csv", **self.DECL)

    def test_translation_with_a_bad_id(self, monkeypatch):
        from analysis.lexicon import translations

        article_id = translations.available()[0]
        name = f"translations/{article_id}.csv"
        _fake(monkeypatch, name, "paragraph_id,ar_prefix,en\n1,×,close\nx,أ,a\n")
        translations._read.cache_clear()
        try:
            with pytest.raises(LexiconError, match=rf"analysis/data/{name}: paragraph_id 'x' is not a whole"):
                translations.load_translation(article_id)
            _fake(monkeypatch, name, "paragraph_id,ar_prefix,en\n1,×,close\n1,أ,a\n")
            with pytest.raises(LexiconError, match=rf"analysis/data/{name}, line 3: duplicate paragraph_id '1'"):
                translations.load_translation(article_id)
        finally:
            translations._read.cache_clear()
