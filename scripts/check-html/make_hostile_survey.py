#!/usr/bin/env python3
"""Writes Fixtures/hostile/hostile-survey.csv: a generic-layout staff skill survey whose every
free-text value (names, ids, departments, locations, manager ids, some header cells and some
answers) carries an HTML or script payload. `make check-html` renders its report in a real
browser and proves that nothing in it executes or loads.

Deterministic (fixed seed, standard library only). From the repository root:

    python3 scripts/check-html/make_hostile_survey.py Fixtures/hostile/hostile-survey.csv
"""

import csv
import io
import random
import sys

# Each payload sets window.__pwned (or opens a dialog, or fetches something) if it ever runs.
PAYLOADS = [
    "<script>window.__pwned=1;alert(1)</script>",
    "<img src=q onerror=\"window.__pwned=1;alert(1)\">",
    "\"><svg onload=window.__pwned=1>",
    "'><svg/onload=alert(document.domain)>",
    "javascript:window.__pwned=1",
    "AT&T &amp; &lt;b&gt; &#x3C;script&#x3E; &",
    "</td></tr></table><iframe src=\"javascript:window.__pwned=1\"></iframe>",
    "<img src=//evil.invalid/pixel.png>",
    "<link rel=stylesheet href=http://evil.invalid/x.css>",
    "<style>@import url(https://evil.invalid/y.css);body{display:none}</style>",
    "</title></desc></svg><script>window.__pwned=1</script>",
    "<a href=\"javascript:window.__pwned=1\">click me</a>",
    "<details open ontoggle=window.__pwned=1>",
    "<body onload=window.__pwned=1>",
    "{{constructor.constructor('window.__pwned=1')()}}",
    "${window.__pwned=1}",
    "<math><mtext><table><mglyph><style><img src=q onerror=window.__pwned=1>",
    "<!-- unclosed comment",
    "]]><![CDATA[<script>window.__pwned=1</script>]]>",
    "\u202eevil right-to-left override\u202c and a bell\u0007",
]

FIRST = ["Ada", "Bo", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivo", "Jun", "Kemi", "Lars"]
LEVELS = ["L1", "L2", "L3", "L4", "L5", "L6"]

# Tool headers: each names exactly one catalogue tool, wrapped in a payload.
TOOL_HEADERS = [
    ("TikTok <img src=q onerror=alert(1)>", "TikTok"),
    ("Instagram \"><svg onload=window.__pwned=1>", "Instagram"),
    ("Slack <script>window.__pwned=1</script>", "Slack"),
    ("WhatsApp javascript:alert(1)", "WhatsApp"),
    ("Hootsuite & Co 'quoted' \"double\"", "Hootsuite"),
    ("LinkedIn </th><script>alert(1)</script>", "LinkedIn"),
    ("Facebook <iframe src=javascript:alert(1)>", "Facebook"),
    ("Canva <style>*{color:red}</style>", "Canva"),
]
HEADER = (
    [
        "Employee ID",
        "Name (<script>window.__pwned=1</script>)",
        "Email",
        "Department (\"><svg onload=window.__pwned=1>)",
        "Job level",
        "Manager ID",
        "Location",
        "Willing to mentor",
        "Would like a mentor",
        "Mentoring capacity",
    ]
    + [header for header, _ in TOOL_HEADERS]
    # Names two tools: left out with a warning that quotes the header.
    + ["YouTube or Zoom? <img src=q onerror=window.__pwned=1>"]
)

# Mean familiarity by level (L1 .. L6) per tool: juniors ahead on most, seniors on LinkedIn.
PROFILE = {
    "TikTok": [3.6, 3.4, 2.8, 1.8, 1.0, 0.6],
    "Instagram": [3.5, 3.3, 2.9, 2.2, 1.5, 1.0],
    "Slack": [3.4, 3.2, 3.0, 2.6, 2.0, 1.4],
    "WhatsApp": [3.2, 3.3, 3.2, 3.1, 3.0, 2.9],
    "Hootsuite": [1.2, 1.5, 1.8, 1.6, 1.2, 1.0],
    "LinkedIn": [1.6, 2.0, 2.5, 3.0, 3.4, 3.6],
    "Facebook": [1.5, 1.8, 2.2, 2.8, 3.0, 3.2],
    "Canva": [3.0, 2.8, 2.4, 1.6, 1.2, 0.8],
}


def score(rng, mean):
    value = round(rng.gauss(mean, 0.8))
    return str(min(4, max(0, value)))


def main():
    rng = random.Random(20260601)
    rows = []
    people = 48
    for index in range(people):
        level = LEVELS[index * len(LEVELS) // people]
        payload = PAYLOADS[index % len(PAYLOADS)]
        other = PAYLOADS[(index * 7 + 3) % len(PAYLOADS)]
        person_id = f"E{index:02d}{payload[:12]}"
        junior = level in ("L1", "L2")
        senior = level in ("L5", "L6")
        manager = "" if level == "L6" else f"E{(40 + index % 8):02d}{PAYLOADS[(40 + index % 8) % len(PAYLOADS)][:12]}"
        row = [
            person_id,
            f"{FIRST[index % len(FIRST)]} {payload}",
            f"person{index}@example.invalid",
            other,
            level,
            manager,
            PAYLOADS[(index * 3 + 5) % len(PAYLOADS)],
            "Yes" if junior and index % 5 != 0 else "No",
            "Yes" if senior and index % 6 != 0 else "No",
            "2" if index % 9 == 0 else "",
        ]
        for _, tool in TOOL_HEADERS:
            answer = score(rng, PROFILE[tool][LEVELS.index(level)])
            # Few seniors answer Hootsuite: a suppressed band x tool figure.
            if tool == "Hootsuite" and level in ("L5", "L6") and index % 4 != 0:
                answer = ""
            row.append(answer)
        row.append(score(rng, 2.0))
        rows.append(row)

    # Answers that are not on the scale: shown (escaped) in the data-quality appendix.
    rows[1][10] = "<script>window.__pwned=1</script>"
    rows[9][12] = "javascript:alert(1)"
    rows[17][15] = "<img src=q onerror=window.__pwned=1>"
    rows[25][11] = "7"
    # Rejected rows: a blank level (fits no band) and a ragged row, both with hostile ids.
    rows.append(["X1<script>alert(1)</script>", "No Level <b>", "", "QA & \"Test\"", ""] + rows[0][5:])
    rows.append(["X2\"><svg onload=window.__pwned=1>", "Ragged <i>", "", "Ops"])

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    writer.writerows(rows)
    text = out.getvalue()
    if len(sys.argv) > 1 and sys.argv[1] != "-":
        with open(sys.argv[1], "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
