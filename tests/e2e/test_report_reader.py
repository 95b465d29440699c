"""The reader of a report (issue 23, items 11-13), in headless Chromium at 1280 and 360 px and in print: a level-1
team whose experimentation is at level 2 is told why in its own areas, its roadmap leads with three moves and folds
the rest, and its charts label every area, leave out the area out of scope, and tell twelve areas apart over a
hundred assessments, with a legend that never scrolls. Screenshots: .ci/artifacts/e2e-reader-*.png."""

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assessments.models import Assessment, Role
from assessments.services.answers import AnswerInput, answers_save
from assessments.services.assessments import assessment_scope_set, assessment_start, assessment_submit
from assessments.services.organizations import team_create
from assessments.services.targets import targets_set
from config.celery import app as celery_app
from reports.services import report_compute
from tests.e2e.conftest import ARTIFACTS, DESK, PHONE, check_page, log_in, screenshot
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HISTORY = 100  # assessments of the team whose history is drawn
# The report's areas in scope (generative-AI operations is not: the team answered no).
SCORED = 11
# What the framework says of a typical level-1 team, which this one is not.
TYPICAL_LEVEL_1 = "Experiments are still untracked"


def fraud_answer(question) -> int:
    """Started everywhere (S = 4/3: level 2), people mostly in place (S = 8/3: level 3), and testing and monitoring
    in place at level 1 only (S = 1 and 2/3: level 1): level 1, limited by those two."""
    if question.area.key == "people":
        return 2
    if question.area.key in ("testing", "monitoring"):
        return 3 if question.level == 1 else 0
    return 1


def submitted(framework, team, user, value, when) -> Assessment:
    assessment = assessment_start(framework=framework, team=team, user=user)
    assessment_scope_set(assessment=assessment, answers={"genai": team.name != "Fraud scoring", "eu_market": True})
    questions = framework.questions.select_related("area").order_by("position")
    answers_save(assessment=assessment, user=user, items=[AnswerInput(q.key, value(q)) for q in questions])
    assessment_submit(assessment=assessment, user=user)
    Assessment.objects.filter(pk=assessment.pk).update(submitted_at=when)
    report_compute(assessment_id=assessment.pk)
    return assessment


@pytest.fixture
def reader(mlops_v3, monkeypatch):
    # The reports are computed here, in process: the worker's tasks (a report, its mail) for a hundred and one
    # submissions would wait in the broker's queue for the next test that starts a worker.
    monkeypatch.setattr(celery_app, "send_task", lambda *args, **kwargs: None)
    owner = UserFactory(username="reader")
    organization = OrganizationFactory(name="Northwind")
    MembershipFactory(user=owner, organization=organization, role=Role.OWNER)
    fraud = team_create(organization=organization, name="Fraud scoring")
    targets_set(team=fraud, framework=mlops_v3, levels={"monitoring": 3, "data": 3}, user=owner)
    report = submitted(mlops_v3, fraud, owner, fraud_answer, timezone.now())
    platform = team_create(organization=organization, name="Platform")
    start = timezone.now() - timedelta(weeks=HISTORY)
    for n in range(HISTORY):
        # Each area climbs in its own rhythm: a practice's answer goes up every few weeks, by area and level.
        submitted(mlops_v3, platform, owner, lambda q, n=n: min(3, (n + 7 * q.area.position + q.level) // 30), start)
        start += timedelta(weeks=1)
    return owner, report, fraud, platform


def labels(figure, selector: str) -> list[dict]:
    """Each label's text and box, and the figure's box: what a reader sees, clipped or not."""
    return figure.evaluate(
        """(figure, selector) => {
            const box = figure.getBoundingClientRect();
            return [...figure.querySelectorAll(selector)].map((text) => {
                const own = text.getBoundingClientRect();
                return {text: text.textContent, top: own.top, bottom: own.bottom,
                        inside: own.left >= box.left - 1 && own.right <= box.right + 1};
            });
        }""",
        selector,
    )


def check_charts(page, name: str) -> None:
    bars, radar = page.locator('[data-figure="figure-areas"]'), page.locator('[data-figure="figure-radar"]')
    expect(bars.locator(".ytick text")).to_have_count(SCORED)
    expect(radar.locator(".angularaxistick text")).to_have_count(SCORED)
    ticks = labels(bars, ".ytick text")
    assert all(tick["inside"] for tick in ticks)
    assert all(upper["bottom"] <= lower["top"] + 1 for upper, lower in itertools.pairwise(ticks))
    names = labels(radar, ".angularaxistick text")
    assert all(name["inside"] for name in names), [name["text"] for name in names if not name["inside"]]
    assert not any("Generative" in name["text"] for name in names + ticks)
    for chart in ("radar", "areas", "history"):
        page.locator(f'[data-figure="figure-{chart}"]').screenshot(path=ARTIFACTS / f"e2e-reader-{chart}-{name}.png")


def check_history(page, name: str, lines: int) -> None:
    history = page.locator('[data-figure="figure-history"]')
    expect(history.locator("svg.main-svg").first).to_be_visible()
    assert history.locator(".legend .traces").count() == lines
    assert history.locator(".legend rect.scrollbar").first.get_attribute("height") == "0"  # nothing to scroll
    legend = labels(history, ".legend .legendtext")
    assert all(entry["inside"] for entry in legend)
    assert legend[-1]["bottom"] <= history.bounding_box()["y"] + history.bounding_box()["height"]
    history.screenshot(path=ARTIFACTS / f"e2e-reader-history-{name}.png")


def test_a_report_reads_well_at_desk_and_phone_width_and_in_print(page, context, watch, live_server, reader):
    owner, report, fraud, platform = reader
    log_in(context, owner, live_server.url)
    latest = platform.assessments.order_by("-submitted_at").first()
    for viewport, width in ((DESK, "1280"), (PHONE, "360")):
        page.set_viewport_size(viewport)
        page.goto(f"/assessments/{report.pk}/report/")
        headline = page.locator(".overall-level")
        expect(headline).to_contain_text("Limited by Testing and validation, and Monitoring and feedback, at level 1")
        expect(headline).to_contain_text("Strongest: People and process (level 3, score 3.33)")
        expect(headline).not_to_contain_text(TYPICAL_LEVEL_1)
        expect(page.locator("#moves-heading")).to_have_text("Your next three moves")
        expect(page.locator(".next-moves > li")).to_have_count(3)
        expect(page.locator(".next-moves .move-why").first).to_have_text("Holds the team at level 1")
        assert page.locator("details.roadmap-area[open]").count() == 0 < page.locator("details.roadmap-area").count()
        check_charts(page, f"fraud-{width}")
        check_page(page)
        headline.screenshot(path=ARTIFACTS / f"e2e-reader-headline-{width}.png")
        page.locator(".report-roadmap").screenshot(path=ARTIFACTS / f"e2e-reader-roadmap-{width}.png")
        screenshot(page, f"reader-report-{width}")

        page.goto(f"/assessments/{latest.pk}/report/")
        check_history(page, f"report-{HISTORY}-{width}", lines=13)
        page.goto(f"/teams/{platform.pk}/dashboard/")
        check_history(page, f"dashboard-{HISTORY}-{width}", lines=13)
        colours = page.locator('[data-figure="figure-history"] .scatterlayer .js-line').evaluate_all(
            "(lines) => lines.map((line) => line.style.stroke)"
        )
        assert len(colours) == len(set(colours)) == 13
        check_page(page)
        page.goto(f"/teams/{fraud.pk}/dashboard/")
        check_history(page, f"dashboard-1-{width}", lines=SCORED + 1)
        check_page(page)

    page.set_viewport_size(DESK)
    page.goto(f"/assessments/{report.pk}/report/")
    expect(page.locator('[data-figure="figure-history"] svg.main-svg').first).to_be_visible()
    page.emulate_media(media="print")
    # On paper the charts take a page's width, whatever the window's.
    for chart in ("radar", "areas", "history"):
        figure = page.locator(f'[data-figure="figure-{chart}"] svg.main-svg').first
        expect(figure).to_have_attribute("width", "680")
    check_charts(page, "print")
    page.goto(f"/teams/{platform.pk}/dashboard/")
    expect(page.locator('[data-figure="figure-history"] svg.main-svg').first).to_have_attribute("width", "680")
    check_history(page, f"dashboard-{HISTORY}-print", lines=13)
    assert page.pdf(path=ARTIFACTS / "e2e-reader-dashboard.pdf")[:4] == b"%PDF"
    watch.assert_clean()
