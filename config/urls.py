from django.contrib import admin
from django.urls import include, path

from core.views import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("api/", include("config.api_urls")),
    path("", include("accounts.urls")),
    path("", include("maturity.urls")),
    path("", include("assessments.urls")),
    path("", include("reports.urls")),
]
