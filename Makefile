.PHONY: demo test bench fuzz install
# Plan the shipped sample agreements (installs what is missing first).
demo:
	scripts/demo.sh
# Set up and run all tests.
test:
	scripts/test.sh
# Release-build benchmark with printed figures.
bench:
	scripts/setup.sh && swift run -c release aarshjul-bench && swift run -c release aarshjul-bench national && swift run -c release aarshjul-bench import
# Fuzz the agreement reader and the calendar importer (libFuzzer) for FUZZ_SECONDS (default 60).
fuzz:
	scripts/setup.sh && scripts/fuzz.sh $(or $(FUZZ_SECONDS),60)
# The binary, its man page and bash/zsh/fish completions under PREFIX
# (default /usr/local; DESTDIR for staging, CONFIG=debug for a quick try).
PREFIX ?= /usr/local
CONFIG ?= release
install:
	scripts/install.sh "$(DESTDIR)$(PREFIX)" "$(CONFIG)"
