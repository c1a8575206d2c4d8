from django.contrib import admin

from .models import Invitation, Proposal, TeamLink


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["pk", "created_at", "created_by"]
    list_filter = ["created_at"]
    search_fields = ["created_by__email"]
    list_select_related = ["created_by"]
    readonly_fields = ["created_by", "created_at", "instance", "result"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["user", "slot", "status", "created_at", "deadline", "replied_at"]
    list_filter = ["status", "created_at", "deadline"]
    search_fields = ["user__email", "user__last_name", "slot__challenge__title"]
    list_select_related = ["user", "slot__challenge"]
    raw_id_fields = ["user", "slot", "proposal", "invited_by"]
    # A status moves only through the invitation's lifecycle (seats, notifications, audit).
    readonly_fields = ["status", "replied_at", "reminded_at", "replacement_handled"]


@admin.register(TeamLink)
class TeamLinkAdmin(admin.ModelAdmin):
    list_display = ["label", "url", "challenge", "added_by", "created_at"]
    list_filter = ["created_at"]
    search_fields = ["label", "url", "challenge__title"]
    list_select_related = ["challenge", "added_by"]
    raw_id_fields = ["challenge", "added_by"]
