"""The linter the project is configured for (ruff, [tool.ruff] in pyproject.toml) passes on the whole tree."""
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
