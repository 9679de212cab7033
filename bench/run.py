#!/usr/bin/env python3
"""`make bench`: genbridge against the libcsv parse floor and DuckDB, and the pairing solver at
scale. Runs are interleaved (floor, genbridge, DuckDB, floor, genbridge, ...) so that a noisy
machine slows all of them alike; medians and ratios go into BENCHMARKS.md between the markers
`<!-- bench:begin -->` and `<!-- bench:end -->`, leaving the hand-written analysis around them.
"""
import datetime
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".build" / "bench"
RELEASE = ROOT / ".build" / "release"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
SIZES = [int(size) for size in os.environ.get("BENCH_ROWS", "100000,1000000").split(",")]
PAIRING = [int(size) for size in os.environ.get("BENCH_PAIRING", "5000,50000").split(",") if size]
# A run that takes longer than this is stopped and recorded as such, so the benchmark always ends.
TIMEOUT = float(os.environ.get("BENCH_TIMEOUT", "600"))


def sh(command, **kwargs):
    print("+", " ".join(str(part) for part in command), flush=True)
    return subprocess.run(command, check=True, **kwargs)


def timed(command):
    """Wall seconds and peak resident KiB of one run; (None, None) when it ran out of time."""
    with tempfile.NamedTemporaryFile(mode="r") as memory:
        start = time.perf_counter()
        if run_or_stop(["/usr/bin/time", "-f", "%M", "-o", memory.name, *command],
                       stdout=subprocess.DEVNULL) is None:
            return None, None
        seconds = time.perf_counter() - start
        kib = int(memory.read().strip().splitlines()[-1])
    return seconds, kib


def run_or_stop(command, **kwargs):
    """Runs `command` to its end, or for TIMEOUT seconds and then stops it and everything it started
    (returns None). Raises when it fails."""
    process = subprocess.Popen(command, start_new_session=True, **kwargs)
    try:
        output, _ = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        print(f"stopped after {TIMEOUT:.0f} s: {' '.join(str(part) for part in command)}", flush=True)
        return None
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, command)
    return output if output is not None else b""


def cell(seconds):
    return f"{seconds:.3f} s" if seconds is not None else f"> {TIMEOUT:.0f} s (stopped)"


def ratio(seconds, floor):
    return f"{seconds / floor:.2f}×" if seconds is not None else f"> {TIMEOUT / floor:.0f}×"


def peak(values):
    known = [value for value in values if value is not None]
    return f"{max(known) / 1024:.0f} MiB" if known else "–"


def duckdb_available():
    try:
        import duckdb  # noqa: F401
        return True
    except ImportError:
        pass
    try:
        sh([sys.executable, "-m", "pip", "install", "--quiet", "duckdb"])
        import duckdb  # noqa: F401
        return True
    except Exception as error:  # the registry may be unreachable: the row is left out, and said so
        print(f"DuckDB not available: {error}", file=sys.stderr)
        return False


def machine():
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{model}, {os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} {platform.release()}"


def main():
    WORK.mkdir(parents=True, exist_ok=True)
    sh(["swift", "build", "-c", "release", "--product", "genbridge"], cwd=ROOT)
    sh(["swift", "build", "-c", "release", "--product", "pairing-bench"], cwd=ROOT)
    floor = WORK / "libcsv-floor"
    sh(["cc", "-O2", "-o", floor, ROOT / "bench" / "libcsv_floor.c", "-lcsv"])
    genbridge = RELEASE / "genbridge"
    have_duckdb = duckdb_available()

    lines = []
    lines.append(f"Measured {datetime.date.today().isoformat()} on {machine()}; "
                 f"{ROUNDS} interleaved rounds, medians. Command: `make bench`.\n")
    lines.append("| rows | file | libcsv floor | genbridge report | report / floor | genbridge validate "
                 "| validate / floor | DuckDB | DuckDB / floor | report peak memory | validate peak memory "
                 "| floor peak memory |")
    lines.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for rows in SIZES:
        survey = WORK / f"survey-{rows}.csv"
        if not survey.exists():
            sh([genbridge, "generate", "--rows", str(rows), "--seed", "1", "--output", survey])
        megabytes = survey.stat().st_size / 2**20
        out = WORK / f"out-{rows}"
        report = [genbridge, "report", survey, "--formats", "json", "--stdout", "none", "--out", out,
                  "--quiet", "--no-progress"]
        validate = [genbridge, "validate", survey, "--quiet", "--no-progress"]
        duck = [sys.executable, ROOT / "bench" / "duckdb_means.py", survey]
        times = {"floor": [], "genbridge": [], "validate": [], "duckdb": []}
        memory = {"floor": [], "genbridge": [], "validate": []}
        for _ in range(ROUNDS):
            seconds, kib = timed([floor, survey])
            times["floor"].append(seconds)
            memory["floor"].append(kib)
            if times["genbridge"] and times["genbridge"][-1] is None:
                pass  # it ran out of time once: not again
            else:
                seconds, kib = timed(report)
                times["genbridge"].append(seconds)
                memory["genbridge"].append(kib)
            seconds, kib = timed(validate)
            times["validate"].append(seconds)
            memory["validate"].append(kib)
            if have_duckdb:
                # The query's own time, measured inside Python: interpreter start-up is not DuckDB's.
                result = subprocess.run(duck, check=True, capture_output=True, text=True)
                times["duckdb"].append(float(result.stdout.split()[0]))
        median = {name: (None if None in values else statistics.median(values))
                  for name, values in times.items() if values}
        duck_cell = cell(median["duckdb"]) if "duckdb" in median else "not run"
        duck_ratio = ratio(median["duckdb"], median["floor"]) if "duckdb" in median else "–"
        lines.append(
            f"| {rows:,} | {megabytes:.0f} MB | {cell(median['floor'])} | {cell(median['genbridge'])} "
            f"| {ratio(median['genbridge'], median['floor'])} | {cell(median['validate'])} "
            f"| {ratio(median['validate'], median['floor'])} | {duck_cell} | {duck_ratio} "
            f"| {peak(memory['genbridge'])} | {peak(memory['validate'])} | {peak(memory['floor'])} |")

    lines.append("")
    lines.append("| pairing: mentors × mentees | solve (median of 3 runs) | pairs | total score | peak memory |")
    lines.append("| --- | --- | --- | --- | --- |")
    bench = RELEASE / "pairing-bench"
    for size in PAIRING:
        stdout = run_or_stop([bench, "--mentors", str(size), "--mentees", str(size), "--seed", "1"],
                             stdout=subprocess.PIPE, text=True)
        if stdout is None:
            lines.append(f"| {size:,} × {size:,} | > {TIMEOUT:.0f} s for 3 runs (stopped) | | | |")
            continue
        print(stdout, flush=True)
        solve = re.search(r"solve ms: median ([0-9.]+)", stdout)
        pairs = re.search(r"pairs (\d+) total score ([0-9.]+)", stdout)
        memory = re.search(r"peak memory (\d+) MiB", stdout)
        lines.append(f"| {size:,} × {size:,} | {float(solve.group(1)) / 1000:.3f} s | {pairs.group(1)} "
                     f"| {pairs.group(2)} | {memory.group(1) if memory else '?'} MiB |")
    scipy_line = scipy_comparison(bench)
    if scipy_line:
        lines.append("")
        lines.append(scipy_line)

    write(lines)


def scipy_comparison(bench):
    """SciPy's linear_sum_assignment on the dense 5,000 × 5,000 matrix of the same instance."""
    try:
        import scipy  # noqa: F401
    except ImportError:
        return "SciPy is not installed: the dense-matrix comparison was not run."
    matrix = WORK / "pairing-5000.npy"
    subprocess.run([bench, "--mentors", "5000", "--mentees", "5000", "--seed", "1", "--dump", matrix],
                   check=True, capture_output=True)
    result = subprocess.run([sys.executable, ROOT / "bench" / "scipy_assignment.py", matrix],
                            check=True, capture_output=True, text=True)
    return result.stdout.strip()


def write(lines):
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text() if path.exists() else "# Benchmarks\n\n<!-- bench:begin -->\n<!-- bench:end -->\n"
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    path.write_text(head + begin + "\n" + "\n".join(lines) + "\n" + end + tail)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
