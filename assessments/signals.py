"""What happened in the assessments app, announced so that the apps above it (reports, accounts, activity)
can act without this app importing them. Receivers connect in their AppConfig.ready, call one service and
return nothing. Signals are for events only: the links between apps' pages are the site's navigation
(templates/nav/), and the pages and API bodies that show what several apps hold are composed by the app on
top (reports/views/home.py, reports/api/views.py's AssessmentSubmitApi)."""

from django.dispatch import Signal

# Sent inside the submit transaction, once the assessment is frozen, with `assessment_id`: a receiver's
# writes commit or roll back with the submission, and its later work goes through transaction.on_commit.
assessment_submitted = Signal()

# Sent by the app that started something on a submission (reports: its report), once it is ready for the
# first time (not when it is redone later), after its transaction has committed, with the Assessment as
# sender, `assessment_id`, `name` (what is ready, e.g. "report") and `page_path`; e.g. accounts emails the
# person who submitted.
followup_ready = Signal()

# Sent inside the transaction that changed a team's targets, with `team_id` and `framework_slug`.
targets_changed = Signal()

# Survey mode: sent inside the transaction that adds the respondent, with `assessment_id`, `organization_id`,
# `email` and `invited_by_id`, for an address that no member has verified: accounts invites it to the
# organisation (its mail goes out after commit), and calls assessments.services.surveys.respondents_claim
# when it joins. A receiver that may not invite raises core.limits.LimitReachedError, undoing the addition.
respondent_invited = Signal()

# Survey mode: sent inside the transaction that adds any respondent (a member, or an address after
# respondent_invited), with `respondent_id` and `assessment_id`: accounts asks them by mail for their answers,
# after commit.
respondent_added = Signal()

# Sent inside the transaction in which a reviewer returned an in-review assessment to draft, with the
# Assessment as sender, `assessment_id`, `review_id` (the Review with the comments) and `submitted_by_id`
# (who had submitted it; the assessment no longer says); e.g. reports drops the provisional report, accounts
# emails that person (after commit).
assessment_returned = Signal()

# Sent inside the transaction in which a reviewer accepted an in-review assessment (now submitted), with
# the Assessment as sender, `assessment_id` and `review_id`.
assessment_accepted = Signal()

# The audit trail of writes that send no post_save (activity records them; its receivers write in the same
# transaction, so the entries commit or roll back with the rows).

# Sent inside the transaction that saved rows of one model with bulk_create, one row per question (Answer,
# RespondentAnswer, ReviewComment), with the model as sender, `before` (the rows as they were, read before
# the write, by question id; a question missing from it is a new row), `after` (the rows as saved, primary
# keys set), `actor` (a user, or None for no one), `organization_id`, `assessment_id` and, for answers carried
# over from an earlier assessment when a draft started from it, `carried_from` (that assessment's id).
rows_saved_in_bulk = Signal()

# Sent inside the transaction that saved `instance` with the trail's own recording off, so that the entry
# names no one (an anonymous survey's respondent submitting), with the model as sender, `instance`,
# `changes` (field -> [before, after], as JSON), `organization_id` and `assessment_id`.
saved_anonymously = Signal()
