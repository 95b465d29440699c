from django.db import migrations, models


class Migration(migrations.Migration):
    """Archiving of organisations and teams, and the assessment's number within its team (nullable until
    0006 has numbered the existing ones)."""

    dependencies = [
        ("assessments", "0004_assessment_carried_from"),
    ]

    operations = [
        migrations.AddField(
            model_name="organization",
            name="archived_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="team",
            name="archived_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="assessment",
            name="number",
            field=models.PositiveIntegerField(null=True),
        ),
    ]
