from django.urls import path

from accounts.api.views import (
    ApiTokenListApi,
    ApiTokenRevokeApi,
    InvitationListCreateApi,
    MemberListCreateApi,
    TokenObtainApi,
)

urlpatterns = [
    path("auth/token/", TokenObtainApi.as_view(), name="api-token"),
    path("auth/tokens/", ApiTokenListApi.as_view(), name="api-token-list"),
    path("auth/tokens/<int:token_id>/", ApiTokenRevokeApi.as_view(), name="api-token-revoke"),
    path("organizations/<int:organization_id>/members/", MemberListCreateApi.as_view(), name="api-member-list"),
    path(
        "organizations/<int:organization_id>/invitations/",
        InvitationListCreateApi.as_view(),
        name="api-invitation-list",
    ),
]
