"""Normalisation of Arabic text for *matching*, never for display.

Every function is a plain ``str -> str``.  None of them is length-preserving in
general, so they are applied to token text (``tokens.norm``) or to lexicon
entries, never to ``article.text``: offsets always point into the original.

Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFC: the contextual glyph
code points that text copied from PDFs often carries) count as Arabic for
:func:`has_arabic` and are folded by :func:`normalize` to the base letters
(their NFKC decomposition, normalised like any other letters).
"""
from __future__ import annotations

import re
import unicodedata

__all__ = [
    "ARABIC_LETTERS",
    "DIACRITICS",
    "TATWEEL",
    "dediac",
    "strip_tatweel",
    "normalize_alef",
    "normalize_alef_maqsura",
    "normalize_teh_marbuta",
    "normalize_digits",
    "normalize_punct",
    "normalize",
    "has_arabic",
    "fold_presentation_forms",
    "PRESENTATION_FORMS",
]

TATWEEL = "\u0640"
# Harakat, tanween, shadda, sukun, maddah/hamza marks above/below, superscript alef.
DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670" + "".join(
    chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6)
)
# Letters of the Arabic block (hamza .. yeh) plus extended letters used in Arabic-script news.
ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x063B)) + "".join(
    chr(c) for c in range(0x0641, 0x064B)
) + "\u0671\u067E\u0686\u0698\u06A4\u06A9\u06AF\u06CC\u06D5"

# Arabic Presentation Forms-A and -B (U+FEFF, the BOM / zero-width no-break space, is not one of them).
PRESENTATION_FORMS = "\uFB50-\uFDFF\uFE70-\uFEFC"
_ARABIC_RE = re.compile(f"[{ARABIC_LETTERS}{PRESENTATION_FORMS}]")
_DIAC_TABLE = str.maketrans("", "", DIACRITICS)
_TATWEEL_TABLE = str.maketrans("", "", TATWEEL)
# Directional and zero-width marks carry no meaning for matching.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u061c\ufeff"

_ALEF_TABLE = str.maketrans({"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627"})
_MAQSURA_TABLE = str.maketrans({"\u0649": "\u064A"})
_TEH_MARBUTA_TABLE = str.maketrans({"\u0629": "\u0647"})
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_DIGIT_TABLE = str.maketrans(_DIGITS)
_PUNCT = {
    "\u060C": ",",  # Arabic comma
    "\u061B": ";",  # Arabic semicolon
    "\u061F": "?",  # Arabic question mark
    "\u066A": "%",  # Arabic percent sign
    "\u066B": ".",  # Arabic decimal separator
    "\u066C": ",",  # Arabic thousands separator
    "\u06D4": ".",  # Arabic full stop
    "\u00AB": '"', "\u00BB": '"',  # guillemets
    "\u201C": '"', "\u201D": '"', "\u201E": '"', "\u201F": '"',
    "\u2018": "'", "\u2019": "'",
    "\u2013": "-", "\u2014": "-",
}
_PUNCT_TABLE = str.maketrans(_PUNCT)

# One table that does everything ``normalize`` does, in a single pass.
_ALL_TABLE = str.maketrans(
    {**{c: None for c in DIACRITICS + TATWEEL + _INVISIBLE},
     "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
     "\u0649": "\u064A", "\u0629": "\u0647",
     # Persian letter forms seen in Arabic-script news
     "\u06CC": "\u064A", "\u06A9": "\u0643",
     **_DIGITS, **_PUNCT}
)
# Each presentation form -> its NFKC letters (ﻻ -> لا, ﺑ -> ب), themselves normalised; spaces that NFKC puts
# before isolated harakat (U+FE70 -> " ً") dropped.  Built once; merged into the one-pass table.
_PF_TABLE = {
    c: unicodedata.normalize("NFKC", chr(c)).translate(_ALL_TABLE).replace(" ", "")
    for c in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD)]
    if unicodedata.normalize("NFKC", chr(c)) != chr(c)
}
_PF_ONLY_TABLE = {c: unicodedata.normalize("NFKC", chr(c)) for c in _PF_TABLE}
_ALL_TABLE.update(_PF_TABLE)


def dediac(text: str) -> str:
    """Remove harakat, tanween, shadda, sukun and superscript alef: ``'جُنْدِيًّا' -> 'جنديا'``."""
    return text.translate(_DIAC_TABLE)


def strip_tatweel(text: str) -> str:
    """Remove tatweel (kashida): ``'يخدعـن' -> 'يخدعن'``."""
    return text.translate(_TATWEEL_TABLE)


def normalize_alef(text: str) -> str:
    """Fold hamza-carrying and madda alef forms (أ إ آ ٱ) to bare alef ا."""
    return text.translate(_ALEF_TABLE)


def normalize_alef_maqsura(text: str) -> str:
    """Fold alef maqsura ى to yeh ي (``'الى' == 'إلي'`` after alef folding)."""
    return text.translate(_MAQSURA_TABLE)


def normalize_teh_marbuta(text: str) -> str:
    """Fold teh marbuta ة to heh ه (``'مشاهدة' -> 'مشاهده'``)."""
    return text.translate(_TEH_MARBUTA_TABLE)


def normalize_digits(text: str) -> str:
    """Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII digits."""
    return text.translate(_DIGIT_TABLE)


def normalize_punct(text: str) -> str:
    """Arabic punctuation (، ؛ ؟ ٪ ٫ ٬), guillemets and curly quotes to ASCII equivalents."""
    return text.translate(_PUNCT_TABLE)


def normalize(text: str) -> str:
    """All of the above in one pass: the form every matcher in the project compares.

    >>> normalize("لإيطاليا") == normalize("لايطاليا")
    True
    """
    return text.translate(_ALL_TABLE)


def fold_presentation_forms(text: str) -> str:
    """Presentation forms to the letters they show (NFKC on those code points only): ``'ﺑﻐﺪاد' -> 'بغداد'``."""
    return text.translate(_PF_ONLY_TABLE)


def has_arabic(text: str) -> bool:
    """True if ``text`` contains at least one Arabic letter (presentation forms included)."""
    return _ARABIC_RE.search(text) is not None
