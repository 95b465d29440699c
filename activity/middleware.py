"""Who made each change the audit trail records, for pages and the API alike."""

from auditlog.middleware import AuditlogMiddleware
from django.utils.functional import SimpleLazyObject


class ActivityMiddleware(AuditlogMiddleware):
    """auditlog's middleware reads request.user as the request comes in, before DRF's views authenticate a
    token: every change made through the API with a token would have no actor. Here the actor is read when
    the first entry of the request is written, inside the view, by which time DRF's Request.user setter has
    put the token's user on the underlying HttpRequest too (rest_framework.request.Request.user). A session
    user is read the same way, so a request that changes nothing does not load its user for this."""

    def get_extra_data(self, request) -> dict:
        return {
            "remote_addr": self._get_remote_addr(request),
            "remote_port": self._get_remote_port(request),
            "actor": SimpleLazyObject(lambda: self._get_actor(request)),
        }
