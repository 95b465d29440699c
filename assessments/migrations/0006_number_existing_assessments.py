from django.db import migrations
from django.db.models import F, Window
from django.db.models.functions import RowNumber


def number_assessments(apps, schema_editor):
    """Each team's assessments 1, 2, ... in the order they were started."""
    Assessment = apps.get_model("assessments", "Assessment")
    numbered = Assessment.objects.annotate(
        position=Window(RowNumber(), partition_by=[F("team_id")], order_by=[F("created_at").asc(), F("id").asc()])
    ).values_list("id", "position")
    for assessment_id, position in list(numbered):  # read before writing: SQLite cannot update under a cursor
        Assessment.objects.filter(pk=assessment_id).update(number=position)


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0005_archived_and_number"),
    ]

    operations = [
        migrations.RunPython(number_assessments, migrations.RunPython.noop),
    ]
