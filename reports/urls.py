from django.urls import path

from reports.views import compare, dashboards, home, report, sample

urlpatterns = [
    path("organizations/new/", home.organization_new, name="organization_new"),
    path("assessments/<int:assessment_id>/report/", report.report_page, name="report"),
    path("assessments/<int:assessment_id>/report/status/", report.report_status, name="report_status"),
    path("assessments/<int:assessment_id>/report/retry/", report.report_retry, name="report_retry"),
    path("assessments/<int:assessment_id>/report.html", report.report_standalone, name="report_standalone"),
    path("teams/<int:team_id>/dashboard/", dashboards.team_dashboard, name="team_dashboard"),
    path("teams/<int:team_id>/compare/", compare.assessment_compare, name="assessment_compare"),
    path(
        "organizations/<int:organization_id>/dashboard/",
        dashboards.organization_dashboard,
        name="organization_dashboard",
    ),
    path("portfolio/", dashboards.portfolio, name="portfolio"),
    path("sample-report/", sample.sample_report, name="sample_report"),
    path("dashboards/progress/", dashboards.dashboard_progress, name="dashboard_progress"),
]
