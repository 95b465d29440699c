"""A report from its inputs: the scoring rule's result in words, and its figures (pure, no database)."""

from assessments.models import Assessment
from maturity.scoring import score_assessment
from reports.builders.charts import RadarSeries, area_bars_figure, history_figure, radar_figure
from reports.builders.content import report_content
from reports.builders.disagreements import disagreements
from reports.builders.verify import to_verify
from reports.selectors.report import ReportInputs


def compute_content_and_figures(inputs: ReportInputs) -> tuple[dict, dict]:
    """The report from its inputs, without the database."""
    result = score_assessment(inputs.definition, inputs.answers, targets=inputs.targets, scope=inputs.scope)
    content = report_content(
        result=result,
        text=inputs.text,
        answers=inputs.answers,
        comments=inputs.comments,
        evidence=inputs.evidence,
        judged_on=inputs.judged_on,
        systems_covered=inputs.assessment.systems_covered,
    )
    content["disagreements"] = disagreements(text=inputs.text, responses=inputs.responses, answers=inputs.answers)
    content["to_verify"] = to_verify(
        text=inputs.text,
        answers=inputs.answers,
        answered_by=inputs.answered_by,
        responses=inputs.responses if inputs.assessment.mode == Assessment.Mode.SURVEY else None,
        out_of_scope={area.key for area in result.areas if not area.in_scope},
    )
    return content, report_figures(inputs=inputs, content=content)


def report_figures(*, inputs: ReportInputs, content: dict) -> dict:
    """The radar and the bars show the areas this assessment scored: an area out of scope or answered "not
    applicable" throughout has no score, and drawn at 0 it would read as one."""
    areas = content["areas"]
    scored = [area for area in areas if area["level"] is not None]
    names = [area["name"] for area in scored]
    keys = [area["key"] for area in scored]
    series = [
        RadarSeries("This assessment", [area["score"] for area in scored], filled=True),
        RadarSeries("Previous assessment", [inputs.previous_scores.get(key) for key in keys], dash="dot"),
        RadarSeries("Targets", [inputs.targets.get(key) for key in keys], dash="dash"),
        RadarSeries("Other teams (median)", [inputs.others_median.get(key) for key in keys], dash="dashdot"),
    ]
    earlier = inputs.history
    dates = [point.submitted_at for point in earlier] + [inputs.assessment.submitted_at]
    overall = [point.overall_score for point in earlier] + [content["overall"]["score"]]
    by_area = {area["name"]: [point.scores.get(area["key"]) for point in earlier] + [area["score"]] for area in areas}
    return {
        "radar": radar_figure(area_names=names, series=series),
        "areas": area_bars_figure(
            area_names=names,
            levels=[area["level"] for area in scored],
            scores=[area["score"] for area in scored],
            targets=[area["target"] for area in scored],
        ),
        "history": history_figure(dates=dates, overall=overall, areas=by_area),
    }
