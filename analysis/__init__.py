"""Parse Arabic news articles into offset-exact tidy pandas tables."""
from __future__ import annotations

__version__ = "0.1.0"
