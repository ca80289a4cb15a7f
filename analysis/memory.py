"""Returning freed memory to the system between the stages of a long article.

A stage of a long article frees tens of megabytes of short-lived lists and records; the C allocator (glibc) keeps
much of that in its heap, so the next stage grows the process instead of reusing it and the peak ratchets up
stage by stage.  :func:`release_free_memory` asks glibc to give the free pages back (``malloc_trim(0)``); it changes
no object and no result, only the resident size, and does nothing where glibc is not the allocator.  It is called
only for texts of :data:`LONG_TEXT` characters or more (a normal article is ~5,000: never).
"""
from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache

__all__ = ["LONG_TEXT", "release_free_memory"]

LONG_TEXT = 1_000_000  # characters (about 1 MB of Arabic in UTF-8 is ~550,000)


@cache
def _trim():
    name = ctypes.util.find_library("c")
    try:
        lib = ctypes.CDLL(name) if name else None
        return lib.malloc_trim if lib is not None and hasattr(lib, "malloc_trim") else None
    except OSError:
        return None


def release_free_memory(text_length: int) -> None:
    """Give the allocator's free pages back to the system when the text is long (see the module docstring)."""
    if text_length >= LONG_TEXT:
        trim = _trim()
        if trim is not None:
            trim(0)
