"""What the reports app announces, for apps beside it (accounts' report-ready email) to act on without
this app importing them. Receivers connect in their AppConfig.ready and call one service."""

from django.dispatch import Signal

# Sent by the worker once a report is ready for the first time (not when it is computed again later),
# after its transaction has committed, with `assessment_id` and `report_path` (the report's page).
report_ready = Signal()
