# raw (seeds/) -> processed tables (data/processed/) -> rendered notebooks (reports/)
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
SEEDS  := $(wildcard seeds/*.txt)

.PHONY: all install data report test bench lab clean
all: report

# Create or reuse the virtual environment; reinstall when the project's dependencies change.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (arabic-news-analysis)" >/dev/null
	touch $(STAMP)

install: $(STAMP)

data: $(STAMP)
	$(PY) -m analysis parse $(SEEDS) --out data/processed

report: data
	$(PY) -m analysis report $(SEEDS) --out reports

test: $(STAMP)
	$(PY) -m pytest -n auto

bench: $(STAMP)
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

clean:
	rm -rf data/processed reports
