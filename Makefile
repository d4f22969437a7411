.PHONY: demo test bench
# Plan the shipped sample agreements (installs what is missing first).
demo:
	scripts/demo.sh
# Set up and run all tests.
test:
	scripts/test.sh
# Release-build benchmark with printed figures.
bench:
	scripts/setup.sh && swift run -c release aarshjul-bench && swift run -c release aarshjul-bench national
