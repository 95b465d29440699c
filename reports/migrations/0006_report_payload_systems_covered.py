import json

from django.db import migrations


def add_systems_covered(apps, schema_editor):
    """The stored API body of every ready report gets `systems_covered`, blank as every assessment's was before
    they named their systems: the body stays the one the serializer documents without being computed again.
    Written as the API's JSON renderer writes it (compact, unicode, line separators escaped)."""
    Report = apps.get_model("reports", "Report")
    stored = Report.objects.exclude(payload="").only("pk", "payload")
    for report in stored.iterator(chunk_size=500):
        body = json.loads(report.payload)
        if "systems_covered" in body:
            continue
        text = json.dumps(_after_rule(body), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        report.payload = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        report.save(update_fields=["payload"])


def _after_rule(body: dict) -> dict:
    """`systems_covered` right after `scoring_rule`, where reports/builders/payload.py puts it."""
    placed = {}
    for key, value in body.items():
        placed[key] = value
        if key == "scoring_rule":
            placed["systems_covered"] = ""
    return placed


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0005_report_scoring_rule"),
    ]

    operations = [
        migrations.RunPython(add_systems_covered, migrations.RunPython.noop),
    ]
