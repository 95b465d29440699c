"""The stored files of evidence whose rows go with their assessment (a discarded draft): deleted from storage
once that deletion has committed, so that no file outlives its row and none goes before it."""

from django.db import transaction

from assessments.models import Evidence


def evidence_files_delete_on_commit(*, assessment_id: int) -> None:
    """Call inside the transaction that deletes the assessment (its evidence rows go by cascade)."""
    names = list(Evidence.objects.filter(assessment_id=assessment_id).exclude(file="").values_list("file", flat=True))
    if names:
        storage = Evidence._meta.get_field("file").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in names])
