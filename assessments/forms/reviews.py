"""Input of a reviewer's decision: accept, or return with what needs work.
Business rules stay in the services; these only check the shape of input."""

from django import forms

from assessments.errors import problem_texts
from assessments.forms.answers import CommentField
from assessments.inputs import comment_problems


class ReviewDecisionForm(forms.Form):
    """The sign-off page's decision: accept or return, a comment on the whole and, returning, one per question
    posted as q-KEY (left empty: no comment). Which keys are questions, and that a return says what needs work,
    are the service's rules."""

    QUESTION_FIELD = "q-"
    DECISION_MESSAGE = "Choose to accept or to return the assessment."

    decision = forms.ChoiceField(
        choices=(("accept", "Accept"), ("return", "Return")),
        error_messages={"required": DECISION_MESSAGE, "invalid_choice": DECISION_MESSAGE},
    )
    comment = CommentField()

    def clean(self) -> dict:
        data = super().clean()
        posted = {
            name.removeprefix(self.QUESTION_FIELD): text
            for name, text in self.data.items()
            if name.startswith(self.QUESTION_FIELD) and text.strip()
        }
        refused = {key: found for key, text in posted.items() if (found := comment_problems(text))}
        if refused:
            raise forms.ValidationError(problem_texts({"questions": refused}))
        data["question_comments"] = posted
        return data

    @property
    def problems(self) -> str:
        """What the page says of a refused decision, as of a review the service refused."""
        if "decision" in self.errors:
            return self.DECISION_MESSAGE
        texts = problem_texts({"comment": self.errors["comment"]}) if "comment" in self.errors else []
        return f"Nothing was saved: {'; '.join([*texts, *self.non_field_errors()])}."
