"""Comparing two submitted assessments of a team, per area and per question."""

import pytest

from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_submit
from reports.services import report_compute
from tests.conftest import complete_answers
from tests.factories import AssessmentFactory, TeamFactory
from tests.reports.conftest import submit_answers
from tests.reports.helpers import submit_and_compute
from tests.reports.views.helpers import page_text

pytestmark = pytest.mark.django_db


def compare_url(cast, query: str) -> str:
    return f"/teams/{cast.team.pk}/compare/?{query}"


@pytest.fixture
def pair(cast):
    """A answers 2 everywhere; B answers 2 everywhere except two practices."""
    a = submit_and_compute(cast, 2)
    items = complete_answers(cast.framework, value=2)
    items[0] = AnswerInput(items[0].question, 3)
    items[1] = AnswerInput(items[1].question, "na", "No such thing here")
    b = submit_answers(cast, items)
    report_compute(assessment_id=b.pk)
    return a, b


def test_it_compares_each_areas_level_and_score(client, cast, pair):
    a, b = pair
    client.force_login(cast.viewer)

    comparison = client.get(compare_url(cast, f"a={a.pk}&b={b.pk}")).context["comparison"]

    # A: S = 4 * 2/3 = 8/3 in every area, level 3, score 8/3 + 2/3 = 10/3 (3.33). B's people: level 1 is
    # shared_repository alone (3), coverage 1, so S = 1 + 3 * 2/3 = 3, level 3 (< 10/3), score 11/3 (3.66).
    people = comparison.areas[0]
    scores = (people.score_a, people.score_b, people.change.value)
    assert (people.name, scores) == ("People and process", (3.33, 3.66, 0.33))
    assert comparison.overall.level_a == 3


def test_it_shows_both_answers_and_highlights_what_changed(client, cast, pair):
    a, b = pair
    client.force_login(cast.viewer)

    response = client.get(compare_url(cast, f"a={a.pk}&b={b.pk}&show=all"))

    changed = [q for q in response.context["comparison"].questions if q.changed]
    assert [(q.label_a, q.label_b) for q in changed] == [
        ("Mostly in place", "Fully in place"),
        ("Mostly in place", "Not applicable"),
    ]
    assert response.content.decode().count('<tr role="row" class="changed">') == 4  # the two answers, people, overall


@pytest.mark.parametrize("query", ["a={a}&b={b}", "a={a}&b={b}&show=changed", ""])
def test_it_opens_on_only_what_changed(client, cast, pair, query):
    a, b = pair
    client.force_login(cast.viewer)

    response = client.get(compare_url(cast, query.format(a=a.pk, b=b.pk)))

    groups = response.context["groups"]
    assert [len(group.questions) for group in groups] == [2]
    assert "2 of 55 answers changed." in page_text(response)
    assert f'<a href="?a={a.pk}&amp;b={b.pk}&amp;show=all">Show every answer</a>' in response.content.decode()
    assert 'type="radio" name="show" value="changed" id="id_show_0" checked' in response.content.decode()


def test_every_answer_shows_on_asking(client, cast, pair):
    a, b = pair
    client.force_login(cast.viewer)

    response = client.get(compare_url(cast, f"a={a.pk}&b={b.pk}&show=all"))

    assert sum(len(group.questions) for group in response.context["groups"]) == 55
    assert f'<a href="?a={a.pk}&amp;b={b.pk}">Show only what changed</a>' in response.content.decode()


def test_an_unknown_choice_of_what_to_show_is_a_400(client, cast, pair):
    a, b = pair
    client.force_login(cast.viewer)

    response = client.get(compare_url(cast, f"a={a.pk}&b={b.pk}&show=some"))

    assert response.status_code == 400
    assert "Choose to show what changed or every answer." in page_text(response)


def test_assessments_on_different_framework_versions_compare_by_question_key(client, cast, two_framework_versions):
    a = cast.assessment  # on version 1
    answers_save(assessment=a, user=cast.member, items=complete_answers(cast.framework))
    assessment_submit(assessment=a, user=cast.member)
    b = submit_answers(cast, complete_answers(two_framework_versions))
    client.force_login(cast.viewer)

    response = client.get(compare_url(cast, f"a={a.pk}&b={b.pk}"))

    [only_in_v2] = [q for group in response.context["groups"] for q in group.questions]
    assert (only_in_v2.key, only_in_v2.label_a) == ("data.only_in_v2", "Not in this framework version")


def test_without_a_choice_it_opens_on_the_previous_against_the_latest(client, cast, pair):
    a, b = pair
    client.force_login(cast.viewer)

    response = client.get(compare_url(cast, ""))

    assert response.status_code == 200
    assert (response.context["a"], response.context["b"]) == (a, b)
    assert "Choose the" not in page_text(response)


def test_without_a_choice_it_pairs_the_latest_two_on_the_latest_framework(client, cast, other_framework):
    first = submit_and_compute(cast, 1)
    submit_answers(cast, complete_answers(other_framework), framework=other_framework)
    latest = submit_and_compute(cast, 2)
    client.force_login(cast.viewer)

    response = client.get(compare_url(cast, ""))

    assert (response.context["a"], response.context["b"]) == (first, latest)


@pytest.mark.parametrize("query", ["a=1", "a=x&b=2", "b=-3&a=2", "b=2"])
def test_a_missing_or_malformed_choice_is_a_400_with_a_message(client, cast, pair, query):
    client.force_login(cast.viewer)

    response = client.get(compare_url(cast, query))

    assert response.status_code == 400
    assert "Choose the" in page_text(response)


def test_the_same_assessment_twice_is_a_400(client, cast, pair):
    a, _ = pair
    client.force_login(cast.viewer)

    response = client.get(compare_url(cast, f"a={a.pk}&b={a.pk}"))

    assert response.status_code == 400
    assert "Choose two different assessments." in page_text(response)


@pytest.mark.parametrize("other", ["unknown", "draft", "other_team"])
def test_an_assessment_that_is_not_a_submitted_one_of_the_team_is_a_404(client, cast, pair, other):
    a, _ = pair
    others = {
        "unknown": lambda: 99999,
        "draft": lambda: cast.assessment.pk,
        "other_team": lambda: (
            AssessmentFactory(team=TeamFactory(organization=cast.organization), framework=cast.framework).pk
        ),
    }
    client.force_login(cast.viewer)

    assert client.get(compare_url(cast, f"a={a.pk}&b={others[other]()}")).status_code == 404


def test_the_query_count_does_not_grow_with_the_teams_history(client, cast, pair, django_assert_num_queries):
    a, b = pair
    client.force_login(cast.viewer)
    with django_assert_num_queries(8) as small:  # with the menu's portfolio check
        client.get(compare_url(cast, f"a={a.pk}&b={b.pk}"))
    for value in (1, 3, 2):
        submit_and_compute(cast, value)

    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(compare_url(cast, f"a={a.pk}&b={b.pk}")).status_code == 200


def test_a_team_with_fewer_than_two_submitted_assessments_is_told_so(client, cast):
    client.force_login(cast.viewer)

    response = client.get(compare_url(cast, ""))

    assert response.status_code == 200
    assert "A comparison needs two submitted assessments of Search." in page_text(response)


def test_assessments_on_different_frameworks_are_a_400_saying_so(client, cast, other_framework):
    a = cast.assessment
    answers_save(assessment=a, user=cast.member, items=complete_answers(cast.framework))
    assessment_submit(assessment=a, user=cast.member)
    b = submit_answers(cast, complete_answers(other_framework), framework=other_framework)
    client.force_login(cast.viewer)

    response = client.get(compare_url(cast, f"a={a.pk}&b={b.pk}"))

    assert response.status_code == 400
    assert "Choose two assessments of the same framework" in page_text(response)
