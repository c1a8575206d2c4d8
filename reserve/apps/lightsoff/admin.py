from django.contrib import admin

from . import services
from .models import (
    AbuseReport,
    ContactAttempt,
    Derogation,
    EcoWattDay,
    LocalRule,
    Report,
    Shop,
    ShopkeeperAnswer,
    TenseDayAlert,
)


@admin.register(Shop)
class ShopAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "city", "status", "report_count", "in_queue", "hidden"]
    list_filter = ["status", "category", "in_queue", "hidden", "do_not_contact"]
    search_fields = ["name", "address", "city", "osm_id"]
    readonly_fields = ["token", "claimed_by", "claim_expires_at", "created_at", "updated_at"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["shop", "element", "seen_at", "verdict", "action", "moderation", "created_at"]
    list_filter = ["verdict", "element", "moderation", "action"]
    raw_id_fields = ["shop"]
    readonly_fields = ["token"]


@admin.register(ContactAttempt)
class ContactAttemptAdmin(admin.ModelAdmin):
    list_display = ["shop", "volunteer", "outcome", "created_at"]
    raw_id_fields = ["shop", "volunteer"]


@admin.register(ShopkeeperAnswer)
class ShopkeeperAnswerAdmin(admin.ModelAdmin):
    list_display = ["shop", "answer", "reason", "created_at"]
    raw_id_fields = ["shop"]


@admin.register(AbuseReport)
class AbuseReportAdmin(admin.ModelAdmin):
    list_display = ["shop", "reason", "resolved", "created_at"]
    raw_id_fields = ["shop", "report"]


class RuleDataAdmin(admin.ModelAdmin):
    """Saving a rule makes the verdicts use it at once."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.forget_rule_data()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.forget_rule_data()


@admin.register(LocalRule)
class LocalRuleAdmin(RuleDataAdmin):
    list_display = ["commune", "element", "off_from", "on_until", "valid_from", "valid_until"]


@admin.register(Derogation)
class DerogationAdmin(RuleDataAdmin):
    list_display = ["commune", "reason", "valid_from", "valid_until"]


@admin.register(TenseDayAlert)
class TenseDayAlertAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at"]
    raw_id_fields = ["user"]


@admin.register(EcoWattDay)
class EcoWattDayAdmin(admin.ModelAdmin):
    list_display = ["day", "value", "source", "message"]
