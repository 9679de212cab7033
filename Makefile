# genbridge: the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
SAMPLE := Fixtures/sample-survey.csv
DEMO_OUT := reports/sample-survey

.PHONY: demo test build deps lint format clean

## demo: install libcsv if missing, build, report on the bundled sample survey
demo: build
	$(SWIFT) run --skip-build genbridge report $(SAMPLE) --out $(DEMO_OUT)
	@echo
	@echo "Reports written to $(DEMO_OUT)/ (report.txt, rejected.csv)."

## test: install libcsv if missing, then the whole test suite
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

build: deps
	$(SWIFT) build

## deps: libcsv-dev from Debian; installed with apt-get when we are root, else the command is printed
deps:
	@if dpkg -s libcsv-dev >/dev/null 2>&1 || [ -f /usr/include/csv.h ]; then \
		:; \
	elif [ "$$(id -u)" = "0" ]; then \
		echo "Installing libcsv-dev (the CSV parser genbridge uses)..."; \
		DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcsv-dev >/dev/null; \
	else \
		echo "genbridge needs libcsv-dev. Run:  sudo apt-get install -y libcsv-dev"; \
		exit 1; \
	fi

## lint: the code style check that ships with the toolchain
lint:
	$(SWIFT) format lint --recursive --strict Sources Tests Package.swift

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build
