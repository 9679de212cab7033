#!/usr/bin/env python3
"""DuckDB's read_csv and a group-by of the mean familiarity per job level and tool, on the same
generated survey genbridge reads. Prints the query's wall time in seconds."""
import sys
import time

import duckdb

path = sys.argv[1]
connection = duckdb.connect()
columns = [row[0] for row in connection.execute(
    "DESCRIBE SELECT * FROM read_csv(?, header = true, all_varchar = true)", [path]).fetchall()]
level = next(name for name in columns if name.lower() in ("job level", "level"))
start = next(index for index, name in enumerate(columns) if name == "Pinterest")
tools = columns[start:start + 13]
averages = ", ".join(f'avg(TRY_CAST("{tool}" AS INTEGER))' for tool in tools)
begin = time.perf_counter()
connection.execute(
    f'SELECT "{level}", count(*), {averages} FROM read_csv(?, header = true, all_varchar = true) GROUP BY 1',
    [path]).fetchall()
print(f"{time.perf_counter() - begin:.4f}")
