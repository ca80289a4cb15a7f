"""Read an article from a path or a string: decode, fold line endings, refuse what is not an Arabic text.

Accepted: UTF-8 with or without BOM, UTF-16 and UTF-32 with BOM, Windows-1256.  Refused with an
:class:`ArticleError` (``"<source>: <reason>"``, one line) naming the file and the problem: a missing file, a
folder, empty or whitespace-only input, input above the size limit, binary data, UTF-16/UTF-32 without a BOM,
invalid or truncated UTF-8, lone surrogates in a string, text without Arabic (said so when its letters were
replaced by ``?`` in an earlier conversion), an HTML document.

Decoding is right or loud:

* strict UTF-8 first (after a UTF-8/UTF-16/UTF-32 BOM, that encoding, strictly);
* when strict UTF-8 fails, the bytes are *plausibly UTF-8* if at least half of the non-ASCII sequences in them
  are well-formed UTF-8 multi-byte characters (:data:`UTF8_SHARE`).  Such a file is UTF-8 with a bad byte, or cut
  in the middle of a character, and is refused with the byte offset of the first bad byte; it is never
  re-read as Windows-1256 (which decodes any UTF-8 Arabic into valid-looking letters: silent mojibake);
* otherwise Windows-1256, accepted only when the result reads as Arabic text.

Trailing NUL bytes/characters (some corpora pad files with one) are removed before any check; a NUL anywhere
else means binary data.  Inputs above ``max_bytes`` (:data:`DEFAULT_MAX_BYTES`, 5 MB of file or UTF-8 text)
are refused before decoding: parsing costs about 40x the input in memory (plus ~200 MB of lexicons and models).

A ``str`` is the article text unless it looks like a path (see :func:`read_source`).  File names that are not
valid UTF-8 are read as usual; they are shown with their bad bytes escaped (``caf\\xe9.txt``, see
:func:`display_name`), and so are the ids made from them.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from analysis.text.normalize import has_arabic

__all__ = ["ArticleError", "Source", "read_source", "decode_bytes", "display_name", "DEFAULT_MAX_BYTES",
           "UTF8_SHARE"]

DEFAULT_MAX_BYTES = 5_000_000
LOST_SHARE = 0.3  # share of '?' among visible characters above which a text without Arabic "lost its letters"
UTF8_SHARE = 0.5  # share of well-formed multi-byte sequences above which undecodable bytes are "broken UTF-8"

_HTML_DOC_RE = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
_BLOCK_TAG_RE = re.compile(r"</?(?:p|div|span|br|h[1-6]|li|ul|ol|table|tr|td|article|section|meta|link|a)\b[^>]*>", re.IGNORECASE)
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064A]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_NON_ASCII_RE = re.compile("[^\x00-\x7f]")
_PATH_SUFFIX_RE = re.compile(r"\.[A-Za-z0-9]{1,8}$")
_MAX_PATHLIKE = 4096
_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)
_ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}


class ArticleError(ValueError):
    """Input that cannot be read as an Arabic article.  ``str(err)`` is ``"<source>: <reason>"``."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


def display_name(path: str | os.PathLike) -> str:
    """``path`` as printable text: bytes of a file name that are not UTF-8 shown as ``\\xNN`` (never raises)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class Source:
    """An article's text as read: decoded, ``\\r\\n``/``\\r`` folded to ``\\n``, trailing NULs removed."""

    text: str
    name: str
    path: Path | None
    encoding: str

    @property
    def article_id(self) -> str:
        """The file's stem (non-UTF-8 bytes escaped), or ``text-<sha1 prefix>`` for text given as a string."""
        if self.path is not None:
            return display_name(self.path.stem)
        return "text-" + hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:12]

    @property
    def file_name(self) -> str:
        """The file's name (non-UTF-8 bytes escaped), or :attr:`name` for text given as a string."""
        return self.name if self.path is None else display_name(self.path.name)


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _nul_layout(data: bytes) -> str | None:
    """"UTF-32"/"UTF-16" when the NUL bytes fall where that encoding (without BOM) puts them, else None."""
    if len(data) % 4 == 0 and len(data) >= 8:
        for lanes in ((2, 3), (0, 1)):  # LE: high bytes 2, 3 of every 4; BE: bytes 0, 1
            if all(not any(data[lane::4]) for lane in lanes):
                return "UTF-32"
    if len(data) % 2 == 0:
        nul_at = {i % 2 for i, b in enumerate(data) if b == 0}
        if len(nul_at) == 1:  # only in the high bytes; and it reads as Arabic in that byte order
            try:
                text = data.decode("utf-16-le" if nul_at == {1} else "utf-16-be")
            except UnicodeDecodeError:
                return None
            return "UTF-16" if has_arabic(text) else None
    return None


def _utf8_share(data: bytes) -> float:
    """Share of the non-ASCII sequences of ``data`` that are well-formed UTF-8 characters (0.0 .. 1.0)."""
    text = data.decode("utf-8", "surrogateescape")  # each invalid byte -> one lone surrogate U+DC80..U+DCFF
    bad = len(_SURROGATE_RE.findall(text))
    good = len(_NON_ASCII_RE.findall(text)) - bad
    return good / (good + bad) if good + bad else 0.0


def _utf8_error(data: bytes, exc: UnicodeDecodeError, name: str, bom: int = 0) -> ArticleError:
    offset = exc.start + bom
    n_bad = len(_SURROGATE_RE.findall(data.decode("utf-8", "surrogateescape")))
    if exc.end >= len(data) and exc.reason == "unexpected end of data":
        return ArticleError(name, f"truncated UTF-8: the file ends in the middle of a character (byte offset "
                                  f"{offset}); restore the end of the file or re-save it as UTF-8")
    return ArticleError(name, f"invalid UTF-8: byte 0x{data[exc.start]:02x} at byte offset {offset}"
                              + (f" ({n_bad} bad bytes in all)" if n_bad > 1 else "")
                              + " in otherwise UTF-8 text; fix the file or re-save it as UTF-8")


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as described in the module docstring; return ``(text, encoding)``.

    ``encoding`` is ``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-32`` or ``cp1256``.  Trailing NULs are removed.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                if enc == "utf-8-sig":
                    raise _utf8_error(data[3:], exc, name, bom=3) from None
                raise ArticleError(name, f"invalid {_ENCODING_NAMES[enc]} at byte offset {exc.start} "
                                         f"({exc.reason})") from None
            return text.rstrip("\x00"), enc
    raw, data = data, data.rstrip(b"\x00")
    if b"\x00" in data:
        layout = _nul_layout(raw) or _nul_layout(data)  # UTF-16/32-LE text ends in NULs: judge it unstripped
        if layout is not None:
            raise ArticleError(name, f"looks like {layout} without a byte-order mark; re-save it as UTF-8")
        raise ArticleError(name, f"binary data (NUL byte at byte offset {data.index(0)}), not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _utf8_share(data) >= UTF8_SHARE:
            raise _utf8_error(data, exc, name) from None
    if _cp1256_decodes(data):
        legacy = data.decode("cp1256", errors="strict")
        if _plausible_cp1256(legacy):
            return legacy, "cp1256"
        if (lost := _lost_letters(legacy)) is not None:
            raise ArticleError(name, lost)
    raise ArticleError(name, "undecodable bytes: not UTF-8, UTF-16/UTF-32 with BOM or Windows-1256 text")


def _cp1256_decodes(data: bytes) -> bool:
    try:
        data.decode("cp1256")
    except UnicodeDecodeError:
        return False
    return True


def _lost_letters(text: str) -> str | None:
    """The reason to give when ``text`` has no Arabic because its letters were replaced by ``?`` (a file once
    converted through a code page without Arabic: the letters are gone, no decoder can bring them back); else None."""
    if has_arabic(text):
        return None
    visible = sum(1 for c in text if not c.isspace())
    marks = text.count("?")
    if visible < 20 or marks < visible * LOST_SHARE:
        return None
    return (f"no Arabic text: {marks} of {visible} visible characters are '?' (the Arabic letters were lost when "
            "the file was converted through a code page without Arabic; only the original file can be read)")


def _plausible_cp1256(text: str) -> bool:
    """Windows-1256 decodes almost any bytes; accept it only if the result reads as Arabic text."""
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t")
    letters = sum(1 for c in text if c.isalpha())
    arabic = len(_ARABIC_LETTER_RE.findall(text))
    return controls <= len(text) * 0.01 and letters > 0 and arabic >= letters * 0.5


def _check(text: str, name: str) -> str:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").rstrip("\x00")
    if not text.strip():
        raise ArticleError(name, "empty input (no text, or only whitespace)")
    if "\x00" in text:
        raise ArticleError(name, f"binary data (NUL character at offset {text.index(chr(0))}), not text")
    if _HTML_DOC_RE.search(text) or len(_BLOCK_TAG_RE.findall(text)) >= 5:
        raise ArticleError(
            name,
            "looks like an HTML page, not article text; save the page's text first (browser: select the article "
            "and copy, or `trafilatura -i page.html > page.txt`) and parse that",
        )
    if not has_arabic(text):
        raise ArticleError(name, _lost_letters(text) or "no Arabic text found")
    return text


def _is_pathlike(s: str) -> bool:
    """A string names a file when it has no newline and no Arabic, is short, and exists or looks like a path."""
    if not s or "\n" in s or len(s) >= _MAX_PATHLIKE or has_arabic(s):
        return False
    return os.path.lexists(s) or os.sep in s or "/" in s or bool(_PATH_SUFFIX_RE.search(s))


def read_source(path_or_text: str | Path, *, name: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read an article from a file path or from the text itself.

    A :class:`~pathlib.Path` (or any ``os.PathLike``, or ``bytes``) is always a file.  A ``str`` is a file path
    when it has no newline, no Arabic letter, fewer than 4096 characters, and either exists or looks like a path
    (contains ``/`` or ends in an extension such as ``.txt``); otherwise it is the article text, so ``""`` is
    empty input and ``"hello"`` is text without Arabic.  ``max_bytes``: the largest file (bytes) or text (bytes
    of UTF-8) accepted.
    """
    if isinstance(path_or_text, (os.PathLike, bytes)) or (isinstance(path_or_text, str) and _is_pathlike(path_or_text)):
        path = Path(os.fsdecode(path_or_text))
        label = name or display_name(path)
        try:
            if path.is_dir():
                raise ArticleError(label, "is a directory, not an article file")
            size = path.stat().st_size
            if size > max_bytes:
                raise ArticleError(label, f"too large: {_mb(size)}, above the {_mb(max_bytes)} limit (raise it with "
                                          f"--max-size / max_bytes=)")
            data = path.read_bytes()
        except FileNotFoundError:
            raise ArticleError(label, "no such file") from None
        except OSError as exc:
            raise ArticleError(label, f"cannot read: {exc.strerror or exc}") from None
        if not data:
            raise ArticleError(label, "empty file")
        text, encoding = decode_bytes(data, label)
        return Source(_check(text, label), label, path, encoding)
    if not isinstance(path_or_text, str):
        raise TypeError(f"expected a path or a str, got {type(path_or_text).__name__}")
    label = name or "<text>"
    surrogate = _SURROGATE_RE.search(path_or_text)
    if surrogate:
        raise ArticleError(label, f"not valid Unicode text: lone surrogate U+{ord(surrogate.group()):04X} at "
                                  f"offset {surrogate.start()}")
    size = len(path_or_text.encode("utf-8"))
    if size > max_bytes:
        raise ArticleError(label, f"too large: {_mb(size)}, above the {_mb(max_bytes)} limit (raise it with "
                                  f"max_bytes=)")
    return Source(_check(path_or_text, label), label, None, "str")
