"""What a spreadsheet makes of our CSV exports: the cells, and whether any of them could run as a formula."""

import csv
import io
import re

from hypothesis import strategies as st

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# What a spreadsheet may split a cell on when it guesses the separator, or is told another one.
SEPARATORS = re.compile(r"[;,\t|\r\n]")
QUOTED_RECORDS = re.compile(r'(?:"(?:[^"]|"")*"(?:,|\r\n))*')
NUMBER = re.compile(r"-?\d+(\.\d+)?")


# The triggers, the separators, spaces, quotes and something ordinary: where the formulas hide.
TRICKY = st.sampled_from("=+-@\t\r\n;,| '\"x1")


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def formula_parts(cell: str) -> list[str]:
    """The parts of a cell that a spreadsheet could run as a formula: the cell itself, or a part of it
    split off at a separator, starting (after spaces) with a trigger. A plain number is a number."""
    if NUMBER.fullmatch(cell):
        return []
    parts = [cell, *SEPARATORS.split(cell)[1:]]
    return [part for part in parts if part.lstrip(" ").startswith(TRIGGERS)]


def assert_safe_for_spreadsheets(text: str) -> None:
    """Every field quoted (so that no separator inside one splits it for a reader that honours quotes), and no
    formula in any cell or part of a cell."""
    assert QUOTED_RECORDS.fullmatch(text), text
    assert [part for cell in cells(text) for part in formula_parts(cell)] == []
