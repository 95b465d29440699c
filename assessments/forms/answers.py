"""Input of one answer: its value on the answer scale and its comment.
Business rules stay in the services; these only check the shape of input."""

from django import forms

from assessments.inputs import comment_problems
from assessments.models import AnswerScale
from assessments.services.answers import AnswerInput


class CommentField(forms.CharField):
    """A comment kept as typed, refused as inputs.comment_problems says (its own words for NUL characters)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(required=False, strip=False, **kwargs)
        self.validators = [_validate_comment]


def _validate_comment(comment: str) -> None:
    if problems := comment_problems(comment):
        raise forms.ValidationError(problems)


ANSWER_VALUE_MESSAGE = (
    f"Choose one of the answers, from {AnswerScale.NOT_IN_PLACE.label} to {AnswerScale.FULLY_IN_PLACE.label}, "
    f"{AnswerScale.NOT_APPLICABLE.label} or {AnswerScale.UNKNOWN.label}."
)


class AnswerForm(forms.Form):
    """One answer as a page posts it: a radio value of the scale and a comment kept as typed. Whether the
    question exists and a not-applicable answer has its reason are the service's to say. `comment_alone`: the
    value may be left out, for a comment typed before the answer is chosen (the shared answers keep it)."""

    value = forms.TypedChoiceField(
        choices=AnswerScale.choices,
        coerce=AnswerScale.value_of,
        empty_value=None,
        error_messages={"required": ANSWER_VALUE_MESSAGE, "invalid_choice": ANSWER_VALUE_MESSAGE},
    )
    comment = CommentField()

    def __init__(self, *args, question: str, comment_alone: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.question = question
        self.fields["value"].required = not comment_alone

    @property
    def item(self) -> AnswerInput:
        return AnswerInput(self.question, self.cleaned_data["value"], self.cleaned_data["comment"])

    @property
    def messages(self) -> list[str]:
        """Every message of a refused answer, in field order."""
        return [message for name in self.fields for message in self.errors.get(name, [])]


def answer_problem_messages(problem: dict) -> list[str]:
    """The messages a page shows for one answer the service refused (an item of AnswersInvalidError.problems)."""
    return [
        text.replace(f'"{AnswerScale.NOT_APPLICABLE.value}"', AnswerScale.NOT_APPLICABLE.label)
        for texts in problem["errors"].values()
        for text in texts
    ]
