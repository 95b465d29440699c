"""The activity pages: an assessment's (every member of its organisation) and an organisation's log
(owners), each filterable, paginated and downloadable as CSV."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from activity.exports import assessment_activity_csv_response, organization_activity_csv_response
from activity.forms import ActivityFilterForm
from activity.selectors import (
    activity_lines,
    actor_names,
    assessment_activity,
    organization_activity,
)
from assessments.models import Organization
from assessments.permissions import can_facilitate, can_manage
from assessments.tenancy import organization_or_404, shared_answers_assessment_or_404
from core.lookups import require

PAGE_SIZE = 25


@login_required
@require_GET
def assessment_activity_page(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = shared_answers_assessment_or_404(user=request.user, assessment_id=assessment_id)
    organization = assessment.team.organization
    form = _form(request, organization)
    entries = assessment_activity(assessment_id=assessment.pk, filters=form.filters())
    context = {
        "assessment": assessment,
        "team": assessment.team,
        "organization": organization,
        "csv_path": reverse("assessment_activity_csv", args=[assessment.pk]),
    }
    return _render(request, form, entries, context, show_addresses=can_facilitate(assessment.role))


@login_required
@require_GET
def assessment_activity_csv(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = shared_answers_assessment_or_404(user=request.user, assessment_id=assessment_id)
    form = _form(request, assessment.team.organization)
    entries = assessment_activity(assessment_id=assessment.pk, filters=form.filters())
    return assessment_activity_csv_response(assessment, entries)


@login_required
@require_GET
def organization_activity_page(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = logged_organization_or_404(user=request.user, organization_id=organization_id)
    form = _form(request, organization)
    entries = organization_activity(organization_id=organization.pk, filters=form.filters())
    context = {
        "organization": organization,
        "csv_path": reverse("organization_activity_csv", args=[organization.pk]),
    }
    return _render(request, form, entries, context, show_addresses=can_facilitate(organization.role))


@login_required
@require_GET
def organization_activity_csv(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = logged_organization_or_404(user=request.user, organization_id=organization_id)
    form = _form(request, organization)
    entries = organization_activity(organization_id=organization.pk, filters=form.filters())
    return organization_activity_csv_response(organization, entries)


def logged_organization_or_404(*, user: AbstractBaseUser, organization_id: int) -> Organization:
    """The organisation whose activity log the user reads, for the pages and the API: 404 outside the user's
    organisations, 403 unless they own it."""
    organization = organization_or_404(user=user, organization_id=organization_id)
    require(can_manage(organization.role), "Only owners read the organisation's activity log.")
    return organization


def _form(request: HttpRequest, organization: Organization) -> ActivityFilterForm:
    actors = actor_names(organization_id=organization.pk)
    return ActivityFilterForm(request.GET or None, actors=actors)


def _render(
    request: HttpRequest, form: ActivityFilterForm, entries: QuerySet, context: dict, *, show_addresses: bool
) -> HttpResponse:
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context |= {
        "form": form,
        "page": page,
        "lines": activity_lines(page.object_list, show_addresses=show_addresses),
        "query": query.urlencode(),
        "filtered": any(value for key, value in request.GET.items() if key != "page"),
    }
    return render(request, "activity/activity.html", context)
