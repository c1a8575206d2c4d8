"""The admin shows LightsOff's data; what matters changes only through the services.

Statuses, verdicts and counters are read-only here (they move through the shop lifecycle and
the services); rule data and EcoWatt days are saved by the services, which record who did it
and forget the caches they affect.
"""

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
    VolunteerRevocation,
)


@admin.register(Shop)
class ShopAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "city", "status", "report_count", "in_queue", "hidden"]
    list_filter = ["status", "category", "in_queue", "hidden", "do_not_contact"]
    search_fields = ["name", "address", "city", "osm_id"]
    readonly_fields = [
        "status",
        "token",
        "report_count",
        "last_verdict",
        "last_reported_at",
        "kwh_per_year",
        "eur_per_year",
        "kg_co2_per_year",
        "in_queue",
        "claimed_by",
        "claim_expires_at",
        "last_contacted_at",
        "answered_at",
        "created_at",
        "updated_at",
    ]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["shop", "element", "seen_at", "verdict", "action", "moderation", "created_at"]
    list_filter = ["verdict", "element", "moderation", "action"]
    raw_id_fields = ["shop"]
    # What the reporter saw and the verdict decided then; moderation has its own page.
    readonly_fields = [
        f.name
        for f in Report._meta.concrete_fields
        if f.name not in ("id", "shop", "comment", "email_consent")
    ]


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
    """Saving a rule goes through the service: audited, and the verdicts use it at once."""

    def save_model(self, request, obj, form, change):
        services.save_rule_data(request.user, obj, created=not change)

    def delete_model(self, request, obj):
        services.delete_rule_data(request.user, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            services.delete_rule_data(request.user, obj)


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
    readonly_fields = ["source"]

    def save_model(self, request, obj, form, change):
        if change and "day" in form.changed_data:
            services.delete_ecowatt(request.user, EcoWattDay.objects.get(pk=obj.pk))
        obj.pk = services.set_ecowatt(request.user, obj.day, obj.value, obj.message).pk

    def delete_model(self, request, obj):
        services.delete_ecowatt(request.user, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            services.delete_ecowatt(request.user, obj)


@admin.register(VolunteerRevocation)
class VolunteerRevocationAdmin(admin.ModelAdmin):
    """Withdrawing (or giving back) access to the contact queue goes through the service."""

    list_display = ["user", "reason", "revoked_by", "created_at"]
    raw_id_fields = ["user"]
    fields = ["user", "reason"]

    def save_model(self, request, obj, form, change):
        revocation = services.revoke_volunteer(request.user, obj.user, obj.reason)
        obj.pk = revocation.pk

    def delete_model(self, request, obj):
        services.restore_volunteer(request.user, obj.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            services.restore_volunteer(request.user, obj.user)
