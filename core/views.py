from django.contrib.auth import get_user_model
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and compose: the process is up, reaches its database and finds its tables (one
    query through the ORM; a database that is down is a 500, which the balancer reads as unhealthy)."""
    get_user_model().objects.only("pk").exists()
    return JsonResponse({"status": "ok"})


@csrf_exempt  # it changes nothing, whatever the method: a token client has no CSRF cookie and gets the 404 too
def api_not_found(request: HttpRequest) -> JsonResponse:
    """Any path under /api/ that names no operation (an id that is not a number, a typo): the API's own 404,
    in JSON as every other answer of the API, not a page (Django's, in HTML, even more so with DEBUG)."""
    return JsonResponse({"detail": "Not found."}, status=404)
