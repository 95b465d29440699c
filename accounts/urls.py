from allauth.account import views as allauth_views
from django.contrib.auth import views as auth_views
from django.urls import path, re_path

from accounts import invitation_views, member_views, views

login_view = auth_views.LoginView.as_view(template_name="accounts/login.html", redirect_authenticated_user=True)

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", login_view, name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/preferences/", views.preferences, name="preferences"),
    path("account/tokens/", views.api_tokens, name="api_tokens"),
    path("account/tokens/<int:token_id>/revoke/", views.api_token_revoke_view, name="api_token_revoke"),
    path("account/email/verify/", views.email_verification_send, name="email_verification_send"),
    path("organizations/<int:organization_id>/members/", member_views.member_add_view, name="member_add"),
    path(
        "organizations/<int:organization_id>/invitations/",
        invitation_views.invitation_list,
        name="invitation_list",
    ),
    path("invitations/<str:token>/", invitation_views.invitation_accept_view, name="invitation_accept"),
    # django-allauth: password reset and email verification. Only these of its views are mounted: sign-up
    # and login stay ours, so django-axes guards the one login form.
    path("account/password/reset/", allauth_views.password_reset, name="account_reset_password"),
    path("account/password/reset/done/", allauth_views.password_reset_done, name="account_reset_password_done"),
    re_path(
        r"^account/password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        allauth_views.password_reset_from_key,
        name="account_reset_password_from_key",
    ),
    path(
        "account/password/reset/key/done/",
        allauth_views.password_reset_from_key_done,
        name="account_reset_password_from_key_done",
    ),
    re_path(r"^account/confirm-email/(?P<key>[-:\w]+)/$", allauth_views.confirm_email, name="account_confirm_email"),
    # The names allauth redirects to, for the pages that are ours.
    path("login/", login_view, name="account_login"),
    path("account/preferences/", views.preferences, name="account_email"),
]
