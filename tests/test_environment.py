"""pyproject.toml and environment.yml declare the same packages at the same versions."""
import re
import tomllib

from conftest import ROOT

_REQ_RE = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$")


def _norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _parse(spec):
    m = _REQ_RE.match(spec)
    return _norm(m.group(1)), m.group(2).replace(" ", "")


def pyproject_deps():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    deps = data["project"]["dependencies"] + data["project"]["optional-dependencies"]["dev"]
    return dict(_parse(d) for d in deps)


def environment_deps():
    deps = {}
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    for line in text.split("dependencies:", 1)[1].splitlines():
        m = re.match(r"^\s+-\s+(?!-e\b)([^\s#][^#]*?)\s*$", line)
        if m and m.group(1) not in ("pip", "pip:") and not m.group(1).startswith("-"):
            name, spec = _parse(m.group(1))
            if name != "python":
                deps[name] = spec
    return deps


def test_same_packages_and_versions():
    assert environment_deps() == pyproject_deps()


def test_named_packages_present():
    deps = pyproject_deps()
    for name in ("jupyterlab", "pandas", "arabic-reshaper", "python-bidi", "seaborn"):
        assert name in deps, name


def test_environment_installs_the_project():
    assert re.search(r"^\s+-\s+-e\s+\.\s*$", (ROOT / "environment.yml").read_text(), re.M)
