from django.contrib import admin
from django.urls import include, path

from core.views import healthz
from reports.views.home import home

admin.site.site_header = admin.site.site_title = "MLOps maturity administration"
admin.site.index_title = "Organisations, assessments and reports"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    # The site's front page, which every app's pages link to: composed by reports, the app on top.
    path("", home, name="home"),
    path("api/", include("config.api_urls")),
    path("", include("accounts.urls")),
    path("", include("maturity.urls")),
    path("", include("assessments.urls")),
    path("", include("reports.urls")),
    path("", include("activity.urls")),
]
