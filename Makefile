.PHONY: demo test bench fuzz
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
