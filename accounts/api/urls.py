from django.urls import path

from accounts.api.views import InvitationListCreateApi, MemberListCreateApi, TokenObtainApi

urlpatterns = [
    path("auth/token/", TokenObtainApi.as_view(), name="api-token"),
    path("organizations/<int:organization_id>/members/", MemberListCreateApi.as_view(), name="api-member-list"),
    path(
        "organizations/<int:organization_id>/invitations/",
        InvitationListCreateApi.as_view(),
        name="api-invitation-list",
    ),
]
