"""Read an article from a path or a string: decode, fold line endings, refuse what is not an Arabic text.

Accepted: UTF-8 with or without BOM, UTF-16 with BOM, Windows-1256.  Refused with an :class:`ArticleError`
naming the file and the problem: a missing file, empty or whitespace-only input, binary or undecodable bytes,
text without Arabic, an HTML document.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from analysis.text.normalize import has_arabic

__all__ = ["ArticleError", "Source", "read_source", "decode_bytes"]

_HTML_DOC_RE = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
_BLOCK_TAG_RE = re.compile(r"</?(?:p|div|span|br|h[1-6]|li|ul|ol|table|tr|td|article|section|meta|link|a)\b[^>]*>", re.IGNORECASE)
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064A]")
_MAX_PATHLIKE = 4096


class ArticleError(ValueError):
    """Input that cannot be read as an Arabic article.  ``str(err)`` is ``"<source>: <reason>"``."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


@dataclass(frozen=True)
class Source:
    """An article's text as read: decoded, ``\\r\\n``/``\\r`` folded to ``\\n``, nothing else changed."""

    text: str
    name: str
    path: Path | None
    encoding: str

    @property
    def article_id(self) -> str:
        """The file's stem, or ``text-<sha1 prefix>`` for text given as a string."""
        if self.path is not None:
            return self.path.stem
        return "text-" + hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:12]


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (BOM optional), UTF-16 (BOM required) or Windows-1256; return (text, encoding)."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    elif b"\x00" in data:
        raise ArticleError(name, "binary data (NUL bytes), not a text file")
    else:
        candidates = ["utf-8", "cp1256"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "cp1256" and not _plausible_cp1256(text):
            break
        return text, enc
    raise ArticleError(name, "undecodable bytes: not UTF-8, UTF-16 with BOM or Windows-1256 text")


def _plausible_cp1256(text: str) -> bool:
    """Windows-1256 decodes almost any bytes; accept it only if the result reads as Arabic text."""
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t")
    letters = sum(1 for c in text if c.isalpha())
    arabic = len(_ARABIC_LETTER_RE.findall(text))
    return controls <= len(text) * 0.01 and letters > 0 and arabic >= letters * 0.5


def _check(text: str, name: str) -> str:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(name, "empty input (no text, or only whitespace)")
    if "\x00" in text:
        raise ArticleError(name, "binary data (NUL characters), not text")
    if _HTML_DOC_RE.search(text) or len(_BLOCK_TAG_RE.findall(text)) >= 5:
        raise ArticleError(
            name,
            "looks like an HTML page, not article text; save the page's text first (browser: select the article "
            "and copy, or `trafilatura -i page.html > page.txt`) and parse that",
        )
    if not has_arabic(text):
        raise ArticleError(name, "no Arabic text found")
    return text


def read_source(path_or_text: str | Path, *, name: str | None = None) -> Source:
    """Read an article from a file path or from the text itself.

    A :class:`~pathlib.Path` is always a file; a ``str`` is a file path unless it contains a newline or Arabic
    letters, in which case it is the article text.
    """
    if isinstance(path_or_text, Path) or (
        isinstance(path_or_text, str)
        and "\n" not in path_or_text
        and not has_arabic(path_or_text)
        and len(path_or_text) < _MAX_PATHLIKE
    ):
        path = Path(path_or_text)
        label = name or str(path)
        if not path.exists():
            raise ArticleError(label, "no such file")
        if path.is_dir():
            raise ArticleError(label, "is a directory, not an article file")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ArticleError(label, f"cannot read: {exc.strerror or exc}") from None
        if not data:
            raise ArticleError(label, "empty file")
        text, encoding = decode_bytes(data, label)
        return Source(_check(text, label), label, path, encoding)
    if not isinstance(path_or_text, str):
        raise TypeError(f"expected a path or a str, got {type(path_or_text).__name__}")
    label = name or "<text>"
    return Source(_check(path_or_text, label), label, None, "str")
