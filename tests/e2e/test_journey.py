"""A new user's whole journey in headless Chromium, against a live server with a real worker process:
sign up, create a team, answer the whole questionnaire area by area (two practices not applicable, with
the reason typed in the comment), reload half-way and find every answer kept, submit, watch the report
page go from its status to the level, the radar chart drawn by plotly.js and the roadmap, find the team on
the organisation dashboard, and download the answers as CSV and the report as one HTML file.

Throughout, no page asks anything of another host, logs a JavaScript error or throws one. Screenshots of
the questionnaire, the report and the dashboard go to .ci/artifacts/.
"""

import csv
import io
import re
from html.parser import HTMLParser

import pytest
from playwright.sync_api import expect

from assessments.models import Assessment
from assessments.selectors.answers import assessment_answer_rows, provisional
from reports.models import Report
from tests.e2e.conftest import ARTIFACTS, check_page, screenshot
from tests.worker import running_worker

pytestmark = [pytest.mark.e2e, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

USERNAME = "ada"
PASSWORD = "Correct-Horse-Battery-42"
ORGANISATION = "Northwind Analytics"
TEAM = "Recommendations"
LABELS = {"0": "Not in place", "1": "Started", "2": "Mostly in place", "3": "Fully in place", "na": "Not applicable"}
VALUES = ("3", "2", "3", "1", "2", "3", "0", "2")
NOT_APPLICABLE = {  # question index -> the reason typed in the comment
    24: "The vendor retrains this model; we only deploy it.",
    40: "Batch scoring only: there is no live traffic.",
}
RELOAD_AFTER_AREA = 4  # of 8
STATIC_ASSETS = (
    "vendor/pico/pico.min.css",
    "css/app.css",
    "css/report.css",
    "vendor/htmx/htmx.min.js",
    "vendor/plotly/plotly.min.js",
    "js/charts.js",
    "css/questionnaire.css",
    "js/questionnaire.js",
)


def planned_answers(framework) -> dict[str, tuple[str, str]]:
    """Question key -> (radio value, comment), in framework order."""
    keys = framework.questions.order_by("position").values_list("key", flat=True)
    plan = {}
    for index, key in enumerate(keys):
        if index in NOT_APPLICABLE:
            plan[key] = ("na", NOT_APPLICABLE[index])
        else:
            plan[key] = (VALUES[index % len(VALUES)], "")
    return plan


def page_questions(page) -> list[str]:
    return [element.get_attribute("id").removeprefix("q-") for element in page.locator("article.question").all()]


def answer(page, key: str, value: str, comment: str) -> None:
    """As a person would: choose the answer; for Not applicable, read the refusal and type the reason.
    Each save is awaited, so that no save is still on its way when the page is left."""
    question = page.locator(f'[id="q-{key}"]')
    status = question.locator(".save-status")
    question.get_by_label(LABELS[value], exact=True).check()
    if value == "na":
        expect(status.locator(".status-error")).to_contain_text("needs a comment")
        comment_box = question.locator("textarea")
        with page.expect_response(lambda response: response.url.endswith(f"/answers/{key}/")):
            comment_box.fill(comment)  # saved by itself after a pause in typing
        expect(status.locator(".status-saved")).to_be_visible()
        with page.expect_response(lambda response: response.url.endswith(f"/answers/{key}/")):
            comment_box.press("Tab")  # and once more as the focus leaves it
    expect(status.locator(".status-saved")).to_be_visible()


def assert_answers_shown(page, plan: dict, answered: set[str]) -> None:
    """Every question of the page that was answered shows its answer and comment."""
    for key in page_questions(page):
        if key not in answered:
            continue
        value, comment = plan[key]
        question = page.locator(f'[id="q-{key}"]')
        expect(question.locator(f'input[name="value"][value="{value}"]')).to_be_checked()
        expect(question.locator("textarea")).to_have_value(comment)


class Links(HTMLParser):
    """Every src and href of an HTML document (script and style contents are not attributes)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.urls.extend(value for name, value in attrs if name in ("src", "href") and value)


def test_sign_up_answer_submit_and_read_the_report(page, watch, live_server, mlops_framework):
    plan = planned_answers(mlops_framework)
    not_applicable_keys = [key for key, (value, _) in plan.items() if value == "na"]

    # Sign up: a user and their organisation.
    page.goto("/signup/")
    check_page(page)
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Email").fill("ada@example.com")
    page.get_by_label("Your organisation").fill(ORGANISATION)
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_label(re.compile(r"^Password confirmation")).fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ORGANISATION)
    check_page(page)
    organisation_url = page.url

    # A team, and an assessment of it.
    page.get_by_label("Team name").fill(TEAM)
    page.get_by_role("button", name="Create team").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TEAM)
    check_page(page)
    page.get_by_role("button", name="Start assessment").click()
    page.wait_for_url(re.compile(r"/assessments/\d+/areas/[\w-]+/$"))
    assessment_id = int(re.search(r"/assessments/(\d+)/", page.url).group(1))

    # The questionnaire, area by area.
    answered: set[str] = set()
    area = 0
    while True:
        area += 1
        check_page(page)
        for key in page_questions(page):
            answer(page, key, *plan[key])
            answered.add(key)
        if area == RELOAD_AFTER_AREA:
            page.reload()
            # Counted over the work submitting needs: the answers given and the questions still required.
            draft = Assessment.objects.get(pk=assessment_id)
            needed = len(answered) + len(
                provisional(assessment=draft, rows=assessment_answer_rows(assessment=draft)).required
            )
            expect(page.locator("#progress-overall")).to_contain_text(f"{len(answered)} of {needed} answered")
            assert_answers_shown(page, plan, answered)
            screenshot(page, "questionnaire")
            here = page.url
            for link in page.locator(".area-nav li a").all()[: area - 1]:
                page.goto(link.get_attribute("href"))
                assert_answers_shown(page, plan, answered)
            page.goto(here)
        next_area = page.locator('a[rel="next"]')
        if next_area.count() == 0:
            break
        href = next_area.get_attribute("href")
        next_area.click()
        page.wait_for_url(f"**{href}")
    assert answered == set(plan)

    # Submit from the summary.
    page.locator(".pager").get_by_role("link", name="Summary").click()
    expect(page.get_by_text("Every question is answered.")).to_be_visible()
    check_page(page)
    page.get_by_role("button", name="Review and submit").click()
    page.get_by_role("button", name="Submit assessment").click()
    expect(page.locator("#problems")).to_be_focused()  # at the top of the page, whatever its length
    expect(page.locator("#problems")).to_contain_text("Tick the box to confirm")
    page.get_by_label("I understand a submitted assessment cannot be changed").check()
    page.get_by_role("button", name="Submit assessment").click()
    page.wait_for_url(f"**/assessments/{assessment_id}/summary/")
    page.get_by_role("link", name="See the report").click()
    page.wait_for_url(f"**/assessments/{assessment_id}/report/")
    status = page.locator("#report-status")
    expect(status).to_contain_text("queued")  # no worker is running yet

    # A worker starts; the page follows it by itself and reloads with the report.
    with running_worker() as worker:
        radar = page.locator('[data-figure="figure-radar"] svg.main-svg').first
        try:
            expect(radar).to_be_visible(timeout=90_000)
        except AssertionError:
            worker.terminate()
            pytest.fail(f"The report did not appear. Worker log:\n{worker.communicate(timeout=20)[0][-3000:]}")
    report = Report.objects.get(assessment_id=assessment_id)
    assert report.status == Report.Status.READY
    level = report.content["overall"]["level"]
    assert level is not None  # the plan answers every area with at least one practice that applies
    expect(page.locator(".overall-level .overall-figure")).to_have_text(re.compile(rf"^Level {level} · "))
    expect(status).to_contain_text("Computed")
    expect(page.get_by_role("heading", name=re.compile("^Roadmap"))).to_be_visible()
    expect(page.locator(".roadmap-area").first).to_be_visible()
    expect(page.locator('[data-figure="figure-areas"] svg.main-svg').first).to_be_visible()
    check_page(page)
    screenshot(page, "report")

    # Downloads: the answers as CSV, the report as one HTML file that needs nothing from outside.
    with page.expect_download() as csv_download:
        page.get_by_role("button", name="Answers as CSV").click()
    csv_download.value.save_as(ARTIFACTS / "e2e-answers.csv")
    rows = list(csv.DictReader(io.StringIO((ARTIFACTS / "e2e-answers.csv").read_text(encoding="utf-8"))))
    assert [row["key"] for row in rows] == list(plan)
    assert {row["key"]: (row["value"], row["comment"]) for row in rows} == plan
    assert {row["answered_by"] for row in rows} == {USERNAME}

    with page.expect_download() as html_download:
        page.get_by_role("button", name=re.compile("^Download the report")).click()
    assert html_download.value.suggested_filename.endswith(".html")
    html_download.value.save_as(ARTIFACTS / "e2e-report.html")
    html = (ARTIFACTS / "e2e-report.html").read_text(encoding="utf-8")
    assert f"Maturity report: {TEAM}" in html
    links = Links()
    links.feed(html)
    # Scripts and styles are inline: no src or href points anywhere, on this server or another.
    assert [url for url in links.urls if not url.startswith(("#", "data:"))] == []

    # The organisation dashboard shows the team with its level.
    page.goto(organisation_url)
    page.get_by_role("link", name=re.compile("^Dashboard")).click()
    row = page.locator("table.team-results tbody tr", has_text=TEAM)
    expect(row).to_have_count(1)
    expect(row.locator(".level-badge")).to_have_text(str(level))
    expect(page.locator('[data-figure="figure-heatmap"] svg.main-svg').first).to_be_visible()
    check_page(page)
    screenshot(page, "dashboard")

    # Our styles and scripts came from the live server; nothing from elsewhere, no JavaScript error; the
    # only refusals were the n/a answers sent before their reason and the submit before its confirmation.
    for asset in STATIC_ASSETS:
        assert f"{live_server.url}/static/{asset}" in watch.requests
    watch.assert_clean()
    refused = [(status, path) for status, path in watch.failed_except_favicon()]
    assert refused == [
        *((422, f"/assessments/{assessment_id}/answers/{key}/") for key in not_applicable_keys),
        (400, f"/assessments/{assessment_id}/submit/"),
    ]
