"""What the report asks to verify (pure, no database): the practices answered "unknown", don't know. They
score as not in place, since nothing is claimed without evidence; someone has to find out."""

from collections.abc import Collection, Mapping

from maturity.scoring import UNKNOWN
from reports.builders.content import FrameworkText


def to_verify(
    *,
    text: FrameworkText,
    answers: Mapping[str, int | str],
    answered_by: Mapping[str, str],
    responses: Mapping[str, list[int | str]] | None,
    out_of_scope: Collection[str] = (),
) -> list[dict]:
    """Every question whose scored answer is "unknown", in framework order, with who answered it.

    `responses`: survey mode's submitted answers (question key -> values; None in workshop mode). A survey
    entry says how many respondents did not know either, never who: the report is every member's to read,
    and who answered what only the facilitator of a survey that is not anonymous sees
    (assessments.tenancy.reads_shared_answers)."""
    return [
        {
            "area": question.area,
            "area_name": text.area_names[question.area],
            "question": key,
            "statement": question.statement,
            "level": question.level,
            "answered_by": answered_by.get(key, ""),
            "respondents_unknown": None if responses is None else responses.get(key, []).count(UNKNOWN),
        }
        for key, question in text.questions.items()
        if answers.get(key) == UNKNOWN and question.area not in out_of_scope
    ]
