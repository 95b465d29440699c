"""Survey mode's respondents page: who answers and by when. The facilitator (an owner or assessor) picks members of
the organisation, adds the whole team or someone else by username or address, sets the deadline that the
respondents' mails and homes name, and removes a respondent after a confirmation."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.views.decorators.http import require_http_methods

from assessments.errors import DeadlineInvalidError, RespondentInvalidError, RespondentSubmittedError, SurveyClosedError
from assessments.forms import RespondentsAddForm
from assessments.models import Assessment, Membership, Respondent
from assessments.permissions import can_facilitate
from assessments.selectors.surveys import respondent_candidates, respondent_name, respondents_of, whole_team
from assessments.services.surveys import (
    respondent_remove,
    respondents_add,
    respondents_add_team,
    survey_deadline_set,
)
from assessments.tenancy import assessment_or_404, facilitated_respondent_or_404, require_facilitate
from core.limits import LimitReachedError

WORKSHOP = "This assessment is in workshop mode: the team answers one shared questionnaire, without respondents."
NOBODY = "Tick members, or enter a username or an email address."


@login_required
@require_http_methods(["GET", "POST"])
def survey_respondents(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = assessment_or_404(user=request.user, assessment_id=assessment_id)
    if request.method == "GET":
        return _render(request, assessment)
    require_facilitate(assessment.role)
    candidates = respondent_candidates(assessment=assessment)
    usernames = [member.user.get_username() for member in candidates]
    form = RespondentsAddForm(request.POST, candidates=usernames, organization=assessment.team.organization.name)
    if not form.is_valid():
        return _render(request, assessment, form=form)
    deadline, whole = form.cleaned_data["deadline"], "whole_team" in request.POST
    usernames, emails = form.people()
    if not whole and not usernames and not emails:
        return _deadline_only(request, assessment, form)
    try:
        if whole:
            added = respondents_add_team(assessment=assessment, added_by=request.user, deadline=deadline)
        else:
            added = respondents_add(
                assessment=assessment, added_by=request.user, deadline=deadline, usernames=usernames, emails=emails
            )
    except DeadlineInvalidError as error:
        form.add_error("deadline", str(error))
        return _render(request, assessment, form=form)
    except (SurveyClosedError, RespondentInvalidError, LimitReachedError) as error:
        form.add_error(None, str(error))
        return _render(request, assessment, form=form)
    messages.success(request, added_message(added, request.user, assessment.team.organization.name, deadline))
    return redirect("survey_respondents", assessment_id=assessment.pk)


def _deadline_only(request: HttpRequest, assessment: Assessment, form: RespondentsAddForm) -> HttpResponse:
    """Nobody to add: the form saves the deadline alone, when it changed."""
    deadline = form.cleaned_data["deadline"]
    if deadline == assessment.deadline:
        form.add_error(None, NOBODY)
        return _render(request, assessment, form=form)
    try:
        survey_deadline_set(assessment=assessment, deadline=deadline)
    except DeadlineInvalidError as error:
        form.add_error("deadline", str(error))
        return _render(request, assessment, form=form)
    except SurveyClosedError as error:
        form.add_error(None, str(error))
        return _render(request, assessment, form=form)
    said = f"by {date_format(deadline, 'l j F Y')}" if deadline else "without a deadline"
    messages.success(request, f"Saved the deadline: respondents are asked to answer {said}.")
    return redirect("survey_respondents", assessment_id=assessment.pk)


def added_message(added: list[Respondent], user: AbstractBaseUser, organization: str, deadline: date | None) -> str:
    if not added:
        return "Everyone in the team is a respondent already."
    names = [respondent_name(respondent) for respondent in added]
    said = [
        f"Added {names[0]} as a respondent."
        if len(added) == 1
        else f"Added {len(added)} respondents: {get_text_list(names, 'and')}."
    ]
    by = f" by {date_format(deadline, 'l j F')}" if deadline else ""
    others = [respondent for respondent in added if respondent.user_id != user.pk]
    if others:
        said.append(f"Each is asked by mail to answer{by}.")
    if any(respondent.user_id is None for respondent in added):
        said.append(f"Addresses not in {organization} yet are invited to join it first.")
    if len(others) < len(added):
        said.append(
            "You are a respondent too: give your own answers first; the consensus opens to you once you submit."
        )
    return " ".join(said)


def _render(
    request: HttpRequest, assessment: Assessment, *, form: RespondentsAddForm | None = None, error: str = ""
) -> HttpResponse:
    if assessment.mode != Assessment.Mode.SURVEY:
        context = {**_context(assessment), "notice": error or WORKSHOP}
        return render(request, "assessments/surveys/workshop.html", context, status=409 if error else 200)
    respondents = respondents_of(assessment=assessment)
    submitted = sum(respondent.submitted_at is not None for respondent in respondents)
    facilitator = can_facilitate(assessment.role)
    candidates = respondent_candidates(assessment=assessment) if facilitator and assessment.is_draft else []
    team = whole_team(candidates, added_by=request.user, anyone_submitted=bool(submitted))
    if form is None:
        usernames = [member.user.get_username() for member in candidates]
        organization = assessment.team.organization.name
        form = RespondentsAddForm(
            initial={"deadline": assessment.deadline}, candidates=usernames, organization=organization
        )
    context = {
        **_context(assessment),
        "respondents": [
            (respondent, respondent_name(respondent, show_address=facilitator)) for respondent in respondents
        ],
        "submitted": submitted,
        "mine": next((r for r in respondents if r.user_id == request.user.pk), None),
        "can_facilitate": facilitator,
        "open": assessment.is_draft,
        # respondent_remove: an anonymous survey keeps every respondent once anyone has submitted
        "removable": facilitator and assessment.is_draft and not (assessment.anonymous_responses and submitted),
        "candidates": [(member, _member_name(member), member.user_id == request.user.pk) for member in candidates],
        "whole_team": [_member_name(member) for member in team],
        "days_left": (assessment.deadline - timezone.localdate()).days if assessment.deadline else None,
        "form": form,
        "error": error,
    }
    status = 400 if form.is_bound or error else 200
    return render(request, "assessments/surveys/respondents.html", context, status=status)


def _member_name(membership: Membership) -> str:
    return membership.user.get_full_name() or membership.user.get_username()


def _context(assessment: Assessment) -> dict:
    return {"assessment": assessment, "team": assessment.team, "organization": assessment.team.organization}


@login_required
@require_http_methods(["GET", "POST"])
def survey_respondent_remove(request: HttpRequest, assessment_id: int, respondent_id: int) -> HttpResponse:
    """GET: the confirmation; POST: takes them off the survey, with their answers."""
    assessment, respondent = facilitated_respondent_or_404(
        user=request.user, assessment_id=assessment_id, respondent_id=respondent_id
    )
    name = respondent_name(respondent)
    if request.method == "GET":
        context = {**_context(assessment), "respondent": respondent, "name": name}
        return render(request, "assessments/surveys/respondent_remove.html", context)
    try:
        respondent_remove(respondent=respondent)
    except (SurveyClosedError, RespondentSubmittedError) as error:
        return _render(request, assessment, error=str(error))
    messages.success(request, f"Removed {name} from the survey.")
    return redirect("survey_respondents", assessment_id=assessment.pk)
