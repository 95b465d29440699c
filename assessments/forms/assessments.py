"""Input of starting an assessment (team, framework, options, scope) and of confirming its submission.
Business rules stay in the services; these only check the shape of input."""

from collections.abc import Iterable

from django import forms

from assessments.models import Assessment
from assessments.permissions import start_options_refusal
from maturity.selectors import FrameworkScope

SYSTEMS_COVERED_HELP = (
    'For a team with several models: which of them the answers are about, e.g. "Fraud scoring (card and ACH); '
    'not the legacy SAS models". Leave it blank when the team has one.'
)


def systems_covered_field(help_text: str = SYSTEMS_COVERED_HELP) -> forms.CharField:
    return forms.CharField(
        label="ML systems covered",
        max_length=Assessment._meta.get_field("systems_covered").max_length,
        required=False,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SystemsCoveredForm(forms.Form):
    """The systems a draft covers, changed on its summary page."""

    systems_covered = systems_covered_field()


class AssessmentStartForm(forms.Form):
    BLANK = "blank"
    PREVIOUS = "previous"

    start = forms.ChoiceField(
        label="Start from",
        choices=((BLANK, "A blank questionnaire"), (PREVIOUS, "The answers of the last submitted assessment")),
        initial=BLANK,
        widget=forms.RadioSelect,
    )
    systems_covered = systems_covered_field(
        f"{SYSTEMS_COVERED_HELP} Started from the last assessment, a blank one keeps the systems it covered."
    )

    # Survey mode (assessments/surveys) and evidence for facilitators, review for reviewers: each offered only to
    # those who may choose it (permissions.start_options_refusal), and refused when posted by anyone else.
    mode = forms.ChoiceField(
        label="Who answers",
        choices=(
            (Assessment.Mode.WORKSHOP, "Workshop: the team answers one shared questionnaire together"),
            (Assessment.Mode.SURVEY, "Survey: respondents answer alone, then you record the agreed answers"),
        ),
        initial=Assessment.Mode.WORKSHOP,
        widget=forms.RadioSelect,
        required=False,
    )
    anonymous_responses = forms.BooleanField(
        label="Anonymous responses (survey): the consensus shows the spread of answers, never who gave which",
        required=False,
    )
    evidence_required = forms.BooleanField(
        label="Require evidence",
        required=False,
        help_text="Submitting waits until every practice at level 3 or above answered mostly or fully in place "
        "has evidence that has not expired.",
    )
    review_required = forms.BooleanField(
        required=False,
        label="Require review: another owner or assessor accepts the result, or returns it with comments",
    )

    SCOPE_FIELD = "scope-"
    SCOPE_MESSAGE = "Answer yes or no: it decides whether the area it names is asked."

    def __init__(
        self,
        *args,
        role: str | None,
        organization_requires_review: bool,
        can_carry_forward: bool = True,
        scopes: Iterable[FrameworkScope] = (),
        scope: dict[str, bool] | None = None,
        **kwargs,
    ) -> None:
        """`scopes`: the scope questions of the framework it starts on, asked here (answered yes or no) so that
        the questionnaire asks only what is in scope from the first page; `scope` answers them beforehand (the
        team's last assessment's)."""
        super().__init__(*args, **kwargs)
        self.role = role
        if not can_carry_forward:
            self.fields["start"].choices = self.fields["start"].choices[:1]
            self.fields["systems_covered"].help_text = SYSTEMS_COVERED_HELP
        answered = scope or {}
        for question in scopes:
            self.fields[self.SCOPE_FIELD + question.key] = forms.ChoiceField(
                label=question.question,
                help_text=question.description,
                choices=(("yes", "Yes"), ("no", "No")),
                initial={True: "yes", False: "no"}.get(answered.get(question.key)),
                widget=forms.RadioSelect,
                error_messages={"required": self.SCOPE_MESSAGE, "invalid_choice": self.SCOPE_MESSAGE},
            )
        # What decides the work comes first: where it starts from, what it covers, which areas are asked.
        self.order_fields(["start", "systems_covered", *self.scope_names])
        withheld = set()
        if start_options_refusal(role, mode=Assessment.Mode.SURVEY):
            withheld |= {"mode", "anonymous_responses"}
        if start_options_refusal(role, evidence_required=True):
            withheld.add("evidence_required")
        # Where the organisation requires review of every assessment, there is nothing to choose.
        if organization_requires_review or start_options_refusal(role, review_required=True):
            withheld.add("review_required")
        self.offered = [self[name] for name in self.fields if name not in withheld]

    def clean(self) -> dict:
        data = super().clean()
        refusal = start_options_refusal(
            self.role,
            mode=data.get("mode") or Assessment.Mode.WORKSHOP,
            evidence_required=data.get("evidence_required", False),
            review_required=data.get("review_required", False),
        )
        if refusal:
            raise forms.ValidationError(refusal, code="permission_denied")
        return data

    @property
    def survey_options(self) -> dict:
        """assessment_start's `mode` and `anonymous_responses`: workshop unless a facilitator chose a survey."""
        return {
            "mode": self.cleaned_data["mode"] or Assessment.Mode.WORKSHOP,
            "anonymous_responses": self.cleaned_data["anonymous_responses"],
        }

    @property
    def carry_forward(self) -> bool:
        return self.cleaned_data["start"] == self.PREVIOUS

    @property
    def scope_names(self) -> list[str]:
        return [name for name in self.fields if name.startswith(self.SCOPE_FIELD)]

    @property
    def scope(self) -> dict[str, bool]:
        """assessment_start's `scope`: scope key -> answered yes."""
        return {name.removeprefix(self.SCOPE_FIELD): self.cleaned_data[name] == "yes" for name in self.scope_names}

    @property
    def wants_evidence_required(self) -> bool:
        return self.cleaned_data["evidence_required"]

    @property
    def requires_review(self) -> bool:
        return self.cleaned_data["review_required"]


class SubmitConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand a submitted assessment cannot be changed",
        error_messages={"required": "Tick the box to confirm that a submitted assessment cannot be changed."},
    )
