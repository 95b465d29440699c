"""CSV exports of every app, safe to open in a spreadsheet."""

import csv
import io
import re
from collections.abc import Iterable, Sequence

# What makes a spreadsheet read a cell as a formula (OWASP's list of CSV injection triggers).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A spreadsheet that guesses the separator, or is told another one than ours, splits a cell at any of these
# and reads each part as a cell of its own: `x;=cmd|' /C calc'!A0` would run `=cmd...` in one set to `;`.
_CELL_SEPARATORS = ";,\t|\r\n"
# Where a part starts (the value's start, or just after a separator), if it starts a formula, spaces first
# (a spreadsheet may trim them): a quote goes there, so that the part reads as text.
_FORMULA_START = re.compile(
    rf"(?:^|(?<=[{re.escape(_CELL_SEPARATORS)}]))(?=[ ]*[{re.escape(''.join(FORMULA_PREFIXES))}])"
)


def neutralise(value: object) -> object:
    """A text that a spreadsheet could run as a formula, whole or split at any separator, with a quote before
    each part that would (CSV injection). Numbers are numbers, never formulas: they pass as they are."""
    if isinstance(value, str):
        return _FORMULA_START.sub("'", value)
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Every field quoted, so that a separator inside a value never splits it for a reader honouring quotes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    writer.writerows([neutralise(value) for value in row] for row in rows)
    return buffer.getvalue()
