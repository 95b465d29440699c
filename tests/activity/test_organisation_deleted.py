"""An organisation deleted (from the admin) takes its members and teams with it; its audit trail stays, and
the deletion itself is recorded, without a database error."""

import pytest

from activity.models import ActivityEntry
from assessments.models import Organization

pytestmark = pytest.mark.django_db(transaction=True)


def test_deleting_an_organisation_keeps_its_trail(cast):
    organization_id = cast.organization.pk
    before = ActivityEntry.objects.filter(organization_id=organization_id).count()

    Organization.objects.get(pk=organization_id).delete()

    assert not Organization.objects.filter(pk=organization_id).exists()
    assert ActivityEntry.objects.filter(organization_id=organization_id).count() > before
