"""The display layer: Arabic in charts (checked by OCR), the font, bilingual labels, RTL tables."""
from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import matplotlib

matplotlib.use("Agg")

import arabic_reshaper  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from bidi import get_display  # noqa: E402
from matplotlib import font_manager, ft2font  # noqa: E402
from PIL import Image  # noqa: E402

from analysis.explore import display  # noqa: E402

MPL_VERSION = tuple(int(p) for p in re.findall(r"\d+", matplotlib.__version__)[:2])
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


class TestCapability:
    def test_probe_matches_this_matplotlib(self):
        # 3.11 lays text out with libraqm; the probe must see it.
        assert display.shapes_arabic() is (MPL_VERSION >= (3, 11))

    def test_probe_sees_libraqm(self):
        assert getattr(ft2font, "__libraqm_version__", None)
        assert display.shapes_arabic()

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("إيطاليا", "إيطاليا"),
            ("وزير الدفاع", "وزير الدفاع"),
            ("Italy", "Italy"),
            ("", ""),
            (None, ""),
            (1497, "1497"),
            ("$5 مليون", r"\$5 مليون"),
            (r"already \$ escaped", r"already \$ escaped"),
        ],
    )
    def test_ar_keeps_logical_order_on_shaping_matplotlib(self, text, expected):
        assert display.ar(text) == expected

    def test_ar_reshapes_and_reorders_when_engine_cannot(self, monkeypatch):
        monkeypatch.setattr(display, "shapes_arabic", lambda: False)
        word = "دور"
        drawn = display.ar(word)
        assert drawn != word
        # presentation forms (FExx) in visual order; folded back, the plain reversal
        assert unicodedata.normalize("NFKC", drawn) == "رود"
        assert display.ar("الحكومة") == get_display(arabic_reshaper.reshape("الحكومة"))
        assert display.ar("سطر\nآخر") == "\n".join(
            get_display(arabic_reshaper.reshape(s)) for s in ("سطر", "آخر")
        )
        assert display.ar("Italy") == "Italy"

    def test_helpers_store_logical_text_on_axes(self):
        fig, ax = plt.subplots()
        ax.barh([0, 1], [3, 2])
        display.set_ticks(ax, [0, 1], ["إيطاليا", "العراق"], axis="y")
        display.label(ax, title="المساهمون", xlabel="عدد")
        assert [t.get_text() for t in ax.get_yticklabels()] == ["إيطاليا", "العراق"]
        assert ax.get_title() == "المساهمون"
        assert ax.get_xlabel() == "عدد"

    def test_set_ticks_rejects_length_mismatch(self):
        fig, ax = plt.subplots()
        with pytest.raises(ValueError, match="2 positions but 1 labels"):
            display.set_ticks(ax, [0, 1], ["إيطاليا"])


class TestFont:
    def test_font_comes_from_fontpkg(self):
        path = display.arabic_font_path()
        assert path is not None and path.is_file()
        assert "fontpkg_noto_sans_arabic" in str(path)

    def test_use_arabic_font_sets_family_with_fallback(self):
        families = display.use_arabic_font()
        assert families == [display.ARABIC_FAMILY, display.FALLBACK_FAMILY]
        assert list(matplotlib.rcParams["font.family"]) == families

    def test_family_resolves_to_the_packaged_file(self):
        display.use_arabic_font()
        found = font_manager.findfont(
            font_manager.FontProperties(family=display.ARABIC_FAMILY), fallback_to_default=False
        )
        assert found == str(display.arabic_font_path())

    def test_set_theme_keeps_the_arabic_font(self):
        import seaborn as sns

        sns.set_theme()  # what a notebook would do: resets font.family to sans-serif
        assert list(matplotlib.rcParams["font.family"]) == ["sans-serif"]
        display.set_theme(style="whitegrid")
        assert list(matplotlib.rcParams["font.family"])[0] == display.ARABIC_FAMILY
        assert matplotlib.rcParams["axes.grid"] is True  # the seaborn style still applied


class TestBilingual:
    @pytest.mark.parametrize(
        ("arabic", "english", "expected"),
        [
            ("إيطاليا", "Italy", "إيطاليا · Italy"),
            ("  بغداد ", " Baghdad", "بغداد · Baghdad"),
            ("الولايات المتحدة", "United States", "الولايات المتحدة · United States"),
            ("العراق", None, "العراق"),
            ("العراق", "", "العراق"),
            (None, "Italy", "Italy"),
            (float("nan"), "Italy", "Italy"),
            (pd.NA, "Italy", "Italy"),
            ("العراق", pd.NA, "العراق"),
            (None, None, ""),
            # an English end that is not a letter (or, at the start, not a letter at all) gets a left-to-right mark
            ("واشنطن", "Washington, D.C.", "واشنطن · Washington, D.C.\u200e"),
            ("واشنطن", "Washington, D.C. ", "واشنطن · Washington, D.C.\u200e"),
            ("جنود", "1,497 soldiers", "جنود · \u200e1,497 soldiers"),
            ("جنود", "soldiers 1,497", "جنود · soldiers 1,497"),
            ("داعش", '"ISIS"', 'داعش · \u200e"ISIS"\u200e'),
            ("واشنطن", "Washington, D.C.\u200e", "واشنطن · Washington, D.C.\u200e"),  # not doubled
            (None, "Washington, D.C.", "Washington, D.C."),  # English alone: left to right anyway
            ("دقيق.", "exact", "دقيق. · exact"),
        ],
    )
    def test_label(self, arabic, english, expected):
        assert display.bilingual(arabic, english) == expected

    @pytest.mark.parametrize(
        ("arabic", "english"),
        [("واشنطن", "Washington, D.C."), ("جنود", "1,497 soldiers"), ("داعش", '"ISIS"'), ("إيطاليا", "Italy")],
    )
    def test_english_half_keeps_its_order_in_the_layout(self, arabic, english):
        # the real layout engine: the English glyphs, left to right, spell the English half, all left of the Arabic
        font = ft2font.FT2Font(str(display.arabic_font_path()))
        font.set_size(12, 72)
        items = list(font._layout(display.ar(display.bilingual(arabic, english)), ft2font.LoadFlags.NO_HINTING))
        latin = sorted((i for i in items if i.char.isascii() and not i.char.isspace()), key=lambda i: i.x)
        assert "".join(i.char for i in latin) == english.replace(" ", "")
        assert min(i.x for i in items if display.has_arabic(i.char)) > max(i.x for i in latin)

    def test_unmarked_label_puts_the_final_dot_at_the_far_left(self):
        # what the mark prevents: without it the dot is the leftmost glyph of the label
        font = ft2font.FT2Font(str(display.arabic_font_path()))
        font.set_size(12, 72)
        items = list(font._layout("واشنطن · Washington, D.C.", ft2font.LoadFlags.NO_HINTING))
        assert min(items, key=lambda i: i.x).char == "."

    def test_marks_are_dropped_on_the_visual_path(self, monkeypatch):
        monkeypatch.setattr(display, "shapes_arabic", lambda: False)
        drawn = display.ar(display.bilingual("واشنطن", "Washington, D.C."))
        assert "\u200e" not in drawn
        assert drawn.startswith("Washington, D.C. · ")
        assert unicodedata.normalize("NFKC", drawn).endswith("نطنشاو")

    def test_label_lays_out_arabic_right_english_left(self):
        # The label's base direction is right to left (it starts with an Arabic letter): the
        # Arabic name is drawn at the right, read first, and the English gloss to its left.
        font = ft2font.FT2Font(str(display.arabic_font_path()))
        font.set_size(12, 72)
        items = font._layout(display.ar(display.bilingual("إيطاليا", "Italy")), ft2font.LoadFlags.NO_HINTING)
        arabic_x = [i.x for i in items if display.has_arabic(i.char)]
        latin_x = [i.x for i in items if i.char.isascii() and i.char.isalpha()]
        assert arabic_x and latin_x
        assert min(arabic_x) > max(latin_x)


class TestRtlTable:
    @pytest.fixture
    def df(self):
        return pd.DataFrame(
            {
                "paragraph_id": [1, 2],
                "text": ["نص <script>alert(1)</script> عربي", "وزير <b>الدفاع</b>"],
                "en": ["a & b", None],
            }
        )

    def test_escapes_cells_headers_and_caption(self, df):
        df = df.rename(columns={"en": "<i>en</i>"})
        html = display.rtl_table(df, caption="<script>x</script>").to_html()
        assert "<script>" not in html and "<b>" not in html and "<i>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&lt;b&gt;الدفاع&lt;/b&gt;" in html
        assert "a &amp; b" in html
        assert "<caption>&lt;script&gt;x&lt;/script&gt;</caption>" in html

    def test_rtl_only_on_arabic_columns(self, df):
        styler = display.rtl_table(df)
        html = styler.to_html()
        ctx = styler._compute().ctx  # (row, col) -> [(prop, value)]
        assert ctx[(0, 1)] == [("direction", "rtl"), ("text-align", "right"), ("unicode-bidi", "plaintext")]
        assert ctx[(0, 2)] == [("text-align", "left")]  # English text: left-aligned, no rtl
        assert (0, 0) not in ctx  # numbers keep the default
        assert re.search(r"th\.col_heading\.col1 \{\s*direction: rtl;", html)
        assert re.search(r"th\.col_heading\.col2 \{\s*text-align: left;", html)

    def test_float_precision(self):
        html = display.rtl_table(pd.DataFrame({"minutes": [0.1, 3.4]}), precision=1).to_html()
        assert ">0.1<" in html and ">3.4<" in html and "0.100000" not in html

    def test_explicit_columns_and_unknown_column(self, df):
        ctx = display.rtl_table(df, arabic_columns=["en"])._compute().ctx
        assert ("direction", "rtl") in ctx[(0, 2)]
        assert ("direction", "rtl") not in ctx[(0, 1)]
        with pytest.raises(KeyError, match="nope"):
            display.rtl_table(df, arabic_columns=["nope"])

    def test_no_index_and_empty_for_missing(self, df):
        html = display.rtl_table(df).to_html()
        assert "row_heading" not in html and "blank" not in html
        assert "nan" not in html.lower().replace("&nbsp;", "")

    def test_deterministic_and_does_not_touch_the_frame(self, df):
        before = df.copy()
        assert display.rtl_table(df).to_html() == display.rtl_table(df).to_html()
        pd.testing.assert_frame_equal(df, before)


# --------------------------------------------------------------------------- OCR

# Words OCR reads reliably. The non-joining ones (letters that never connect to the left) look the
# same in every contextual form, so the naive path's reversal is exact letter for letter.
OCR_WORDS = ["وزير الدفاع", "الحكومة العراقية", "دور"]
NAIVE_WORDS = ["وزير الدفاع", "دور", "دار"]


def _tesseract_ara() -> str:
    exe = shutil.which("tesseract")
    if exe is None:
        pytest.skip("tesseract not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-ara)")
    langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, check=False)
    if "ara" not in (langs.stdout + langs.stderr).split():
        pytest.skip("tesseract Arabic data missing (Debian: apt-get install tesseract-ocr-ara)")
    return exe


def _ocr(exe: str, image: Image.Image, path, *, lang: str = "ara") -> str:
    image.save(path)
    out = subprocess.run([exe, str(path), "-", "-l", lang, "--psm", "7"], capture_output=True, text=True, check=True)
    return " ".join(_BIDI_MARKS.sub("", out.stdout).split())


def _chart_label_crops(labels: list[str], tmp_path, *, dpi: int = 150) -> list[Image.Image]:
    """Draw a bar chart with *labels* (already draw-ready) as y tick labels; crop each label."""
    display.set_theme(style="white")
    fig, ax = plt.subplots(figsize=(9, 1.6 * len(labels)), dpi=dpi)
    positions = list(range(len(labels)))
    ax.barh(positions, [3, 2, 1][: len(labels)], color="#4c72b0")
    ax.set_yticks(positions, labels, fontsize=40)  # labels are passed as given: the test controls the path
    ax.set_xticks([])
    fig.tight_layout()
    fig.canvas.draw()
    png = tmp_path / "chart.png"
    fig.savefig(png, dpi=dpi, facecolor="white")
    image = Image.open(png).convert("L")
    height = image.height
    crops = []
    for tick in ax.get_yticklabels():
        box = tick.get_window_extent()
        pad = 12
        crops.append(
            image.crop((int(box.x0) - pad, int(height - box.y1) - pad, int(box.x1) + pad, int(height - box.y0) + pad))
        )
    # the chart is not blank and every crop holds ink
    assert np.asarray(image).min() < 100
    assert all(np.asarray(c).min() < 100 for c in crops)
    return crops


@pytest.mark.slow
class TestOcr:
    def test_display_layer_reads_back_in_logical_order(self, tmp_path):
        exe = _tesseract_ara()
        crops = _chart_label_crops([display.ar(w) for w in OCR_WORDS], tmp_path)
        read = [_ocr(exe, c, tmp_path / f"ok{i}.png") for i, c in enumerate(crops)]
        assert read == OCR_WORDS

    def test_naive_reshape_bidi_reads_reversed_on_this_matplotlib(self, tmp_path):
        if not display.shapes_arabic():
            pytest.skip("this matplotlib does not shape Arabic itself: the naive path is the right one here")
        exe = _tesseract_ara()
        naive = [get_display(arabic_reshaper.reshape(w)) for w in NAIVE_WORDS]
        crops = _chart_label_crops(naive, tmp_path)
        read = [_ocr(exe, c, tmp_path / f"naive{i}.png") for i, c in enumerate(crops)]
        assert read == [w[::-1] for w in NAIVE_WORDS]
        assert not set(read) & set(NAIVE_WORDS)

    def test_bilingual_label_reads_arabic_intact_beside_english(self, tmp_path):
        exe = _tesseract_ara()
        crops = _chart_label_crops([display.ar(display.bilingual("بغداد", "Baghdad"))], tmp_path)
        read = _ocr(exe, crops[0], tmp_path / "bi.png", lang="ara+eng")
        # tesseract writes a mixed line left to right: the English gloss, the separator, the Arabic
        assert read.startswith("Baghdad")
        assert read.endswith("بغداد")

    def test_english_starting_with_a_number_reads_in_order(self, tmp_path):
        exe = _tesseract_ara()
        marked, unmarked = _chart_label_crops(
            [display.ar(display.bilingual("جنود", "1,497 soldiers")), display.ar("جنود · 1,497 soldiers")], tmp_path)
        read = _ocr(exe, marked, tmp_path / "marked.png", lang="ara+eng")
        assert read.startswith("1,497 soldiers") and read.endswith("جنود"), read
        # without the mark the number jumps to the other side of the English (so the test proves something)
        read = _ocr(exe, unmarked, tmp_path / "unmarked.png", lang="ara+eng")
        assert read.startswith("soldiers 1,497"), read


class TestRtlHeading:
    @pytest.mark.parametrize("text, expected", [
        ("الكاظمي يتحدث", '<h2 dir="rtl" lang="ar" style="text-align:right">الكاظمي يتحدث</h2>'),
        ("<script>alert(1)</script> خبر", '<h2 dir="rtl" lang="ar" style="text-align:right">'
                                          "&lt;script&gt;alert(1)&lt;/script&gt; خبر</h2>"),
        (None, '<h2 dir="rtl" lang="ar" style="text-align:right"></h2>'),
        (float("nan"), '<h2 dir="rtl" lang="ar" style="text-align:right"></h2>'),
    ])
    def test_heading(self, text, expected):
        assert display.rtl_heading(text) == expected

    def test_level(self):
        assert display.rtl_heading("خبر", level=3).startswith("<h3 ")
        with pytest.raises(ValueError):
            display.rtl_heading("خبر", level=7)
