import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models import Max

from assessments.models import Assessment, Membership, Organization, Role, Team

PASSWORD = "a-long-enough-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save(update_fields=["password"])


def verified(user):
    """The user, with their address verified (allauth's EmailAddress): only a verified address is identity."""
    EmailAddress.objects.update_or_create(
        user=user, email=user.email.lower(), defaults={"verified": True, "primary": True}
    )
    return user


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organisation {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Role.MEMBER


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class AssessmentFactory(factory.django.DjangoModelFactory):
    """Needs a framework: pass `framework=mlops_framework`. Unlike services.assessment_start, it does not
    refuse a second draft of a team: tests use it to set up a team's history around the cast's draft."""

    class Meta:
        model = Assessment

    team = factory.SubFactory(TeamFactory)
    number = factory.LazyAttribute(
        lambda assessment: (
            (Assessment.objects.filter(team=assessment.team).aggregate(last=Max("number"))["last"] or 0) + 1
        )
    )
    created_by = factory.SubFactory(UserFactory)
