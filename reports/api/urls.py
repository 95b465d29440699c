from django.urls import path

from reports.api import views

urlpatterns = [
    path("assessments/<int:assessment_id>/submit/", views.AssessmentSubmitApi.as_view(), name="api-assessment-submit"),
    path("assessments/<int:assessment_id>/report/", views.AssessmentReportApi.as_view(), name="api-report"),
    path(
        "assessments/<int:assessment_id>/export.csv", views.AssessmentExportCsvApi.as_view(), name="api-assessment-csv"
    ),
    path("teams/<int:team_id>/history/", views.TeamHistoryApi.as_view(), name="api-team-history"),
    path("teams/<int:team_id>/history.csv", views.TeamHistoryCsvApi.as_view(), name="api-team-history-csv"),
    path(
        "organizations/<int:organization_id>/dashboard/",
        views.OrganizationDashboardApi.as_view(),
        name="api-organization-dashboard",
    ),
]
