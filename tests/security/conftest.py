from functools import cached_property

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.models import Assessment, Evidence, Respondent
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_submit
from assessments.services.evidence import evidence_file_add
from assessments.services.surveys import respondent_answers_save
from maturity.services import framework_load
from reports.services import report_compute
from tests.conftest import Cast, complete_answers, scoped_spec
from tests.factories import AssessmentFactory, TeamFactory
from tests.reports.conftest import submit_answers


class World:
    """The cast with its draft, and one assessment in each state in which a URL of the organisation does
    something: every allowed request succeeds in the state its URL is given. Each state is built when first
    asked for, so that a request pays only for what it reaches."""

    def __init__(self, cast: Cast) -> None:
        self.cast = cast
        self.question_key = cast.framework.questions.filter(area__key="data").order_by("position").first().key

    @cached_property
    def draft(self) -> Assessment:
        """The cast's draft in workshop mode, every question answered, so that it can be submitted."""
        answers_save(assessment=self.cast.assessment, user=self.cast.owner, items=complete_answers(self.cast.framework))
        return self.cast.assessment

    @cached_property
    def scoped(self) -> Assessment:
        """A draft, of a team of its own, on a version of the framework that asks a scope question."""
        return AssessmentFactory(
            team=TeamFactory(organization=self.cast.organization, name="Scoped"),
            framework=framework_load(spec=scoped_spec()).framework,
            created_by=self.cast.owner,
        )

    @cached_property
    def evidence(self) -> Evidence:
        """A file the owner showed on the draft's answer to question_key."""
        return evidence_file_add(
            assessment=self.draft,
            user=self.cast.owner,
            question=self.question_key,
            upload=SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF\n"),
        )

    @cached_property
    def submitted(self) -> tuple[Assessment, Assessment]:
        """Two submitted assessments of the cast's team, earlier and latest, whose reports are ready."""
        found = tuple(submit_answers(self.cast, complete_answers(self.cast.framework, value=v)) for v in (1, 2))
        for assessment in found:
            report_compute(assessment_id=assessment.pk)
        return found

    @property
    def earlier(self) -> Assessment:
        return self.submitted[0]

    @property
    def latest(self) -> Assessment:
        return self.submitted[1]

    @cached_property
    def survey(self) -> Assessment:
        """A draft in survey mode, of a team of its own, whose respondent (the viewer) has answered one
        question and not yet submitted."""
        assessment = AssessmentFactory(
            team=TeamFactory(organization=self.cast.organization, name="Survey"),
            framework=self.cast.framework,
            created_by=self.cast.owner,
            mode=Assessment.Mode.SURVEY,
        )
        respondent = Respondent.objects.create(assessment=assessment, user=self.cast.viewer, added_by=self.cast.owner)
        respondent_answers_save(respondent=respondent, items=[AnswerInput(question=self.question_key, value=1)])
        return assessment

    @cached_property
    def respondent_id(self) -> int:
        return self.survey.respondents.order_by("pk").first().pk

    @cached_property
    def in_review(self) -> Assessment:
        """Submitted by the member, of a team of its own, and waiting for review (which the member may not do
        on their own submission, and the owner and the assessor may)."""
        team = TeamFactory(organization=self.cast.organization, name="Review")
        assessment = AssessmentFactory(
            team=team, framework=self.cast.framework, created_by=self.cast.member, review_required=True
        )
        answers_save(assessment=assessment, user=self.cast.member, items=complete_answers(self.cast.framework))
        assessment_submit(assessment=assessment, user=self.cast.member)
        return assessment

    @cached_property
    def free_team(self):
        """A team of the organisation with no draft, where an assessment can be started."""
        return TeamFactory(organization=self.cast.organization, name="Platform")


@pytest.fixture
def world(cast) -> World:
    return World(cast)
