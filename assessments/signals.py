"""What the assessments app announces, so that the apps above it (reports) can act and add their links
without this app importing them. Receivers connect in their AppConfig.ready and call one service."""

from dataclasses import dataclass

from django.dispatch import Signal


@dataclass(frozen=True)
class Followup:
    """Something a submission started elsewhere, and where to follow it: in the API and on a page."""

    name: str  # the key of the submit response that carries it, e.g. "report"
    status: str
    api_path: str
    page_path: str


@dataclass(frozen=True)
class Link:
    """A link another app adds to a page of a team or an assessment."""

    label: str
    path: str
    description: str = ""  # read by screen readers after the label, where the label alone is ambiguous


@dataclass(frozen=True)
class HomeSection:
    """A section another app adds to the signed-in home page: the template to include and its context."""

    template: str
    context: dict


# Sent inside the submit transaction, once the assessment is frozen, with `assessment_id`: a receiver's
# writes commit or roll back with the submission, and its later work goes through transaction.on_commit.
# A receiver returns a Followup (or None).
assessment_submitted = Signal()

# Sent by the app that started a Followup, once it is ready for the first time (not when it is redone
# later), after its transaction has committed, with the Assessment as sender, `assessment_id`, `name` (the
# Followup's, e.g. "report") and `page_path`; e.g. accounts emails the person who submitted.
followup_ready = Signal()

# Sent inside the transaction that changed a team's targets, with `team_id` and `framework_slug`.
targets_changed = Signal()

# Sent by the pages of an organisation, a team and an assessment, with the model as sender and the object
# as `instance`; a receiver (connected for one sender) returns a list of Link. Paths only: no queries.
links_requested = Signal()

# Sent by the home page with `user`; a receiver returns a HomeSection (or None). Unlike links, a section may
# query, a fixed number of times whatever the number of teams.
home_sections_requested = Signal()

# Survey mode: sent inside the transaction that adds the respondent, with `assessment_id`, `organization_id`,
# `email` and `invited_by_id`, for an address that no member has verified: accounts invites it to the
# organisation (its mail goes out after commit), and calls assessments.services.surveys.respondents_claim
# when it joins. A receiver that may not invite raises core.limits.LimitReachedError, undoing the addition.
respondent_invited = Signal()

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
# keys set), `actor` (a user, or None for no one), `organization_id` and `assessment_id`.
rows_saved_in_bulk = Signal()

# Sent inside the transaction that saved `instance` with the trail's own recording off, so that the entry
# names no one (an anonymous survey's respondent submitting), with the model as sender, `instance`,
# `changes` (field -> [before, after], as JSON), `organization_id` and `assessment_id`.
saved_anonymously = Signal()
