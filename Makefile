# `make run` and `make test` do all set-up on a fresh clone (python3 3.11 and make only).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
WORKERS ?= 1

.PHONY: run test golden bench lint eval eval-cast eval-litbank eval-gap ablation fit-weights clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,dask]"
	touch $(INSTALLED)

## run: extract the bundled corpus into out/, and its HTML view (open out/html/index.html)
run: $(INSTALLED)
	$(BIN)/extract run corpus/*.txt --out out --workers $(WORKERS)
	$(BIN)/extract html out

## test: the whole test suite
test: $(INSTALLED)
	$(BIN)/python -m pytest

## golden: regenerate corpus/golden/ from corpus/*.txt (review the diff before committing)
golden: $(INSTALLED)
	$(BIN)/extract run corpus/*.txt --out corpus/golden

## bench: words/s of the pipeline and of runs (1, 2 workers, Dask) against the bare base model, peak memory of 2,000 and 20,000-document runs, then the seconds of the HTML and graph views of 2,000 documents (needs ../shared; BENCH_FLAGS="--views-only --run OUT" times the views on a run of yours)
bench: $(INSTALLED)
	$(BIN)/extract bench $(BENCH_FLAGS)

## eval: extract the CMU and wikiplots dev synopses, score each and both together (needs ../shared)
eval: $(INSTALLED)
	@test -d ../shared/gold/cmu-dev || { echo "eval skipped: ../shared/gold/cmu-dev not found"; exit 0; }; \
	mkdir -p out && ls ../shared/gold/wikiplots-dev | sed 's/[.]json$$//' > out/wikiplots-dev.ids && \
	$(BIN)/extract run ../shared/corpus/cmu-dev/plot_summaries.tsv --out out/cmu-dev --workers $(WORKERS) && \
	$(BIN)/extract run ../shared/corpus/wikiplots/plots.jsonl --ids out/wikiplots-dev.ids \
		--out out/wikiplots-dev --workers $(WORKERS) && \
	$(BIN)/extract eval out/cmu-dev out/wikiplots-dev \
		--gold ../shared/gold/cmu-dev --gold ../shared/gold/wikiplots-dev $(EVAL_FLAGS)

## eval-cast: extract every wikiplots plot and check that no cast-list actor is a character (needs ../shared)
eval-cast: $(INSTALLED)
	@test -f ../shared/corpus/wikiplots/plots.jsonl || { echo "eval-cast skipped: ../shared/corpus/wikiplots not found"; exit 0; }; \
	$(BIN)/extract run ../shared/corpus/wikiplots/plots.jsonl --out out/wikiplots --workers 2 && \
	$(BIN)/extract eval-cast out/wikiplots --corpus ../shared/corpus/wikiplots/plots.jsonl

## eval-litbank: named characters of the LitBank excerpts against its annotations (needs ../shared)
eval-litbank: $(INSTALLED)
	@test -d ../shared/litbank/coref || { echo "eval-litbank skipped: ../shared/litbank not found"; exit 0; }; \
	$(BIN)/extract eval-litbank --litbank ../shared/litbank

## eval-gap: GAP coreference on the development set (needs ../shared)
eval-gap: $(INSTALLED)
	@test -f ../shared/gap/gap-development.tsv || { echo "eval-gap skipped: ../shared/gap not found"; exit 0; }; \
	$(BIN)/extract eval-gap ../shared/gap/gap-development.tsv

## ablation: per rule, the change in every evaluation measure when it is off (needs ../shared)
ablation: $(INSTALLED)
	$(BIN)/extract ablation --workers 2

## fit-weights: refit the person-evidence clue weights on the gold, cross-validated against the hand ones (needs ../shared; add FIT_FLAGS=--write to adopt them where they win on every set)
fit-weights: $(INSTALLED)
	$(BIN)/extract fit-weights $(FIT_FLAGS)

## lint: ruff
lint: $(INSTALLED)
	$(BIN)/ruff check extract tests
	$(BIN)/ruff format --check extract tests

clean:
	rm -rf out
