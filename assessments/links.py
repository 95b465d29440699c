"""The links other apps add to the pages of organisations, teams and assessments, and the sections they add
to the home page (assessments.signals)."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Model

from assessments.signals import HomeSection, Link, home_sections_requested, links_requested


def links_for(instance: Model) -> list[Link]:
    responses = links_requested.send(sender=type(instance), instance=instance)
    return [link for _, links in responses for link in links or []]


def home_sections_for(user: AbstractBaseUser) -> list[HomeSection]:
    responses = home_sections_requested.send(sender=AbstractBaseUser, user=user)
    return [section for _, section in responses if section is not None]
