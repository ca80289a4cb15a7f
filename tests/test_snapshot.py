"""Every table the parser writes for the seed and the 15 dev articles is byte-identical to the recorded snapshot
(tests/snapshots/tables.json: per article and table, the columns and the SHA-256 of the CSV; columns added since
are ignored).  An intended change re-records it: python benchmarks/snapshot_tables.py record."""
import json
import sys

from conftest import DEV_DIR, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import snapshot_tables  # noqa: E402


def test_tables_match_the_snapshot():
    snap = json.loads(snapshot_tables.SNAPSHOT.read_text(encoding="utf-8"))
    paths = [p for p in snapshot_tables.articles() if p.stem in snap]
    assert any(p.parent.name == "seeds" for p in paths)
    if DEV_DIR.is_dir():
        assert len(paths) == len(snap) == 16
    now = snapshot_tables.current(paths, None, snap)
    differ = [f"{a}/{t}" for a in now for t in snap[a] if now[a].get(t) != snap[a][t]]
    assert not differ, f"tables changed: {differ} (intended? python benchmarks/snapshot_tables.py record)"
