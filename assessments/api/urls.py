from django.urls import path

from assessments.api.views import answers, assessments, evidence, organizations, reviews, surveys, teams
from assessments.services.evidence import upload_body_limit
from core.middleware import allows_body_up_to

urlpatterns = [
    path("organizations/", organizations.OrganizationListCreateApi.as_view(), name="api-organization-list"),
    path(
        "organizations/<int:organization_id>/",
        organizations.OrganizationDetailApi.as_view(),
        name="api-organization-detail",
    ),
    path("teams/", teams.TeamListCreateApi.as_view(), name="api-team-list"),
    path("teams/<int:team_id>/", teams.TeamDetailApi.as_view(), name="api-team-detail"),
    path("teams/<int:team_id>/targets/", teams.TeamTargetsApi.as_view(), name="api-team-targets"),
    path("assessments/", assessments.AssessmentListCreateApi.as_view(), name="api-assessment-list"),
    path("assessments/<int:assessment_id>/", assessments.AssessmentDetailApi.as_view(), name="api-assessment-detail"),
    path(
        "assessments/<int:assessment_id>/answers/",
        answers.AssessmentAnswersApi.as_view(),
        name="api-assessment-answers",
    ),
    path(
        "assessments/<int:assessment_id>/scope/", assessments.AssessmentScopeApi.as_view(), name="api-assessment-scope"
    ),
    # Survey mode (assessments/api/views/surveys.py)
    path(
        "assessments/<int:assessment_id>/respondents/",
        surveys.RespondentListCreateApi.as_view(),
        name="api-assessment-respondents",
    ),
    path(
        "assessments/<int:assessment_id>/respondents/team/",
        surveys.RespondentTeamApi.as_view(),
        name="api-assessment-respondents-team",
    ),
    path("assessments/<int:assessment_id>/survey/", surveys.SurveyApi.as_view(), name="api-assessment-survey"),
    path(
        "assessments/<int:assessment_id>/respondents/<int:respondent_id>/",
        surveys.RespondentDetailApi.as_view(),
        name="api-assessment-respondent",
    ),
    path("assessments/<int:assessment_id>/my-answers/", surveys.MyAnswersApi.as_view(), name="api-my-answers"),
    path(
        "assessments/<int:assessment_id>/my-answers/submit/",
        surveys.MyAnswersSubmitApi.as_view(),
        name="api-my-answers-submit",
    ),
    path("assessments/<int:assessment_id>/consensus/", surveys.ConsensusApi.as_view(), name="api-consensus"),
    path(
        "assessments/<int:assessment_id>/consensus/medians/",
        surveys.ConsensusMediansApi.as_view(),
        name="api-consensus-medians",
    ),
    # Evidence (assessments/api/views/evidence.py)
    path(
        "assessments/<int:assessment_id>/evidence/",
        allows_body_up_to(upload_body_limit)(evidence.EvidenceListCreateApi.as_view()),
        name="api-assessment-evidence",
    ),
    path(
        "assessments/<int:assessment_id>/settings/",
        evidence.AssessmentSettingsApi.as_view(),
        name="api-assessment-settings",
    ),
    path("evidence/<int:evidence_id>/", evidence.EvidenceDetailApi.as_view(), name="api-evidence-detail"),
    path("evidence/<int:evidence_id>/download/", evidence.EvidenceDownloadApi.as_view(), name="api-evidence-download"),
    # Review and sign-off (assessments/api/views/reviews.py)
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
