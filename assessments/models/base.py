"""Organisation -> teams -> assessments -> answers, and who may do what (design section 4)."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q

from maturity import scoring
from maturity.models import Framework, Question


class Organization(models.Model):
    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    # Archived: out of every list, still readable by URL for its members, and can be restored.
    archived_at = models.DateTimeField(null=True, blank=True)
    # Every assessment started in it goes to review on submission (an assessor may ask for it on one audit).
    review_required = models.BooleanField(default=False)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="Membership", related_name="organizations")

    class Meta:
        ordering = ("name", "id")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    ASSESSOR = "assessor", "Assessor"
    MEMBER = "member", "Member"
    VIEWER = "viewer", "Viewer"


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("organization", "user__username")
        constraints = [
            models.UniqueConstraint(fields=("user", "organization"), name="membership_user_organization_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.organization} ({self.role})"


class Team(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    # Archived: out of every list and dashboard, its assessments and reports still readable by URL.
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("organization", "name")
        constraints = [
            models.UniqueConstraint(fields=("organization", "name"), name="team_organization_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class TargetLevel(models.Model):
    """A team's target for one area of a framework, in every version of it (areas keep their keys across
    versions); every change is a new row, so the history of targets is kept."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="targets")
    framework_slug = models.SlugField(max_length=50, db_index=False)  # the index below starts with the team
    area_key = models.SlugField(max_length=50)
    level = models.PositiveSmallIntegerField(validators=[MaxValueValidator(4)])
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("team", "framework_slug", "area_key", "-set_at")
        indexes = [
            models.Index(fields=("team", "framework_slug", "area_key", "-set_at"), name="target_team_framework_area")
        ]
        constraints = [models.CheckConstraint(condition=Q(level__lte=4), name="target_level_at_most_4")]

    def __str__(self) -> str:
        return f"{self.team}: {self.framework_slug}.{self.area_key} -> {self.level}"


class Assessment(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        # Submitted when review is required: its report is computed but provisional until a reviewer
        # accepts it (then SUBMITTED) or returns it (then DRAFT again).
        IN_REVIEW = "in_review", "In review"
        SUBMITTED = "submitted", "Submitted"

    class Kind(models.TextChoices):
        SELF = "self", "Self-assessment"
        AUDIT = "audit", "Audit"

    class Mode(models.TextChoices):
        # One shared set of answers, filled in together.
        WORKSHOP = "workshop", "Workshop"
        # Each respondent answers alone; the facilitator records the agreed answers (the scored ones).
        SURVEY = "survey", "Survey"

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="assessments")
    # Its place in the order the team started its assessments (1, 2, ...): what people call it.
    number = models.PositiveIntegerField()
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="assessments")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.SELF)
    mode = models.CharField(max_length=16, choices=Mode.choices, default=Mode.WORKSHOP)
    # Survey mode: the consensus view shows the spread of answers, never who answered what.
    anonymous_responses = models.BooleanField(default=False)
    # Survey mode: the day by which respondents are asked to answer (optional), in their mail and on their home.
    deadline = models.DateField(null=True, blank=True)
    # Submission waits until every claim of "mostly" or "fully in place" at level 3 or above has evidence.
    evidence_required = models.BooleanField(default=False)
    review_required = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Who accepted it on review, and when (null without review).
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # The answer to each scope of the framework answered so far (scope key -> true/false): an area whose
    # scope is false is out of scope (design section 2).
    scope = models.JSONField(default=dict, blank=True)
    # The submitted assessment this one was started from: its answers carried over, and its answers to
    # questions that a newer framework version merges or splits are shown beside them.
    carried_from = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Which of the team's ML systems the answers are about ("Fraud scoring (card and ACH); not the legacy SAS
    # models"): a team with many models otherwise does not know whose practices it is answering for.
    systems_covered = models.CharField(max_length=500, blank=True, default="")

    class Meta:
        ordering = ("team", "-created_at")
        indexes = [models.Index(fields=("team", "status", "submitted_at"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft", submitted_at__isnull=True)
                | Q(status__in=("in_review", "submitted"), submitted_at__isnull=False, submitted_by__isnull=False),
                name="assessment_submitted_has_who_and_when",
            ),
            models.UniqueConstraint(fields=("team", "number"), name="assessment_team_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.status})"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def title(self) -> str:
        """How pages name it: "Self-assessment 3 of Fraud detection"."""
        return f"{self.get_kind_display()} {self.number} of {self.team.name}"

    @property
    def short_title(self) -> str:
        """Within the team's own pages, where the team is named already: "Self-assessment 3"."""
        return f"{self.get_kind_display()} {self.number}"


class AnswerScale(models.TextChoices):
    """The answer scale as pages, messages and exports word it (design section 2), in the order offered; the
    values are the scoring rule's (maturity.scoring), as radio values and query strings write them."""

    NOT_IN_PLACE = "0", "Not in place"
    STARTED = str(scoring.STARTED), "Started"
    MOSTLY_IN_PLACE = str(scoring.MOSTLY_IN_PLACE), "Mostly in place"
    FULLY_IN_PLACE = str(scoring.FULLY_IN_PLACE), "Fully in place"
    NOT_APPLICABLE = scoring.NA, "Not applicable"
    UNKNOWN = scoring.UNKNOWN, "Don't know"

    @classmethod
    def value_of(cls, choice: str) -> int | str:
        """A choice as answers store and score it: "0".."3" as ints, "na" and "unknown" as they are."""
        return int(choice) if choice.isdigit() else str(choice)

    @classmethod
    def labels_by_value(cls) -> dict[int | str, str]:
        """Answer value as stored and scored (0..3, "na", "unknown") -> its label."""
        return {cls.value_of(choice): choice.label for choice in cls}

    @classmethod
    def points(cls) -> list[int]:
        """The values that are points on the scale, 0..3 (not "na" nor "unknown")."""
        return [value for value in map(cls.value_of, cls.values) if isinstance(value, int)]


def answer_value(value: int | None, not_applicable: bool, unknown: bool) -> int | str | None:
    """An answer's stored fields as the API, pages and scoring read it: 0..3, "na", "unknown" (None: none)."""
    return scoring.NA if not_applicable else scoring.UNKNOWN if unknown else value


def answer_fields(value: int | str) -> dict:
    """The stored fields of a valid answer value (answer_value's inverse)."""
    return {
        "value": value if isinstance(value, int) else None,
        "not_applicable": value == scoring.NA,
        "unknown": value == scoring.UNKNOWN,
    }


# Exactly one of: a value 0..3, not applicable, unknown (the respondent does not know).
ONE_ANSWER = (
    Q(not_applicable=False, unknown=False, value__isnull=False, value__lte=3)
    | Q(not_applicable=True, unknown=False, value__isnull=True)
    | Q(not_applicable=False, unknown=True, value__isnull=True)
)
# A row of the shared answers may also hold no answer: a comment written before the answer (a note).
ONE_ANSWER_OR_NONE = ONE_ANSWER | Q(not_applicable=False, unknown=False, value__isnull=True)
# The rows that hold an answer (the others are notes: unanswered, as assessment_answer_rows reads them).
ANSWERED = Q(value__isnull=False) | Q(not_applicable=True) | Q(unknown=True)


class Answer(models.Model):
    """One answer per assessment and question: a value 0..3, not applicable with a reason, or unknown; or none
    yet, only the comment written before it (a note: the question is unanswered, and scores as such)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(3)])
    not_applicable = models.BooleanField(default=False)
    unknown = models.BooleanField(default=False)  # "don't know": scored as 0, listed in the report to verify
    comment = models.TextField(blank=True, default="")
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=("assessment", "question"), name="answer_assessment_question_unique"),
            models.CheckConstraint(condition=ONE_ANSWER_OR_NONE, name="answer_value_na_unknown_or_none"),
            models.CheckConstraint(
                condition=Q(not_applicable=False) | ~Q(comment=""),
                name="answer_not_applicable_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {answer_value(self.value, self.not_applicable, self.unknown)}"
