from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "reserve.accounts"
    verbose_name = _("Comptes")
    personal_data_models = ["account.EmailAddress", "admin.LogEntry"]

    @property
    def periodic_tasks(self):
        from .tasks import expire_accounts

        return [(expire_accounts, timedelta(days=1))]

    def ready(self):
        from allauth.account.signals import user_logged_in

        from . import checks  # noqa: F401  (registers the personal-data check)
        from .expiry import cancel_reminder

        user_logged_in.connect(
            lambda sender, request, user, **kwargs: cancel_reminder(user),
            dispatch_uid="accounts.cancel_reminder",
            weak=False,
        )

    def public_counters(self):
        from reserve.core.stats import Counter

        from .models import User

        reservists = User.objects.filter(is_reservist=True, is_active=True).count()
        return [Counter("reservists", _("réservistes"), reservists, _("réserviste"))]

    def personal_data(self, user) -> dict:
        return {
            "account": {
                "email": user.email,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "phone": user.phone,
                "is_reservist": user.is_reservist,
                "receive_optional_emails": user.receive_optional_emails,
                "date_joined": user.date_joined.isoformat(),
                "last_login": user.last_login.isoformat() if user.last_login else None,
            },
            "email_addresses": [
                {"email": a.email, "verified": a.verified, "primary": a.primary}
                for a in user.emailaddress_set.all()
            ],
        }

    def forget_personal_data(self, user) -> None:
        """The admin's history names the person in its lines about their account."""
        from django.contrib.admin.models import LogEntry

        from reserve.core.privacy import identity_of, redact_rows

        redact_rows(LogEntry.objects.all(), identity_of(user), ["object_repr", "change_message"])
