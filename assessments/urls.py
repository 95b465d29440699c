from django.urls import path

from assessments.views import (
    answers,
    archive,
    discard,
    evidence,
    my_answers,
    organizations,
    questionnaire,
    respondents,
    review,
    signoff,
    summary,
    surveys,
    teams,
)

urlpatterns = [
    path("organizations/<int:organization_id>/", organizations.organization_detail, name="organization_detail"),
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
    path("assessments/<int:assessment_id>/systems/", summary.assessment_systems_save, name="assessment_systems"),
    path("assessments/<int:assessment_id>/review/", review.assessment_review, name="assessment_review"),
    path("assessments/<int:assessment_id>/submit/", review.assessment_submit_view, name="assessment_submit"),
    path("assessments/<int:assessment_id>/signoff/", signoff.assessment_signoff, name="assessment_signoff"),
    path(
        "organizations/<int:organization_id>/review-setting/",
        signoff.organization_review_setting,
        name="organization_review_setting",
    ),
    path("assessments/<int:assessment_id>/discard/", discard.assessment_discard_view, name="assessment_discard"),
    # Survey mode (assessments/views/respondents.py and surveys.py)
    path("assessments/<int:assessment_id>/respondents/", respondents.survey_respondents, name="survey_respondents"),
    path(
        "assessments/<int:assessment_id>/respondents/<int:respondent_id>/remove/",
        respondents.survey_respondent_remove,
        name="survey_respondent_remove",
    ),
    # A respondent's own answers (assessments/views/my_answers.py)
    path("assessments/<int:assessment_id>/my-answers/", my_answers.survey_my_answers, name="survey_my_answers"),
    path("assessments/<int:assessment_id>/my-answers/submit/", my_answers.survey_my_submit, name="survey_my_submit"),
    path(
        "assessments/<int:assessment_id>/my-answers/answers/<str:question_key>/",
        my_answers.survey_my_answer_save,
        name="survey_my_answer_save",
    ),
    path(
        "assessments/<int:assessment_id>/my-answers/<slug:area_key>/",
        my_answers.survey_my_area,
        name="survey_my_area",
    ),
    path("assessments/<int:assessment_id>/consensus/", surveys.survey_consensus, name="survey_consensus"),
    path("assessments/<int:assessment_id>/consensus/medians/", surveys.survey_medians, name="survey_medians"),
    # Evidence (assessments/views/evidence.py)
    path(
        "assessments/<int:assessment_id>/evidence/<str:question_key>/",
        evidence.evidence_add,
        name="evidence_add",
    ),
    path(
        "assessments/<int:assessment_id>/evidence-required/",
        evidence.evidence_required_save,
        name="evidence_required_save",
    ),
    path("evidence/<int:evidence_id>/remove/", evidence.evidence_remove_view, name="evidence_remove"),
    path("evidence/<int:evidence_id>/download/", evidence.evidence_download, name="evidence_download"),
]
