"""Staging folders that never outlive their run: made with the owner's pid, cleaned on exit, on SIGTERM/SIGINT,
and, after a kill that left no chance to clean (SIGKILL, power loss), by the next run.

``parse`` and ``report`` write everything into a staging folder and move it into place at the end; this module
holds the pieces they share: the ``--out`` check made before any work, the staging folder itself, the removal of
stale ones, and a context in which SIGTERM (and SIGHUP) raise :class:`Interrupted` like Ctrl-C raises
``KeyboardInterrupt``, so that ``finally:`` blocks run and clean up.
"""
from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["Interrupted", "check_out_dir", "make_staging", "remove_own", "remove_stale", "signals_interrupt"]

_PID_RE = re.compile(r"-(\d+)-")
# (parent, prefix) of every staging folder this process has made or begun to make: what remove_own sweeps
_MADE: set[tuple[Path, str]] = set()


class Interrupted(KeyboardInterrupt):
    """The run got SIGTERM or SIGHUP; ``signum`` says which (exit status ``128 + signum``)."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(signal.Signals(signum).name)


def check_out_dir(out: Path) -> None:
    """Refuse, before any work, an output folder that exists as something other than a folder."""
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "exists and is not a folder (choose another --out)", str(out))


def make_staging(parent: Path, prefix: str) -> Path:
    """A new empty folder ``<parent>/<prefix><pid>-<random>`` (``parent`` created if needed).

    The place is recorded before the folder exists, so :func:`remove_own` finds it even when a signal lands
    between its creation and the caller's ``try:`` (where no ``finally:`` can clean it yet)."""
    parent.mkdir(parents=True, exist_ok=True)
    _MADE.add((parent, prefix))
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=parent))


def remove_own() -> list[Path]:
    """Remove every staging folder of this process (``<prefix><own pid>-*`` where :func:`make_staging` made one)
    that is still there; return what was removed.  For an interrupted run, after its own ``finally:`` blocks ran:
    a folder that was published was renamed away from its staging name, so only leftovers match."""
    own = os.getpid()
    return [entry for parent, prefix in sorted(_MADE) for entry in _remove(parent, prefix, lambda pid: pid == own)]


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(parent: Path, prefix: str, *, without_pid: bool = False) -> list[Path]:
    """Remove ``<parent>/<prefix><pid>-*`` folders whose process is gone; return what was removed.

    ``without_pid``: also remove ``<prefix>*`` folders that carry no pid (made by :func:`tempfile.mkdtemp`, as
    ``Article.to_dir`` does inside an output folder), for prefixes no live process of another kind can own.
    """
    return _remove(parent, prefix, lambda pid: without_pid if pid is None else not _alive(pid))


def _remove(parent: Path, prefix: str, doomed: Callable[[int | None], bool]) -> list[Path]:
    """Remove the folders ``<parent>/<prefix>*`` (no symlinks) whose pid (the number after the prefix, None when
    the name carries none) is ``doomed``; return what was removed."""
    removed = []
    try:
        entries = list(parent.iterdir()) if parent.is_dir() else []
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(prefix) or not entry.is_dir() or entry.is_symlink():
            continue
        m = _PID_RE.match("-" + entry.name[len(prefix):])
        if doomed(None if m is None else int(m.group(1))):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


@contextmanager
def signals_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise :class:`Interrupted` in the main thread (no-op elsewhere)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        raise Interrupted(signum)

    wanted = [s for s in (signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None]
    old = {s: signal.signal(s, handler) for s in wanted}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)
