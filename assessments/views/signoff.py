"""Review and sign-off pages: the reviewer's page of an assessment in review (its result, its claims without
evidence and where its respondents disagreed; accept it, or return it with what needs work per question), and
the organisation's setting that makes its assessments go to review. (The page before submitting, where the
team checks its own answers, is review.py.)"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from assessments.builders.review import SignoffFindings, review_areas, shown_score, signoff_findings, unknown_total
from assessments.errors import OWN_ANSWERS_MESSAGE, NotInReviewError, OwnSubmissionError, ReviewInvalidError
from assessments.forms import ReviewDecisionForm
from assessments.models import Assessment
from assessments.permissions import can_review
from assessments.selectors.answers import AnswerRow, assessment_answer_rows, provisional
from assessments.selectors.evidence import assessment_unsupported_claims
from assessments.selectors.reviews import assessment_reviews, wrote_answers
from assessments.selectors.surveys import submitted_responses
from assessments.services.organizations import organization_update
from assessments.services.reviews import assessment_accept, assessment_return
from assessments.tenancy import assessment_or_404, managed_organization_or_404
from core.lookups import require
from maturity.selectors import framework_content


@login_required
@require_http_methods(["GET", "POST"])
def assessment_signoff(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
    require(can_review(assessment.role), "Only owners and assessors review assessments.")
    if request.method == "GET":
        return _render(request, assessment)
    form = ReviewDecisionForm(request.POST)
    if not form.is_valid():
        return _render(request, assessment, error=form.problems, status=400, posted=request.POST)
    decision = form.cleaned_data["decision"]
    refused = _decide(request, assessment, form)
    if refused is not None:
        return refused
    if decision == "accept":
        messages.success(request, f"Accepted {assessment.title}: its report is final.")
        landing = _next_page(request)  # the final report
        return redirect(landing) if landing else redirect("assessment_summary", assessment_id=assessment.pk)
    messages.success(request, f"Returned {assessment.title} to the team with your comments.")
    return redirect("team_detail", team_id=assessment.team_id)


def _next_page(request: HttpRequest) -> str | None:
    """Where the form asks to land once accepted: the report, whose address the site's navigation gives
    (templates/nav/signoff_next.html), as reports sits above assessments; only a path of this site."""
    url = request.POST.get("next", "")
    ours = url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    return url if url and ours else None


def _decide(request: HttpRequest, assessment: Assessment, form: ReviewDecisionForm) -> HttpResponse | None:
    """The decision taken, or the page again with why it was refused (nothing changed)."""
    comment = form.cleaned_data["comment"]
    try:
        if form.cleaned_data["decision"] == "accept":
            assessment_accept(assessment=assessment, reviewer=request.user, comment=comment)
        else:
            assessment_return(
                assessment=assessment,
                reviewer=request.user,
                comment=comment,
                question_comments=form.cleaned_data["question_comments"],
            )
    except ReviewInvalidError as error:
        return _render(request, assessment, error=f"Nothing was saved: {error}.", status=400, posted=request.POST)
    except OwnSubmissionError as error:
        return _render(request, assessment, error=str(error), status=403)
    except NotInReviewError:
        return _render(request, assessment, error="This assessment is no longer in review.", status=409)
    return None


def _render(
    request: HttpRequest, assessment: Assessment, *, error: str = "", status: int = 200, posted=None
) -> HttpResponse:
    rows = assessment_answer_rows(assessment=assessment)
    in_review = assessment.status == Assessment.Status.IN_REVIEW
    own = assessment.submitted_by_id == request.user.pk
    wrote = in_review and not own and wrote_answers(assessment=assessment, user=request.user)
    content = framework_content(framework=assessment.framework)
    now = provisional(assessment=assessment, rows=rows)
    findings = _findings(assessment, rows) if in_review else None
    areas = review_areas(content.areas, rows, now, flags=findings.flags() if findings else None)
    context = {
        "assessment": assessment,
        "team": assessment.team,
        "organization": assessment.team.organization,
        "current": "Sign-off",
        "areas": areas,
        "now": now,
        "level_name": content.level_names.get(now.overall_level, ""),
        "overall_score": shown_score(now.overall_score),
        "limited_by": [area.name for area in content.areas if area.key in now.limited_by],
        "findings": findings,
        "unknown_total": unknown_total(areas),
        "reviews": assessment_reviews(assessment=assessment),
        "in_review": in_review,
        "own_submission": in_review and own,
        "own_answers": wrote,
        "own_answers_message": OWN_ANSWERS_MESSAGE,
        "can_decide": in_review and not own and not wrote,
        "posted": posted or {},
        "error": error,
    }
    return render(request, "assessments/reviews/signoff.html", context, status=status)


def _findings(assessment: Assessment, rows: list[AnswerRow]) -> SignoffFindings:
    """The claims judged on the day of submission, as the report judges them, and in a survey the
    respondents' disagreements (as the report lists them)."""
    judged_on = timezone.localdate(assessment.submitted_at)
    claims = assessment_unsupported_claims(assessment=assessment, rows=rows, on=judged_on)
    survey = assessment.mode == Assessment.Mode.SURVEY
    return signoff_findings(rows, claims, submitted_responses(assessment_id=assessment.pk) if survey else {})


@login_required
@require_POST
def organization_review_setting(request: HttpRequest, organization_id: int) -> HttpResponse:
    """The owners' switch: every assessment started in the organisation from now on goes to review."""
    organization = managed_organization_or_404(user=request.user, organization_id=organization_id)
    required = request.POST.get("review_required") == "on"
    organization_update(organization=organization, review_required=required)
    if required:
        messages.success(request, "Assessments started from now on go to review before their result is final.")
    else:
        messages.success(request, "Assessments started from now on are final when submitted, without review.")
    return redirect("organization_detail", organization_id=organization.pk)
