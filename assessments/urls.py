from django.urls import path

from assessments.views import (
    answers,
    archive,
    discard,
    organizations,
    questionnaire,
    review,
    signoff,
    summary,
    teams,
)

urlpatterns = [
    path("", organizations.home, name="home"),
    path("organizations/new/", organizations.organization_new, name="organization_new"),
    path("organizations/<int:organization_id>/", organizations.organization_detail, name="organization_detail"),
    path("organizations/<int:organization_id>/members/", organizations.member_add, name="member_add"),
    path("organizations/<int:organization_id>/teams/", organizations.team_new, name="team_new"),
    path("organizations/<int:organization_id>/rename/", archive.organization_rename, name="organization_rename"),
    path("organizations/<int:organization_id>/archive/", archive.organization_archive, name="organization_archive"),
    path("organizations/<int:organization_id>/restore/", archive.organization_restore, name="organization_restore"),
    path("teams/<int:team_id>/", teams.team_detail, name="team_detail"),
    path("teams/<int:team_id>/assessments/", teams.assessment_new, name="assessment_new"),
    path("teams/<int:team_id>/targets/", teams.targets_save, name="targets_save"),
    path("teams/<int:team_id>/rename/", archive.team_rename, name="team_rename"),
    path("teams/<int:team_id>/archive/", archive.team_archive, name="team_archive"),
    path("teams/<int:team_id>/restore/", archive.team_restore, name="team_restore"),
    path("assessments/<int:assessment_id>/", questionnaire.assessment_detail, name="assessment_detail"),
    path(
        "assessments/<int:assessment_id>/areas/<slug:area_key>/",
        questionnaire.assessment_area,
        name="assessment_area",
    ),
    path(
        "assessments/<int:assessment_id>/answers/<str:question_key>/",
        answers.answer_save,
        name="answer_save",
    ),
    path("assessments/<int:assessment_id>/summary/", summary.assessment_summary, name="assessment_summary"),
    path("assessments/<int:assessment_id>/scope/", summary.assessment_scope_save, name="assessment_scope"),
    path("assessments/<int:assessment_id>/review/", review.assessment_review, name="assessment_review"),
    path("assessments/<int:assessment_id>/submit/", review.assessment_submit_view, name="assessment_submit"),
    path("assessments/<int:assessment_id>/signoff/", signoff.assessment_signoff, name="assessment_signoff"),
    path(
        "organizations/<int:organization_id>/review-setting/",
        signoff.organization_review_setting,
        name="organization_review_setting",
    ),
    path("assessments/<int:assessment_id>/discard/", discard.assessment_discard_view, name="assessment_discard"),
]
