"""Evidence in the questionnaire, in a browser: a link and a file attached beside a question (htmx), a
mistyped file refused with its reason, the evidence shown with who added it, and the file downloaded."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from assessments.models import Evidence, Role
from assessments.services.evidence import evidence_link_add
from tests.e2e.conftest import PHONE, check_page, draft_of, log_in, screenshot
from tests.factories import MembershipFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


@pytest.fixture
def draft(context, live_server, mlops_framework):
    user = UserFactory(username="grace")
    log_in(context, user, live_server.url)
    return draft_of(user, role=Role.ASSESSOR, organization="Audited Ltd", team="Recommendations")


def test_a_link_and_a_file_are_attached_seen_and_downloaded(page, watch, draft, tmp_path):
    question = draft.framework.questions.filter(area__key="data", level=3).order_by("position").first()
    page.goto(f"/assessments/{draft.pk}/areas/data/#q-{question.key}")
    card = page.locator(f'article.question[data-question="{question.key}"]')
    evidence = card.locator("div.evidence")

    # A link, with what it shows and until when it holds.
    evidence.locator("details.evidence-add > summary").click()
    card.locator('input[name="url"]').fill("https://ci.example.com/pipelines/lineage")
    card.locator('input[name="description"]').fill("Lineage graph of the feature store")
    card.locator('input[name="valid_until"]').fill("2099-12-31")
    card.get_by_role("button", name="Add evidence").click()
    link = card.get_by_role("link", name="https://ci.example.com/pipelines/lineage")
    expect(link).to_be_visible()
    expect(card.locator(".evidence-list")).to_contain_text("Added by grace on")
    expect(card.locator(".evidence-list")).to_contain_text("valid until 31 Dec 2099")

    # A PNG named as a PDF: refused with the reason, and nothing kept.
    card.locator("details.evidence-add > summary").click()
    card.locator('input[name="file"]').set_input_files(
        files=[{"name": "report.pdf", "mimeType": "application/pdf", "buffer": PNG}]
    )
    card.get_by_role("button", name="Add evidence").click()
    expect(card.locator("div.evidence [role=alert]")).to_contain_text(
        "The name ends in .pdf but the content is PNG image"
    )
    assert Evidence.objects.filter(assessment=draft).count() == 1

    # The right file.
    card.locator('input[name="file"]').set_input_files(
        files=[{"name": "Lineage review.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    card.get_by_role("button", name="Add evidence").click()
    download_link = card.get_by_role("link", name="Lineage review.pdf")
    expect(download_link).to_be_visible()
    check_page(page)

    with page.expect_download() as started:
        download_link.click()
    download = started.value
    assert download.suggested_filename == "Lineage review.pdf"
    saved = tmp_path / "downloaded.pdf"
    download.save_as(saved)
    assert Path(saved).read_bytes() == PDF

    # After a reload the evidence is still there, and the page works at phone width.
    page.set_viewport_size(PHONE)
    page.reload()
    expect(card.get_by_role("link", name="Lineage review.pdf")).to_be_visible()
    expect(card.get_by_role("link", name="https://ci.example.com/pipelines/lineage")).to_be_visible()
    check_page(page)
    screenshot(page, "evidence-phone")
    watch.assert_clean()


def test_a_member_removes_their_own_evidence_and_is_offered_no_other(page, draft, live_server, context):
    question = draft.framework.questions.filter(area__key="data", level=3).order_by("position").first()
    member = UserFactory(username="mo")
    MembershipFactory(user=member, organization=draft.team.organization, role=Role.MEMBER)
    grace = draft.created_by
    theirs = evidence_link_add(assessment=draft, user=grace, question=question.key, url="https://ci.example/grace")
    evidence_link_add(assessment=draft, user=member, question=question.key, url="https://ci.example/mo")
    context.clear_cookies()
    log_in(context, member, live_server.url)

    page.goto(f"/assessments/{draft.pk}/areas/data/#q-{question.key}")
    card = page.locator(f'article.question[data-question="{question.key}"]')
    expect(card.get_by_role("link", name="https://ci.example/grace")).to_be_visible()
    expect(card.locator(f'form[action="/evidence/{theirs.pk}/remove/"]')).to_have_count(0)
    check_page(page)
    card.locator("form.evidence-remove").get_by_role("button", name="Remove").click()
    expect(card.get_by_role("link", name="https://ci.example/mo")).to_have_count(0)
    expect(card.get_by_role("link", name="https://ci.example/grace")).to_be_visible()
    assert list(Evidence.objects.values_list("url", flat=True)) == ["https://ci.example/grace"]
