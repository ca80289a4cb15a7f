# raw (seeds/) -> processed tables (data/processed/) -> rendered notebooks (reports/)
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
SEEDS  := $(wildcard seeds/*.txt)
SAUDINEWSNET ?= ../shared/corpus/saudinewsnet
CORPUS_OUT   ?= data/corpus/saudinewsnet

.PHONY: all install data report corpus test bench lab clean
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

# The whole SaudiNewsNet corpus into one Parquet dataset per table (resumes if interrupted), then its report.
# SaudiNewsNet's 14 outlets are Saudi: --country SA (a hint for places; its المملكة is Saudi Arabia).
# Exit status 3 (some articles refused, listed in $(CORPUS_OUT)/errors) still builds the report.
corpus: $(STAMP)
	$(PY) -m analysis corpus $(SAUDINEWSNET) --out $(CORPUS_OUT) --country SA || test $$? -eq 3
	$(PY) -m analysis report --corpus $(CORPUS_OUT) --out reports/corpus

test: $(STAMP)
	$(PY) -m pytest -n auto

bench: $(STAMP)
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

# One entry per notebook in the file browser (the .py twins jupytext keeps in step are hidden); works as root too.
LAB_HIDE := '["__pycache__", "*.pyc", "*.pyo", ".ipynb_checkpoints", "*~", "*.py"]'
lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/ --ContentsManager.hide_globs=$(LAB_HIDE) $(LAB_ARGS) \
		$$(test "$$(id -u)" = 0 && echo --allow-root)

clean:
	rm -rf data/processed reports
