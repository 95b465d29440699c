"""Time the scoring engine alone, without a database: `python bench/scoring.py`.

The full benchmark (`make bench`) includes this row; this script is the quick check while working on
maturity/scoring.py.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.inprocess import scoring_row
from bench.table import render

if __name__ == "__main__":
    row = scoring_row()
    print(render([row]))
    sys.exit(0 if row.met else 1)
