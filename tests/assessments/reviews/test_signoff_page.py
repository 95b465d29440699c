"""The sign-off page puts what a reviewer decides on in one place: the headline and each area's level, the
claims without evidence (judged on the day of submission, as the report judges them) and, in a survey, where
the respondents disagreed; accepting lands on the final report."""

from datetime import timedelta

import pytest
from django.utils import timezone

from assessments.models import Assessment
from assessments.services.answers import answers_save
from assessments.services.assessments import assessment_submit
from assessments.services.evidence import evidence_link_add
from tests.assessments.surveys.conftest import first_keys, member, responded
from tests.conftest import complete_answers

pytestmark = pytest.mark.django_db

# session, user, the assessment, its answers, whether the reviewer wrote any, its evidence, the decisions, the
# menu's portfolio check; a survey adds whether it is anonymous and its respondents' answers
SIGNOFF_PAGE_QUERIES = 10


def signoff_url(assessment) -> str:
    return f"/assessments/{assessment.pk}/signoff/"


def section(html: str, heading_id: str) -> str:
    found = html[html.index(f'<section aria-labelledby="{heading_id}"') :]
    return found[: found.index("</section>")]


def level_3_keys(cast) -> list[str]:
    return list(cast.framework.questions.filter(level__gte=3).order_by("position").values_list("key", flat=True))


def test_it_shows_the_headline_and_each_areas_level(client, cast, in_review):
    client.force_login(cast.assessor)

    html = client.get(signoff_url(in_review)).content.decode()

    result = section(html, "result-heading")
    # Every answer "mostly in place": S = 8/3 in each area, level 3, score 10/3 (maturity/SCORING.md).
    headline = '<span class="badge level-badge level-3">Level 3</span> <strong>Automated model deployment</strong>'
    assert headline in result
    assert "score 3.33" in result
    assert result.count('<span class="badge level-badge level-3">3</span>') == cast.framework.areas.count()


def test_it_lists_every_claim_without_evidence_and_flags_it_in_the_return_form(client, cast, in_review):
    client.force_login(cast.assessor)

    html = client.get(signoff_url(in_review)).content.decode()

    claims = section(html, "claims-heading")
    keys = level_3_keys(cast)
    assert f"Claims without evidence ({len(keys)})" in claims
    assert claims.count("· no evidence</small>") == len(keys)
    assert f'href="#signoff-{keys[0]}"' in claims
    question = html[html.index(f'id="signoff-{keys[0]}"') :]
    assert '<small class="signoff-flag">no evidence</small>' in question[: question.index("</div>")]


def test_the_claims_are_judged_on_the_day_of_submission(client, cast):
    """Evidence that held on the day it was submitted and has expired since is no claim: the report says so too."""
    cast.assessment.review_required = True
    cast.assessment.save(update_fields=["review_required"])
    answers_save(assessment=cast.assessment, user=cast.member, items=complete_answers(cast.framework))
    supported, *unsupported = level_3_keys(cast)
    today = timezone.localdate()
    evidence_link_add(
        assessment=cast.assessment,
        user=cast.member,
        question=supported,
        url="https://wiki.example/runbook",
        valid_until=today - timedelta(days=5),
    )
    assessment_submit(assessment=cast.assessment, user=cast.member, submitted_at=timezone.now() - timedelta(days=10))
    client.force_login(cast.assessor)

    claims = section(client.get(signoff_url(cast.assessment)).content.decode(), "claims-heading")

    assert f"Claims without evidence ({len(unsupported)})" in claims
    assert f'href="#signoff-{supported}"' not in claims


def test_a_workshop_has_no_disagreements_section(client, cast, in_review):
    client.force_login(cast.assessor)

    assert 'id="disagreements-heading"' not in client.get(signoff_url(in_review)).content.decode()


@pytest.fixture
def survey(cast) -> Assessment:
    cast.assessment.mode = Assessment.Mode.SURVEY
    cast.assessment.save(update_fields=["mode"])
    return cast.assessment


@pytest.fixture
def survey_in_review(cast, survey):
    """Three respondents two steps apart on the first question and agreed on the second; the owner, the
    facilitator, agrees every answer "mostly in place" and submits for review."""
    first, second = first_keys(cast.framework, 2)
    for name, value in (("ada", 0), ("bob", 2), ("cy", 3)):
        responded(cast, survey, member(cast, name), {first: value, second: 2})
    survey.review_required = True
    survey.save(update_fields=["review_required"])
    answers_save(assessment=survey, user=cast.owner, items=complete_answers(cast.framework))
    assessment_submit(assessment=survey, user=cast.owner)
    return Assessment.objects.get(pk=survey.pk)


def test_a_survey_lists_where_the_respondents_disagreed(client, cast, survey_in_review):
    first, second = first_keys(cast.framework, 2)
    client.force_login(cast.assessor)

    html = client.get(signoff_url(survey_in_review)).content.decode()

    disagreements = section(html, "disagreements-heading")
    assert "Where the respondents disagreed (1)" in disagreements
    assert f'href="#signoff-{first}"' in disagreements
    assert "answers from not in place to fully in place, median 2 · agreed: mostly in place" in disagreements
    assert f'href="#signoff-{second}"' not in disagreements
    assert '<a href="#disagreements-heading">Disagreements (1)</a>' in html  # in the jumps at the top


def test_the_reviewer_lands_on_the_final_report_once_accepted(client, cast, in_review):
    client.force_login(cast.assessor)
    report = f"/assessments/{in_review.pk}/report/"

    page = client.get(signoff_url(in_review)).content.decode()
    response = client.post(signoff_url(in_review), {"decision": "accept", "next": report})

    assert f'<input type="hidden" name="next" value="{report}">' in page
    assert (response.status_code, response.url) == (302, report)
    assert Assessment.objects.get(pk=in_review.pk).status == "submitted"


@pytest.mark.parametrize("elsewhere", ["https://evil.example/", "//evil.example/report/", ""])
def test_a_landing_off_the_site_is_ignored_for_the_summary(client, cast, in_review, elsewhere):
    client.force_login(cast.assessor)

    response = client.post(signoff_url(in_review), {"decision": "accept", "next": elsewhere})

    assert (response.status_code, response.url) == (302, f"/assessments/{in_review.pk}/summary/")


@pytest.mark.parametrize("respondents", [3, 8])
def test_the_query_count_does_not_grow_with_respondents(
    client, cast, survey, respondents, django_assert_max_num_queries
):
    keys = first_keys(cast.framework, 10)
    for index in range(respondents):
        responded(cast, survey, member(cast, f"person{index}"), dict.fromkeys(keys, index % 4))
    survey.review_required = True
    survey.save(update_fields=["review_required"])
    answers_save(assessment=survey, user=cast.owner, items=complete_answers(cast.framework))
    assessment_submit(assessment=survey, user=cast.owner)
    client.force_login(cast.assessor)

    with django_assert_max_num_queries(SIGNOFF_PAGE_QUERIES):
        assert client.get(signoff_url(survey)).status_code == 200
