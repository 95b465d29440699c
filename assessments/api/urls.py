from django.urls import path

from assessments.api import reviews, views

urlpatterns = [
    path("organizations/", views.OrganizationListCreateApi.as_view(), name="api-organization-list"),
    path("organizations/<int:organization_id>/", views.OrganizationDetailApi.as_view(), name="api-organization-detail"),
    path("organizations/<int:organization_id>/members/", views.MemberListCreateApi.as_view(), name="api-member-list"),
    path("teams/", views.TeamListCreateApi.as_view(), name="api-team-list"),
    path("teams/<int:team_id>/", views.TeamDetailApi.as_view(), name="api-team-detail"),
    path("teams/<int:team_id>/targets/", views.TeamTargetsApi.as_view(), name="api-team-targets"),
    path("assessments/", views.AssessmentListCreateApi.as_view(), name="api-assessment-list"),
    path("assessments/<int:assessment_id>/", views.AssessmentDetailApi.as_view(), name="api-assessment-detail"),
    path(
        "assessments/<int:assessment_id>/answers/", views.AssessmentAnswersApi.as_view(), name="api-assessment-answers"
    ),
    path("assessments/<int:assessment_id>/scope/", views.AssessmentScopeApi.as_view(), name="api-assessment-scope"),
    path("assessments/<int:assessment_id>/submit/", views.AssessmentSubmitApi.as_view(), name="api-assessment-submit"),
    path(
        "assessments/<int:assessment_id>/accept/", reviews.AssessmentAcceptApi.as_view(), name="api-assessment-accept"
    ),
    path(
        "assessments/<int:assessment_id>/return/", reviews.AssessmentReturnApi.as_view(), name="api-assessment-return"
    ),
    path(
        "assessments/<int:assessment_id>/reviews/",
        reviews.AssessmentReviewsApi.as_view(),
        name="api-assessment-reviews",
    ),
]
