"""The Arabic font carried inside every report page, so every reader sees the same letter shapes offline.

The pages ask for Noto Sans Arabic; a reader's machine may not have it, and then the system font decides how the
Arabic looks (or, on a machine without an Arabic font, whether it shows at all).  So the build embeds the font the
charts are drawn with (``fontpkg-noto-sans-arabic``, SIL Open Font License 1.1, which allows embedding): the variable
font pinned to its regular instance and subset to the Arabic blocks (~50 KB as WOFF), as a ``data:`` URL in an
``@font-face`` rule.  Latin text keeps the page's own fonts.  Made once per process; the same bytes every time.
"""
from __future__ import annotations

import base64
import functools
import io

__all__ = ["EMBEDDED_FAMILY", "ARABIC_RANGES", "embedded_font_css", "font_bytes"]

EMBEDDED_FAMILY = "Report Noto Sans Arabic"
# Arabic, Arabic Supplement, Arabic Extended-A, presentation forms A and B; joiners and direction marks.
ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF),
                 (0x200C, 0x200F))


@functools.cache
def font_bytes() -> bytes | None:
    """The subset WOFF font, or None when the font package (or fontTools) is missing."""
    try:
        from fontTools import subset
        from fontTools.ttLib import TTFont
        from fontTools.varLib import instancer

        from analysis.explore.display import arabic_font_path
    except ImportError:
        return None
    path = arabic_font_path()
    if path is None or not path.is_file():
        return None
    font = TTFont(str(path), recalcTimestamp=False)
    if "fvar" in font:
        axes = {a.axisTag: a.defaultValue for a in font["fvar"].axes}
        font = instancer.instantiateVariableFont(font, {**axes, "wght": 400.0})
    options = subset.Options()
    options.layout_features = ["*"]  # keep every shaping feature: init/medi/fina/isol, ligatures, marks
    options.name_IDs = ["*"]  # keep the licence and copyright records
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[u for lo, hi in ARABIC_RANGES for u in range(lo, hi + 1)])
    subsetter.subset(font)
    font.flavor = "woff"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@functools.cache
def embedded_font_css() -> str:
    """An ``@font-face`` rule carrying the font ("" when it cannot be made: the pages then name Noto Sans Arabic)."""
    data = font_bytes()
    if data is None:
        return ""
    url = "data:font/woff;base64," + base64.b64encode(data).decode("ascii")
    ranges = ", ".join(f"U+{lo:04X}-{hi:04X}" for lo, hi in ARABIC_RANGES)
    return (f"@font-face {{ font-family: '{EMBEDDED_FAMILY}'; src: url({url}) format('woff'); "
            f"font-weight: 100 900; font-style: normal; unicode-range: {ranges}; }}")
