#!/usr/bin/env python3
"""Write Fixtures/sample-survey.csv: a realistic generic-layout staff skill survey.

Usage:
    python3 Fixtures/tools/make_sample_survey.py [OUTPUT]

Writes to OUTPUT, or to standard output when OUTPUT is omitted or "-".

The output is deterministic: one fixed seed, and only random.Random.random() is used
(choice, shuffle and normal draws are implemented here), so the bytes do not depend on the
Python version's implementation of shuffle/choice/gauss. UTF-8 without BOM, LF line endings,
RFC 4180 quoting applied only where needed (comma, double quote, CR or LF in a field).

What the data looks like (see Fixtures/tools/README.md):
- 150 people, 6 departments of uneven size, job levels L1..L8 in a pyramid, birth years that
  follow the level, a management tree rooted at the one L8 CEO (chains of 3-6 people),
  four offices, mentoring opt-ins, and 13 tool columns scored 0-4.
- Familiarity depends on age and tool (TikTok/Snapchat/Instagram/Canva/Pinterest much higher for
  the young; LinkedIn/Teams/Facebook level or higher for seniors; Hootsuite high only in Marketing)
  with person-level and answer-level noise.
- Missing answers: ~3% blank tool cells, a few "N/A" and "Prefer not to say", one "7" and one
  "-1" (out of range), so that a reader of the file has something to warn about.
"""

import math
import sys
import unicodedata
from random import Random

SEED = 20240917

HEADER = [
    "Employee ID", "Name", "Email", "Department", "Job level", "Birth year", "Manager ID",
    "Location", "Willing to mentor", "Would like a mentor", "Mentoring capacity",
    "Pinterest", "WhatsApp", "Hootsuite", "LinkedIn", "Instagram", "TikTok", "X (Twitter)",
    "Facebook", "YouTube", "Snapchat", "Slack", "Microsoft Teams", "Canva",
]
TOOLS = HEADER[11:]

# People per job level: a pyramid, 150 in all. The default banding of genbridge (three runs of
# consecutive levels, sizes as equal as possible) splits this into L1-L2 (56), L3-L4 (44) and
# L5-L8 (50) under any reasonable "as equal as possible" criterion.
LEVEL_COUNTS = {1: 30, 2: 26, 3: 23, 4: 21, 5: 17, 6: 15, 7: 11, 8: 7}

# Department sizes (including each department's L8 head; the CEO is counted in Operations).
DEPARTMENTS = [
    ("Engineering", 38), ("Sales", 30), ("Marketing", 26),
    ("Operations", 24), ("Finance", 17), ("HR", 15),
]
CEO_DEPARTMENT = "Operations"

OFFICES = [("London", 0.42), ("Berlin", 0.23), ("Lagos", 0.19), ("Singapore", 0.16)]

# Birth year by level: (mean, standard deviation).
BIRTH_YEAR = {
    1: (1999.6, 2.0), 2: (1996.8, 2.5), 3: (1993.2, 3.0), 4: (1989.5, 3.5),
    5: (1985.5, 4.0), 6: (1980.5, 4.5), 7: (1976.5, 4.5), 8: (1967.5, 3.5),
}

# Share answering Yes, per level. Counts are exact quotas (rounded), not coin flips.
WILLING_TO_MENTOR_YES = {1: 0.75, 2: 0.72, 3: 0.63, 4: 0.45, 5: 0.40, 6: 0.35, 7: 0.30, 8: 0.28}
WANTS_MENTOR_YES = {1: 0.47, 2: 0.45, 3: 0.42, 4: 0.45, 5: 0.60, 6: 0.56, 7: 0.56, 8: 0.56}
OPT_IN_BLANK = 0.08  # share of each level leaving an opt-in question blank

# Familiarity model: latent = base + slope * youth + department/office effects + person affinity
# + noise, rounded and clamped to 0..4. youth = (birth year - 1985) / 10, so slope is per decade.
TOOL_MODEL = {
    #                  base  slope
    "Pinterest":       (1.55, 0.60),
    "WhatsApp":        (3.25, 0.15),
    "Hootsuite":       (0.45, 0.10),
    "LinkedIn":        (3.05, -0.30),
    "Instagram":       (2.25, 0.95),
    "TikTok":          (1.55, 1.35),
    "X (Twitter)":     (1.95, 0.05),
    "Facebook":        (2.30, -0.35),
    "YouTube":         (3.20, 0.20),
    "Snapchat":        (1.30, 1.25),
    "Slack":           (2.85, 0.25),
    "Microsoft Teams": (3.20, -0.10),
    "Canva":           (1.95, 0.80),
}
DEPARTMENT_EFFECT = {
    "Marketing": {"Hootsuite": 2.1, "Canva": 0.8, "Instagram": 0.5, "TikTok": 0.4,
                  "Pinterest": 0.6, "X (Twitter)": 0.6, "Facebook": 0.4, "LinkedIn": 0.2},
    "Sales": {"LinkedIn": 0.5, "WhatsApp": 0.2, "Hootsuite": 0.3},
    "HR": {"LinkedIn": 0.5, "Canva": 0.2},
    "Engineering": {"Slack": 0.6, "Microsoft Teams": -0.3, "YouTube": 0.2},
    "Finance": {"Microsoft Teams": 0.3, "Slack": -0.3},
    "Operations": {"Microsoft Teams": 0.2},
}
OFFICE_EFFECT = {
    "Lagos": {"WhatsApp": 0.5, "Facebook": 0.3, "Snapchat": 0.2},
    "Berlin": {"WhatsApp": 0.3, "Facebook": -0.3},
    "Singapore": {"WhatsApp": 0.3, "Instagram": 0.2},
    "London": {},
}
CELL_NOISE_SD = 0.75
AFFINITY_SD = 0.45

# Name pools by office (given names are gender-mixed on purpose).
GIVEN = {
    "London": ["Oliver", "Amelia", "Harry", "Priya", "Aisha", "Mohammed", "Chloe", "James",
               "Sophie", "Daniel", "Emily", "Rajesh", "Fatima", "Thomas", "Hannah", "Niamh",
               "Siobhán", "Callum", "Grace", "Imran", "Leah", "George", "Ruby", "Samuel",
               "Isla", "Kwame", "Anjali", "Matthew", "Charlotte", "Ewan"],
    "Berlin": ["Lukas", "Lena", "Jonas", "Anna", "Felix", "Marie", "Jürgen", "Özlem", "Mehmet",
               "Maximilian", "Katarzyna", "Paul", "Hannah", "Leon", "Mia", "Elif", "Tobias",
               "Johanna", "Niklas", "Clara", "Dragan", "Ines", "Matthias", "Sabine", "Élodie"],
    "Lagos": ["Ngozi", "Emeka", "Oluwaseun", "Funmilayo", "Tunde", "Ibrahim", "Chiamaka",
              "Babatunde", "Folake", "Yusuf", "Temitope", "Kelechi", "Amaka", "Segun", "Zainab",
              "Ifeoma", "Damilola", "Uchenna", "Bisi", "Nnamdi"],
    "Singapore": ["Wei Jie", "Mei Ling", "Hui Min", "Siti", "Muhammad", "Arjun", "Kavitha",
                  "Ethan", "Nurul", "Jun Hao", "Li Ting", "Darren", "Shu Fen", "Ravi",
                  "Farah", "Kai Xuan", "Hakim", "Priyanka", "Jia Hui", "Marcus"],
}
FAMILY = {
    "London": ["Smith", "Patel", "Jones", "Williams", "Khan", "Taylor", "Brown", "Davies",
               "Evans", "Ahmed", "O'Brien", "Murphy", "Wright", "Hughes", "Begum", "Walker",
               "Robinson", "Thompson", "Mensah", "Campbell", "Shah", "Hall", "Lewis", "Kaur"],
    "Berlin": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker",
               "Hoffmann", "Schäfer", "Koch", "Yılmaz", "Kowalski", "Richter", "Wolf",
               "Neumann", "Schwarz", "Zimmermann", "Krüger", "Hartmann", "Lange", "Demir",
               "Petrović", "Lefèvre"],
    "Lagos": ["Adeyemi", "Okonkwo", "Balogun", "Eze", "Bello", "Adebayo", "Ogunleye",
              "Ibrahim", "Olawale", "Obi", "Mohammed", "Uche", "Afolabi", "Chukwu", "Oyelaran",
              "Nnadi", "Bakare", "Onyekachi"],
    "Singapore": ["Tan", "Lim", "Lee", "Ng", "Wong", "Goh", "Chua", "Ong", "Koh", "Nair",
                  "Pillai", "Rahman", "Teo", "Yeo", "Chong", "Menon", "Ismail", "Sim"],
}
INTERNATIONAL_SHARE = 0.15  # people whose name comes from another office's pool

# Named people the fixture must contain: given, family, display style, office, allowed levels.
# style: "plain" -> "Given Family"; "comma" -> "Family, Given"; a nickname goes in quotes.
# "willing"/"wants" fix that person's opt-in answer (swapped with a colleague of the same level,
# so the per-level quotas stay exact); these people then show up in the demo's pairings.
SPECIAL_PEOPLE = [
    {"given": "Chidi", "family": "Okafor", "style": "comma", "office": "Lagos", "levels": (1, 2),
     "willing": "Yes"},
    {"given": "Adaeze", "family": "Nwosu", "style": "comma", "office": "Lagos", "levels": (3, 5)},
    {"given": "Wei Ling", "family": "Tan", "style": "comma", "office": "Singapore",
     "levels": (6, 7), "wants": "Yes"},
    {"given": "Robert", "nick": "Bob", "family": "Smith", "office": "London", "levels": (7, 7),
     "wants": "Yes"},
    {"given": "Katarzyna", "nick": "Kasia", "family": "Kowalska", "office": "Berlin",
     "levels": (2, 3)},
    {"given": "José", "family": "García", "office": "London", "levels": (1, 2), "willing": "Yes"},
    {"given": "Zoë", "family": "Clarke", "office": "London", "levels": (1, 3)},
    {"given": "Łukasz", "family": "Nowak", "office": "Berlin", "levels": (4, 6)},
    {"given": "Søren", "family": "Jensen", "office": "Berlin", "levels": (8, 8), "wants": "Yes"},
    {"given": "Mai", "family": "Nguyễn", "office": "Singapore", "levels": (1, 2), "willing": "Yes"},
    {"given": "Björk", "family": "Ólafsdóttir", "office": "London", "levels": (3, 5)},
    {"given": "François", "family": "Dubois", "office": "London", "levels": (5, 7)},
    {"given": "Ærin", "family": "Larsen", "office": "Berlin", "levels": (1, 3)},
]

# Missing and invalid answers in the tool columns.
BLANK_SHARE = 0.03
NA_COUNT = 6                # "N/A", mostly on Hootsuite (people who do not know what it is)
PREFER_NOT_COUNT = 4        # "Prefer not to say"
OUT_OF_RANGE = ["7", "-1"]  # one of each


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

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]

    def normal(self, mean=0.0, sd=1.0):
        u1 = 1.0 - self.rng.random()  # (0, 1]
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


def round_half_up(x):
    return int(math.floor(x + 0.5))


# --- building the population ---------------------------------------------------------------------

def make_people(d):
    people = []
    # Department heads (L8) and the CEO.
    for dept, _ in DEPARTMENTS:
        people.append({"dept": dept, "level": 8, "role": "head"})
    people.append({"dept": CEO_DEPARTMENT, "level": 8, "role": "ceo"})

    # Deal L7..L1 slots to departments so that each department gets a proportional pyramid.
    remaining = {dept: size - 1 - (1 if dept == CEO_DEPARTMENT else 0) for dept, size in DEPARTMENTS}
    total = sum(remaining.values())
    assert total == sum(c for lvl, c in LEVEL_COUNTS.items() if lvl < 8)
    assigned = {dept: 0 for dept in remaining}
    k = 0
    for level in range(7, 0, -1):
        for _ in range(LEVEL_COUNTS[level]):
            k += 1
            best = max(remaining, key=lambda dp: (
                remaining[dp] * k / total - assigned[dp] + 0.3 * d.random()))
            assigned[best] += 1
            people.append({"dept": best, "level": level, "role": "staff"})
    assert all(assigned[dp] == remaining[dp] for dp in remaining), (assigned, remaining)
    return people


def assign_offices(d, people):
    for p in people:
        p["office"] = "London" if p["role"] == "ceo" else d.weighted(OFFICES)


def assign_birth_years(d, people):
    for p in people:
        mean, sd = BIRTH_YEAR[p["level"]]
        year = d.normal(mean, sd)
        if p["level"] <= 3 and d.random() < 0.07:
            year -= 8 + 8 * d.random()  # career changers and late starters
        p["birth_year"] = max(1958, min(2005, round_half_up(year)))


def ascii_fold(text):
    table = {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ł": "l", "Ł": "L", "ß": "ss",
             "đ": "d", "Đ": "D", "ı": "i", "ð": "d", "Ð": "D", "þ": "th", "œ": "oe"}
    text = "".join(table.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def email_local(given, family):
    def part(s):
        return "".join(ch for ch in ascii_fold(s).lower() if ch.isalnum())
    return f"{part(given)}.{part(family)}"


def display_name(person):
    given, family = person["given"], person["family"]
    if person.get("nick"):
        return f'{given} "{person["nick"]}" {family}'
    if person.get("style") == "comma":
        return f"{family}, {given}"
    return f"{given} {family}"


def assign_names(d, people):
    taken = set()
    # Special people first, each on a random person of a suitable level.
    order = list(range(len(people)))
    d.shuffle(order)
    used = set()
    for spec in SPECIAL_PEOPLE:
        lo, hi = spec["levels"]
        for i in order:
            p = people[i]
            if i not in used and p["role"] != "ceo" and lo <= p["level"] <= hi:
                used.add(i)
                p["given"], p["family"] = spec["given"], spec["family"]
                p["nick"] = spec.get("nick")
                p["style"] = spec.get("style", "plain")
                p["fixed"] = {k: spec[k] for k in ("willing", "wants") if k in spec}
                p["office"] = spec["office"]
                taken.add((p["given"], p["family"]))
                break
        else:
            raise SystemExit(f"no slot for special person {spec}")
    offices = [o for o, _ in OFFICES]
    for i, p in enumerate(people):
        if i in used:
            continue
        pool = p["office"]
        if d.random() < INTERNATIONAL_SHARE:
            pool = d.choice([o for o in offices if o != p["office"]])
        while True:
            given, family = d.choice(GIVEN[pool]), d.choice(FAMILY[pool])
            if (given, family) not in taken:
                break
        taken.add((given, family))
        p["given"], p["family"], p["style"], p["nick"] = given, family, "plain", None
    emails = set()
    for p in people:
        local = email_local(p["given"], p["family"])
        candidate, n = local, 1
        while candidate in emails:
            n += 1
            candidate = f"{local}{n}"
        emails.add(candidate)
        p["email"] = f"{candidate}@example.com"
        p["name"] = display_name(p)


def assign_ids(d, people):
    # Ids of current staff: a sorted sample of E1001..E1400 (gaps are leavers).
    pool = list(range(1001, 1401))
    d.shuffle(pool)
    ids = sorted(pool[:len(people)])
    order = list(range(len(people)))
    d.shuffle(order)  # hire order is unrelated to generation order
    for i, number in zip(order, ids):
        people[i]["id"] = f"E{number}"


def assign_managers(d, people):
    """Tree: CEO <- department heads (L8) <- L7/L6 <- L6/L5/L4 <- L1..L3 (chains of 3..6)."""
    ceo = next(p for p in people if p["role"] == "ceo")
    ceo["manager"] = None
    reports = {p["id"]: 0 for p in people}
    by_dept = {}
    for p in people:
        by_dept.setdefault(p["dept"], []).append(p)
    # Who manages people: all L6/L7; about 60% of L5; about 25% of L4.
    for p in people:
        lvl = p["level"]
        p["manages"] = (lvl >= 6 or (lvl == 5 and d.random() < 0.6)
                        or (lvl == 4 and d.random() < 0.25))

    def pick(candidates):
        best = min(candidates, key=lambda m: reports[m["id"]] + 1.5 * d.random())
        reports[best["id"]] += 1
        return best["id"]

    for dept, members in by_dept.items():
        head = next(p for p in members if p["role"] == "head")
        head["manager"] = ceo["id"]
        reports[ceo["id"]] += 1
        at = {lvl: [m for m in members if m["level"] == lvl and m["role"] != "ceo"]
              for lvl in range(1, 9)}
        # Process from the top so that candidates already hang from the tree.
        for lvl in range(7, 0, -1):
            for p in sorted(at[lvl], key=lambda m: m["id"]):
                if lvl == 7:
                    plan = [[head]]
                elif lvl == 6:
                    plan = [at[7], [head]] if d.random() < 0.4 else [[head]]
                elif lvl in (4, 5):
                    plan = [at[6] + at[7], [head]]
                else:
                    first = [m for m in at[5] + (at[4] if lvl <= 2 else []) if m["manages"]]
                    plan = [first, at[5] + at[6], at[7], [head]]
                for candidates in plan:
                    if candidates:
                        p["manager"] = pick(candidates)
                        break


def assign_opt_ins(d, people):
    for lvl in range(1, 9):
        group = [p for p in people if p["level"] == lvl]
        for key, share in (("willing", WILLING_TO_MENTOR_YES), ("wants", WANTS_MENTOR_YES)):
            n = len(group)
            yes = round_half_up(share[lvl] * n)
            blank = round_half_up(OPT_IN_BLANK * n)
            answers = ["Yes"] * yes + [""] * blank + ["No"] * (n - yes - blank)
            d.shuffle(answers)
            for p, a in zip(group, answers):
                p[key] = a
    # Named people whose answer is fixed: swap with a same-level colleague to keep the quotas.
    for p in people:
        for key, value in p.get("fixed", {}).items():
            if p[key] != value:
                other = next(q for q in people if q["level"] == p["level"] and q[key] == value
                             and key not in q.get("fixed", {}))
                p[key], other[key] = value, p[key]
    # A handful of willing mentors offer to take two or three mentees.
    willing_juniors = [p for p in people if p["willing"] == "Yes" and p["level"] <= 3]
    willing_juniors.sort(key=lambda p: p["id"])
    d.shuffle(willing_juniors)
    for p in people:
        p["capacity"] = ""
    for j, p in enumerate(willing_juniors[:6]):
        p["capacity"] = "3" if j % 3 == 0 else "2"


def assign_familiarity(d, people):
    for p in people:
        youth = (p["birth_year"] - 1985) / 10.0
        affinity = d.normal(0.0, AFFINITY_SD)
        scores = {}
        for tool in TOOLS:
            base, slope = TOOL_MODEL[tool]
            latent = (base + slope * youth
                      + DEPARTMENT_EFFECT.get(p["dept"], {}).get(tool, 0.0)
                      + OFFICE_EFFECT.get(p["office"], {}).get(tool, 0.0)
                      + affinity + d.normal(0.0, CELL_NOISE_SD))
            scores[tool] = str(max(0, min(4, round_half_up(latent))))
        p["scores"] = scores


def spoil_answers(d, people):
    """Blank ~3% of tool answers; add a few N/A, Prefer not to say and out-of-range values."""
    cells = [(i, t) for i in range(len(people)) for t in TOOLS]
    d.shuffle(cells)
    n_blank = round_half_up(BLANK_SHARE * len(cells))
    pos = 0
    for i, t in cells[pos:pos + n_blank]:
        people[i]["scores"][t] = ""
    pos += n_blank
    rest = cells[pos:]
    hoot = [c for c in rest if c[1] == "Hootsuite"]
    other = [c for c in rest if c[1] != "Hootsuite"]
    specials = ([(c, "N/A") for c in hoot[:NA_COUNT - 2]]
                + [(c, "N/A") for c in other[:2]]
                + [(c, "Prefer not to say") for c in other[2:2 + PREFER_NOT_COUNT]]
                + [(c, v) for c, v in zip(other[2 + PREFER_NOT_COUNT:], OUT_OF_RANGE)])
    for (i, t), value in specials:
        people[i]["scores"][t] = value


# --- writing ---------------------------------------------------------------------------------------

def csv_field(value):
    if any(ch in value for ch in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def render(people):
    lines = [",".join(csv_field(h) for h in HEADER)]
    for p in sorted(people, key=lambda p: int(p["id"][1:])):
        row = [p["id"], p["name"], p["email"], p["dept"], f"L{p['level']}", str(p["birth_year"]),
               p["manager"] or "", p["office"], p["willing"], p["wants"], p["capacity"]]
        row += [p["scores"][t] for t in TOOLS]
        assert len(row) == len(HEADER)
        lines.append(",".join(csv_field(v) for v in row))
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        print("usage: python3 Fixtures/tools/make_sample_survey.py [OUTPUT]", file=sys.stderr)
        return 0 if len(argv) == 2 else 64
    d = Draw(SEED)
    people = make_people(d)
    assign_offices(d, people)
    assign_birth_years(d, people)
    assign_ids(d, people)
    assign_names(d, people)
    assign_managers(d, people)
    assign_opt_ins(d, people)
    assign_familiarity(d, people)
    spoil_answers(d, people)
    data = render(people).encode("utf-8")
    if len(argv) == 2 and argv[1] != "-":
        with open(argv[1], "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
