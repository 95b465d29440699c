"""Plotly figures as plain JSON-ready dicts (pure functions: data in, figure out).

Built as dicts rather than through `plotly.graph_objects`, whose validation is the expensive part;
tests check every builder's output against Plotly's schema once.
"""

import html
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

LEVEL_TICKS = {"tickvals": [0, 1, 2, 3, 4], "range": [0, 4]}
# One colour per level everywhere: the level badges of the pages (static/css/app.css) and every chart.
LEVEL_COLOURS = ["#b8261a", "#b5561b", "#8a6d00", "#3b7a2a", "#1d5e35"]
# Days shown either side of a lone assessment, so that its axis reads in dates, not in milliseconds.
LONE_POINT_MARGIN = timedelta(days=45)
FONT = {"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 13}
# The history's areas: twelve colours far apart (CIELAB distance over 30) and at least 3:1 against white, each with
# its own line style and marker too, so that no two areas look alike even to someone who cannot tell the colours.
AREA_COLOURS = [
    "#3f51b5",
    "#33a02c",
    "#e41a1c",
    "#00838f",
    "#c51b7d",
    "#a6761d",
    "#1b5e20",
    "#4d4d4d",
    "#9970ab",
    "#d6604d",
    "#0072b2",
    "#1b9e77",
]
DASHES = ["solid", "dash", "dot", "dashdot"]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "triangle-down"]
# Beyond this many assessments a marker at every point hides the lines: lines only.
MARKED_POINTS = 24
# Pixels each area's bar takes, on one line (wide) and wrapped on two (narrow).
BAR_ROW, NARROW_BAR_ROW = 30, 40


@dataclass(frozen=True)
class RadarSeries:
    name: str
    values: Sequence[float | None]
    filled: bool = False
    dash: str = "solid"


# On a phone the legend goes below the plot and the side margins shrink: static/js/charts.js applies
# `meta.narrow` (Plotly relayout keys) below NARROW_WIDTH pixels and `meta.wide` (the same keys' values in
# the layout) above, as the window is resized.
NARROW_WIDTH = 640
NARROW = {
    "legend.orientation": "h",
    "legend.x": 0,
    "legend.xanchor": "left",
    "legend.y": -0.2,
    "legend.yanchor": "top",
    "margin.l": 40,
    "margin.r": 10,
}


def _shown(text: str) -> str:
    """A name as Plotly shows it literally: Plotly reads a subset of HTML in every text of a figure (names,
    ticks, hovers, titles), so a team named `<a href=...>` would be a link. Escaped, it reads the entities
    back as the characters. Every builder passes each name it is given through here."""
    return html.escape(text, quote=False)


def _shown_all(texts: Sequence[str]) -> list[str]:
    return [_shown(text) for text in texts]


def _wrapped(text: str, width: int) -> str:
    """A label on as few lines as its words allow within `width` characters (a longer word keeps a line of its own),
    the lines as even as can be, for Plotly, which does not wrap. Names have a few words: every split is tried."""
    words = text.split(" ")
    longest = max(width, *(len(word) for word in words))
    splits = (
        [" ".join(words[start:end]) for start, end in itertools.pairwise([0, *breaks, len(words)])]
        for count in range(len(words))
        for breaks in itertools.combinations(range(1, len(words)), count)
    )
    fitting = (lines for lines in splits if max(len(line) for line in lines) <= longest)
    # Fewest lines, then the shortest longest line, then the longest first line (top-heavy reads best).
    best = min(fitting, key=lambda lines: (len(lines), max(len(line) for line in lines), -len(lines[0])))
    return "<br>".join(best)


def _layout(title: str, narrow: dict | None = None, **extra) -> dict:
    layout = {
        "title": {"text": title},
        "font": FONT,
        "margin": {"l": 60, "r": 30, "t": 60, "b": 60},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "legend": {"orientation": "h", "y": -0.15},
        **extra,
    }
    changes = NARROW | (narrow or {})
    layout["meta"] = {
        "narrow_width": NARROW_WIDTH,
        "narrow": changes,
        "wide": {key: _at(layout, key) for key in changes},
    }
    return layout


def _at(layout: dict, dotted: str):
    """The value at a Plotly relayout key ("margin.l") in the layout; None (Plotly's default) when absent."""
    value = layout
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def radar_figure(*, area_names: Sequence[str], series: Sequence[RadarSeries]) -> dict:
    """Area scores as a closed polygon per series (current, previous, targets, organisation median); the area
    names wrapped so that they fit beside the circle on a phone."""
    names = [_wrapped(name, 16) for name in _shown_all(area_names)]
    closed_names = [*names, *names[:1]]
    traces = [
        {
            "type": "scatterpolar",
            "name": _shown(one.name),
            "r": [*one.values, one.values[0]],
            "theta": closed_names,
            "mode": "lines+markers",
            "fill": "toself" if one.filled else "none",
            "line": {"dash": one.dash},
            "connectgaps": True,
        }
        for one in series
        if any(value is not None for value in one.values)
    ]
    return {
        "data": traces,
        "layout": _layout(
            "Score by area",
            polar={
                # Clockwise from the top, the radial axis's numbers between the first two areas' names.
                "angularaxis": {"tickfont": {"size": 11}, "rotation": 90, "direction": "clockwise"},
                "radialaxis": {**LEVEL_TICKS, "angle": 90 - 180 / max(len(names), 1), "tickfont": {"size": 10}},
            },
            # The names beside the circle need about 90 px on either side at a phone's 10 px font.
            narrow={
                "margin.l": 92,
                "margin.r": 92,
                "margin.t": 70,
                "height": 420,
                "polar.angularaxis.tickfont.size": 10,
            },
            showlegend=True,
            height=480,
            # Below the names at the foot of the circle, which take two lines.
            legend={"orientation": "h", "y": -0.22},
            margin={"l": 90, "r": 90, "t": 90, "b": 70},
        ),
    }


def area_bars_figure(
    *,
    area_names: Sequence[str],
    levels: Sequence[int | None],
    scores: Sequence[float | None],
    targets: Sequence[int | None],
) -> dict:
    """A horizontal bar per area (names are long): the level reached, stacked with the progress
    towards the next level, and the target as a mark. Every bar has its label (Plotly drops every other one when
    they crowd): the labels are given one by one, the chart grows with the areas, and on a phone the names wrap."""
    names = _shown_all(area_names)
    progress = [
        round(score - level, 2) if score is not None and level is not None else None
        for score, level in zip(scores, levels, strict=True)
    ]
    bar = {"type": "bar", "orientation": "h", "y": names}
    traces = [
        bar | {"name": "Level reached", "x": list(levels), "marker": {"color": "#3c6e9f"}},
        bar | {"name": "Progress to the next level", "x": progress, "marker": {"color": "#9ec3e6"}},
    ]
    if any(target is not None for target in targets):
        traces.append(
            {
                "type": "scatter",
                "name": "Target",
                "y": names,
                "x": list(targets),
                "mode": "markers",
                "marker": {"symbol": "line-ns-open", "size": 22, "color": "#c0392b", "line": {"width": 3}},
            }
        )
    return {
        "data": traces,
        "layout": _layout(
            "Level and progress by area",
            narrow={
                "yaxis.ticktext": [_wrapped(name, 20) for name in names],
                "height": 200 + NARROW_BAR_ROW * len(names),
                "legend.y": -0.06,
            },
            barmode="stack",
            height=170 + BAR_ROW * len(names),
            xaxis=LEVEL_TICKS,
            yaxis={
                "autorange": "reversed",
                "automargin": True,
                "tickmode": "array",
                "tickvals": names,
                "ticktext": names,
            },
            # Across the whole figure (x from its edge, not the plot's), so that the entries sit side by side.
            legend={
                "orientation": "h",
                "traceorder": "normal",
                "x": 0,
                "y": -0.06,
                "yanchor": "top",
            },
            margin={"l": 60, "r": 30, "t": 60, "b": 40},
        ),
    }


def history_figure(
    *,
    dates: Sequence[datetime],
    overall: Sequence[float | None],
    areas: Mapping[str, Sequence[float | None]],
    version_starts: Sequence[tuple[datetime, int]] = (),
) -> dict:
    """Overall score and each area's score over time: one point per assessment, oldest first.

    `areas`: area name -> its scores at `dates` (None when not applicable); an area with no score at all is left
    out. `version_starts`: when a new version of the framework was first used, and its number: marked by a dashed
    line, since scores on either side answer different questions. The legend goes below the chart, as many rows as
    it needs, never scrolled (a scrolled legend prints its scrollbar and hides areas).
    """
    x = [stamp.isoformat() for stamp in dates]
    mode = "lines+markers" if len(x) <= MARKED_POINTS else "lines"
    drawn = {name: scores for name, scores in areas.items() if any(score is not None for score in scores)}
    traces = [
        {
            "type": "scatter",
            "name": "Overall",
            "x": x,
            "y": _values(overall),
            "mode": mode,
            "line": {"width": 4, "color": "#1f2d3d"},
            "marker": {"size": 8},
        }
    ]
    traces.extend(
        {
            "type": "scatter",
            "name": _shown(name),
            "x": x,
            "y": _values(scores),
            "mode": mode,
            "line": {"width": 1.5, "color": AREA_COLOURS[n % len(AREA_COLOURS)], "dash": DASHES[n % len(DASHES)]},
            "marker": {"size": 6, "symbol": SYMBOLS[n % len(SYMBOLS)]},
            "visible": "legendonly" if len(x) < 2 else True,
        }
        for n, (name, scores) in enumerate(drawn.items())
    )
    return {
        "data": traces,
        "layout": _layout(
            "Progress over time",
            # A phone has one legend entry a row: the chart grows by one row per line.
            narrow={"height": 420 + 22 * len(traces), "xaxis.nticks": 4},
            height=560,
            xaxis=_date_axis(dates),
            # A little past 0 and 4, so that a line at either is drawn whole, not half hidden by the edge.
            yaxis={**LEVEL_TICKS, "range": [-0.08, 4.08], "title": {"text": "Score"}},
            legend={
                "orientation": "h",
                "x": 0,
                "xanchor": "left",
                "y": -0.1,
                "yanchor": "top",
                "maxheight": 1,
            },
            margin={"l": 60, "r": 10, "t": 60, "b": 40},
            shapes=[_version_line(stamp) for stamp, _ in version_starts],
            annotations=[_version_label(stamp, version) for stamp, version in version_starts],
        ),
    }


def _version_line(stamp: datetime) -> dict:
    return {
        "type": "line",
        "xref": "x",
        "yref": "paper",
        "x0": stamp.isoformat(),
        "x1": stamp.isoformat(),
        "y0": 0,
        "y1": 1,
        "line": {"dash": "dash", "width": 1, "color": "#6b7280"},
    }


def _version_label(stamp: datetime, version: int) -> dict:
    return {
        "x": stamp.isoformat(),
        "xref": "x",
        "y": 1,
        "yref": "paper",
        "yanchor": "bottom",
        "text": f"Version {version}",
        "showarrow": False,
        "font": {"size": 11, "color": "#4b5563"},
    }


def _date_axis(dates: Sequence[datetime]) -> dict:
    """Days, whatever the number of points: a lone one gets a range of its own (Plotly would zoom to
    milliseconds around it)."""
    axis = {"type": "date", "tickformat": "%-d %b %Y", "hoverformat": "%-d %b %Y"}
    if len({stamp.date() for stamp in dates}) == 1:
        axis["range"] = [(dates[0] - LONE_POINT_MARGIN).isoformat(), (dates[0] + LONE_POINT_MARGIN).isoformat()]
    return axis


def heatmap_figure(*, teams: Sequence[str], areas: Sequence[str], scores: Sequence[Sequence[float | None]]) -> dict:
    """Teams (rows) by areas (columns), coloured by score: `scores[team][area]`."""
    return {
        "data": [
            {
                "type": "heatmap",
                "z": [_values(row) for row in scores],
                "x": _shown_all(areas),
                "y": _shown_all(teams),
                "zmin": 0,
                "zmax": 4,
                "colorscale": [[i / 4, colour] for i, colour in enumerate(LEVEL_COLOURS)],
                "colorbar": {"title": {"text": "Score"}},
                "texttemplate": "%{z:.2f}",
                "textfont": {"color": "#ffffff"},
                "hovertemplate": "%{y}<br>%{x}: %{z:.2f}<extra></extra>",
            }
        ],
        "layout": _layout("Teams by area", yaxis={"automargin": True}, xaxis={"automargin": True}),
    }


def level_distribution_figure(*, areas: Sequence[str], counts: Sequence[Sequence[int]]) -> dict:
    """For each area, how many teams stand at each level: `counts[area][level]`, levels 0..4."""
    return {
        "data": [
            {
                "type": "bar",
                "name": f"Level {level}",
                "x": _shown_all(areas),
                "y": [area_counts[level] for area_counts in counts],
                "marker": {"color": LEVEL_COLOURS[level]},
            }
            for level in range(5)
        ],
        "layout": _layout("Teams per level in each area", barmode="stack", yaxis=_count_axis("Teams", counts)),
    }


def _count_axis(title: str, counts: Sequence[Sequence[int]]) -> dict:
    """Whole numbers only: one tick per team while they are few, Plotly's own integer steps beyond."""
    most = max((sum(area_counts) for area_counts in counts), default=0)
    axis = {"title": {"text": title}, "tickformat": "d", "rangemode": "tozero"}
    return axis | ({"dtick": 1} if most <= 10 else {})


def _values(values: Sequence[float | None]) -> list[float | None]:
    return [None if value is None else round(float(value), 2) for value in values]
