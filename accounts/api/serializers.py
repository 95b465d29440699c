"""Input and output serializers of the token and invitations API, one small pair per operation."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import ApiToken, Invitation
from accounts.selectors import invitation_expires_at, invitation_status
from assessments.models import Membership, Role
from core.fields import StrictCharField, StrictEmailField, StrictIntegerField


class TokenObtainInputSerializer(serializers.Serializer):
    username = StrictCharField()
    password = StrictCharField(trim_whitespace=False, style={"input_type": "password"})


class TokenObtainOutputSerializer(serializers.Serializer):
    id = StrictIntegerField(help_text="The token's id in `GET /api/auth/tokens/`, to revoke it by.")
    token = StrictCharField(help_text="The secret: send `Authorization: Token <token>`. Shown this once.")
    expiry = serializers.DateTimeField(help_text="When it stops working (API_TOKEN_TTL_DAYS after it was issued).")


class ApiTokenOutputSerializer(serializers.ModelSerializer):
    prefix = StrictCharField(help_text="The first characters of the secret, to tell tokens apart.")

    class Meta:
        model = ApiToken
        fields = ("id", "prefix", "created", "expiry", "last_used")
        extra_kwargs = {"last_used": {"help_text": "When it was last used, to the minute; null if never."}}


class InvitationInputSerializer(serializers.Serializer):
    email = StrictEmailField(max_length=254)
    role = serializers.ChoiceField(choices=Role.choices)


class InvitationOutputSerializer(serializers.ModelSerializer):
    email = serializers.SerializerMethodField(
        help_text="The address invited; null for an account invited by its username, whose address is not shown."
    )
    username = StrictCharField(
        source="user.username", allow_null=True, default=None, help_text="The account invited by its username."
    )
    invited_by = StrictCharField(source="invited_by.username")
    accepted_by = StrictCharField(source="accepted_by.username", allow_null=True, default=None)
    status = serializers.SerializerMethodField(help_text="pending, accepted, replaced (by a newer one) or expired")
    expires_at = serializers.SerializerMethodField()
    email_status = serializers.SerializerMethodField(
        help_text="queued, sent, retrying (the mail server failed; the worker tries again) or failed (not "
        "delivered: invite the address again to send a new one)"
    )

    class Meta:
        model = Invitation
        fields = (
            "id",
            "email",
            "username",
            "role",
            "status",
            "email_status",
            "invited_by",
            "created_at",
            "expires_at",
            "accepted_by",
            "accepted_at",
        )

    @extend_schema_field(StrictEmailField(allow_null=True))
    def get_email(self, invitation: Invitation) -> str | None:
        return None if invitation.user_id else invitation.email

    def get_status(self, invitation: Invitation) -> str:
        return invitation_status(invitation)

    @extend_schema_field(serializers.ChoiceField(choices=["queued", "sent", "retrying", "failed"]))
    def get_email_status(self, invitation: Invitation) -> str:
        return invitation.email_message.delivery if invitation.email_message else "queued"  # not written yet

    @extend_schema_field(serializers.DateTimeField())
    def get_expires_at(self, invitation: Invitation) -> str:
        return serializers.DateTimeField().to_representation(invitation_expires_at(invitation))


class MemberInputSerializer(serializers.Serializer):
    """Either field: an account by its username, or an address (a member's verified one, or one to invite)."""

    username = StrictCharField(max_length=150, required=False)
    email = StrictEmailField(max_length=254, required=False)
    role = serializers.ChoiceField(choices=Role.choices)

    def validate(self, data: dict) -> dict:
        if ("username" in data) == ("email" in data):
            raise serializers.ValidationError({"username": ["Give either a username or an email address."]})
        return data


class MemberOutputSerializer(serializers.ModelSerializer):
    username = StrictCharField(source="user.username")
    email = serializers.SerializerMethodField(
        help_text="The member's verified address, shown to owners only (null for others, or when none is verified)."
    )

    class Meta:
        model = Membership
        fields = ("id", "username", "email", "role", "created_at")

    @extend_schema_field(StrictEmailField(allow_null=True))
    def get_email(self, membership: Membership) -> str | None:
        if not self.context.get("show_email"):
            return None
        return getattr(membership, "verified_email", None)
