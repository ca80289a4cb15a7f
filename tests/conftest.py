"""Shared fixtures: the project root, the seed article, the shared dev data (skipped loudly when absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "000_15d6e93d3754c312.txt"
DEV_DIR = SHARED / "corpus" / "dev"
DEV_ARTICLES = sorted(DEV_DIR.glob("*.txt")) if DEV_DIR.is_dir() else []


def shared_or_skip(path: Path) -> Path:
    """Return a path under ../shared, or skip the test saying what is missing."""
    if not path.exists():
        pytest.skip(f"shared development data not found at {path} (it lives beside the project in ../shared)")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_article():
    from analysis import parse_article

    return parse_article(SEED)


@pytest.fixture(scope="session")
def dev_articles():
    from analysis import parse_article

    shared_or_skip(DEV_DIR)
    return {p.name: parse_article(p) for p in DEV_ARTICLES}
