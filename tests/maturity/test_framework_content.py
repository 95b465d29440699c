import dataclasses

import pytest
from django.db import models

from maturity.models import Framework, Question
from maturity.selectors import framework_content


def test_it_holds_values_not_model_instances(mlops_framework):
    """Read once and shared by every request and thread: nothing in it may be a model instance."""
    content = framework_content(framework=mlops_framework)

    items = [*content.levels, *content.areas, *content.questions, *content.scopes]
    assert items
    assert not [item for item in items if isinstance(item, models.Model)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        content.questions[0].statement = "changed"


def test_it_is_the_framework_in_file_order(mlops_framework):
    content = framework_content(framework=mlops_framework)
    first = Question.objects.filter(framework=mlops_framework).select_related("area").order_by("position").first()

    assert (content.questions[0].pk, content.questions[0].key) == (first.pk, first.key)
    assert (content.questions[0].area.key, content.questions[0].area_id) == (first.area.key, first.area_id)
    assert content.question_ids[first.key] == first.pk


def test_a_version_loaded_again_is_read_again(mlops_framework):
    before = framework_content(framework=mlops_framework)
    mlops_framework.loaded_at = mlops_framework.loaded_at.replace(year=mlops_framework.loaded_at.year + 1)
    Framework.objects.filter(pk=mlops_framework.pk).update(loaded_at=mlops_framework.loaded_at)

    assert framework_content(framework=mlops_framework) is not before
