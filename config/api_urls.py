from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from core.views import api_not_found

urlpatterns = [
    path("", include("accounts.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's start-up script as a file of its own: no inline script (CSP).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("maturity.api.urls")),
    path("", include("assessments.api.urls")),
    path("", include("reports.api.urls")),
    path("", include("activity.api.urls")),
    re_path(r"", api_not_found),  # last: whatever matched nothing above
]
