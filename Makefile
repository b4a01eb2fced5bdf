# The commands people type; the README shows the same ones.
VENV   ?= .venv
PY     := $(VENV)/bin/python
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# On this project's machines `torch==2.13.0` resolves to a small CPU build; see README for elsewhere.
TORCH  ?= torch==2.13.0
APT_PACKAGES := apertium apertium-eng-spa apertium-fr-es chromium libreoffice-writer-nogui

.PHONY: demo test bench system-deps clean

# `make demo` installs what translating needs, without torch: the engines run
# CTranslate2 directly. Tests and benchmarks add the test tools, the cluster
# extra and argostranslate (the `argos` extra, which pulls torch) for the
# interoperability tests.
$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(PY) -m pip install -q $(TORCH)
	$(PY) -m pip install -q -e '.[test,cluster,argos]'
	touch $@

# Apertium is the engine that works offline out of the box; Chromium opens the review page in its
# tests (headless); LibreOffice Writer (no GUI) proves in the tests that .docx and .odt outputs open.
# Install them when apt can.
system-deps:
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null; then \
	    $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $(APT_PACKAGES); \
	  else echo "apt-get not found: install Apertium and apertium-eng-spa by hand" >&2; fi; \
	fi

demo: $(VENV)/.installed system-deps
	$(VENV)/bin/toponyms translate seeds/karabakh-2020-10-04.txt --from en --to es

test: $(VENV)/.test-installed system-deps
	$(PY) -m pytest -q

bench: $(VENV)/.test-installed system-deps
	$(PY) bench/bench_startup.py
	$(PY) bench/bench_find.py
	$(PY) bench/bench_translate.py
	$(PY) bench/bench_argos_batch.py
	$(PY) bench/bench_batch.py
	$(PY) bench/bench_large_gazetteer.py
	$(PY) bench/bench_recognition.py
	$(PY) bench/bench_policy.py
	$(PY) bench/bench_translit.py
	$(PY) bench/bench_apertium_isolation.py
	$(PY) bench/bench_sentences.py
	$(PY) bench/bench_ct2_threads.py
	$(PY) bench/bench_linear.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
