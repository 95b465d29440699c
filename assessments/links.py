"""The links other apps add to the pages of organisations, teams and assessments (assessments.signals)."""

from django.db.models import Model

from assessments.signals import Link, links_requested


def links_for(instance: Model) -> list[Link]:
    responses = links_requested.send(sender=type(instance), instance=instance)
    return [link for _, links in responses for link in links or []]
