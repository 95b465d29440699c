from django.db import migrations, models


class Migration(migrations.Migration):
    """Targets belong to a framework (every version of it). Every target set so far was set against the
    MLOps maturity model, the only framework there was."""

    dependencies = [
        ("assessments", "0001_initial"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="targetlevel",
            name="assessments_team_id_5e06eb_idx",
        ),
        migrations.AddField(
            model_name="targetlevel",
            name="framework_slug",
            field=models.SlugField(db_index=False, default="mlops"),
            preserve_default=False,
        ),
        migrations.AlterModelOptions(
            name="targetlevel",
            options={"ordering": ("team", "framework_slug", "area_key", "-set_at")},
        ),
        migrations.AddIndex(
            model_name="targetlevel",
            index=models.Index(fields=["team", "framework_slug", "area_key", "-set_at"], name="target_team_framework_area"),
        ),
    ]
