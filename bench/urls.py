"""The app's URLs plus two baselines that touch no database: a plain Django JSON view and a plain
DRF view, measured in the same process setup as the real endpoints."""

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


urlpatterns = [
    path("bench/bare-django/", bare_django),
    path("bench/bare-drf/", BareDrf.as_view()),
    *app_urlpatterns,
]
