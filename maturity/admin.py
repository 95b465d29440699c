"""Read-only admin: framework content changes only through versioned files, so history stays honest."""

from django.contrib import admin

from core.admin import ReadOnlyAdmin
from maturity.models import Area, Framework, Level, Question, Source


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class LevelInline(ReadOnlyInline):
    model = Level
    fields = ("number", "name", "description")


class AreaInline(ReadOnlyInline):
    model = Area
    fields = ("position", "key", "name", "weight")


@admin.register(Framework)
class FrameworkAdmin(ReadOnlyAdmin):
    list_display = ("slug", "version", "name", "loaded_at")
    list_filter = ("slug",)
    inlines = (LevelInline, AreaInline)


@admin.register(Question)
class QuestionAdmin(ReadOnlyAdmin):
    list_display = ("key", "framework", "area", "level", "weight")
    list_filter = ("framework", "level", "area__key")
    search_fields = ("key", "statement")
    list_select_related = ("framework", "area")


@admin.register(Source)
class SourceAdmin(ReadOnlyAdmin):
    list_display = ("key", "publication", "level", "section")
    list_filter = ("publication",)
    search_fields = ("key", "description")
    list_select_related = ("publication",)
