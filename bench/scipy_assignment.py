#!/usr/bin/env python3
"""SciPy's linear_sum_assignment on the dense matrix `pairing-bench --dump` writes: little-endian
Int32 rows (mentees), Int32 columns (mentors), then rows x columns Float64 scores, NaN where a pair
is not usable. Unusable pairs get a cost no usable assignment can beat, which is how a dense solver
is usually fed such a problem. Prints one Markdown sentence with the solve time (median of 3)."""
import statistics
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

with open(sys.argv[1], "rb") as handle:
    rows, columns = np.frombuffer(handle.read(8), dtype="<i4")
    scores = np.frombuffer(handle.read(), dtype="<f8").reshape(rows, columns)
usable = ~np.isnan(scores)
# Coverage first, then score: every usable pair earns a bonus larger than any total score.
bonus = np.nansum(np.nanmax(np.where(usable, scores, 0), axis=1)) + 1
profit = np.where(usable, bonus + np.nan_to_num(scores), 0.0)
times = []
for _ in range(3):
    start = time.perf_counter()
    row, column = linear_sum_assignment(profit, maximize=True)
    times.append(time.perf_counter() - start)
chosen = usable[row, column]
print(f"SciPy {__import__('scipy').__version__} `linear_sum_assignment` on the same {rows:,} × {columns:,} "
      f"instance as a dense matrix: {statistics.median(times):.3f} s (median of 3), "
      f"{int(chosen.sum())} pairs, total score {scores[row, column][chosen].sum():.1f}.")
