"""The chart builders are pure: small data in, the right traces out, valid for Plotly."""

import re
from datetime import UTC, datetime, timedelta

import plotly.graph_objects as go
import pytest

from reports.builders.charts import (
    RadarSeries,
    area_bars_figure,
    heatmap_figure,
    history_figure,
    level_distribution_figure,
    radar_figure,
)

AREAS = ["Data", "Training", "Monitoring"]


def test_the_radar_closes_each_polygon_and_skips_empty_series():
    figure = radar_figure(
        area_names=AREAS,
        series=[RadarSeries("Now", [1.5, 2.0, 0.33], filled=True), RadarSeries("Targets", [None, None, None])],
    )

    assert [trace["name"] for trace in figure["data"]] == ["Now"]
    assert figure["data"][0]["r"] == [1.5, 2.0, 0.33, 1.5]
    assert figure["data"][0]["theta"] == [*AREAS, "Data"]
    assert figure["layout"]["polar"]["radialaxis"]["range"] == [0, 4]


def test_the_bars_stack_level_and_progress_with_targets():
    figure = area_bars_figure(area_names=AREAS, levels=[1, 2, None], scores=[1.5, 2.0, None], targets=[3, None, 2])

    reached, progress, target = figure["data"]
    assert (reached["y"], reached["orientation"]) == (AREAS, "h")
    assert (reached["x"], progress["x"]) == ([1, 2, None], [0.5, 0.0, None])
    assert target["x"] == [3, None, 2]
    assert figure["layout"]["barmode"] == "stack"


def test_the_bars_have_no_target_trace_without_targets():
    figure = area_bars_figure(area_names=AREAS, levels=[1, 2, 0], scores=[1.5, 2.0, 0.2], targets=[None] * 3)

    assert len(figure["data"]) == 2


def test_the_history_has_an_overall_line_and_one_per_area():
    figure = history_figure(
        dates=[datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC)],
        overall=[1.0, 1.5],
        areas={"Data": [1.0, None], "Training": [1.0, 2.0]},
    )

    assert [trace["name"] for trace in figure["data"]] == ["Overall", "Data", "Training"]
    assert figure["data"][1]["y"] == [1.0, None]
    assert figure["data"][0]["x"][0].startswith("2026-01-01T00:00:00")


def test_the_heatmap_has_teams_as_rows_and_areas_as_columns():
    trace = heatmap_figure(teams=["Search", "Ads"], areas=["Data", "Training"], scores=[[1.0, 0.5], [3.5, None]])[
        "data"
    ][0]

    assert (trace["y"], trace["x"]) == (["Search", "Ads"], ["Data", "Training"])
    assert trace["z"] == [[1.0, 0.5], [3.5, None]]


def test_the_distribution_stacks_one_bar_per_level():
    figure = level_distribution_figure(areas=["Data", "Training"], counts=[[1, 0, 1, 0, 0], [0, 2, 0, 0, 0]])

    assert [trace["name"] for trace in figure["data"]] == [f"Level {n}" for n in range(5)]
    assert figure["data"][1]["y"] == [0, 2]


FIGURES = [
    radar_figure(area_names=AREAS, series=[RadarSeries("Now", [1, 2, None], filled=True)]),
    area_bars_figure(area_names=AREAS, levels=[1, 2, None], scores=[1.5, 2.0, None], targets=[3, None, 2]),
    history_figure(dates=[datetime(2026, 1, 1, tzinfo=UTC)], overall=[1.0], areas={"Data": [None]}),
    heatmap_figure(teams=["Search"], areas=["Data"], scores=[[1.0]]),
    level_distribution_figure(areas=["Data"], counts=[[1, 1, 1, 1, 1]]),
]


@pytest.mark.parametrize("figure", FIGURES)
def test_every_figure_is_valid_for_plotly(figure):
    go.Figure(figure)  # raises ValueError on any property Plotly does not know


@pytest.mark.parametrize("figure", FIGURES)
def test_every_figure_puts_its_legend_below_on_a_phone_and_can_go_back(figure):
    meta = figure["layout"]["meta"]

    assert meta["narrow_width"] >= 390
    assert (meta["narrow"]["legend.orientation"], meta["narrow"]["legend.yanchor"]) == ("h", "top")
    assert meta["narrow"]["legend.y"] < 0
    assert set(meta["wide"]) == set(meta["narrow"])
    go.Figure(figure).update_layout(meta["narrow"])  # the narrow keys are valid for Plotly too


def test_the_wide_layout_is_the_figures_own():
    figure = history_figure(dates=[datetime(2026, 1, 1, tzinfo=UTC)], overall=[1.0], areas={"Data": [None]})

    wide = figure["layout"]["meta"]["wide"]

    assert (wide["legend.orientation"], wide["legend.x"], wide["margin.l"]) == ("h", 0, 60)
    assert wide["height"] == figure["layout"]["height"]


# --- Every area readable at 360 px, 1280 px and on paper (issue 23, item 13) -------------------------------

TWELVE = [
    "People and process",
    "Data management",
    "Experimentation and reproducibility",
    "Training pipelines",
    "Testing and validation",
    "Release and deployment",
    "Monitoring and feedback",
    "Governance and responsible AI",
    "ML security and supply chain",
    "ML cost",
    "Generative-AI operations",
    "EU AI Act readiness",
]


def one_line(label: str) -> str:
    return label.replace("<br>", " ")


def test_every_bar_has_its_own_tick_label_at_every_width():
    figure = area_bars_figure(area_names=TWELVE, levels=[1] * 12, scores=[1.5] * 12, targets=[None] * 12)
    axis, narrow = figure["layout"]["yaxis"], figure["layout"]["meta"]["narrow"]

    # Plotly drops every other category label when they crowd; given as an array, each is drawn.
    assert (axis["tickmode"], axis["tickvals"]) == ("array", TWELVE)
    assert axis["ticktext"] == TWELVE
    assert [one_line(label) for label in narrow["yaxis.ticktext"]] == TWELVE
    assert all(len(line) <= 20 for label in narrow["yaxis.ticktext"] for line in label.split("<br>"))
    assert narrow["yaxis.ticktext"][2] == "Experimentation and<br>reproducibility"
    # Room for each bar and its label: the chart grows with the areas.
    assert figure["layout"]["height"] >= 12 * 28
    assert narrow["height"] >= 12 * 2 * 16


def test_the_radar_wraps_its_area_names_to_fit_a_phone():
    figure = radar_figure(area_names=TWELVE, series=[RadarSeries("Now", [2.0] * 12, filled=True)])

    theta = figure["data"][0]["theta"]
    assert [one_line(label) for label in theta] == [*TWELVE, TWELVE[0]]
    lines = [line for label in theta for line in label.split("<br>")]
    assert all(len(line) <= 16 or " " not in line for line in lines)  # a longer word keeps a line of its own
    assert "Experimentation" in lines


def test_the_history_gives_twelve_areas_twelve_colours_and_tells_them_apart_by_line_and_marker_too():
    dates = [datetime(2026, month, 1, tzinfo=UTC) for month in (1, 4, 7)]
    figure = history_figure(dates=dates, overall=[1.0, 1.5, 2.0], areas={name: [1.0, 1.5, 2.0] for name in TWELVE})

    areas = figure["data"][1:]
    colours = [trace["line"]["color"] for trace in areas]
    looks = {(trace["line"]["color"], trace["line"]["dash"], trace["marker"]["symbol"]) for trace in areas}
    assert len(set(colours)) == 12
    assert figure["data"][0]["line"]["color"] not in colours
    assert len({trace["line"]["dash"] for trace in areas}) > 1
    assert len({trace["marker"]["symbol"] for trace in areas}) > 1
    assert len(looks) == 12


def test_the_history_legend_sits_below_the_chart_and_never_scrolls():
    figure = history_figure(
        dates=[datetime(2026, 1, 1, tzinfo=UTC)], overall=[1.0], areas={name: [1.0] for name in TWELVE}
    )
    legend, meta = figure["layout"]["legend"], figure["layout"]["meta"]

    assert (legend["orientation"], legend["yanchor"]) == ("h", "top")
    assert legend["y"] < 0
    # Plotly scrolls a legend taller than maxheight: a ratio of the whole figure's height when at most 1.
    assert legend["maxheight"] == 1
    assert meta["narrow"]["height"] > figure["layout"]["height"]  # one entry a row on a phone


def test_a_hundred_assessments_draw_lines_without_a_marker_at_each_point():
    dates = [datetime(2000, 1, 1, tzinfo=UTC) + timedelta(days=30 * n) for n in range(100)]
    many = history_figure(dates=dates, overall=[1.0] * 100, areas={"Data": [1.0] * 100})
    few = history_figure(dates=dates[:1], overall=[1.0], areas={"Data": [1.0]})

    assert {trace["mode"] for trace in many["data"]} == {"lines"}
    assert {trace["mode"] for trace in few["data"]} == {"lines+markers"}


HOSTILE_NAMES = ['<a href="https://evil.example">x</a>', '<span style="font-size:80px">big</span> & co']
# The only markup of our own in the figures: line breaks and the hover box's hidden trace name.
OUR_TAGS = {"br", "extra"}
TAG = re.compile(r"<\s*/?\s*([A-Za-z]+)")


def strings_of(value) -> list[str]:
    """Every string anywhere in a figure: keys and values, at any depth."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in (*strings_of(key), *strings_of(item))]
    if isinstance(value, list | tuple):
        return [text for item in value for text in strings_of(item)]
    return []


def tags_in(figure: dict) -> set[str]:
    return {tag.lower() for text in strings_of(figure) for tag in TAG.findall(text)}


HOSTILE_FIGURES = [
    radar_figure(area_names=HOSTILE_NAMES, series=[RadarSeries(HOSTILE_NAMES[0], [1, 2], filled=True)]),
    area_bars_figure(area_names=HOSTILE_NAMES, levels=[1, 2], scores=[1.5, 2.0], targets=[3, None]),
    history_figure(
        dates=[datetime(2026, 1, 1, tzinfo=UTC)], overall=[1.0], areas={name: [1.0] for name in HOSTILE_NAMES}
    ),
    heatmap_figure(teams=HOSTILE_NAMES, areas=HOSTILE_NAMES, scores=[[1.0, 2.0], [3.0, None]]),
    level_distribution_figure(areas=HOSTILE_NAMES, counts=[[1, 1, 1, 1, 1], [0, 0, 0, 0, 1]]),
]


@pytest.mark.parametrize("figure", HOSTILE_FIGURES)
def test_it_gives_plotly_no_markup_from_the_names_it_shows(figure):
    assert tags_in(figure) <= OUR_TAGS


def test_it_escapes_the_names_so_that_plotly_shows_them_as_written():
    trace = heatmap_figure(teams=HOSTILE_NAMES, areas=["Data"], scores=[[1.0], [2.0]])["data"][0]

    assert trace["y"] == [
        '&lt;a href="https://evil.example"&gt;x&lt;/a&gt;',
        '&lt;span style="font-size:80px"&gt;big&lt;/span&gt; &amp; co',
    ]


def test_a_radar_without_any_scored_area_is_empty():
    assert radar_figure(area_names=[], series=[RadarSeries("Now", [], filled=True)])["data"] == []
