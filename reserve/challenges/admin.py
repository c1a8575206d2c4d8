from django.contrib import admin

from reserve.core.caching import invalidate

from .models import (
    Application,
    Attachment,
    Challenge,
    Message,
    QualificationScore,
    Referent,
    RoleSlot,
    TimelineEvent,
)


class RefreshesPublicPages:
    """Edits in the admin change what the catalogue shows: forget the cached pages."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        invalidate("challenges")

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        invalidate("challenges")


class ReferentInline(admin.TabularInline):
    model = Referent
    extra = 0
    raw_id_fields = ["user"]


class RoleSlotInline(admin.TabularInline):
    model = RoleSlot
    extra = 0


@admin.register(Challenge)
class ChallengeAdmin(RefreshesPublicPages, admin.ModelAdmin):
    list_display = ["title", "organisation", "status", "status_changed_at", "qualification_due"]
    list_filter = ["status", "territory_level", "urgency", "decision", "created_at"]
    search_fields = ["title", "slug", "summary", "organisation__name", "territory_name"]
    raw_id_fields = ["created_by"]
    autocomplete_fields = ["organisation"]
    readonly_fields = ["status", "status_changed_at", "submitted_at", "decided_at"]
    inlines = [ReferentInline, RoleSlotInline]


@admin.register(Referent)
class ReferentAdmin(admin.ModelAdmin):
    list_display = ["name", "service", "email", "challenge", "invited_at", "accepted_at"]
    list_filter = ["invited_at", "accepted_at"]
    search_fields = ["name", "service", "email", "challenge__title"]
    raw_id_fields = ["challenge", "user"]


@admin.register(TimelineEvent)
class TimelineEventAdmin(admin.ModelAdmin):
    list_display = ["challenge", "text", "actor", "created_at"]
    list_filter = ["to_status", "created_at"]
    search_fields = ["challenge__title", "text", "note"]
    raw_id_fields = ["challenge", "actor"]


@admin.register(QualificationScore)
class QualificationScoreAdmin(admin.ModelAdmin):
    list_display = ["challenge", "criterion", "score", "author", "updated_at"]
    list_filter = ["criterion", "score"]
    search_fields = ["challenge__title", "author__email", "comment"]
    raw_id_fields = ["challenge", "author"]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["challenge", "author", "created_at"]
    list_filter = ["created_at"]
    search_fields = ["challenge__title", "author__email", "body"]
    raw_id_fields = ["challenge", "author"]
    inlines = [AttachmentInline]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["name", "size", "message"]
    list_filter = ["message__created_at"]
    search_fields = ["name", "message__challenge__title"]
    raw_id_fields = ["message"]


@admin.register(RoleSlot)
class RoleSlotAdmin(RefreshesPublicPages, admin.ModelAdmin):
    list_display = ["challenge", "skill", "level", "count", "hours_per_week", "location"]
    list_filter = ["level", "location", "skill"]
    search_fields = ["challenge__title", "skill", "description"]
    raw_id_fields = ["challenge"]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["user", "slot", "status", "created_at"]
    list_filter = ["status", "created_at"]
    # A status moves only through the teams' services (seats, notifications, audit).
    readonly_fields = ["status", "decided_at", "created_at"]
    search_fields = ["user__email", "slot__challenge__title", "slot__skill"]
    raw_id_fields = ["slot", "user"]
