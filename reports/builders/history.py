"""What the history API, CSV, chart, dashboard table and comparison form make of a team's submitted
assessments (pure: reports.selectors.history's dataclasses in)."""

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format

from maturity.scoring import Movement, movement
from reports.builders.charts import history_figure
from reports.builders.comparison import ScoreChange, score_change
from reports.selectors.history import AreaResult, SubmittedAssessment


def history_payload(history: list[SubmittedAssessment]) -> list[dict]:
    """The team history as the API shows it (HistoryEntrySerializer): one entry per submitted assessment,
    oldest first, its areas in the order of its framework version."""
    movements = _movements(history)
    changed = version_changes(history)
    return [
        {
            "id": entry.assessment_id,
            "number": entry.number,
            "submitted_at": entry.submitted_at,
            "kind": entry.kind,
            "framework": entry.framework,
            "framework_version": entry.framework_version,
            "systems_covered": entry.systems_covered,
            "version_changed": entry.assessment_id in changed,
            "report_status": entry.report_status,
            "movement": movements[entry.assessment_id],
            "overall": {"level": entry.level, "score": entry.score},
            "areas": [{"key": key, "level": area.level, "score": area.score} for key, area in entry.areas.items()],
        }
        for entry in history
    ]


def _movements(history: list[SubmittedAssessment]) -> dict[int, Movement | None]:
    """Assessment id -> its movement since the last entry before it on the same framework with a score."""
    return {entry.assessment_id: movement(before, entry.score) for entry, before in _with_score_before(history)}


def _with_score_before(history: list[SubmittedAssessment]) -> list[tuple[SubmittedAssessment, float | None]]:
    """Each entry, oldest first, with the score of the last entry before it on the same framework that has
    one: the one point every change and movement of a team's history is measured from."""
    last_score: dict[str, float] = {}  # framework slug -> last score
    pairs = []
    for entry in history:
        pairs.append((entry, last_score.get(entry.framework)))
        if entry.score is not None:
            last_score[entry.framework] = entry.score
    return pairs


def version_changes(history: list[SubmittedAssessment]) -> set[int]:
    """Ids of the first entries on a newer version of their framework than any entry before them: where
    history and comparisons change questionnaire (design section 1). A draft started on an older version
    and submitted later returns to it without marking a change."""
    newest: dict[str, int] = {}  # framework slug -> the newest version of its entries so far
    changed = set()
    for entry in history:
        if entry.framework_version > newest.setdefault(entry.framework, entry.framework_version):
            changed.add(entry.assessment_id)
        newest[entry.framework] = max(newest[entry.framework], entry.framework_version)
    return changed


HISTORY_CSV_COLUMNS = [
    "assessment_id",
    "assessment",  # its title, "Self-assessment 3 of Fraud scoring"
    "team",
    "organization",
    "kind",
    "framework",
    "framework_version",
    "submitted_at",
    "submitted_by",
    "systems_covered",
    "report_status",
    "overall_level",
    "overall_score",
]


def history_table(
    *, team: str, organization: str, history: list[SubmittedAssessment], area_names: Mapping[str, str]
) -> tuple[list, list]:
    """The header and rows of the history CSV: overall figures, then `<area>_level`, `<area>_score`."""
    header = HISTORY_CSV_COLUMNS + [f"{key}_{figure}" for key in area_names for figure in ("level", "score")]
    rows = []
    for entry in history:
        row = [
            entry.assessment_id,
            f"{entry.short_title} of {team}",
            team,
            organization,
            entry.kind,
            entry.framework,
            entry.framework_version,
            entry.submitted_at.isoformat(),
            entry.submitted_by,
            entry.systems_covered,
            entry.report_status,
            entry.level,
            entry.score,
        ]
        for key in area_names:
            area = entry.areas.get(key, AreaResult(None, None))
            row += [area.level, area.score]
        rows.append(["" if value is None else value for value in row])
    return header, rows


def history_chart(history: list[SubmittedAssessment], area_names: Mapping[str, str]) -> dict | None:
    """The progress-over-time figure of the assessments whose report is ready (`history`: of one framework,
    `area_names` its areas over every version); None without any."""
    ready = [entry for entry in history if entry.report_ready]
    if not ready:
        return None
    areas = {
        name: [entry.areas[key].score if key in entry.areas else None for entry in ready]
        for key, name in area_names.items()
    }
    changed = version_changes(ready)  # the line marks the first point drawn on the newer version
    return history_figure(
        dates=[entry.submitted_at for entry in ready],
        overall=[entry.score for entry in ready],
        areas=areas,
        version_starts=[
            (entry.submitted_at, entry.framework_version) for entry in ready if entry.assessment_id in changed
        ],
    )


def assessment_choices(history: list[SubmittedAssessment]) -> list[tuple[int, str]]:
    """Newest first, for the two selects of the comparison form."""
    choices = []
    for entry in reversed(history):
        when = date_format(timezone.localtime(entry.submitted_at), "j M Y")
        result = "" if entry.score is None else f", score {entry.score:.2f}"
        choices.append((entry.assessment_id, f"{entry.short_title} of {when}{result}"))
    return choices


@dataclass(frozen=True)
class HistoryRow(SubmittedAssessment):
    """A submitted assessment as the team dashboard lists it."""

    level_name: str = ""
    change: ScoreChange | None = None
    movement: Movement | None = None
    version_changed: bool = False  # the first of its framework's version after another version


def history_rows(history: list[SubmittedAssessment], level_names: Mapping[str, Mapping[int, str]]) -> list[HistoryRow]:
    """Newest first, each with the change of overall score since the last assessment before it on the same
    framework that has a score (`level_names`: framework slug -> level number -> name)."""
    rows = []
    changed = version_changes(history)
    for entry, before in _with_score_before(history):
        names = level_names.get(entry.framework, {})
        level_name = names.get(entry.level, "") if entry.level is not None else ""
        change, moved = score_change(before, entry.score), movement(before, entry.score)
        rows.append(
            HistoryRow(
                **vars(entry),
                level_name=level_name,
                change=change,
                movement=moved,
                version_changed=entry.assessment_id in changed,
            )
        )
    return rows[::-1]
