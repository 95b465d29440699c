from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0006_number_existing_assessments"),
    ]

    operations = [
        migrations.AlterField(
            model_name="assessment",
            name="number",
            field=models.PositiveIntegerField(),
        ),
        migrations.AddConstraint(
            model_name="assessment",
            constraint=models.UniqueConstraint(fields=("team", "number"), name="assessment_team_number_unique"),
        ),
    ]
