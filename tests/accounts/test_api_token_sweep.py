"""Beat's hourly sweep deletes the API tokens that can no longer authenticate, which nobody presents."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from accounts.models import ApiToken
from accounts.services import api_token_create
from accounts.tasks import DELETE_UNUSABLE_API_TOKENS, delete_unusable_api_tokens
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_it_deletes_expired_tokens_and_those_of_an_earlier_password_only():
    ada, bob = UserFactory(username="ada"), UserFactory(username="bob")
    kept, _ = api_token_create(user=ada)
    expired, _ = api_token_create(user=ada)
    ApiToken.objects.filter(pk=expired.pk).update(expiry=timezone.now() - timedelta(seconds=1))
    api_token_create(user=bob)
    bob.set_password("a-brand-new-passphrase")
    bob.save()

    deleted = delete_unusable_api_tokens()

    assert deleted == 2
    assert list(ApiToken.objects.values_list("pk", flat=True)) == [kept.pk]


def test_beat_runs_it_every_hour():
    schedule = settings.CELERY_BEAT_SCHEDULE["delete-unusable-api-tokens"]

    assert (schedule["task"], schedule["schedule"]) == (DELETE_UNUSABLE_API_TOKENS, 3600)
    assert delete_unusable_api_tokens.name == DELETE_UNUSABLE_API_TOKENS
