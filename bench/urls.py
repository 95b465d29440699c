"""The app's URLs plus the baselines, measured in the same process setup as the real endpoints: a plain
Django JSON view and a plain DRF view that touch no database, and two ceilings, the same views behind the
app's own authentication (an API token, a session) and nothing else."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, JsonResponse
from django.urls import path
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.urls import urlpatterns as app_urlpatterns


def bare_django(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


class BareDrf(APIView):
    authentication_classes = ()
    permission_classes = (AllowAny,)

    def get(self, request: Request) -> Response:
        return Response({"status": "ok"})


class TokenOnlyDrf(APIView):
    """The default authentication and permission of every API view, and nothing else."""

    def get(self, request: Request) -> Response:
        return Response({"status": "ok"})


urlpatterns = [
    path("bench/bare-django/", bare_django),
    path("bench/bare-drf/", BareDrf.as_view()),
    path("bench/session-only-django/", login_required(bare_django)),
    path("bench/token-only-drf/", TokenOnlyDrf.as_view()),
    *app_urlpatterns,
]
