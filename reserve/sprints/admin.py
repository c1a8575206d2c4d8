"""The sprints' rows in the admin, to read: every write goes through the services (audit,
timeline, notifications, the board's cache), so the admin changes none of them."""

from django.contrib import admin

from .models import (
    CheckIn,
    Deliverable,
    DeliveryDecision,
    Handover,
    HoursEntry,
    Indicator,
    Measurement,
    SprintPlan,
)


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SprintPlan)
class SprintPlanAdmin(ReadOnly):
    list_display = ["challenge", "goal", "lead", "validated_at", "demo_day"]
    list_select_related = ["challenge", "lead"]
    search_fields = ["challenge__title", "goal"]


@admin.register(CheckIn)
class CheckInAdmin(ReadOnly):
    list_display = ["challenge", "week", "author", "confidence", "created_at"]
    list_filter = ["confidence", "week"]
    list_select_related = ["challenge", "author"]
    search_fields = ["challenge__title"]


@admin.register(HoursEntry)
class HoursEntryAdmin(ReadOnly):
    list_display = ["member", "challenge", "week", "hours", "flagged", "validated_at"]
    list_filter = ["flagged", "week"]
    list_select_related = ["member", "challenge"]
    search_fields = ["member__email", "challenge__title"]


@admin.register(Deliverable)
class DeliverableAdmin(ReadOnly):
    list_display = ["name", "challenge", "kind", "due_date", "mandatory", "delivered_at"]
    list_filter = ["kind", "mandatory"]
    list_select_related = ["challenge"]


@admin.register(Indicator)
class IndicatorAdmin(ReadOnly):
    list_display = ["name", "challenge", "unit", "baseline", "target", "plugin_key"]
    list_select_related = ["challenge"]


@admin.register(Measurement)
class MeasurementAdmin(ReadOnly):
    list_display = ["indicator", "date", "value", "source"]
    list_select_related = ["indicator"]


@admin.register(DeliveryDecision)
class DeliveryDecisionAdmin(ReadOnly):
    list_display = ["challenge", "verdict", "decided_by", "decided_at"]
    list_select_related = ["challenge", "decided_by"]


@admin.register(Handover)
class HandoverAdmin(ReadOnly):
    list_display = ["challenge", "owner", "licence", "impact_assessment", "updated_at"]
    list_select_related = ["challenge"]
