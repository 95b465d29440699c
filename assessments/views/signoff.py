"""Review and sign-off pages: the reviewer's page of an assessment in review (accept it, or return it with
what needs work per question), and the organisation's setting that makes its assessments go to review.
(The page before submitting, where the team checks its own answers, is review.py.)"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from assessments.errors import OWN_ANSWERS_MESSAGE, NotInReviewError, OwnSubmissionError, ReviewInvalidError
from assessments.forms import ReviewDecisionForm
from assessments.models import Assessment
from assessments.permissions import can_review
from assessments.selectors.answers import assessment_answer_rows, provisional
from assessments.selectors.reviews import assessment_reviews, wrote_answers
from assessments.services.organizations import organization_update
from assessments.services.reviews import assessment_accept, assessment_return
from assessments.tenancy import assessment_or_404, managed_organization_or_404
from assessments.views.review import review_areas, unknown_total
from core.lookups import require


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
        return redirect("assessment_summary", assessment_id=assessment.pk)
    messages.success(request, f"Returned {assessment.title} to the team with your comments.")
    return redirect("team_detail", team_id=assessment.team_id)


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
    areas = review_areas(assessment, rows, provisional(assessment=assessment, rows=rows))
    context = {
        "assessment": assessment,
        "team": assessment.team,
        "organization": assessment.team.organization,
        "current": "Sign-off",
        "areas": areas,
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
