"""Input parsing of the web pages. Business rules stay in services.py; these only check the shape of input."""

from collections.abc import Iterable

from django import forms
from django.core.validators import validate_email
from django.template.defaultfilters import pluralize
from django.utils.formats import date_format
from django.utils.timezone import localtime

from assessments.errors import problem_texts
from assessments.inputs import comment_problems, link_problem
from assessments.models import AnswerScale, Assessment, Evidence, Organization, Role, TargetLevel, Team
from assessments.permissions import start_options_refusal
from assessments.services.answers import AnswerInput
from maturity.models import Area, Level
from maturity.selectors import FrameworkScope


class OrganizationForm(forms.Form):
    name = forms.CharField(label="Name", max_length=Organization._meta.get_field("name").max_length)


def username_or_email(text: str) -> tuple[str, str]:
    """(username, "") or ("", address): no username has an @ (accounts.validators), so a text with one is an
    address and is looked up only as an address, never as a username."""
    text = text.strip()
    return ("", text) if "@" in text else (text, "")


class MemberAddForm(forms.Form):
    user = forms.CharField(
        label="Username or email address",
        max_length=254,
        help_text="A member's role changes at once; anyone else is invited by email and joins by accepting.",
    )
    role = forms.ChoiceField(label="Role", choices=Role.choices, initial=Role.MEMBER)

    def clean_user(self) -> str:
        text = self.cleaned_data["user"]
        _, email = username_or_email(text)
        if email:
            validate_email(email)
        return text.strip()


class TeamForm(forms.Form):
    name = forms.CharField(label="Team name", max_length=Team._meta.get_field("name").max_length)


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


class TargetsForm(forms.Form):
    """One select per area of the framework; an area with a target cannot go back to "no target" (there is
    no service for that: targets are a history of levels)."""

    def __init__(
        self,
        *args,
        areas: Iterable[Area],
        levels: Iterable[Level],
        current: dict[str, TargetLevel],
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.current = current
        level_choices = [(level.number, f"{level.number} · {level.name}") for level in levels]
        for area in areas:
            target = current.get(area.key)
            self.fields[area.key] = forms.TypedChoiceField(
                label=area.name,
                choices=level_choices if target else [("", "No target"), *level_choices],
                coerce=int,
                empty_value=None,
                required=False,
                initial=target.level if target else "",
                help_text=_target_help(target),
            )

    def changed_targets(self) -> dict[str, int]:
        """Area key -> new level, for the areas whose target differs from the current one."""
        changed = {}
        for key, level in self.cleaned_data.items():
            current = self.current.get(key)
            if level is not None and (current is None or current.level != level):
                changed[key] = level
        return changed

    def current_rows(self) -> list[tuple[str, str, str]]:
        """(area name, current target, who set it when), for reading without the form."""
        return [
            (field.label, dict(field.choices).get(field.initial, "No target"), field.help_text)
            for field in self.fields.values()
        ]


def _target_help(target: TargetLevel | None) -> str:
    if target is None:
        return "No target set yet."
    return f"Set by {target.set_by.get_username()} on {date_format(localtime(target.set_at), 'j M Y')}."


class SubmitConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand a submitted assessment cannot be changed",
        error_messages={"required": "Tick the box to confirm that a submitted assessment cannot be changed."},
    )


class MyAnswersSubmitForm(forms.Form):
    """A respondent's submission. With required questions blank (adaptive depth) it needs the box that names
    how many ticked, and for as many as are blank now: answers saved since the box was shown change it."""

    leave_blank = forms.CharField(required=False)

    def __init__(self, *args, required_blank: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.required_blank = required_blank

    def clean_leave_blank(self) -> str:
        confirmed = self.cleaned_data["leave_blank"]
        if self.required_blank and confirmed != str(self.required_blank):
            count = self.required_blank
            raise forms.ValidationError(
                f"Tick the box to submit with {count} required question{pluralize(count)} blank, or answer "
                f"{pluralize(count, 'it,them')} first."
                if not confirmed
                else f"{count} required question{pluralize(count)} {pluralize(count, 'is,are')} blank now: "
                "tick the box again to submit with them blank."
            )
        return confirmed


class EvidenceForm(forms.Form):
    url = forms.CharField(label="Link", required=False, max_length=Evidence._meta.get_field("url").max_length)
    file = forms.FileField(label="Or a file", required=False)
    description = forms.CharField(
        label="What it shows", required=False, max_length=Evidence._meta.get_field("description").max_length
    )
    valid_until = forms.DateField(
        label="Valid until", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        if url and (problem := link_problem(url)):
            raise forms.ValidationError(problem)
        return url

    def clean(self) -> dict:
        data = super().clean()
        has_url, has_file = bool(data.get("url", "").strip()), bool(data.get("file"))
        if has_url == has_file and not self.errors:
            message = "Give a link or a file, not both." if has_url else "Give a link or choose a file."
            raise forms.ValidationError(message)
        return data


class EvidenceRequiredForm(forms.Form):
    evidence_required = forms.BooleanField(required=False)


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


class RespondentsAddForm(forms.Form):
    """The respondents page: members picked from the organisation's, someone else by username or address, and
    the survey's deadline; or, with `whole_team`, the whole team with the deadline."""

    members = forms.MultipleChoiceField(label="Members", required=False)
    # No length limit of its own: the service names what is wrong with the address (or the username).
    respondent = forms.CharField(label="Someone else: a username or an email address", required=False)
    deadline = forms.DateField(
        label="Answer by (optional)",
        required=False,
        help_text="The survey's deadline, named in the mail of everyone you add and on every respondent's home. "
        "Leave it empty for none.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, candidates: list[str], organization: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].choices = [(username, username) for username in candidates]
        self.fields["respondent"].help_text = (
            f"A member, whatever their role, or anyone's address: an address that is not a member's is invited to "
            f"join {organization} as a member, then answers."
        )

    def people(self) -> tuple[list[str], list[str]]:
        """The usernames and the addresses to add (no username has an @: username_or_email)."""
        username, email = username_or_email(self.cleaned_data["respondent"])
        usernames = [*self.cleaned_data["members"], *([username] if username else [])]
        return list(dict.fromkeys(usernames)), [email] if email else []
