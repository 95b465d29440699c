from django.contrib.auth import get_user_model
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and compose: the process is up, reaches its database and finds its tables (one
    query through the ORM; a database that is down is a 500, which the balancer reads as unhealthy)."""
    get_user_model().objects.only("pk").exists()
    return JsonResponse({"status": "ok"})
