from django.contrib import admin

from .models import AvailabilityPeriod, Profile, ProfileSkill, SavedSearch


class ProfileSkillInline(admin.TabularInline):
    model = ProfileSkill
    extra = 0


class AvailabilityPeriodInline(admin.TabularInline):
    model = AvailabilityPeriod
    extra = 0


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = [
        "user",
        "departement",
        "hours_per_week",
        "engagement",
        "employer",
        "last_activity",
    ]
    list_filter = [
        "engagement",
        "work_mode",
        "visibility",
        "agreement",
        "consent_data_use",
        "departement",
    ]
    search_fields = ["user__email", "user__first_name", "user__last_name", "city", "search_text"]
    list_select_related = ["user", "employer"]
    raw_id_fields = ["user", "employer"]
    inlines = [ProfileSkillInline, AvailabilityPeriodInline]
    date_hierarchy = "created_at"


@admin.register(ProfileSkill)
class ProfileSkillAdmin(admin.ModelAdmin):
    list_display = ["profile", "skill", "level"]
    list_filter = ["skill", "level"]
    search_fields = ["profile__user__email", "skill"]
    raw_id_fields = ["profile"]
    list_select_related = ["profile__user"]


@admin.register(AvailabilityPeriod)
class AvailabilityPeriodAdmin(admin.ModelAdmin):
    list_display = ["profile", "kind", "start", "end"]
    list_filter = ["kind", "start"]
    search_fields = ["profile__user__email"]
    raw_id_fields = ["profile"]
    list_select_related = ["profile__user"]


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "created_at"]
    list_filter = ["created_at"]
    search_fields = ["name", "owner__email", "query"]
    raw_id_fields = ["owner"]
