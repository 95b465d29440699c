from django.urls import path

from activity import views

urlpatterns = [
    path("assessments/<int:assessment_id>/activity/", views.assessment_activity_page, name="assessment_activity"),
    path("assessments/<int:assessment_id>/activity.csv", views.assessment_activity_csv, name="assessment_activity_csv"),
    path(
        "organizations/<int:organization_id>/activity/",
        views.organization_activity_page,
        name="organization_activity",
    ),
    path(
        "organizations/<int:organization_id>/activity.csv",
        views.organization_activity_csv,
        name="organization_activity_csv",
    ),
]
