"""Where a survey's respondents disagreed (pure, no database): the questions whose submitted answers are two
steps apart or more, in framework order, with the answer the facilitator recorded as agreed."""

from collections.abc import Mapping

from assessments.rules.spread import spread_of
from reports.builders.content import ANSWER_LABELS, FrameworkText


def disagreements(
    *, text: FrameworkText, responses: Mapping[str, list[int | str]], answers: Mapping[str, int | str]
) -> list[dict]:
    """`responses`: question key -> the respondents' answers (empty in workshop mode); `answers`: the agreed."""
    found = []
    for key, question in text.questions.items():
        spread = spread_of(responses.get(key, ()))
        if spread.disagreement:
            found.append(
                {
                    "area": question.area,
                    "area_name": text.area_names[question.area],
                    "question": key,
                    "statement": question.statement,
                    "min": spread.minimum,
                    "median": float(spread.median),
                    "max": spread.maximum,
                    "agreed": answers.get(key),
                }
            )
    return found


def disagreements_with_labels(content: dict) -> list[dict]:
    """The report's disagreements, each with its agreed answer as pages word it ("2 mostly in place", "don't
    know"; `agreed_label` None when none was agreed)."""
    return [item | {"agreed_label": _agreed_label(item["agreed"])} for item in content.get("disagreements", [])]


def _agreed_label(value: int | str | None) -> str | None:
    if value is None:
        return None
    return f"{value} {ANSWER_LABELS[value]}" if isinstance(value, int) else ANSWER_LABELS[value]
