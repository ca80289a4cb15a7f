"""The tools the project is configured for in pyproject.toml pass: ruff on the whole tree, mypy on the public API."""
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def _ruff() -> list[str]:
    try:
        import ruff  # noqa: F401  (the PyPI package ships the binary)
    except ImportError:
        exe = shutil.which("ruff")
        if exe is None:
            pytest.skip("ruff not installed (it is in the dev extra: pip install -e '.[dev]')")
        return [exe]
    return [sys.executable, "-m", "ruff"]


def test_ruff_clean():
    done = subprocess.run([*_ruff(), "check", "--no-cache", str(ROOT)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_public_api():
    pytest.importorskip("mypy", reason="mypy not installed (it is in the dev extra: pip install -e '.[dev]')")
    done = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental"], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
