"""Invitation mail is written by the worker after the invitation commits, so an invitation without a mail
waits for the worker; and its limits count invitations, not mails (accounts.selectors.invitation_limit_problem)."""

from django.db import migrations, models


def mark_earlier_invitations_mailed(apps, schema_editor) -> None:
    """Invitations from before 0003 were mailed by the request that made them: they get a mail row that says
    so, else they would read as waiting for the worker."""
    Invitation = apps.get_model("accounts", "Invitation")
    OutgoingEmail = apps.get_model("accounts", "OutgoingEmail")
    for invitation in Invitation.objects.filter(email_message=None):
        invitation.email_message = OutgoingEmail.objects.create(
            kind="invitation", to=invitation.email, subject="", text="", sent_at=invitation.created_at
        )
        invitation.save(update_fields=["email_message"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_invitation_user"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="outgoingemail",
            name="outgoing_email_kind_created",
        ),
        migrations.RemoveField(
            model_name="outgoingemail",
            name="organization",
        ),
        migrations.RemoveField(
            model_name="outgoingemail",
            name="sent_by",
        ),
        migrations.AlterField(
            model_name="invitation",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, db_index=True),
        ),
        # Last: PostgreSQL alters no table that has rows written in the same transaction, awaiting their checks.
        migrations.RunPython(mark_earlier_invitations_mailed, migrations.RunPython.noop),
    ]
