"""Admin for support staff. Targets are history and submitted assessments are immutable, so both are read-only."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from assessments.models import Answer, Assessment, Membership, Organization, TargetLevel, Team
from core.admin import ReadOnlyAdmin


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ("user",)
    fields = ("user", "role", "created_at")
    readonly_fields = ("created_at",)


class TeamInline(admin.TabularInline):
    model = Team
    extra = 0
    fields = ("name", "created_at")
    readonly_fields = ("created_at",)
    show_change_link = True


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "created_at")
    search_fields = ("name",)
    inlines = (MembershipInline, TeamInline)


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "organization", "created_at")
    list_select_related = ("organization",)
    search_fields = ("name", "organization__name")
    raw_id_fields = ("organization",)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organization", "role", "created_at")
    list_filter = ("role",)
    list_select_related = ("user", "organization")
    search_fields = ("user__username", "user__email", "organization__name")
    raw_id_fields = ("user", "organization")


@admin.register(TargetLevel)
class TargetLevelAdmin(ReadOnlyAdmin):
    list_display = ("team", "area_key", "level", "set_by", "set_at")
    list_filter = ("area_key", "level")
    list_select_related = ("team__organization", "set_by")
    search_fields = ("team__name", "team__organization__name")


def _is_submitted(obj: Assessment | None) -> bool:
    return obj is not None and not obj.is_draft


class AnswerInline(admin.TabularInline):
    """Answers are created by the questionnaire (it records who and when); here they can only be corrected
    while the assessment is a draft."""

    model = Answer
    extra = 0
    fields = ("question", "value", "not_applicable", "unknown", "comment", "answered_by", "updated_at")
    readonly_fields = ("question", "answered_by", "updated_at")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Answer]:
        return super().get_queryset(request).select_related("question", "answered_by").order_by("question__position")

    def has_add_permission(self, request: HttpRequest, obj: Assessment | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Assessment | None = None) -> bool:
        return not _is_submitted(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Assessment | None = None) -> bool:
        return not _is_submitted(obj) and super().has_delete_permission(request, obj)


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ("id", "team", "organization", "framework", "kind", "status", "created_at", "submitted_at")
    list_filter = ("status", "kind")
    list_select_related = ("team__organization", "framework")
    search_fields = ("team__name", "team__organization__name")
    raw_id_fields = ("team", "created_by")
    readonly_fields = ("status", "submitted_by", "submitted_at", "created_at", "carried_from")
    inlines = (AnswerInline,)

    @admin.display(ordering="team__organization__name")
    def organization(self, obj: Assessment) -> Organization:
        return obj.team.organization

    def get_readonly_fields(self, request: HttpRequest, obj: Assessment | None = None) -> tuple[str, ...]:
        """A started assessment keeps its team and framework version: its answers refer to them."""
        readonly = tuple(super().get_readonly_fields(request, obj))
        return (*readonly, "team", "framework") if obj else readonly

    def has_change_permission(self, request: HttpRequest, obj: Assessment | None = None) -> bool:
        return not _is_submitted(obj) and super().has_change_permission(request, obj)
