#!/usr/bin/env python3
"""Write Fixtures/exports/*: the people of Fixtures/sample-survey.csv re-laid as vendors export them.

Usage (from the repository root, or from anywhere):
    python3 Fixtures/tools/make_exports.py [OUTPUT_DIR]

OUTPUT_DIR defaults to Fixtures/exports next to this script's parent directory. The input is
always Fixtures/sample-survey.csv (found the same way).

Every file holds the same people with the same answers as the sample (the legacy Qualtrics file
holds 30 of them), so genbridge must produce the same band x tool counts from each. Only the
layout, the metadata around the answers, the way an answer is written (0-4, 1-5 recode, label),
encodings, separators, quoting and line endings differ - each as the vendor writes them (see
/work/shared/EXPORTS.md and Fixtures/exports/README.md). The Qualtrics files add four responses
that genbridge must exclude (preview, spam, offline preview, unfinished).

Deterministic: standard library only, one fixed seed, only random.Random.random() is used, no
clock, no locale, no time-zone database (the whole survey window lies in summer time, so each
office's UTC offset is a constant). Running it twice gives byte-identical files.
"""

import csv
import math
import sys
from datetime import datetime, timedelta
from pathlib import Path
from random import Random

SEED = 20250623

FIXTURES = Path(__file__).resolve().parent.parent
SAMPLE = FIXTURES / "sample-survey.csv"
DEFAULT_OUT = FIXTURES / "exports"

LABELS = ["Never used", "Aware but not used", "Beginner / occasional use",
          "Confident / regular use", "Expert / could teach others"]
NA, PREFER_NOT = "N/A", "Prefer not to say"
MATRIX_QUESTION = "How familiar are you with each tool?"
OPT_IN_QUESTION = "Would you like to take part in reverse mentoring?"
MENTOR_CHOICE, MENTEE_CHOICE = "I would mentor a colleague", "I would like a mentor"
MENTOR_QUESTION, MENTEE_QUESTION = "Would you be willing to mentor a colleague?", "Would you like a mentor?"
CAPACITY_QUESTION = "Mentoring capacity (how many mentees?)"

# Qualtrics numeric recodes: the scale is 1-5; the two "no answer" columns of the matrix carry the
# recodes the survey author gave them (6 = Qualtrics' next number, -99 = a customised recode).
QUALTRICS_RECODE = {NA: "6", PREFER_NOT: "-99"}
# The support question (an extra multiple-answer question with an "Other" text box).
SUPPORT_QUESTION = "What would help you learn a new tool?"
SUPPORT_CHOICES = ["Short how-to sessions", "Pairing with a colleague", "Written guides",
                   "Other (please specify)"]
SUPPORT_SHARE = [0.38, 0.46, 0.27, 0.06]
SUPPORT_OTHER = ["Lunch-and-learn sessions", "Time set aside in my calendar",
                 "Video walkthroughs", "A sandbox account to try things"]
MS_SUPPORT_QUESTION = "What\u2019s the best way for you to learn a new tool?"  # ’ is 0x92 in cp1252

# Offices: UTC offset in the survey window (summer), office IPs (documentation ranges,
# RFC 5737), approximate coordinates as Qualtrics' IP geolocation would give them.
OFFICES = {
    "London": (1, ["192.0.2.10", "192.0.2.11", "192.0.2.45"], (51.5085, -0.1257)),
    "Berlin": (2, ["198.51.100.7", "198.51.100.8", "198.51.100.77"], (52.5244, 13.4105)),
    "Lagos": (1, ["203.0.113.20", "203.0.113.21"], (6.4541, 3.3947)),
    "Singapore": (8, ["203.0.113.140", "203.0.113.141", "203.0.113.142"], (1.2897, 103.8501)),
}
LONDON, BERLIN = timedelta(hours=1), timedelta(hours=2)  # BST, CEST
LAUNCH_UTC = datetime(2025, 6, 23, 8, 0, 0)               # Mon 23 June 2025, 09:00 London
# Weight of each day of the window (responses cluster on launch and on reminder days).
DAY_WEIGHTS = [
    (datetime(2025, 6, 23), 16), (datetime(2025, 6, 24), 9), (datetime(2025, 6, 25), 6),
    (datetime(2025, 6, 26), 4), (datetime(2025, 6, 27), 3), (datetime(2025, 6, 28), 0.6),
    (datetime(2025, 6, 29), 0.4), (datetime(2025, 6, 30), 9), (datetime(2025, 7, 1), 5),
    (datetime(2025, 7, 2), 3), (datetime(2025, 7, 3), 2.5), (datetime(2025, 7, 4), 2),
    (datetime(2025, 7, 5), 0.3), (datetime(2025, 7, 6), 0.3), (datetime(2025, 7, 7), 7),
    (datetime(2025, 7, 8), 3.5), (datetime(2025, 7, 9), 2), (datetime(2025, 7, 10), 1.5),
    (datetime(2025, 7, 11), 1.2), (datetime(2025, 7, 14), 6), (datetime(2025, 7, 15), 3),
    (datetime(2025, 7, 16), 1.5), (datetime(2025, 7, 17), 1.2), (datetime(2025, 7, 18), 1),
]


# --- deterministic random helpers (only Random.random() is used) --------------------------------

class Draw:
    def __init__(self, seed):
        self.rng = Random(seed)

    def random(self):
        return self.rng.random()

    def below(self, n):
        return min(int(self.rng.random() * n), n - 1)

    def choice(self, items):
        return items[self.below(len(items))]

    def normal(self, mean=0.0, sd=1.0):
        u1 = 1.0 - self.rng.random()
        u2 = self.rng.random()
        return mean + sd * math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)

    def weighted(self, pairs):
        total = sum(w for _, w in pairs)
        x = self.rng.random() * total
        for value, w in pairs:
            x -= w
            if x < 0:
                return value
        return pairs[-1][0]

    def token(self, n, alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"):
        return "".join(self.choice(alphabet) for _ in range(n))


# --- the people ----------------------------------------------------------------------------------

def read_sample():
    with open(SAMPLE, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    tools = header[11:]
    people = []
    for r in body:
        p = dict(zip(["id", "name", "email", "dept", "level", "birth_year", "manager", "office",
                      "willing", "wants", "capacity"], r[:11]))
        p["scores"] = dict(zip(tools, r[11:]))
        people.append(p)
    return header, tools, people


def split_name(name):
    """(first, last) as a contact list holds them: 'Tan, Wei Ling' -> ('Wei Ling', 'Tan')."""
    if ", " in name:
        last, first = name.split(", ", 1)
        return first, last
    first, _, last = name.rpartition(" ")
    return first, last


def assign_times(d, people):
    """Start and end (UTC) of each person's response, and office network details."""
    for p in people:
        offset, ips, (lat, lon) = OFFICES[p["office"]]
        day = d.weighted(DAY_WEIGHTS)
        local_minutes = 8 * 60 + d.random() * 10.5 * 60
        if d.random() < 0.08:
            local_minutes = 19 * 60 + d.random() * 3 * 60  # evening
        start = day + timedelta(seconds=int(local_minutes * 60)) - timedelta(hours=offset)
        if start < LAUNCH_UTC:
            start += timedelta(days=1)
        duration = int(max(140, min(2900, math.exp(d.normal(6.15, 0.45)))))
        p["start"], p["end"] = start, start + timedelta(seconds=duration)
        p["recorded"] = p["end"] + timedelta(seconds=d.below(2))
        p["ip"] = d.choice(ips) if d.random() < 0.88 else f"198.51.100.{130 + d.below(120)}"
        p["lat"] = f"{lat + d.normal(0, 0.02):.4f}"
        p["lon"] = f"{lon + d.normal(0, 0.02):.4f}"
        p["lang"] = "DE" if p["office"] == "Berlin" and d.random() < 0.35 else "EN"
        p["response_id"] = "R_" + d.token(15)
        p["support"] = [d.random() < s for s in SUPPORT_SHARE]
        p["support_other"] = d.choice(SUPPORT_OTHER) if p["support"][3] else ""


def assign_qualtrics_status(d, people):
    """Status 0 for most; 4 (Imported: typed in from paper) for the two people whose answers hold
    an out-of-range typo plus two more; 16 (Offline: tablet at the Lagos office) for six."""
    for p in people:
        p["status"] = 0
    typo = [p for p in people if any(v in ("7", "-1") for v in p["scores"].values())]
    ops = [p for p in people if p["dept"] == "Operations" and p not in typo and p["level"] <= "L3"]
    imported = typo + [ops[d.below(len(ops))]]
    rest = [p for p in ops if p not in imported]
    imported.append(rest[d.below(len(rest))])
    import_time = datetime(2025, 7, 16, 9, 12, 40)  # UTC; all four imported in one go
    for k, p in enumerate(imported):
        p["status"] = 4
        p["start"] = p["end"] = p["recorded"] = import_time + timedelta(seconds=k)
    lagos = [p for p in people if p["office"] == "Lagos" and p["status"] == 0]
    offline = []
    while len(offline) < 6:
        p = lagos[d.below(len(lagos))]
        if p not in offline:
            offline.append(p)
    for p in offline:
        p["status"] = 16
        # The tablet syncs in the evening.
        p["recorded"] = p["end"].replace(hour=18, minute=40) + timedelta(seconds=d.below(600))
        if p["recorded"] < p["end"]:
            p["recorded"] = p["end"] + timedelta(minutes=20)


def extra_qualtrics_rows(d, tools, people):
    """Four responses genbridge must exclude, as dicts shaped like people."""
    taken = {int(p["id"][1:]) for p in people}
    new_id = next(n for n in range(1250, 1401) if n not in taken)
    sales_managers = sorted((p for p in people if p["dept"] == "Sales" and p["level"] == "L6"),
                            key=lambda p: p["id"])

    def blank_person(**kw):
        p = {"id": "", "name": "", "email": "", "dept": "", "level": "", "birth_year": "",
             "manager": "", "office": "", "willing": "", "wants": "", "capacity": "",
             "scores": {t: "" for t in tools}, "ip": "", "lat": "", "lon": "", "lang": "EN",
             "support": [False] * 4, "support_other": "", "progress": 100, "finished": 1}
        p.update(kw)
        p["response_id"] = "R_" + d.token(15)
        return p

    def author_clicks():
        return {t: str(d.below(5)) for t in tools}

    preview = blank_person(status=1, channel="preview", scores=author_clicks(), willing="Yes",
                           wants="No", start=datetime(2025, 6, 20, 13, 2, 11))
    offline_preview = blank_person(status=17, channel="offline", scores=author_clicks(),
                                   willing="No", wants="Yes",
                                   start=datetime(2025, 6, 21, 8, 47, 3))
    spam = blank_person(status=8, channel="anonymous", scores={t: "4" for t in tools},
                        willing="Yes", wants="Yes", capacity="10", ip="203.0.113.250",
                        lat="37.7510", lon="-97.8220", support=[True] * 3 + [False],
                        start=datetime(2025, 7, 3, 2, 14, 51))
    partial_scores = {t: "" for t in tools}
    for t in tools[:5]:
        partial_scores[t] = str(1 + d.below(4))
    unfinished = blank_person(
        status=0, channel="email", progress=38, finished=0, id=f"E{new_id}",
        name="Kemi Oyelaran", email="kemi.oyelaran@example.com", dept="Sales", level="L4",
        birth_year="1990", manager=sales_managers[0]["id"], office="Lagos",
        scores=partial_scores, ip="203.0.113.21", lat="6.4603", lon="3.3818",
        start=datetime(2025, 7, 2, 11, 31, 8))
    for p, seconds in ((preview, 96), (offline_preview, 71), (spam, 19), (unfinished, 1412)):
        p["end"] = p["start"] + timedelta(seconds=seconds)
        p["recorded"] = p["end"] + timedelta(seconds=1)
    # Qualtrics closes an unfinished response a week after its last activity.
    unfinished["recorded"] = unfinished["end"] + timedelta(days=7, seconds=3)
    assert unfinished["name"] not in {p["name"] for p in people}
    return [preview, offline_preview, spam, unfinished]


# --- writing helpers -----------------------------------------------------------------------------

def field(value, delimiter=",", always=False):
    if always or any(ch in value for ch in (delimiter, '"', "\r", "\n")):
        return '"' + value.replace('"', '""') + '"'
    return value


def lines(rows, delimiter=",", eol="\r\n", always=False, trailing=""):
    return "".join(delimiter.join(field(v, delimiter, always) for v in row) + trailing + eol
                   for row in rows)


def fmt_qualtrics(t):
    return (t + LONDON).strftime("%Y-%m-%d %H:%M:%S")


def fmt_surveymonkey(t):
    local = t + LONDON  # AM/PM spelled out here, not via the locale-dependent %p
    return f"{local:%m/%d/%Y %I:%M:%S} {'AM' if local.hour < 12 else 'PM'}"


def fmt_google(t):
    local = t + LONDON
    hour = local.hour % 12 or 12
    return f"{local:%Y/%m/%d} {hour}:{local:%M:%S} {'AM' if local.hour < 12 else 'PM'} GMT+1"


def fmt_excel_de(t):
    return (t + BERLIN).strftime("%d.%m.%Y %H:%M")


def label(raw):
    """An answer as a web form's label: impossible values (out-of-range typos) stay unanswered."""
    if raw in ("0", "1", "2", "3", "4"):
        return LABELS[int(raw)]
    if raw in (NA, PREFER_NOT):
        return raw
    return ""


def yes_no_code(answer):  # Qualtrics default recodes of a Yes/No question
    return {"Yes": "1", "No": "2"}.get(answer, "")


# --- Qualtrics -----------------------------------------------------------------------------------

QUALTRICS_META = [
    ("StartDate", "Start Date", '{"ImportId":"startDate","timeZone":"Europe/London"}'),
    ("EndDate", "End Date", '{"ImportId":"endDate","timeZone":"Europe/London"}'),
    ("Status", "Response Type", '{"ImportId":"status"}'),
    ("IPAddress", "IP Address", '{"ImportId":"ipAddress"}'),
    ("Progress", "Progress", '{"ImportId":"progress"}'),
    ("Duration (in seconds)", "Duration (in seconds)", '{"ImportId":"duration"}'),
    ("Finished", "Finished", '{"ImportId":"finished"}'),
    ("RecordedDate", "Recorded Date", '{"ImportId":"recordedDate","timeZone":"Europe/London"}'),
    ("ResponseId", "Response ID", '{"ImportId":"_recordId"}'),
    ("RecipientLastName", "Recipient Last Name", '{"ImportId":"recipientLastName"}'),
    ("RecipientFirstName", "Recipient First Name", '{"ImportId":"recipientFirstName"}'),
    ("RecipientEmail", "Recipient Email", '{"ImportId":"recipientEmail"}'),
    ("ExternalReference", "External Data Reference", '{"ImportId":"externalDataReference"}'),
    ("LocationLatitude", "Location Latitude", '{"ImportId":"locationLatitude"}'),
    ("LocationLongitude", "Location Longitude", '{"ImportId":"locationLongitude"}'),
    ("DistributionChannel", "Distribution Channel", '{"ImportId":"distributionChannel"}'),
    ("UserLanguage", "User Language", '{"ImportId":"userLanguage"}'),
]
EMBEDDED = [("EmployeeID", "id"), ("JobLevel", "level"), ("Department", "dept"),
            ("ManagerID", "manager"), ("BirthYear", "birth_year"), ("Office", "office")]
STATUS_TEXT = {0: "IP Address", 1: "Survey Preview", 2: "Survey Test", 4: "Imported", 8: "Spam",
               9: "Survey Preview Spam", 16: "Offline", 17: "Offline Survey Preview"}


def qualtrics_header(tools, capacity_text):
    cols = list(QUALTRICS_META)
    for i, t in enumerate(tools, 1):
        cols.append((f"Q5_{i}", f"{MATRIX_QUESTION} - {t}", f'{{"ImportId":"QID5_{i}"}}'))
    cols.append(("Q6", MENTOR_QUESTION, '{"ImportId":"QID11"}'))
    cols.append(("Q7", MENTEE_QUESTION, '{"ImportId":"QID12"}'))
    cols.append(("Q8", capacity_text, '{"ImportId":"QID13_TEXT"}'))
    for i, c in enumerate(SUPPORT_CHOICES, 1):
        cols.append((f"Q9_{i}", f"{SUPPORT_QUESTION} - Selected Choice - {c}",
                     f'{{"ImportId":"QID14","choiceId":"{i}"}}'))
    cols.append(("Q9_4_TEXT", f"{SUPPORT_QUESTION} - {SUPPORT_CHOICES[3]} - Text",
                 '{"ImportId":"QID14_4_TEXT"}'))
    for name, _ in EMBEDDED:
        cols.append((name, name, f'{{"ImportId":"{name}"}}'))
    return [[c[0] for c in cols], [c[1] for c in cols], [c[2] for c in cols]]


def qualtrics_row(p, tools, choice_text):
    status, is_contact = p["status"], p.get("channel", "email") == "email" and p["status"] in (0, 4)
    first, last = split_name(p["name"]) if p["name"] and is_contact else ("", "")
    ip_row = status in (0, 8)
    channel = p.get("channel") or {0: "email", 4: "", 16: "offline"}[status]
    row = [fmt_qualtrics(p["start"]), fmt_qualtrics(p["end"]),
           STATUS_TEXT[status] if choice_text else str(status),
           p["ip"] if ip_row else "",
           str(p.get("progress", 100)),
           str(int((p["end"] - p["start"]).total_seconds())),
           ("True" if p.get("finished", 1) else "False") if choice_text else str(p.get("finished", 1)),
           fmt_qualtrics(p["recorded"]), p["response_id"],
           last, first, p["email"] if is_contact else "", "",
           p["lat"] if ip_row else "", p["lon"] if ip_row else "", channel, p["lang"]]
    for t in tools:
        raw = p["scores"][t]
        if raw in ("0", "1", "2", "3", "4"):
            row.append(LABELS[int(raw)] if choice_text else str(int(raw) + 1))
        elif raw in (NA, PREFER_NOT):
            row.append(raw if choice_text else QUALTRICS_RECODE[raw])
        else:
            row.append(raw)  # blank, or an imported typo kept as it was typed
    if choice_text:
        row += [p["willing"], p["wants"]]
    else:
        row += [yes_no_code(p["willing"]), yes_no_code(p["wants"])]
    row.append(p["capacity"])
    for i, chosen in enumerate(p["support"]):
        row.append((SUPPORT_CHOICES[i] if choice_text else "1") if chosen else "")
    row.append(p["support_other"])
    row += [p[key] for _, key in EMBEDDED]
    return row


def qualtrics(tools, people, extras, choice_text):
    capacity_text = "How many mentees could you take on at the same time?"
    if choice_text:
        capacity_text += "\n(Leave blank if you would not mentor.)"
    else:
        capacity_text += " (Leave blank if you would not mentor.)"
    rows = qualtrics_header(tools, capacity_text)
    everyone = sorted(people + extras, key=lambda p: (p["recorded"], p["response_id"]))
    rows += [qualtrics_row(p, tools, choice_text) for p in everyone]
    text = lines(rows, trailing="," if choice_text else "")
    return b"\xef\xbb\xbf" + text.encode("utf-8")


def legacy_subset(people):
    """30 people whose levels give a unique three-run banding of 10/10/10 (L1-L2, L3-L4, L5-L8)."""
    want = {"L1": 6, "L2": 4, "L3": 5, "L4": 5, "L5": 3, "L6": 3, "L7": 3, "L8": 1}
    chosen = []
    for level, k in want.items():
        group = sorted((p for p in people if p["level"] == level), key=lambda p: int(p["id"][1:]))
        n = len(group)
        chosen += [group[int((i + 0.5) * n / k)] for i in range(k)]
    return chosen


def qualtrics_legacy(tools, people):
    subset = sorted(legacy_subset(people), key=lambda p: (p["recorded"], p["response_id"]))
    meta = ["ResponseID", "ResponseSet", "Name", "ExternalDataReference", "EmailAddress",
            "IPAddress", "Status", "StartDate", "EndDate", "Finished"]
    row1 = [f"V{i}" for i in range(1, 11)] + [n for n, _ in EMBEDDED]
    row2 = list(meta) + [n for n, _ in EMBEDDED]
    for i, t in enumerate(tools, 1):
        row1.append(f"Q5_{i}")
        row2.append(f"{MATRIX_QUESTION}-{t}")
    row1 += ["Q6", "Q7", "Q8", "LocationLatitude", "LocationLongitude", "LocationAccuracy"]
    row2 += [MENTOR_QUESTION, MENTEE_QUESTION,
             "How many mentees could you take on at the same time? (Leave blank if you would not mentor.)",
             "LocationLatitude", "LocationLongitude", "LocationAccuracy"]
    rows = [row1, row2]
    for p in subset:
        ip_row = p["status"] == 0
        row = [p["response_id"], "Default Response Set", p["name"], "", p["email"],
               p["ip"] if ip_row else "", str(p["status"]), fmt_qualtrics(p["start"]),
               fmt_qualtrics(p["end"]), "1"]
        row += [p[key] for _, key in EMBEDDED]
        for t in tools:
            raw = p["scores"][t]
            if raw in ("0", "1", "2", "3", "4"):
                row.append(str(int(raw) + 1))
            else:
                row.append(QUALTRICS_RECODE.get(raw, raw))
        row += [yes_no_code(p["willing"]), yes_no_code(p["wants"]), p["capacity"],
                p["lat"] if ip_row else "", p["lon"] if ip_row else "", "-1"]
        rows.append(row)
    return b"\xef\xbb\xbf" + lines(rows).encode("utf-8")


# --- SurveyMonkey --------------------------------------------------------------------------------

def surveymonkey(d, tools, people):
    row1 = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
            "Email Address", "First Name", "Last Name", "Custom Data 1",
            "Department", "Job level", "Year of birth", "Line manager ID", "Office",
            MATRIX_QUESTION] + [""] * (len(tools) - 1) + [OPT_IN_QUESTION, "", CAPACITY_QUESTION]
    row2 = [""] * 9 + ["Response", "Response", "Open-Ended Response", "Open-Ended Response",
                       "Response"] + list(tools) + [MENTOR_CHOICE, MENTEE_CHOICE,
                                                    "Open-Ended Response"]
    rows = [row1, row2]
    respondent = 114873400000
    for p in sorted(people, key=lambda p: (p["start"], p["id"])):
        respondent += 2000000 + d.below(9000000)
        collector = "431587062" if p["office"] in ("London", "Berlin") else "431587311"
        first, last = split_name(p["name"])
        row = [str(respondent), collector, fmt_surveymonkey(p["start"]), fmt_surveymonkey(p["end"]),
               p["ip"], p["email"], first, last, p["id"],
               p["dept"], p["level"], p["birth_year"], p["manager"], p["office"]]
        row += [label(p["scores"][t]) for t in tools]
        row += [MENTOR_CHOICE if p["willing"] == "Yes" else "",
                MENTEE_CHOICE if p["wants"] == "Yes" else "", p["capacity"]]
        rows.append(row)
    assert all(len(r) == len(row1) for r in rows)
    return lines(rows).encode("utf-8")


# --- Google Forms --------------------------------------------------------------------------------

def google_forms(tools, people):
    header = ["Timestamp", "Email address", "Full name", "Employee ID", "Department", "Job level",
              "Year of birth", "Line manager ID", "Office"]
    header += [f"{MATRIX_QUESTION} [{t}]" for t in tools]
    header += [OPT_IN_QUESTION, CAPACITY_QUESTION]
    rows = [header]
    for p in sorted(people, key=lambda p: (p["end"], p["id"])):
        row = [fmt_google(p["end"]), p["email"], p["name"], p["id"], p["dept"], p["level"],
               p["birth_year"], p["manager"], p["office"]]
        row += [label(p["scores"][t]) for t in tools]
        ticked = [c for c, a in ((MENTOR_CHOICE, p["willing"]), (MENTEE_CHOICE, p["wants"]))
                  if a == "Yes"]
        row += [", ".join(ticked), p["capacity"]]
        rows.append(row)
    return lines(rows, always=True).encode("utf-8")


# --- Microsoft Forms, saved by a German Excel as "CSV (Trennzeichen-getrennt)" -------------------

def cp1252_excel(text):
    """Encode as Excel's Windows-1252 CSV does: a character the code page lacks becomes '_'."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            out += b"_"
    return bytes(out)


def microsoft_forms(d, tools, people):
    header = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
              "Employee ID", "Department", "Year of birth", "Line manager ID", "Office"]
    header += list(tools)  # a Likert statement's column is headed by the statement alone
    header += [MENTOR_QUESTION, MENTEE_QUESTION, CAPACITY_QUESTION, MS_SUPPORT_QUESTION,
               "Job level"]  # "Job level" is asked after "Employee ID" but comes out last
    rows = [header]
    order = sorted(people, key=lambda p: (p["end"], p["id"]))
    for n, p in enumerate(order, 1):
        anonymous = n <= 4  # the form accepted anonymous answers for its first hours
        modified = ""
        if not anonymous and d.random() < 0.03:
            modified = fmt_excel_de(p["end"] + timedelta(hours=2 + 70 * d.random()))
        # A ticked "Other" shows the text the person typed, as Forms does.
        chosen = [c for c, on in zip(SUPPORT_CHOICES[:3] + [p["support_other"]], p["support"]) if on]
        row = [str(n), fmt_excel_de(p["start"]), fmt_excel_de(p["end"]),
               "anonymous" if anonymous else p["email"], "" if anonymous else p["name"], modified,
               p["id"], p["dept"], p["birth_year"], p["manager"], p["office"]]
        row += [label(p["scores"][t]) for t in tools]
        row += [p["willing"], p["wants"], p["capacity"], "".join(c + ";" for c in chosen),
                p["level"]]
        rows.append(row)
    return cp1252_excel(lines(rows, delimiter=";"))


# --- Excel re-saves of the generic layout --------------------------------------------------------

def generic_rows(header, people):
    rows = [header]
    for p in people:
        rows.append([p["id"], p["name"], p["email"], p["dept"], p["level"], p["birth_year"],
                     p["manager"], p["office"], p["willing"], p["wants"], p["capacity"]]
                    + list(p["scores"].values()))
    return rows


def excel_unicode_text(header, people):
    text = lines(generic_rows(header, people), delimiter="\t")
    return b"\xff\xfe" + text.encode("utf-16-le")


DECIMAL_COMMA_TOOLS = ["LinkedIn", "YouTube"]  # columns the analyst formatted with one decimal
SEMICOLON_NAME = ("Nwosu, Adaeze", "Nwosu; Adaeze")  # a ';' typed for ',' in the HR system


def semicolon_decimal_comma(header, people):
    rows = generic_rows(header, people)
    for row in rows[1:]:
        if row[1] == SEMICOLON_NAME[0]:
            row[1] = SEMICOLON_NAME[1]
        for t in DECIMAL_COMMA_TOOLS:
            i = header.index(t)
            if row[i].lstrip("-").isdigit():
                row[i] = row[i] + ",0"
    assert any(SEMICOLON_NAME[1] == r[1] for r in rows)
    return b"\xef\xbb\xbf" + lines(rows, delimiter=";").encode("utf-8")


# --- main ----------------------------------------------------------------------------------------

def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        print("usage: python3 Fixtures/tools/make_exports.py [OUTPUT_DIR]", file=sys.stderr)
        return 0 if len(argv) == 2 else 64
    out = Path(argv[1]) if len(argv) == 2 else DEFAULT_OUT
    header, tools, people = read_sample()
    d = Draw(SEED)
    assign_times(d, people)
    assign_qualtrics_status(d, people)
    extras = extra_qualtrics_rows(d, tools, people)
    files = {
        "qualtrics-numeric.csv": qualtrics(tools, people, extras, choice_text=False),
        "qualtrics-choice-text.csv": qualtrics(tools, people, extras, choice_text=True),
        "qualtrics-legacy.csv": qualtrics_legacy(tools, people),
        "surveymonkey.csv": surveymonkey(d, tools, people),
        "google-forms.csv": google_forms(tools, people),
        "microsoft-forms.csv": microsoft_forms(d, tools, people),
        "excel-unicode-text.txt": excel_unicode_text(header, people),
        "semicolon-decimal-comma.csv": semicolon_decimal_comma(header, people),
    }
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (out / name).write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
