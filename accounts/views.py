"""Sign up: a new user and their first organisation, which they own; the page of a locked-out login."""

from django.conf import settings
from django.contrib.auth import login
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accounts.forms import SignupForm
from assessments.services import organization_create


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            organization = organization_create(name=form.cleaned_data["organization_name"], owner=user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("organization_detail", organization_id=organization.pk)
    return render(request, "accounts/signup.html", {"form": form})


def locked_out(
    request: HttpRequest, response: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """What django-axes answers to a login after too many failures (settings.AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
