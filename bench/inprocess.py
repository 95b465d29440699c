"""In-process timings: scoring one assessment, and computing one report against building the same
figures with plotly.graph_objects (whose validation is the cost we avoid)."""

import random
import statistics
import timeit

import plotly.graph_objects as go

from bench.table import Row
from maturity.scoring import NA, AreaDef, FrameworkDef, QuestionDef, score_assessment

AREAS = 8
QUESTIONS_PER_AREA = 8  # 64 questions, the most a framework may have


def _framework() -> FrameworkDef:
    rng = random.Random(0)  # noqa: S311 - reproducible
    return FrameworkDef(
        areas=tuple(AreaDef(key=f"a{a}", weight=rng.randint(1, 3)) for a in range(AREAS)),
        questions=tuple(
            QuestionDef(key=f"a{a}.q{q}", area=f"a{a}", level=q % 4 + 1, weight=rng.randint(1, 3))
            for a in range(AREAS)
            for q in range(QUESTIONS_PER_AREA)
        ),
    )


def _best_ms(function, number: int) -> float:
    return min(timeit.repeat(function, number=number, repeat=7)) / number * 1000


def scoring_row() -> Row:
    framework = _framework()
    rng = random.Random(1)  # noqa: S311 - reproducible
    answers = {q.key: rng.choice([0, 1, 2, 3, 3, 2, NA]) for q in framework.questions}
    ms = _best_ms(lambda: score_assessment(framework, answers), 2000)
    return Row("Scoring one 64-question assessment", ms, None, "ms", "< 0.3 ms", ms < 0.3)


def report_row() -> Row:
    """Our whole report computation (scores, content, figures as dicts) against only building its
    three figures with plotly.graph_objects."""
    from reports.builders.report import compute_content_and_figures  # noqa: PLC0415
    from reports.models import Report  # noqa: PLC0415 - needs django.setup()
    from reports.selectors.report import report_inputs  # noqa: PLC0415

    report = Report.objects.filter(status=Report.Status.READY).order_by("-assessment__submitted_at").first()
    inputs = report_inputs(assessment_id=report.assessment_id)
    ours = statistics.median(timeit.repeat(lambda: compute_content_and_figures(inputs), number=20, repeat=5)) / 20
    _, figures = compute_content_and_figures(inputs)
    baseline = (
        statistics.median(
            timeit.repeat(lambda: [go.Figure(f).to_plotly_json() for f in figures.values()], number=5, repeat=5)
        )
        / 5
    )
    return Row(
        "Computing one report (in process)",
        ours * 1000,
        baseline * 1000,
        "ms",
        "<= graph_objects building its figures",
        ours <= baseline,
    )
