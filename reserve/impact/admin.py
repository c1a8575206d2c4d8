from django.contrib import admin

from .models import TimeStatement


@admin.register(TimeStatement)
class TimeStatementAdmin(admin.ModelAdmin):
    """Read-only: a statement is evidence as issued; it is issued from the employer's page."""

    list_display = [
        "employee_name",
        "employer",
        "beneficiary",
        "period_start",
        "period_end",
        "hours",
    ]
    list_filter = ["employer"]
    search_fields = ["employee_name", "digest", "token"]
    readonly_fields = [field.name for field in TimeStatement._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
