from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import audit, mail
from .models import AuditEntry, Notification, OutboxMessage, ScheduledJob


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "author", "action", "target_type", "target_repr"]
    list_filter = ["action", "target_type", "created_at"]
    search_fields = ["action", "target_repr", "target_id", "actor__email"]
    date_hierarchy = "created_at"
    list_select_related = ["actor"]

    @admin.display(description=_("auteur"), ordering="actor")
    def author(self, entry):
        return audit.author_label(entry)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "subject", "recipients", "status", "attempts", "sent_at"]
    list_filter = ["status", "created_at"]
    search_fields = ["subject", "recipients"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]
    actions = ["retry"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Renvoyer les messages sélectionnés"))
    def retry(self, request, queryset):
        count = mail.retry(queryset)
        self.message_user(
            request,
            ngettext("%(n)d message remis en file.", "%(n)d messages remis en file.", count)
            % {"n": count},
            messages.SUCCESS,
        )


@admin.register(ScheduledJob)
class ScheduledJobAdmin(admin.ModelAdmin):
    list_display = ["name", "last_enqueued_at"]
    search_fields = ["name"]
    readonly_fields = ["name", "last_enqueued_at"]

    def has_add_permission(self, request):
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "kind", "text", "read_at"]
    list_filter = ["kind", "created_at", "read_at"]
    search_fields = ["user__email", "text"]
    date_hierarchy = "created_at"
    list_select_related = ["user"]
    raw_id_fields = ["user"]
