"""The one CSV writer of every export: every field quoted, and no cell, nor any part of a cell that a
spreadsheet splitting on another separator would make a cell of its own, read as a formula."""

from hypothesis import given, settings
from hypothesis import strategies as st

from core.csv_text import csv_text
from tests.spreadsheets import TRICKY, assert_safe_for_spreadsheets, cells


def test_it_quotes_every_field():
    assert csv_text(["a", "b"], [["x", 1], ["", 2.5]]) == '"a","b"\r\n"x","1"\r\n"","2.5"\r\n'


def test_it_prefixes_a_formula_at_the_start_of_a_value():
    assert cells(csv_text(["comment"], [["=1+2"], ["@SUM(A1)"], ["-x"], ["+x"]]))[1:] == [
        "'=1+2",
        "'@SUM(A1)",
        "'-x",
        "'+x",
    ]


def test_it_prefixes_a_formula_after_a_separator_a_spreadsheet_could_split_on():
    (cell,) = cells(csv_text(["comment"], [["x;=cmd|' /C calc'!A0"]]))[1:]

    assert cell == "x;'=cmd|' /C calc'!A0"


def test_it_prefixes_every_part_that_starts_a_formula():
    (cell,) = cells(csv_text(["comment"], [["a,=1|+2\t-3\n@4;  =5"]]))[1:]

    assert cell == "a,'=1|'+2\t'-3\n'@4;'  =5"


def test_it_leaves_numbers_and_ordinary_text_alone():
    assert cells(csv_text(["a", "b", "c"], [[-1, -0.5, "Costs 3-4 days, e.g. A+B"]]))[3:] == [
        "-1",
        "-0.5",
        "Costs 3-4 days, e.g. A+B",
    ]


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.lists(st.text(alphabet=TRICKY, max_size=12), min_size=3, max_size=3), min_size=1, max_size=4))
def test_no_cell_nor_part_of_a_cell_starts_a_formula(rows):
    assert_safe_for_spreadsheets(csv_text(["a", "b", "c"], rows))


@settings(max_examples=300, deadline=None, database=None)
@given(st.text() | st.text(alphabet=TRICKY))
def test_any_text_reads_back_as_itself_less_the_prefixes(value):
    (cell,) = cells(csv_text(["value"], [[value]]))[1:]

    assert cell.replace("'", "") == value.replace("'", "")
