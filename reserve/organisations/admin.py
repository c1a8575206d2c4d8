from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from reserve.core.lifecycle import TransitionRefused

from . import services
from .models import Membership, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parts", "city", "verification", "created_at"]
    list_filter = ["verification", "kind", "created_at"]
    search_fields = ["name", "siret", "city"]
    # Verification moves only through its lifecycle (services.transition): audited, members told.
    readonly_fields = ["verification", "verification_note", "verified_at"]
    inlines = [MembershipInline]
    actions = ["verify"]

    @admin.action(description=_("Vérifier les organisations choisies"))
    def verify(self, request, queryset):
        done = 0
        for organisation in queryset:
            try:
                services.transition(request.user, organisation, "verify")
            except TransitionRefused as refusal:
                self.message_user(request, f"{organisation} : {refusal.message}", messages.WARNING)
            else:
                done += 1
        self.message_user(
            request, _("Organisations vérifiées : %(count)s.") % {"count": done}, messages.SUCCESS
        )


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role", "organisation__kind"]
    search_fields = ["user__email", "user__last_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
