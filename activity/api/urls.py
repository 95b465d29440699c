from django.urls import path

from activity.api import views

urlpatterns = [
    path(
        "assessments/<int:assessment_id>/activity/",
        views.AssessmentActivityApi.as_view(),
        name="api-assessment-activity",
    ),
    path(
        "assessments/<int:assessment_id>/activity.csv",
        views.AssessmentActivityCsvApi.as_view(),
        name="api-assessment-activity-csv",
    ),
    path(
        "organizations/<int:organization_id>/activity/",
        views.OrganizationActivityApi.as_view(),
        name="api-organization-activity",
    ),
    path(
        "organizations/<int:organization_id>/activity.csv",
        views.OrganizationActivityCsvApi.as_view(),
        name="api-organization-activity-csv",
    ),
]
