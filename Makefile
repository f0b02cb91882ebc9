# Two entry points for a new machine: `make demo` and `make test`.
# Both set everything up first and are safe to run again.

VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed-stamp
SUDO    := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
OUT     ?= out

.PHONY: setup fonts demo test test-fast bench bench-extraction bench-text clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) -m compileall -q convert   # start-up reads these even where PYTHONDONTWRITEBYTECODE is set
	touch $(STAMP)

# The PDF writer needs a font that covers Chinese, Japanese and Korean (a
# fresh Debian machine has none) and HarfBuzz's subsetter (without it
# WeasyPrint falls back to a font subsetter that takes seconds per CJK PDF).
# Installed once, skipped when present.
SYSTEM_PACKAGES := fonts-noto-cjk libharfbuzz-subset0
fonts:
	@if fc-list :lang=zh family | grep -q . && ldconfig -p | grep -q libharfbuzz-subset; then \
	  echo "system packages: present"; else \
	  echo "system packages: installing $(SYSTEM_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null && \
	  fc-list :lang=zh family | grep -q .; fi

setup: $(STAMP) fonts

demo: setup
	$(VENV)/bin/docconv samples -d $(OUT) -t docx,pdf,epub -v
	@ls -l $(OUT)

test: setup
	$(VENV)/bin/pytest -q -n 2

# The edit loop: everything but the tests marked slow (EpubCheck, PDF, worker pools).
test-fast: setup
	$(VENV)/bin/pytest -q -n 2 -m "not slow"

bench: setup
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) bench/run_bench.py

# Article extraction on public pages with ground truth (downloaded, not in git).
bench-extraction: setup
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) bench/fetch_extraction_sets.py bench/data
	$(PY) bench/measure_extraction.py bench/data/readability-2015 bench/data/newspaper4k bench/data/gne --extractors

# The text reader on the same public pages saved as a scraper's plain text (two cuts), beside pandoc.
bench-text: setup
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) bench/fetch_extraction_sets.py bench/data
	@command -v lynx >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq lynx >/dev/null; } || echo "no lynx: cut-c (lynx -dump) is left out"
	$(PY) bench/make_text_sets.py bench/data/text
	$(PY) bench/measure_text.py --worst 10

clean:
	rm -rf $(OUT) .pytest_cache
