from django.contrib import admin
from django.urls import include, path

from core.views import healthz

admin.site.site_header = admin.site.site_title = "MLOps maturity administration"
admin.site.index_title = "Organisations, assessments and reports"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("api/", include("config.api_urls")),
    path("", include("accounts.urls")),
    path("", include("maturity.urls")),
    path("", include("assessments.urls")),
    path("", include("reports.urls")),
    path("", include("activity.urls")),
]
